// Organisations named in a story: knowledge-base names and aliases first, then names the
// knowledge base lacks, read from the text (capitalised words ending in an organisation word,
// "Department of ...", "NAViGO, a mutual ...", "the social enterprise Leading Lives"), with
// short forms folded into the full name used in the same story. A run of capitalised words is
// cut where one name ends and the next begins ("... Health and Greenwich Leisure Limited", "Rob
// Pomfret of the Cabinet Office"), and joined over the commas and possessives some names hold
// ("Department for Digital, Culture, Media and Sport", "Croydon Head Teachers’ Association").
import type { OrganisationKind, Sector } from '../model.ts';
import type { KnownOrganisation, OrganisationLexicon } from './knowledge.ts';
import { createPhraseIndex, type PhraseIndex } from './phrases.ts';
import { blockedBy, capitalisedRuns, overlaps, spanText, type Span } from './sequences.ts';
import { foldName, tokenize, type Token } from './text.ts';

export interface Doc {
  text: string;
  tokens: Token[];
}

export interface FoundOrganisation {
  name: string;
  kind: OrganisationKind;
  /** In the knowledge base (false: read from the text, a candidate for editors). */
  known: boolean;
  sectors: Sector[];
  spans: Span[];
}

export interface OrganisationFinder {
  /** `places` are the story's place mentions; `people` spans (known people) hold no organisation. */
  find(doc: Doc, places: Span[], people: Span[]): FoundOrganisation[];
  /**
   * Names no other rule explains, used at least twice ("Virgin Money ... Virgin Money"): run
   * last, with every span already taken by an organisation, person or place; returns the
   * organisations found before with these added (or merged, when a short form of one).
   */
  repeated(doc: Doc, taken: Span[], found: FoundOrganisation[]): FoundOrganisation[];
}

interface Pattern {
  words: string[];
  kind: OrganisationKind;
  /** Per word: must the text write it with a capital, as the pattern does? */
  capitals: boolean[];
}

const COORDINATORS = new Set(['and', '&']);
const ARTICLES = new Set(['a', 'an', 'the']);
const PREPOSITIONS = new Set(['of', 'for', 'at', 'in', 'with', 'to', 'from', 'by', 'on']);
const HEAD_LINKS = new Set(['of', 'for']);
const TRUST_HEALTH = new Set(['nhs', 'health', 'healthcare', 'hospital', 'hospitals', 'ambulance', 'mental', 'care', 'community', 'partnership', 'foundation']);
// after a council area, these words show the council itself is meant ("Lambeth council")
const COUNCIL_SERVICES = [['council'], ['children', 'services'], ['childrens', 'services'], ['adult', 'services'], ['social', 'services'], ['adult', 'social', 'care'], ['youth', 'services']];

