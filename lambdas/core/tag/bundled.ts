// The knowledge base, gazetteer and lexicons shipped with the tagger, as JSON modules: a Lambda
// bundle carries them inline, so a cold start parses JSON and reads no files.
import type { Knowledge, KnownOrganisation, KnownPerson, KnownPlace, Lexicons } from './knowledge.ts';
import organisations from './data/organisations.json' with { type: 'json' };
import people from './data/people.json' with { type: 'json' };
import places from './data/places.json' with { type: 'json' };
import givenNames from './data/lexicon/given-names.json' with { type: 'json' };
import boilerplate from './data/lexicon/boilerplate.json' with { type: 'json' };
import organisationWords from './data/lexicon/organisations.json' with { type: 'json' };
import peopleWords from './data/lexicon/people.json' with { type: 'json' };
import placeWords from './data/lexicon/places.json' with { type: 'json' };
import sectors from './data/lexicon/sectors.json' with { type: 'json' };
import events from './data/lexicon/events.json' with { type: 'json' };
import relevance from './data/lexicon/relevance.json' with { type: 'json' };
import relevanceCues from './data/lexicon/relevance-cues.json' with { type: 'json' };
import wellKnown from './data/lexicon/well-known-organisations.json' with { type: 'json' };

const lexicons = {
  givenNames: givenNames.names,
  boilerplate,
  organisations: organisationWords,
  people: peopleWords,
  places: placeWords,
  sectors,
  events,
  relevance,
  relevanceCues: { origin: relevanceCues.origin, ownership: relevanceCues.ownership, commercial: relevanceCues.commercial },
} as unknown as Lexicons;

function withAliases(orgs: KnownOrganisation[], extra: Record<string, string[]>): KnownOrganisation[] {
  return orgs.map((o) => (extra[o.name] ? { ...o, aliases: [...o.aliases, ...extra[o.name]!] } : o));
}

export const bundledKnowledge: Knowledge = {
  organisations: withAliases([...(organisations as unknown as KnownOrganisation[]), ...(wellKnown.organisations as unknown as KnownOrganisation[])], wellKnown.aliases),
  people: people as unknown as KnownPerson[],
  places: places as unknown as KnownPlace[],
  lexicons,
};
