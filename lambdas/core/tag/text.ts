// Text primitives shared by every tagging step: folding names for comparison, dropping page
// furniture, and scanning words with their offsets, capitals and the punctuation between them.

/** Folds a name the way the evaluation compares names: case, accents, "&", possessive, "the". */
export function foldName(name: string): string {
  return foldWord(name)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Lower case, accents and apostrophes removed: the key of one word. */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]s\b/g, '')
    .replace(/[’'`]/g, '');
}

export interface BoilerplateRules {
  lines: string[];
  /** Removed wherever they occur in a line. */
  segments: string[];
  tail: string[];
}

export interface BoilerplateFilter {
  (text: string): string;
}

/**
 * Builds the filter that removes page furniture: whole lines that match a known remnant, and a
 * trailing block (comment form, share bar) opened by a tail marker in the story's second half.
 */
export function createBoilerplateFilter(rules: BoilerplateRules): BoilerplateFilter {
  const furniture = new RegExp(`^(?:${rules.lines.join('|')})$`, 'i');
  const tail = new RegExp(`^(?:${rules.tail.join('|')})$`, 'i');
  const segment = new RegExp(rules.segments.join('|'), 'i');
  return (text) => {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    const kept: string[] = [];
    const half = text.length / 2;
    let at = 0;
    for (const line of lines) {
      const raw = line.replace(segment, '');
      const trimmed = raw.trim().replace(/\s+/g, ' ');
      if (at > half && tail.test(trimmed)) break;
      at += line.length + 1;
      if (trimmed && (furniture.test(trimmed) || isFurniture(trimmed))) continue;
      kept.push(raw);
    }
    return kept.join('\n');
  };
}

// Structural cues that need no list: format strings left by templates, and lines that are
// nothing but a URL or an e-mail address.
function isFurniture(line: string): boolean {
  return /%[sd]\b/.test(line) || /^(https?:\/\/|www\.)\S+$/i.test(line) || /^\S+@\S+\.\S+$/.test(line);
}

/** What separates a word from the one before it. */
export type Gap =
  | 'space' // spaces within a line
  | 'hyphen' // a hyphen or slash with no spaces: co-operative, Hammersmith-and-Fulham
  | 'comma'
  | 'break'; // sentence or clause end, line break, bracket, quote, colon, dash, bullet

export interface Token {
  /** The word as written (a possessive `’s` removed). */
  text: string;
  /** foldWord(text). */
  fold: string;
  start: number;
  end: number;
  /** Starts with a capital letter, or a digit in a word with capitals (3BM). */
  cap: boolean;
  /** Every letter is a capital (NHS, KPMG); single letters excluded. */
  caps: boolean;
  /** Written with a possessive: Council’s, Lives’. */
  possessive: boolean;
  gap: Gap;
  /** First word of a sentence, a line or a list item, where a capital says nothing. */
  sentenceStart: boolean;
}

const TITLES = new Set(['st', 'dr', 'mr', 'mrs', 'ms', 'prof', 'rev', 'cllr']);

const WORD = /[\p{L}\p{N}]+(?:['’`][\p{L}\p{N}]+)*|&/gu;

/** Splits text into words with the gap before each one. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    const start = m.index;
    const between = text.slice(last, start);
    let possessive = false;
    const poss = /^(.+)['’`]s$/iu.exec(word);
    if (poss?.[1]) {
      word = poss[1];
      possessive = true;
    } else if (/^\p{L}+s$/u.test(word) && /^['’`]/u.test(text.slice(start + word.length))) {
      possessive = true;
    }
    // "St. James’s Place", "Dr. Smith": a title's full stop ends no sentence
    const previous = tokens.at(-1);
    const gap = previous && TITLES.has(previous.fold) && /^\.[ \t\u00a0]+$/.test(between) ? 'space' : gapOf(between);
    const first = word.charAt(0);
    tokens.push({
      text: word,
      fold: word === '&' ? 'and' : foldWord(word),
      start,
      end: start + word.length,
      // a digit starts a name only with capitals in it (3BM), never as a number (2012, 5m)
      cap: /\p{Lu}/u.test(first) || (/\p{N}/u.test(first) && /\p{Lu}/u.test(word)),
      caps: word.length > 1 && /\p{L}/u.test(word) && word === word.toUpperCase(),
      possessive,
      gap,
      sentenceStart: tokens.length === 0 || (gap === 'break' && /[.!?\n•:"“‘(]|^\s*[-*–]\s/u.test(between)),
    });
    last = m.index + m[0].length;
  }
  return tokens;
}

function gapOf(between: string): Gap {
  if (/^[ \t\u00a0]*$/.test(between)) return 'space';
  if (/^[-‐‑/]$/.test(between)) return 'hyphen';
  if (/^[ \t\u00a0]*,[ \t\u00a0]*$/.test(between) || /^['’`][ \t\u00a0]*$/.test(between)) {
    return between.includes(',') ? 'comma' : 'space';
  }
  return 'break';
}

/** Splits words glued by a missing space ("FrancisMaude") when the first part is a given name. */
export function unglueNames(text: string, givenNames: ReadonlySet<string>): string {
  return text.replace(/\b([A-Z][a-z]+)([A-Z][a-z]{2,})\b/g, (whole, first: string, rest: string) =>
    givenNames.has(first.toLowerCase()) ? `${first} ${rest}` : whole,
  );
}