export function createOrganisationFinder(
  known: KnownOrganisation[],
  lexicon: OrganisationLexicon,
  roleWords: ReadonlySet<string>,
  givenNames: ReadonlySet<string>,
): OrganisationFinder {
  const index: PhraseIndex<KnownOrganisation> = createPhraseIndex();
  for (const org of known) for (const name of [org.name, ...org.aliases]) index.add(name, org);

  const suffixes = patterns(lexicon.suffixes);
  const heads = patterns(lexicon.heads);
  const nouns = Object.entries(lexicon.nouns)
    .map(([noun, kind]) => ({ words: tokenize(noun).map((t) => t.fold), kind, capitals: [] }))
    .sort((a, b) => b.words.length - a.words.length);
  const generic = new Set(lexicon.generic);
  const starters = new Set(lexicon.starters);
  const notNames = new Set(lexicon.notNames);
  const abbreviations = Object.entries(lexicon.abbreviations).map(([short, long]) => [new RegExp(`\\b${short}\\b`, 'g'), long] as const);
  const councils = councilsByArea(known, suffixes, heads);
  const organisationWords = new Set([...suffixes, ...heads].flatMap((p) => p.words));

  const compareKey = (name: string): string => abbreviations.reduce((s, [re, long]) => s.replace(re, long), foldName(name));

  return {
    repeated,
    find(doc, places, people) {
      const { text, tokens } = doc;
      const found = new Map<KnownOrganisation | string, FoundOrganisation>();
      const add = (key: KnownOrganisation | string, org: Omit<FoundOrganisation, 'spans'>, span: Span) => {
        const existing = found.get(key);
        if (existing) existing.spans.push(span);
        else found.set(key, { ...org, spans: [span] });
      };
      const addKnown = (org: KnownOrganisation, span: Span) =>
        add(org, { name: org.name, kind: org.kind, known: true, sectors: org.sectors }, span);

      const knownMatches = index.find(tokens, (m) => !people.some((p) => overlaps(p, m)));
      const boundaries = knownBoundaries(knownMatches);
      const runs = nameRuns(tokens, blockedBy(tokens.length, people));
      for (const m of knownMatches) {
        const run = runs.find((r) => r.from <= m.from && r.to >= m.to);
        // a known name inside a longer name the text makes: "Wessex Valley Community NHS Trust"
        const segment = run && segments(tokens, run, boundaries).find((r) => r.from <= m.from && r.to >= m.to);
        const whole = segment && nameFromRun(tokens, segment);
        if (whole && whole.span.from <= m.from && whole.span.to >= m.to && whole.span.to - whole.span.from > m.to - m.from) {
          const name = spanText(text, tokens, whole.span);
          add(compareKey(name), { name, kind: whole.kind, known: false, sectors: [] }, whole.span);
          continue;
        }
        const longer = longerName(tokens, m, m.value, run);
        if (longer) {
          const name = spanText(text, tokens, longer);
          add(compareKey(name), { name, kind: m.value.kind, known: false, sectors: m.value.sectors }, longer);
        } else addKnown(m.value, m);
      }
      const claimed = () => blockedBy(tokens.length, [...people, ...[...found.values()].flatMap((o) => o.spans)]);

      // names the knowledge base lacks, read from capitalised runs
      const unknown: { name: string; kind: OrganisationKind; span: Span }[] = [];
      for (const run of nameRuns(tokens, claimed())) {
        for (const segment of segments(tokens, run, boundaries)) {
          const candidate = nameFromRun(tokens, segment);
          if (candidate) unknown.push({ ...candidate, name: spanText(text, tokens, candidate.span) });
        }
      }
      for (const u of unknown) {
        const council = u.kind === 'local-authority' ? councils.get(areaKey(u.name, suffixes, heads)) : undefined;
        if (council) addKnown(council, u.span);
        else add(compareKey(u.name), { name: u.name, kind: u.kind, known: false, sectors: [] }, u.span);
      }

      // "NAViGO, a mutual providing ...", "the social enterprise Leading Lives", and the rest of
      // a list that began "organisations such as Age UK, ..."
      let list: { kind: OrganisationKind; end: number } | undefined;
      for (const run of capitalisedRuns(tokens, claimed())) {
        if (places.some((p) => p.from <= run.from && p.to >= run.to)) continue;
        const continues = list && isListGap(text, tokens, list.end, run.from);
        const kind = describedKind(tokens, run) ?? (continues ? list!.kind : undefined);
        list = kind ? { kind, end: run.to } : undefined;
        if (!kind) continue;
        for (const part of splitCoordination(tokens, run)) {
          const first = tokens[part.from]!;
          if (starters.has(first.fold) || generic.has(first.fold) && part.to - part.from === 1) continue;
          if (tokens.slice(part.from, part.to).some((t) => roleWords.has(t.fold)) || namesAThing(tokens, part)) continue;
          const name = spanText(text, tokens, part);
          add(compareKey(name), { name, kind, known: false, sectors: [] }, part);
        }
      }

      // A council area standing for its council: "Hammersmith and Fulham children's services",
      // "three councils, Hammersmith and Fulham, Kensington and Chelsea, and Westminster",
      // "from Lambeth, Southwark and Lewisham councils"
      const named = (p: Span) => [...found.values()].some((o) => o.spans.some((s) => overlaps(s, p)));
      for (const list of placeLists(text, tokens, places)) {
        const last = list.at(-1)!;
        const first = list[0]!;
        const councilsNamed = COUNCIL_NOUNS.has(tokens[last.to]?.fold ?? '') && !tokens[last.to]!.cap && tokens[last.to]!.gap === 'space';
        const introduced = COUNCIL_NOUNS.has(tokens[first.from - 1]?.fold ?? '') && tokens[first.from]!.gap !== 'space';
        for (const p of list) {
          const council = councils.get(foldName(spanText(text, tokens, p)));
          if (!council || named(p)) continue;
          const services = COUNCIL_SERVICES.some((words) => words.every((w, k) => tokens[p.to + k]?.fold === w && !tokens[p.to + k]!.cap));
          if (services || councilsNamed || introduced) addKnown(council, p);
        }
      }

      for (const [key, org] of found) if (typeof key !== 'string') org.name = writtenName(key, org.spans.map((s) => foldName(spanText(text, tokens, s))));
      return mergeShortForms([...found.values()], compareKey);
    },
  };

  // Known by its canonical name, unless the story never writes it but writes another full name
  // of the body ("Department for Digital, Culture, Media and Sport", "Knowsley Metropolitan
  // Borough Council"): then the fullest of those, as a reader of that story knows it.
  function writtenName(org: KnownOrganisation, written: string[]): string {
    if (written.includes(foldName(org.name))) return org.name;
    const full = org.aliases.filter((a) => written.includes(foldName(a)) && /\s/.test(a.trim()) && /\p{Ll}/u.test(a));
    return full.sort((a, b) => b.length - a.length)[0] ?? org.name;
  }

  function repeated(doc: Doc, taken: Span[], found: FoundOrganisation[]): FoundOrganisation[] {
    const { text, tokens } = doc;
    const byKey = new Map<string, FoundOrganisation>();
    for (const run of capitalisedRuns(tokens, blockedBy(tokens.length, taken))) {
      for (const part of splitCoordination(tokens, run)) {
        if (tokens.slice(part.from, part.to).some((t) => roleWords.has(t.fold))) continue;
        let from = part.from;
        while (from < part.to && (ARTICLES.has(tokens[from]!.fold) || (tokens[from]!.sentenceStart && starters.has(tokens[from]!.fold)))) from++;
        const words = tokens.slice(from, part.to);
        if (words.length < 2 || words.every((t) => generic.has(t.fold)) || notNames.has(words.at(-1)!.fold)) continue;
        if (words.some((t) => /\d/.test(t.text)) || namesAThing(tokens, { from, to: part.to })) continue;
        // "Spin-outs" opening two sentences: one capital, which the sentence gave it
        if (words.filter((t) => t.cap).length < 2 && words[0]!.sentenceStart) continue;
        const span = { from, to: part.to };
        const name = spanText(text, tokens, span);
        const key = compareKey(name);
        const seen = byKey.get(key);
        if (seen) seen.spans.push(span);
        else byKey.set(key, { name, kind: 'other', known: false, sectors: [], spans: [span] });
      }
    }
    return mergeShortForms([...found, ...[...byKey.values()].filter((o) => o.spans.length >= 2)], compareKey);
  }

  // "Hirst Prize for Social Enterprise Excellence", "Mutuals Support Programme for Wales": a
  // prize, programme or fund named for something, not an organisation
  function namesAThing(tokens: Token[], span: Span): boolean {
    for (let k = span.from; k < span.to - 1; k++) if (notNames.has(tokens[k]!.fold) && HEAD_LINKS.has(tokens[k + 1]!.fold)) return true;
    return false;
  }

  // A known name inside a longer one is another organisation: "Sodexo Justice Services",
  // "Bates Wells Braithwaite", and for outlets "Streatham Guardian". The longer name is made of
  // capitalised words only, none a job title, and does not end like a programme ("... Fund").
  function longerName(tokens: Token[], m: Span, org: KnownOrganisation, run: Span | undefined): Span | undefined {
    if (!run) return undefined;
    const plain = (t: Token) => t.cap && !roleWords.has(t.fold) && !/^\d/.test(t.text) && t.gap === 'space';
    let to = m.to;
    // a given name after a known name begins a person ("Cabinet Office Jo Bloggs")
    while (to < run.to && !tokens[to - 1]!.possessive && plain(tokens[to]!) && !givenNames.has(tokens[to]!.fold)) to++;
    const added = tokens.slice(m.to, to);
    if (notNames.has(tokens[to - 1]!.fold) || added.every((t) => generic.has(t.fold))) to = m.to;
    let from = m.from;
    if (org.kind === 'media') {
      while (from > run.from && plain(tokens[from]!) && tokens[from - 1]!.cap && !roleWords.has(tokens[from - 1]!.fold) && !starters.has(tokens[from - 1]!.fold)) from--;
    }
    return from < m.from || to > m.to ? { from, to } : undefined;
  }

  // A run may hold more than one name: "Suffolk County Council and Ipswich Borough Council",
  // "Central Surrey Health and Greenwich Leisure Limited" (a known name beside "and"), "the
  // Department of Health and the Cabinet Office"; or a person before the organisation: "Rob
  // Pomfret of the Cabinet Office" (the person is left to the people finder).
  function segments(tokens: Token[], run: Span, known: Boundaries): Span[] {
    const parts: Span[] = [];
    let from = run.from;
    // after "Department for", a word of a name may also end one ("Culture, Media and Sport")
    const headed = (at: number) => {
      const word = ARTICLES.has(tokens[at]!.fold) ? at + 1 : at;
      return heads.some((h) => matchesAt(tokens, word, h) && HEAD_LINKS.has(tokens[word + h.words.length]?.fold ?? ''));
    };
    for (let k = run.from + 1; k < run.to - 1; k++) {
      const t = tokens[k]!;
      if (t.cap) continue;
      const next = tokens[k + 1]!.fold === 'the' ? k + 2 : k + 1;
      if (COORDINATORS.has(t.fold)) {
        const endsName = known.ends.has(k) || (!headed(from) && suffixes.some((s) => matchesAt(tokens, k - s.words.length, s)));
        const startsName = known.starts.has(next) || headed(next);
        if (endsName || startsName) {
          parts.push({ from, to: k });
          from = next;
        }
      } else if (t.fold === 'of' && isPersonName(tokens, from, k)) from = next;
    }
    parts.push({ from, to: run.to });
    return parts.filter((p) => p.to > p.from);
  }

  // a given name and one or two more capitalised words, none of them an organisation word
  function isPersonName(tokens: Token[], from: number, to: number): boolean {
    if (to - from < 2 || to - from > 3) return false;
    const words = tokens.slice(from, to);
    return givenNames.has(words[0]!.fold) && words.every((t) => t.cap && !t.caps && !roleWords.has(t.fold) && !organisationWords.has(t.fold));
  }

  // Capitalised runs that may be names, with the possessives and commas some names hold
  function nameRuns(tokens: Token[], blocked: Uint8Array): Span[] {
    return mergeCommaLists(tokens, joinPossessives(tokens, capitalisedRuns(tokens, blocked)));
  }

  // "Croydon Head Teachers’ Association", "Rochdale Tenants’ Union": a possessive inside a name,
  // before the word that makes it one
  function joinPossessives(tokens: Token[], runs: Span[]): Span[] {
    const out: Span[] = [];
    for (const run of runs) {
      const previous = out.at(-1);
      const joins =
        previous && previous.to === run.from && tokens[previous.to - 1]!.possessive && tokens[run.from]!.gap === 'space' &&
        suffixes.some((s) => s.words.length === run.to - run.from && s.kind !== 'local-authority' && matchesAt(tokens, run.from, s));
      if (joins) previous.to = run.to;
      else out.push({ ...run });
    }
    return out;
  }

  // "Department for Digital, Culture, Media and Sport", "Northern, Eastern and Western Devon
  // Clinical Commissioning Group": a list inside a name, its words parted by commas, the last
  // two by "and". The name opens with a head word ("Department for") or the list is of compass
  // words; lists of places ("Hammersmith and Fulham, Kensington and Chelsea") are not merged.
  function mergeCommaLists(tokens: Token[], runs: Span[]): Span[] {
    const out: Span[] = [];
    for (let i = 0; i < runs.length; i++) {
      const first = runs[i]!;
      let j = i;
      while (j + 1 < runs.length && runs[j + 1]!.from === runs[j]!.to && tokens[runs[j + 1]!.from]!.gap === 'comma' && runs[j + 1]!.to - runs[j + 1]!.from === 1) j++;
      const last = runs[j + 1];
      const closes = last && last.from === runs[j]!.to && tokens[last.from]!.gap === 'comma' && last.to - last.from >= 3 && tokens[last.from + 1]!.fold === 'and' && !tokens[last.from + 1]!.cap;
      const listed = runs.slice(i + 1, j + 1);
      const word = ARTICLES.has(tokens[first.from]!.fold) ? first.from + 1 : first.from;
      const headed = heads.some((h) => matchesAt(tokens, word, h) && HEAD_LINKS.has(tokens[word + h.words.length]?.fold ?? '') && first.to === word + h.words.length + 2);
      const compass = COMPASS.has(tokens[first.to - 1]!.fold) && listed.every((r) => COMPASS.has(tokens[r.from]!.fold)) && COMPASS.has(tokens[last?.from ?? 0]!.fold);
      if (closes && (headed || compass)) {
        out.push({ from: first.from, to: last.to });
        i = j + 1;
      } else out.push(first);
    }
    return out;
  }

  function nameFromRun(tokens: Token[], run: Span): { kind: OrganisationKind; span: Span } | undefined {
    let from = run.from;
    // "Minister for the Cabinet Office", "Head of Services": a job title, not a name (a title
    // word further in may belong to the name: "Croydon Head Teachers’ Association")
    while (from < run.to && ARTICLES.has(tokens[from]!.fold)) from++;
    if (from >= run.to || (roleWords.has(tokens[from]!.fold) && !tokens[from]!.caps)) return undefined;
    // "Grimsby-based Care Plus Group": the place is not part of the name
    for (let k = run.from + 1; k < run.to - 1; k++) if (tokens[k]!.fold === 'based' && tokens[k]!.gap === 'hyphen') from = k + 1;
    while (from < run.to && (ARTICLES.has(tokens[from]!.fold) || (tokens[from]!.sentenceStart || from > run.from) && starters.has(tokens[from]!.fold))) from++;
    if (from >= run.to) return undefined;
    // "Department of Health", "Royal Borough of Kensington and Chelsea"
    for (const head of heads) {
      if (!matchesAt(tokens, from, head)) continue;
      const link = from + head.words.length;
      if (link < run.to && HEAD_LINKS.has(tokens[link]!.fold) && link + 1 < run.to) {
        return { kind: head.kind, span: { from, to: run.to } };
      }
    }
    // "Cabinet Member for Community Services", "Director of Adult Services": a job title
    for (let k = from; k < Math.min(run.to - 1, from + 3); k++) if (roleWords.has(tokens[k]!.fold) && HEAD_LINKS.has(tokens[k + 1]!.fold)) return undefined;
    // an organisation word closes the name: at the end of the run, or before a job title
    // ("Suffolk County Council Chief Executive"); inside a longer run it is part of another
    // name ("Co-operative Business District", a guide)
    let beforeTitle = run.to;
    while (beforeTitle > from && roleWords.has(tokens[beforeTitle - 1]!.fold)) beforeTitle--;
    // "Jane Smith Chief Executive": a person and her title
    if (beforeTitle < run.to && isPersonName(tokens, from, beforeTitle)) return undefined;
    for (const end of new Set([run.to, beforeTitle])) {
      const suffix = suffixes.find((s) => s.words.length <= end - from && matchesAt(tokens, end - s.words.length, s));
      if (!suffix) continue;
      const body = tokens.slice(from, end - suffix.words.length);
      // generic words make a title of an outlet ("Public Libraries News"), not of anything else
      const plain = body.every((t) => generic.has(t.fold) || ARTICLES.has(t.fold) || PREPOSITIONS.has(t.fold));
      if (body.length === 0 || (plain && !(suffix.kind === 'media' && body.length >= 2))) return undefined;
      let kind = suffix.kind;
      if (suffix.words.at(-1) === 'trust' && kind === 'other' && body.some((t) => TRUST_HEALTH.has(t.fold))) kind = 'nhs-body';
      return { kind, span: { from, to: end } };
    }
    return undefined;
  }

  // what a capitalised run is said to be by the words around it
  function describedKind(tokens: Token[], run: Span): OrganisationKind | undefined {
    const first = tokens[run.from]!;
    const after = tokens[run.to];
    const closed = !after || after.gap !== 'space';
    // before: "the social enterprise Leading Lives", "its energy company, Robin Hood Energy,"
    for (const noun of nouns) {
      const at = run.from - noun.words.length;
      if ((first.gap === 'space' || (first.gap === 'comma' && closed)) && matchesAt(tokens, at, noun) && tokens.slice(at, run.from).every((t) => !t.cap) && !tokens[run.from - 1]!.possessive) {
        return noun.kind;
      }
    }
    // "organisations such as Age UK", "firms including Capita"
    const cue = LIST_CUES.find((c) => c.every((w, k) => tokens[run.from - c.length + k]?.fold === w && !tokens[run.from - c.length + k]!.cap));
    if (cue && first.gap === 'space') {
      const at = run.from - cue.length;
      for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
        const noun = nouns.find((n) => n.words.length === 1 && matchesAt(tokens, k, n));
        if (noun) return noun.kind;
        if (tokens[k]!.cap || tokens[k + 1]!.gap === 'break') break;
      }
    }
    // after: "NAViGO, a mutual providing ...", "Ofgem, the energy regulator", "The Oddfellows, one
    // of the oldest friendly societies", "Royal London, the UK's largest mutual life insurer"
    // (a full stop ends the name's sentence: "... Employee Ownership Day. The firm said")
    if (!after || !(after.gap === 'comma' || (after.gap === 'break' && !after.sentenceStart))) return undefined;
    let k = run.to;
    if (after.fold === 'one' && tokens[k + 1]?.fold === 'of') k += 2;
    if (!ARTICLES.has(tokens[k]?.fold ?? '') || tokens[k]!.cap && k !== run.to) return undefined;
    const end = Math.min(tokens.length, k + 9);
    for (k++; k < end; k++) {
      const t = tokens[k]!;
      const noun = nouns.find((n) => matchesAt(tokens, k, n));
      // "David Mellen, the council leader", "Jo Bloggs, the council's director": the noun
      // qualifies a job, not the name
      if (noun && !t.cap && !tokens[k + noun.words.length - 1]!.possessive && !roleWords.has(tokens[k + noun.words.length]?.fold ?? '')) return noun.kind;
      if (t.gap === 'break' || (t.cap && !t.possessive) || PREPOSITIONS.has(t.fold) || roleWords.has(t.fold)) return undefined;
    }
    return undefined;
  }
}

