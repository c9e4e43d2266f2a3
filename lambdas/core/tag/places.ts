// UK places named in a story, from the gazetteer. A name that is also a common word or a
// surname (marked ambiguous in the gazetteer) counts only with a cue that a place is meant:
// "in Reading", "Reading-based", "Reading Borough Council", "Caversham, Reading".
import type { KnownPlace, PlaceLexicon } from './knowledge.ts';
import type { Doc } from './organisations.ts';
import { createPhraseIndex, type PhraseIndex, type PhraseMatch } from './phrases.ts';
import type { Span } from './sequences.ts';
import { foldName } from './text.ts';

export interface FoundPlace {
  name: string;
  place: KnownPlace;
  span: Span;
}

export interface PlaceFinder {
  /** Every place mention; `organisations` are spans where an ambiguous name is taken as a place. */
  find(doc: Doc, organisations: Span[]): FoundPlace[];
}

export function createPlaceFinder(gazetteer: KnownPlace[], lexicon: PlaceLexicon): PlaceFinder {
  const index: PhraseIndex<KnownPlace> = createPhraseIndex();
  const ignore = new Set(lexicon.ignore.map(foldName));
  for (const place of gazetteer) {
    for (const name of [place.name, ...(place.aliases ?? [])]) if (!ignore.has(foldName(name))) index.add(name, place);
  }
  const locatives = new Set(lexicon.locatives);

  return {
    find(doc, organisations) {
      const { tokens } = doc;
      const matches = index.find(tokens);
      const found: FoundPlace[] = [];
      for (const [n, m] of matches.entries()) {
        const first = tokens[m.from]!;
        // all-capitals words are acronyms, not places (a place "Bury" is not "BURY")
        if (first.caps && m.to - m.from === 1 && first.text.length > 3) continue;
        if (m.value.ambiguous) {
          const before = tokens[m.from - 1];
          const after = tokens[m.to];
          // "12 March", "March 2020": a date, whatever the cue
          if (MONTHS.has(first.fold) && [before, after].some((t) => t !== undefined && /^\d+$/.test(t.text))) continue;
          // "in March" is a month far more often than the Fenland town
          const locative = before !== undefined && first.gap === 'space' && locatives.has(before.fold) && !before.cap && !MONTHS.has(first.fold);
          const cued =
            locative ||
            (after?.gap === 'hyphen' && after.fold === 'based') ||
            inListOfPlaces(doc, matches, n) ||
            organisations.some((o) => o.from <= m.from && o.to >= m.to && o.to - o.from > m.to - m.from);
          if (!cued) continue;
        }
        found.push({ name: doc.text.slice(first.start, tokens[m.to - 1]!.end).replace(/\s+/g, ' '), place: m.value, span: { from: m.from, to: m.to } });
      }
      // "Richmond" beside "Richmond upon Thames" is the same place written short
      const names = found.map((f) => foldName(f.name));
      return found.filter((f, i) => !names.some((other, j) => j !== i && other.startsWith(`${names[i]} `)));
    },
  };
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

// "Ipswich, Suffolk", "Kingston and Richmond": next to a certain place in a list
function inListOfPlaces(doc: Doc, matches: PhraseMatch<KnownPlace>[], n: number): boolean {
  const joined = (a: PhraseMatch<KnownPlace> | undefined, b: PhraseMatch<KnownPlace> | undefined, certain: PhraseMatch<KnownPlace> | undefined) =>
    a !== undefined && b !== undefined && !certain!.value.ambiguous &&
    /^\s*(,|,?\s*(and|or|&))\s*$/.test(doc.text.slice(doc.tokens[a.to - 1]!.end, doc.tokens[b.from]!.start));
  return joined(matches[n - 1], matches[n], matches[n - 1]) || joined(matches[n], matches[n + 1], matches[n + 1]);
}
