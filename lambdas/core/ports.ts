// What the pipeline needs from the outside world, as interfaces: the store and the tagger are
// passed in, so the same pipeline runs on DynamoDB Local, on AWS and in unit tests.
import type { Source, SourceHealth, StoryRecord, TaggedOrganisation, TaggedPerson, Tags } from './model.ts';

/** The identities under which a source announced an item, for dedupe before any fetch. */
export interface SeenKeys {
  sourceId: string;
  urls: string[];
  guid?: string;
}

export type SaveOutcome = 'stored' | 'duplicate';

export interface StoryRepository {
  /** True when this source already delivered an item with one of these URLs or this guid. */
  isSeen(keys: SeenKeys): Promise<boolean>;
  /** Records that an item maps to an existing story (the same story from another source). */
  markSeen(keys: SeenKeys, storyId: string): Promise<void>;
  /**
   * Stores a new story with its index items, counters and seen markers, and notes the names the
   * knowledge base lacks (for editors to add); a story already stored is left as it is.
   */
  saveNew(record: StoryRecord, seen: SeenKeys, names?: NameCandidates): Promise<SaveOutcome>;
  /** Stories published within `days` of a date: the candidates a new story may cluster with. */
  near(published: string, days: number): Promise<StoryRecord[]>;
}

export interface StoredSource extends Source {
  health: SourceHealth;
}

export interface SourceRepository {
  list(): Promise<StoredSource[]>;
  get(id: string): Promise<StoredSource | undefined>;
  /** Enabled sources whose next due time is at or before `now`. */
  due(now: Date): Promise<StoredSource[]>;
  /** Adds or replaces a source's configuration, keeping its health. */
  put(source: Source, now: Date): Promise<void>;
  remove(id: string): Promise<boolean>;
  saveHealth(id: string, health: SourceHealth): Promise<void>;
}

export interface TagInput {
  id: string;
  title?: string;
  text: string;
  url?: string;
  published?: string;
}

/** Names found in a story that the knowledge base does not hold. */
export interface NameCandidates {
  organisations: TaggedOrganisation[];
  people: TaggedPerson[];
}

/** The tagger as the pipeline sees it. `stored` are stories it may cluster with. */
export interface StoryTagger {
  readonly version: string;
  tag(input: TagInput, stored: StoryRecord[]): Tags;
  tagWithCandidates(input: TagInput, stored: StoryRecord[]): { tags: Tags; candidates: NameCandidates };
}

export interface Clock {
  now(): Date;
}