const COUNCIL_NOUNS = new Set(['council', 'councils', 'boroughs', 'authorities']);
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'mid']);

// places written as a list ("A, B and C"): runs of place spans joined by commas and "and"
function placeLists(text: string, tokens: Token[], places: Span[]): Span[][] {
  const lists: Span[][] = [];
  for (const p of [...places].sort((a, b) => a.from - b.from)) {
    const current = lists.at(-1);
    const previous = current?.at(-1);
    if (current && previous && previous.to <= p.from && isListGap(text, tokens, previous.to, p.from)) current.push(p);
    else lists.push([p]);
  }
  return lists;
}

const LIST_CUES = [['such', 'as'], ['including'], ['like'], ['namely']];

// between two names of one list: a comma, "and", "or"
function isListGap(text: string, tokens: Token[], end: number, from: number): boolean {
  const between = text.slice(tokens[end - 1]!.end, tokens[from]!.start);
  return /^\s*(,|,?\s*(and|or|&))\s*$/i.test(between);
}

function patterns(table: Record<string, OrganisationKind>): Pattern[] {
  return Object.entries(table)
    .map(([phrase, kind]) => {
      const words = tokenize(phrase);
      return { words: words.map((w) => w.fold), kind, capitals: words.map((w) => w.cap) };
    })
    .sort((a, b) => b.words.length - a.words.length);
}

