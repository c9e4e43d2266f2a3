// People named in a story: the knowledge base's people, honorific + name ("Prof Julian Le
// Grand"), a given name + surname ("Ben Gummer"), and capitalised pairs marked as a person by
// what surrounds them ("said Jill Theobald", "by Jill Theobald", "X, chief executive of ...").
// Roles come from appositives and titles before the name; short forms ("Mr Maude") join the
// full name used in the same story.
import type { KnownPerson, PeopleLexicon } from './knowledge.ts';
import type { Doc } from './organisations.ts';
import { createPhraseIndex, type PhraseIndex } from './phrases.ts';
import { overlaps, spanText, type Span } from './sequences.ts';
import { foldName, tokenize, type Token } from './text.ts';
import { words as STOPWORDS } from 'natural/lib/natural/util/stopwords.js';

const stopwords = new Set(STOPWORDS);

export interface FoundPerson {
  name: string;
  role?: string;
  known: boolean;
  spans: Span[];
}

export interface PeopleFinder {
  /** Where the knowledge base's people are named: organisation names never overlap them. */
  known(doc: Doc): Span[];
  /**
   * `organisations` are spans no name may touch; `places` block a name that starts inside one
   * (a surname may be a place name: "Ben Lincoln"); `orgNames` are the story's organisations,
   * whose first words are never a person ("John Lewis" of the John Lewis Partnership).
   */
  find(doc: Doc, organisations: Span[], places: Span[], orgNames: string[]): FoundPerson[];
}

interface Candidate {
  span: Span;
  /** The name without honorific. */
  nameSpan: Span;
  known?: KnownPerson;
  /** Honorific + surname only: resolved against the story's full names. */
  surnameOnly?: boolean;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'our', 'their', 'his', 'her']);
const MAX_ROLE_WORDS = 14;

/**
 * `commonWords` are capitalised words that are not names (sentence openers, words of
 * organisation names): a name found only from its context may not contain them.
 */
