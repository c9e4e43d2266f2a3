// The knowledge the tagger reads: the knowledge base of organisations and people, the place
// gazetteer, and the word lists (lexicons). All of it is data under ./data, bundled as JSON.
import type { EventType, OrganisationKind, Sector } from '../model.ts';
import type { BoilerplateRules } from './text.ts';

export interface KnownOrganisation {
  name: string;
  aliases: string[];
  kind: OrganisationKind;
  sectors: Sector[];
  region?: string;
  spunOutFrom?: string;
  year?: number;
}

export interface KnownPerson {
  name: string;
  aliases: string[];
  role: string;
  organisation?: string;
}

export type PlaceType = 'country' | 'region' | 'county' | 'local-authority' | 'city' | 'town' | 'area';

export interface KnownPlace {
  name: string;
  type: PlaceType;
  within?: string;
  aliases?: string[];
  /** Also a common word or a surname: counted only with a locative cue ("in Reading"). */
  ambiguous?: boolean;
}

/** Words that make up organisation names, the kind each suggests, and the words around them. */
export interface OrganisationLexicon {
  /** Last words of a name ("County Council", "NHS Foundation Trust") and the kind they suggest. */
  suffixes: Record<string, OrganisationKind>;
  /** First words of a name followed by of/for ("Department of Health", "Royal Borough of ..."). */
  heads: Record<string, OrganisationKind>;
  /** Common nouns that introduce or describe an organisation ("a social enterprise") and the kind. */
  nouns: Record<string, OrganisationKind>;
  /** Generic words that alone do not make a name ("Children’s Services", "Adult Social Care"). */
  generic: string[];
  /** Capitalised sentence openers that never begin a name ("Yesterday", "Following"). */
  starters: string[];
  /** Last words of capitalised phrases that are not organisations (Programme, Fund, Act, Street). */
  notNames: string[];
  /** Abbreviations read as their long form when comparing names (PCT → Primary Care Trust). */
  abbreviations: Record<string, string>;
  /** Programmes, campaigns and events written like organisations ("Transforming Rehabilitation"): never reported. */
  notOrganisations: string[];
}

export interface PeopleLexicon {
  honorifics: string[];
  /** Words of a job title ("chief", "executive", "minister"); a role phrase is built of them. */
  roleWords: string[];
  /** Lower-case words that may sit inside a role phrase ("managing director", "head of ..."). */
  roleModifiers: string[];
  /** Surname particles: Le Grand, de Souza, van der Berg. */
  particles: string[];
  /** Capitalised words that never end a person's name (Council, Street, Road...). */
  notSurnames: string[];
  /** Speech verbs that mark the person next to them ("said Jo Smith", "Jo Smith told"). */
  speechVerbs: string[];
}

export interface PlaceLexicon {
  /** Words before a place that show a place is meant ("in", "across", "near"). */
  locatives: string[];
  /** Places named in the text but never reported (e.g. the country a story is always about). */
  ignore: string[];
}

export interface Lexicons {
  givenNames: string[];
  boilerplate: BoilerplateRules;
  organisations: OrganisationLexicon;
  people: PeopleLexicon;
  places: PlaceLexicon;
  /** Phrases that show a public service is reported on, per sector. */
  sectors: Record<Sector, string[]>;
  /** Phrases that suggest an event type, with a weight each. */
  events: Record<EventType, Record<string, number>>;
  /** Phrases for and against a story being about public service mutuals, with weights. */
  relevance: Record<string, number>;
  /** What the definition of a public service mutual asks a story to show, in groups of phrases. */
  relevanceCues: RelevanceCues;
}

export interface RelevanceCues {
  /** A service leaving the public body that ran it. */
  origin: string[];
  /** Staff or members owning or controlling it. */
  ownership: string[];
  /** The trade of private firms and financial mutuals. */
  commercial: string[];
}

export interface Knowledge {
  organisations: KnownOrganisation[];
  people: KnownPerson[];
  places: KnownPlace[];
  lexicons: Lexicons;
}
