// The knowledge base, gazetteer and lexicons shipped with the tagger, as JSON modules: a Lambda
// bundle carries them inline, so a cold start parses JSON and reads no files.
import type { Knowledge, KnownPerson, KnownPlace, Lexicons } from './knowledge.ts';
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
import { knownOrganisations } from './known-organisations.ts';

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

export const bundledKnowledge: Knowledge = {
  organisations: knownOrganisations,
  people: people as unknown as KnownPerson[],
  places: places as unknown as KnownPlace[],
  lexicons,
};