function matchesAt(tokens: Token[], at: number, p: Pattern): boolean {
  if (at < 0 || at + p.words.length > tokens.length) return false;
  for (let k = 0; k < p.words.length; k++) {
    const t = tokens[at + k]!;
    if (t.fold !== p.words[k] || (p.capitals[k] && !t.cap)) return false;
    if (k > 0 && t.gap !== 'space' && t.gap !== 'hyphen') return false;
  }
  return true;
}

interface Boundaries {
  /** Tokens where a known name starts, and tokens just after one ends. */
  starts: Set<number>;
  ends: Set<number>;
}

function knownBoundaries(matches: Span[]): Boundaries {
  return { starts: new Set(matches.map((m) => m.from)), ends: new Set(matches.map((m) => m.to)) };
}

// "KPMG and PricewaterhouseCoopers": names joined by "and" where no name is known to hold it
function splitCoordination(tokens: Token[], run: Span): Span[] {
  const parts: Span[] = [];
  let from = run.from;
  for (let k = run.from; k < run.to; k++) {
    if (COORDINATORS.has(tokens[k]!.fold) && !tokens[k]!.cap) {
      parts.push({ from, to: k });
      from = k + 1;
    }
  }
  parts.push({ from, to: run.to });
  return parts.filter((p) => p.to > p.from);
}