export function createPeopleFinder(known: KnownPerson[], lexicon: PeopleLexicon, givenNames: ReadonlySet<string>, commonWords: ReadonlySet<string>): PeopleFinder {
  const index: PhraseIndex<KnownPerson> = createPhraseIndex();
  for (const p of known) for (const name of [p.name, ...p.aliases]) index.add(name, p);
  const honorifics = lexicon.honorifics.map((h) => tokenize(h).map((t) => t.fold)).sort((a, b) => b.length - a.length);
  const roleWords = new Set(lexicon.roleWords.flatMap((r) => tokenize(r).map((t) => t.fold)));
  const roleModifiers = new Set(lexicon.roleModifiers);
  const particles = new Set(lexicon.particles);
  const notSurnames = new Set(lexicon.notSurnames);
  const speech = new Set(lexicon.speechVerbs);

  return {
    known: (doc) => index.find(doc.tokens),
    find(doc, organisations, places, orgNames) {
      const { text, tokens } = doc;
      const orgFolds = orgNames.map((n) => `${foldName(n)} `);
      const taken = new Uint8Array(tokens.length);
      for (const s of organisations) taken.fill(1, s.from, s.to);
      const candidates: Candidate[] = [];
      const take = (c: Candidate) => {
        candidates.push(c);
        taken.fill(1, c.span.from, c.span.to);
      };

      for (const m of index.find(tokens, (m) => !touches(taken, m))) take({ span: m, nameSpan: m, known: m.value });

      for (let i = 0; i < tokens.length; i++) {
        if (taken[i]) continue;
        const h = honorificAt(tokens, i);
        const start = i + h;
        const nameSpan = nameAt(tokens, start, h > 0);
        if (!nameSpan || touches(taken, nameSpan)) continue;
        if (places.some((p) => p.from <= nameSpan.from && p.to > nameSpan.from) && h === 0) continue;
        const folded = foldName(spanText(text, tokens, nameSpan));
        if (orgFolds.some((o) => o.startsWith(`${folded} `))) continue;
        const words = nameSpan.to - nameSpan.from;
        const first = tokens[nameSpan.from]!;
        // "Elizabeth Finn Care": a person's name does not run on into another capitalised word
        // (titles after a name are written in capitals: "Jane Smith MP")
        const next = tokens[nameSpan.to];
        const runsOn = next !== undefined && next.gap === 'space' && next.cap && !next.caps && !roleWords.has(next.fold);
        const byGivenName = words >= 2 && givenNames.has(first.fold) && !first.caps && !runsOn;
        // a name read from its context alone holds no place: "said Healthwatch Suffolk"
        const cued = words >= 2 && words <= 3 && plainWords(tokens, nameSpan) && !places.some((p) => overlaps(p, nameSpan)) && cuedAsPerson(text, tokens, nameSpan);
        if (h > 0 || byGivenName || cued) {
          take({ span: { from: i, to: nameSpan.to }, nameSpan, surnameOnly: h > 0 && (words === 1 || particles.has(first.fold)) });
          i = nameSpan.to - 1;
        }
      }

      return merge(text, tokens, candidates);
    },
  };

  // a name found only by its context is made of name-like words: no stop words, no common
  // words of organisation names, no compass points ("In Knowsley", "East Cleveland")
  function plainWords(tokens: Token[], span: Span): boolean {
    for (let i = span.from; i < span.to; i++) {
      const t = tokens[i]!;
      if (!particles.has(t.fold) && (stopwords.has(t.fold) || commonWords.has(t.fold))) return false;
    }
    return true;
  }

  function honorificAt(tokens: Token[], i: number): number {
    for (const h of honorifics) {
      if (h.every((w, k) => tokens[i + k]?.fold === w && tokens[i + k]!.cap) && tokens[i + h.length]?.cap && tokens[i + h.length]!.gap === 'space') {
        return h.length;
      }
    }
    return 0;
  }

  // a given name or initial, then surname words (particles allowed inside), at most four words
  function nameAt(tokens: Token[], from: number, afterHonorific: boolean): Span | undefined {
    const first = tokens[from];
    // "Manager Christine Bailey said": a job title opening a sentence is not part of the name
    if (!first?.cap || first.possessive || first.caps && first.text.length > 1 || /\d/.test(first.text) || notSurnames.has(first.fold) || roleWords.has(first.fold)) return undefined;
    let to = from + 1;
    while (to < tokens.length && to - from < 4) {
      const t = tokens[to]!;
      if (t.gap !== 'space' && t.gap !== 'hyphen') break;
      if (!t.cap && particles.has(t.fold) && tokens[to + 1]?.cap && tokens[to + 1]!.gap === 'space') {
        to += 2;
        continue;
      }
      if (!t.cap || t.caps || /\d/.test(t.text) || roleWords.has(t.fold) || (notSurnames.has(t.fold) && !isMonthSurname(tokens, to))) break;
      to++;
      if (tokens[to - 1]!.possessive) break;
    }
    if (to - from === 1 && !afterHonorific) return undefined;
    return { from, to };
  }

  // "said Jill Theobald", "Jill Theobald said", "by Jill Theobald" (a byline), "Jill Theobald, editor"
  function cuedAsPerson(text: string, tokens: Token[], span: Span): boolean {
    const before = tokens[span.from - 1];
    const after = tokens[span.to];
    const first = tokens[span.from]!;
    if (before && speech.has(before.fold) && first.gap !== 'break') return true;
    if (before?.fold === 'by' && (before.sentenceStart || before.gap === 'break')) return true;
    if (after && speech.has(after.fold) && (after.gap === 'space' || after.gap === 'comma')) return true;
    return roleAfter(text, tokens, span.to) !== undefined;
  }

  // ", chair of the John Lewis Partnership," or "(secretary general of Co-operatives UK)"
  function roleAfter(text: string, tokens: Token[], at: number): Span | undefined {
    const first = tokens[at];
    if (!first || !(first.gap === 'comma' || /^\s*[(–—-]\s*$/.test(text.slice(tokens[at - 1]!.end, first.start)))) return undefined;
    let from = at;
    while (from < tokens.length && DETERMINERS.has(tokens[from]!.fold)) from++;
    // a job title within its first three words: "chair of ...", "the council leader"
    if (!tokens.slice(from, from + 3).some((t) => roleWords.has(t.fold))) return undefined;
    let to = from;
    let hasRole = false;
    while (to < tokens.length && to - from < MAX_ROLE_WORDS) {
      const t = tokens[to]!;
      if (to > from && (t.gap === 'break' || t.gap === 'comma')) break;
      if (speech.has(t.fold)) break;
      hasRole ||= roleWords.has(t.fold);
      to++;
    }
    return hasRole ? { from, to } : undefined;
  }

  // "Health Secretary Andrew Lansley", "Minister for the Cabinet Office Francis Maude"
  function roleBefore(tokens: Token[], at: number): Span | undefined {
    let from = at;
    while (from > 0 && at - from < MAX_ROLE_WORDS) {
      const t = tokens[from - 1]!;
      const joined = tokens[from]!.gap === 'space' || (from === at && tokens[from]!.gap === 'comma');
      if (!joined || t.possessive) break;
      if (!(roleWords.has(t.fold) || roleModifiers.has(t.fold) || t.cap)) break;
      from--;
    }
    // the phrase must hold a role word; leading glue words and sentence openers drop off
    while (from < at && (!tokens[from]!.cap && !roleWords.has(tokens[from]!.fold) && !roleModifiers.has(tokens[from]!.fold) || DETERMINERS.has(tokens[from]!.fold) || ['of', 'for', 'and', 'at'].includes(tokens[from]!.fold))) from++;
    const words = tokens.slice(from, at);
    // "Helen Hayes MP and Rosie Duffield": a title never ends in a joining word
    if (['of', 'for', 'and', 'at', 'the'].includes(words.at(-1)?.fold ?? '')) return undefined;
    return words.some((t) => roleWords.has(t.fold)) ? { from, to: at } : undefined;
  }

  function merge(text: string, tokens: Token[], candidates: Candidate[]): FoundPerson[] {
    const people = new Map<string, FoundPerson>();
    const full = candidates.filter((c) => !c.surnameOnly);
    // longest names first, so that "Le Grand" after "Julian Le Grand" joins it
    full.sort((a, b) => b.nameSpan.to - b.nameSpan.from - (a.nameSpan.to - a.nameSpan.from));
    for (const c of full) {
      const name = c.known?.name ?? spanText(text, tokens, c.nameSpan);
      const longer = c.known ? undefined : [...people.values()].find((p) => foldName(p.name).endsWith(` ${foldName(name)}`));
      if (longer) {
        longer.spans.push(c.span);
        continue;
      }
      const key = foldName(name);
      const person = people.get(key) ?? { name, known: c.known !== undefined, spans: [] };
      person.spans.push(c.span);
      person.role ??= roleOf(text, tokens, c.span) ?? c.known?.role;
      people.set(key, person);
    }
    for (const c of candidates.filter((c) => c.surnameOnly)) {
      const surname = foldName(spanText(text, tokens, c.nameSpan));
      const match = [...people.values()].find((p) => foldName(p.name).endsWith(` ${surname}`));
      if (match) {
        match.spans.push(c.span);
        match.role ??= roleOf(text, tokens, c.span);
      } else {
        const name = spanText(text, tokens, c.span);
        people.set(foldName(name), { name, known: false, spans: [c.span], role: roleOf(text, tokens, c.span) });
      }
    }
    return [...people.values()].sort((a, b) => a.spans[0]!.from - b.spans[0]!.from);
  }

  function roleOf(text: string, tokens: Token[], span: Span): string | undefined {
    const r = roleAfter(text, tokens, span.to) ?? roleBefore(tokens, span.from);
    return r ? spanText(text, tokens, r) : undefined;
  }
}

// "Councillor Paul May said": a month after a given name is a surname, unless a date is written
// ("by Friday 12 May 2023" never reaches here: the given name must come right before)
const MONTH_SURNAMES = new Set(['may', 'june', 'april', 'august', 'march']);
function isMonthSurname(tokens: Token[], at: number): boolean {
  const next = tokens[at + 1];
  return MONTH_SURNAMES.has(tokens[at]!.fold) && at > 0 && tokens[at - 1]!.cap && !/\d/.test(tokens[at - 1]!.text) && !(next && /^\d/.test(next.text) && next.gap === 'space');
}

function touches(taken: Uint8Array, span: Span): boolean {
  for (let i = span.from; i < span.to; i++) if (taken[i]) return true;
  return false;
}
