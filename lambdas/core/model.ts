// The pipeline's own data model. Library types (rss-parser, cheerio, the AWS SDK) never leak past
// the module that adapts them; every stage speaks these types.

export type SourceKind = 'feed' | 'html' | 'archive';

/** CSS selectors for an HTML listing page (kind "html"): data, not code. */
export interface ListingSelectors {
  /** Selects the links (or elements containing a link) of the listing's items. */
  item: string;
  /** Relative to an item: the element holding its title (default: the link text). */
  title?: string;
  /** Relative to an item: the element holding its date (a `datetime` attribute or text). */
  date?: string;
}

export interface Source {
  id: string;
  name: string;
  url: string;
  kind: SourceKind;
  everyMinutes?: number;
  selectors?: ListingSelectors;
  enabled?: boolean;
}

/** What the fetcher remembers between polls of one source. */
export interface SourceHealth {
  lastFetchAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  consecutiveFailures: number;
  nextDueAt: string;
  etag?: string;
  lastModified?: string;
  itemsSeen?: number;
}

/** One item of a parsed feed, in the shape of the `parse-feed` contract (ARCHITECTURE.md). */
export interface FeedItem {
  title?: string;
  link?: string;
  guid?: string;
  /** ISO 8601 UTC. */
  published?: string;
  /** ISO 8601 UTC. */
  updated?: string;
  /** A name, never an e-mail address. */
  author?: string;
  summary?: string;
  content?: string;
}

export interface ParsedFeed {
  title?: string;
  link?: string;
  items: FeedItem[];
}

/** An item found on a source (feed entry, listing link, archive file) before its page is read. */
export interface DiscoveredItem {
  sourceId: string;
  url: string;
  guid?: string;
  title?: string;
  published?: string;
  author?: string;
  /** Plain text or HTML from the feed, kept as the fallback body. */
  summary?: string;
  content?: string;
}

/** How the story's body was obtained. */
export type Extraction = 'page' | 'feed-summary' | 'archive';

/** The result of reading an article page. */
export interface Article {
  /** Canonical URL: `<link rel=canonical>` honoured, tracking parameters stripped. */
  url: string;
  title: string;
  published?: string;
  author?: string;
  /** Clean body text: paragraphs separated by blank lines. */
  text: string;
  /** Sanitised HTML of the main content, when there was any. */
  html?: string;
  extraction: Extraction;
}

export type Sector =
  | 'health'
  | 'adult-social-care'
  | 'children-and-families'
  | 'youth-services'
  | 'education'
  | 'housing-and-homelessness'
  | 'leisure-and-sport'
  | 'libraries-and-culture'
  | 'employment-and-skills'
  | 'justice-and-probation'
  | 'fire-and-rescue'
  | 'corporate-services'
  | 'environment-and-waste'
  | 'planning-and-regulation'
  | 'transport';

export type EventType =
  | 'pathfinder-launch'
  | 'ministerial-visit'
  | 'spin-out-launch'
  | 'spin-out-plan'
  | 'funding-and-support'
  | 'contract-news'
  | 'policy-and-opinion'
  | 'guidance-and-resources'
  | 'awards-and-results'
  | 'other';

export type OrganisationKind =
  | 'mutual'
  | 'government'
  | 'local-authority'
  | 'nhs-body'
  | 'company'
  | 'sector-body'
  | 'media'
  | 'other';

export interface TaggedOrganisation {
  name: string;
  kind: OrganisationKind;
}

export interface TaggedPerson {
  name: string;
  role?: string;
}

/** What the tagger returns for one story (TAXONOMY.md), less the input id. */
export interface Tags {
  relevant: boolean;
  relevance: number;
  sectors: Sector[];
  eventType: EventType;
  organisations: TaggedOrganisation[];
  people: TaggedPerson[];
  places: string[];
  published?: string;
  cluster: string;
}

/** A stored story. */
export interface Story {
  /** Stable id derived from the canonical URL. */
  id: string;
  url: string;
  guid?: string;
  title: string;
  /** ISO 8601 UTC; the fetch time when no date could be found. */
  published: string;
  author?: string;
  text: string;
  summary: string;
  /** Source id. */
  source: string;
  sourceName: string;
  extraction: Extraction;
  fetchedAt: string;
}

export type StoryStatus = 'published' | 'pending' | 'rejected';

/** A story as stored: the story, its tags and its editorial state. */
export interface StoryRecord extends Story {
  status: StoryStatus;
  featured?: boolean;
  /** Incremented by every write; editors' writes must name the version they read. */
  version: number;
  tags?: Tags;
  taggerVersion?: string;
  /** Tag fields an editor set by hand: re-tagging never overwrites them. */
  editorFields?: (keyof Tags)[];
}