// the area a council serves, as a key: "Westminster City Council" → "westminster"
function areaKey(name: string, suffixes: Pattern[], heads: Pattern[]): string {
  const words = tokenize(name).map((t) => t.fold);
  for (const s of suffixes) {
    if (s.kind === 'local-authority' && s.words.length < words.length && s.words.every((w, k) => words[words.length - s.words.length + k] === w)) {
      return words.slice(0, words.length - s.words.length).join(' ').replace(/^the /, '');
    }
  }
  for (const h of heads) {
    if (h.kind === 'local-authority' && h.words.length + 1 < words.length && h.words.every((w, k) => words[k] === w) && HEAD_LINKS.has(words[h.words.length]!)) {
      return words.slice(h.words.length + 1).join(' ');
    }
  }
  return '';
}

function councilsByArea(known: KnownOrganisation[], suffixes: Pattern[], heads: Pattern[]): Map<string, KnownOrganisation> {
  const byArea = new Map<string, KnownOrganisation | null>();
  for (const org of known) {
    if (org.kind !== 'local-authority') continue;
    for (const name of [org.name, ...org.aliases]) {
      const area = areaKey(name, suffixes, heads);
      if (!area) continue;
      const seen = byArea.get(area);
      // an area two councils share ("Durham") resolves to neither
      byArea.set(area, seen === undefined || seen === org ? org : null);
    }
  }
  const out = new Map<string, KnownOrganisation>();
  for (const [area, org] of byArea) if (org) out.set(area, org);
  return out;
}

// A name read from the text that repeats part of a fuller name in the same story is that
// organisation ("Newton Rigg College" in a story about Newton Rigg Agricultural College).
function mergeShortForms(orgs: FoundOrganisation[], compareKey: (name: string) => string): FoundOrganisation[] {
  const keyed = orgs.map((o) => ({ org: o, words: compareKey(o.name).split(' ') }));
  const kept: typeof keyed = [];
  for (const k of keyed.sort((a, b) => b.words.length - a.words.length || Number(b.org.known) - Number(a.org.known))) {
    const fuller = !k.org.known && k.words.length >= 2 ? kept.find((f) => f.words[0] === k.words[0] && isSubsequence(k.words, f.words)) : undefined;
    if (fuller) fuller.org.spans.push(...k.org.spans);
    else kept.push(k);
  }
  return kept.map((k) => k.org).sort((a, b) => a.spans[0]!.from - b.spans[0]!.from);
}

function isSubsequence(short: string[], long: string[]): boolean {
  let i = 0;
  for (const w of long) if (w === short[i]) i++;
  return i === short.length;
}
