// Reads one story: drops page furniture, then finds its organisations, places, people and
// date, and the stemmed words the classifiers use. The classifiers and clustering work on this.
import type { OrganisationKind } from '../model.ts';
import type { Knowledge } from './knowledge.ts';
import { createOrganisationFinder, type FoundOrganisation } from './organisations.ts';
import { createPeopleFinder, type FoundPerson } from './people.ts';
import { createPlaceFinder, type FoundPlace } from './places.ts';
import { findPublished } from './dates.ts';
import { findMasthead } from './masthead.ts';
import { stems } from './features.ts';
import { overlaps, spanText, type Span } from './sequences.ts';
import { createBoilerplateFilter, foldName, tokenize, unglueNames, type Token } from './text.ts';

export interface StoryInput {
  id: string;
  title?: string | null;
  text: string;
  url?: string | null;
  published?: string | null;
}

export interface Extracted {
  id: string;
  /** The title (when given apart from the text) and the text, furniture removed. */
  text: string;
  titleWords: string[];
  words: string[];
  /** The words with every name found replaced by one word: what happens, not who it happens to. */
  plainTitleWords: string[];
  plainWords: string[];
  organisations: FoundOrganisation[];
  people: FoundPerson[];
  places: FoundPlace[];
  published?: string;
}

export type Extractor = (input: StoryInput) => Extracted;

/** Kinds of organisation that are the public sector itself. */
export const PUBLIC_BODIES: ReadonlySet<OrganisationKind> = new Set<OrganisationKind>(['local-authority', 'nhs-body', 'government']);

export function createExtractor(knowledge: Knowledge): Extractor {
  const { lexicons } = knowledge;
  const givenNames = new Set(lexicons.givenNames);
  const dropFurniture = createBoilerplateFilter(lexicons.boilerplate);
  const roleWords = new Set(lexicons.people.roleWords);
  const orgs = createOrganisationFinder(knowledge.organisations, lexicons.organisations, roleWords, givenNames);
  const places = createPlaceFinder(knowledge.places, lexicons.places);
  const o = lexicons.organisations;
  const commonWords = new Set([...o.generic, ...o.starters, ...o.notNames, ...Object.keys(o.nouns)]);
  const people = createPeopleFinder(knowledge.people, lexicons.people, givenNames, commonWords);
  const notOrganisations = new Set(o.notOrganisations.map(foldName));

  return (input) => {
    const body = unglueNames(dropFurniture(input.text ?? ''), givenNames);
    const title = (input.title ?? '').trim();
    const text = title && !body.trimStart().startsWith(title) ? `${title}\n\n${body}` : body;
    const doc = { text, tokens: tokenize(text) };

    const rawPlaces = places.find(doc, []);
    const organisations = orgs.find(doc, rawPlaces.map((p) => p.span), people.known(doc));
    const orgSpans = organisations.flatMap((o) => o.spans);
    // A place inside the name of a public body counts ("Reading Borough Council", "NHS England"),
    // even an ambiguous one; inside any other name it does not ("Central Surrey Health").
    const publicBodies = organisations.filter((o) => PUBLIC_BODIES.has(o.kind)).flatMap((o) => o.spans);
    const otherNames = organisations.filter((o) => !PUBLIC_BODIES.has(o.kind)).flatMap((o) => o.spans);
    const placeMentions = places.find(doc, publicBodies).filter((p) => !otherNames.some((s) => s.from <= p.span.from && s.to >= p.span.to));
    const persons = people.find(doc, orgSpans, placeMentions.map((p) => p.span), organisations.map((o) => o.name));
    const personSpans = persons.flatMap((p) => p.spans);
    const foundPlaces = placeMentions.filter((p) => !personSpans.some((s) => overlaps(s, p.span)));
    const taken = [...orgSpans, ...personSpans, ...foundPlaces.map((p) => p.span)];
    const outlet = mastheadOf(doc, text.length - body.length, findMasthead(body, title), taken);
    // a programme or event keeps its words from other names, but is not reported
    const allOrganisations = orgs
      .repeated(doc, outlet ? [...taken, ...outlet.spans] : taken, outlet ? [...organisations, outlet] : organisations)
      .filter((org) => !notOrganisations.has(foldName(org.name)));

    const firstLine = text.split('\n').find((l) => l.trim()) ?? '';
    const names = [...allOrganisations.flatMap((org) => org.spans), ...personSpans, ...foundPlaces.map((p) => p.span)];
    const plain = maskNames(text, doc.tokens, names);
    const titleAt = text.indexOf(title || firstLine);
    return {
      id: input.id,
      text,
      titleWords: stems(title || firstLine),
      words: stems(text),
      // "Explore York" explores nothing, "Leading Lives" leaves nothing: names carry no event cues
      plainTitleWords: stems(titleAt >= 0 ? plain.slice(titleAt, titleAt + (title || firstLine).length) : title || firstLine),
      plainWords: stems(plain),
      organisations: allOrganisations,
      people: persons,
      places: dedupePlaces(foundPlaces),
      // datelines sit among the page furniture ("Posted on ... | Categories"): read the raw text
      published: findPublished(input.text ?? '') ?? input.published?.slice(0, 10) ?? undefined,
    };
  };
}

// the outlet named by the page's masthead, unless the name is already taken by another finding
function mastheadOf(doc: { text: string; tokens: Token[] }, offset: number, masthead: { start: number; end: number } | undefined, taken: Span[]): FoundOrganisation | undefined {
  if (!masthead) return undefined;
  const from = doc.tokens.findIndex((t) => t.start >= masthead.start + offset);
  let to = from;
  while (to < doc.tokens.length && doc.tokens[to]!.end <= masthead.end + offset) to++;
  const span = { from, to };
  if (from < 0 || to <= from || taken.some((s) => overlaps(s, span))) return undefined;
  return { name: spanText(doc.text, doc.tokens, span), kind: 'media', known: false, sectors: [], spans: [span] };
}

// every name replaced by "Xx" (a word no lexicon holds), padded to its length so that offsets into the text still hold
function maskNames(text: string, tokens: Token[], spans: Span[]): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.from - b.from)) {
    const from = tokens[s.from]!.start;
    const to = tokens[s.to - 1]!.end;
    if (from < at || to - from < 2) continue;
    out += `${text.slice(at, from)}Xx${' '.repeat(to - from - 2)}`;
    at = to;
  }
  return out + text.slice(at);
}

function dedupePlaces(found: FoundPlace[]): FoundPlace[] {
  const seen = new Set<string>();
  return found.filter((p) => {
    const key = foldName(p.place.name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
