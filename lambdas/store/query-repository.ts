// The API's read side. Every method is a Query, a GetItem or a BatchGetItem on a key the write
// side maintains (keys.ts): lists are partitions read in sort-key order, never a Scan.
import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  type BatchGetCommandOutput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { EventType, OrganisationKind, Sector, StoryRecord } from '../core/model.ts';
import { keys, type TagFacet } from './keys.ts';
import { facetSlugs } from './story-index.ts';

/** What a list shows of a story: the card less its body and bookkeeping. */
export type ListedStory = Pick<
  StoryRecord,
  'id' | 'url' | 'title' | 'published' | 'author' | 'summary' | 'source' | 'sourceName' | 'fetchedAt' | 'status' | 'tags'
>;

const LISTED_FIELDS = ['id', 'url', 'title', 'published', 'author', 'summary', 'source', 'sourceName', 'fetchedAt', 'status', 'tags'] as const;

export interface StoryFilters {
  organisation?: string;
  sector?: Sector;
  event?: EventType;
  person?: string;
  place?: string;
  /** Words that must all appear in the title or summary. */
  q?: string;
  /** Inclusive lower bound on the published date: an ISO 8601 date or date-time (UTC). */
  from?: string;
  /** Inclusive upper bound: every story whose date starts with this prefix is included. */
  to?: string;
}

export interface StoryPage {
  items: ListedStory[];
  /** Set when the list goes on: pass it back as `cursor` for the next page. */
  nextCursor?: string;
}

/** An organisation profile item (ORG#<slug>/PROFILE), as the knowledge base describes one. */
export interface OrganisationProfile {
  name: string;
  kind: OrganisationKind;
  aliases?: string[];
  sectors?: Sector[];
  region?: string;
  spunOutFrom?: string;
  year?: number;
}

/** The cursor was not made by this list (tampered with, or the filters changed). */
export class CursorError extends Error {
  override readonly name = 'CursorError';
}

export interface QueryRepository {
  /** Published stories, newest first, matching every filter. */
  stories(filters: StoryFilters, page: { limit: number; cursor?: string }): Promise<StoryPage>;
  /** A story by id, whatever its status (the caller decides what to show). */
  story(id: string): Promise<StoryRecord | undefined>;
  /** Published members of a story cluster, newest first. */
  clusterMembers(clusterId: string, limit: number): Promise<ListedStory[]>;
  /** Published stories about an organisation per month (`yyyy-mm`), and in all. */
  coverage(orgSlug: string): Promise<{ total: number; months: Record<string, number> }>;
  /** Total published stories per organisation slug, for many organisations at once. */
  totals(orgSlugs: readonly string[]): Promise<Map<string, number>>;
  /** The outlets that covered an organisation, most stories first, from its newest `maxStories`. */
  outlets(orgSlug: string, maxStories: number): Promise<{ outlets: Array<{ id: string; name: string; count: number }>; complete: boolean }>;
  /** Published stories listed under a tag. */
  countTagged(facet: TagFacet, slug: string): Promise<number>;
  /** Organisation profile items (the ORGS registry), sorted by name. */
  organisationProfiles(): Promise<Array<OrganisationProfile & { slug: string }>>;
}

// One request reads at most this many pages before handing back a cursor with what it found,
// so a rare filter on a large partition costs a bounded amount per request.
const MAX_QUERIES_PER_PAGE = 10;
const FILTERED_PAGE_SIZE = 100;
const BATCH_GET_MAX = 100;
const OUTLET_PAGE_SIZE = 1000;

// Index items of pending and rejected stories share the tag and cluster partitions.
const PUBLISHED_ONLY = {
  FilterExpression: '#status = :published',
  names: { '#status': 'status' },
  values: { ':published': 'published' },
};

/** Where a story list is read from: a tag partition, or the published status index. */
interface ListSource {
  input: Pick<QueryCommandInput, 'IndexName' | 'ProjectionExpression' | 'FilterExpression'> & {
    names: Record<string, string>;
    values: Record<string, unknown>;
  };
  pkName: string;
  skName: string;
  pk: string;
  keyNames: readonly string[];
  /** The facet the partition already guarantees, which needs no check on the card. */
  facet?: TagFacet;
  toStory(item: Record<string, unknown>): ListedStory;
}

// Organisations and people are the narrowest partitions, sectors the widest (multi-label).
const FACET_PREFERENCE: Array<[TagFacet, keyof StoryFilters]> = [
  ['organisation', 'organisation'],
  ['person', 'person'],
  ['place', 'place'],
  ['event', 'event'],
  ['sector', 'sector'],
];

function listSource(filters: StoryFilters): ListSource {
  const chosen = FACET_PREFERENCE.find(([, name]) => filters[name]);
  if (chosen) {
    const [facet, name] = chosen;
    return {
      input: PUBLISHED_ONLY,
      pkName: 'PK',
      skName: 'SK',
      pk: keys.tagPartition(facet, filters[name]!),
      keyNames: ['PK', 'SK'],
      facet,
      toStory: (item) => item.card as ListedStory,
    };
  }
  // Story items carry their body: the projection leaves it behind.
  const projected = [...LISTED_FIELDS, 'PK', 'SK', 'GSI1PK', 'GSI1SK'];
  const names = Object.fromEntries(projected.map((field, n) => [`#p${n}`, field]));
  return {
    input: { IndexName: 'GSI1', ProjectionExpression: Object.keys(names).join(', '), names, values: {} },
    pkName: 'GSI1PK',
    skName: 'GSI1SK',
    pk: keys.statusPartition('published'),
    keyNames: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
    toStory: (item) => Object.fromEntries(LISTED_FIELDS.filter((f) => f in item).map((f) => [f, item[f]])) as unknown as ListedStory,
  };
}

/** The sort-key range of a date filter; sort keys are `<published>#<id>`. */
function dateRange(filters: StoryFilters): { lower?: string; upper?: string } {
  return { lower: filters.from, upper: filters.to === undefined ? undefined : `${filters.to}\uffff` };
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const words = (q: string | undefined) => (q ? fold(q).split(/[^a-z0-9]+/).filter(Boolean) : []);

/** The filters a story must pass besides the partition it was read from; none when there are none. */
function storyMatcher(filters: StoryFilters, partitionFacet?: TagFacet): ((story: ListedStory) => boolean) | undefined {
  const wanted = FACET_PREFERENCE.filter(([facet, name]) => filters[name] && facet !== partitionFacet).map(
    ([facet, name]) => `${facet}#${filters[name]}`,
  );
  const terms = words(filters.q);
  if (wanted.length === 0 && terms.length === 0) return undefined;
  return (story) => {
    // facetSlugs reads only the tags: the same slugs the write side indexes the story under.
    const slugs = new Set(facetSlugs({ tags: story.tags } as StoryRecord).map(([facet, slug]) => `${facet}#${slug}`));
    if (!wanted.every((w) => slugs.has(w))) return false;
    const haystack = fold(`${story.title} ${story.summary}`);
    return terms.every((t) => haystack.includes(t));
  };
}

const cursorShape = z.record(z.string(), z.string());

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string, source: ListSource, range: { lower?: string; upper?: string }): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new CursorError('cursor: not a cursor this API made');
  }
  const key = cursorShape.safeParse(parsed);
  const names = key.success ? Object.keys(key.data).sort() : [];
  if (!key.success || names.join() !== [...source.keyNames].sort().join()) throw new CursorError('cursor: not a cursor this API made');
  const sk = key.data[source.skName]!;
  const inRange = (!range.lower || sk >= range.lower) && (!range.upper || sk <= range.upper);
  if (key.data[source.pkName] !== source.pk || !inRange) throw new CursorError('cursor: made for another list (the filters changed)');
  return key.data;
}

export function createQueryRepository(db: DynamoDBDocumentClient, tableName: string): QueryRepository {
  async function* pages(input: QueryCommandInput) {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      yield out;
      start = out.LastEvaluatedKey;
    } while (start);
  }

  /** Items by key, a hundred keys a request, the requests in parallel; unprocessed keys retried. */
  async function batchGet(keyList: Array<{ PK: string; SK: string }>) {
    const chunk = async (keysOfChunk: Array<Record<string, unknown>>) => {
      const found: Record<string, unknown>[] = [];
      let pending: Array<Record<string, unknown>> | undefined = keysOfChunk;
      for (let attempt = 0; pending?.length; attempt++) {
        if (attempt > 8) throw new Error(`store: ${pending.length} keys left unprocessed by BatchGetItem`);
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
        const out: BatchGetCommandOutput = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
        found.push(...(out.Responses?.[tableName] ?? []));
        pending = out.UnprocessedKeys?.[tableName]?.Keys;
      }
      return found;
    };
    const chunks = [];
    for (let i = 0; i < keyList.length; i += BATCH_GET_MAX) chunks.push(keyList.slice(i, i + BATCH_GET_MAX));
    return (await Promise.all(chunks.map(chunk))).flat();
  }

  return {
    async stories(filters, { limit, cursor }) {
      const source = listSource(filters);
      const range = dateRange(filters);
      const matches = storyMatcher(filters, source.facet);
      const condition = [`#pk = :pk`];
      if (range.lower && range.upper) condition.push('#sk BETWEEN :lower AND :upper');
      else if (range.lower) condition.push('#sk >= :lower');
      else if (range.upper) condition.push('#sk <= :upper');

      let start: Record<string, unknown> | undefined = cursor ? decodeCursor(cursor, source, range) : undefined;
      const items: ListedStory[] = [];
      let lastKey: Record<string, unknown> | undefined;
      for (let query = 0; query < MAX_QUERIES_PER_PAGE; query++) {
        const out: QueryCommandOutput = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: source.input.IndexName,
            KeyConditionExpression: condition.join(' AND '),
            FilterExpression: source.input.FilterExpression,
            ProjectionExpression: source.input.ProjectionExpression,
            ExpressionAttributeNames: { '#pk': source.pkName, ...(range.lower || range.upper ? { '#sk': source.skName } : {}), ...source.input.names },
            ExpressionAttributeValues: {
              ':pk': source.pk,
              ...(range.lower ? { ':lower': range.lower } : {}),
              ...(range.upper ? { ':upper': range.upper } : {}),
              ...source.input.values,
            },
            ScanIndexForward: false,
            // One more than asked tells whether the list goes on, when every item read is shown.
            Limit: matches ? FILTERED_PAGE_SIZE : Math.min(limit + 1, FILTERED_PAGE_SIZE),
            ExclusiveStartKey: start,
          }),
        );
        for (const item of out.Items ?? []) {
          const story = source.toStory(item);
          if (matches && !matches(story)) continue;
          if (items.length === limit) return { items, nextCursor: encodeCursor(lastKey!) };
          items.push(story);
          lastKey = Object.fromEntries(source.keyNames.map((name) => [name, item[name]]));
        }
        start = out.LastEvaluatedKey;
        if (!start) return { items };
      }
      // The read bound is reached: the cursor resumes after the last item examined.
      return { items, nextCursor: encodeCursor(start!) };
    },

    async story(id) {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: keys.story(id) }));
      if (!out.Item) return undefined;
      const { PK: _pk, SK: _sk, GSI1PK: _g, GSI1SK: _gs, ...record } = out.Item;
      return record as StoryRecord;
    },

    async clusterMembers(clusterId, limit) {
      const members: ListedStory[] = [];
      for await (const page of pages({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        FilterExpression: PUBLISHED_ONLY.FilterExpression,
        ExpressionAttributeNames: PUBLISHED_ONLY.names,
        ExpressionAttributeValues: { ':pk': keys.clusterPartition(clusterId), ...PUBLISHED_ONLY.values },
        ScanIndexForward: false,
        Limit: FILTERED_PAGE_SIZE,
      })) {
        members.push(...(page.Items ?? []).map((item) => item.card as ListedStory));
        if (members.length >= limit) break;
      }
      return members.slice(0, limit);
    },

    async coverage(orgSlug) {
      const months: Record<string, number> = {};
      let total = 0;
      const totalSk = keys.coverageTotal(orgSlug).SK;
      const monthPrefix = keys.coverageMonth(orgSlug, '').SK;
      for await (const page of pages({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.coveragePartition(orgSlug) },
      })) {
        for (const item of page.Items ?? []) {
          const count = Number(item.count ?? 0);
          if (item.SK === totalSk) total = count;
          // Edits move stories between months: a month counted down to zero is no coverage.
          else if (count > 0) months[String(item.SK).slice(monthPrefix.length)] = count;
        }
      }
      return { total, months };
    },

    async totals(orgSlugs) {
      const slugs = [...new Set(orgSlugs)];
      const slugByPk = new Map(slugs.map((slug) => [keys.coveragePartition(slug), slug]));
      const items = await batchGet(slugs.map((slug) => keys.coverageTotal(slug)));
      const totals = new Map(slugs.map((slug) => [slug, 0]));
      for (const item of items) totals.set(slugByPk.get(String(item.PK))!, Number(item.count ?? 0));
      return totals;
    },

    async outlets(orgSlug, maxStories) {
      const counts = new Map<string, { id: string; name: string; count: number }>();
      let read = 0;
      let complete = true;
      for await (const page of pages({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        FilterExpression: PUBLISHED_ONLY.FilterExpression,
        ProjectionExpression: 'card.#source, card.sourceName',
        ExpressionAttributeNames: { ...PUBLISHED_ONLY.names, '#source': 'source' },
        ExpressionAttributeValues: { ':pk': keys.tagPartition('organisation', orgSlug), ...PUBLISHED_ONLY.values },
        ScanIndexForward: false,
        Limit: Math.min(maxStories, OUTLET_PAGE_SIZE),
      })) {
        for (const item of page.Items ?? []) {
          const card = item.card as Pick<ListedStory, 'source' | 'sourceName'>;
          const entry = counts.get(card.source) ?? { id: card.source, name: card.sourceName, count: 0 };
          entry.count += 1;
          counts.set(card.source, entry);
        }
        read += page.Items?.length ?? 0;
        if (read >= maxStories && page.LastEvaluatedKey) {
          complete = false;
          break;
        }
      }
      const outlets = [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      return { outlets, complete };
    },

    async countTagged(facet, slug) {
      let count = 0;
      for await (const page of pages({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        FilterExpression: PUBLISHED_ONLY.FilterExpression,
        ExpressionAttributeNames: PUBLISHED_ONLY.names,
        ExpressionAttributeValues: { ':pk': keys.tagPartition(facet, slug), ...PUBLISHED_ONLY.values },
        Select: 'COUNT',
      })) {
        count += page.Count ?? 0;
      }
      return count;
    },

    async organisationProfiles() {
      const profiles: Array<OrganisationProfile & { slug: string }> = [];
      const prefix = keys.organisation('').PK;
      for await (const page of pages({
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.organisationsPartition },
      })) {
        for (const item of page.Items ?? []) {
          const { PK, SK: _sk, GSI1PK: _g, GSI1SK: _gs, ...profile } = item;
          profiles.push({ ...(profile as OrganisationProfile), slug: String(PK).slice(prefix.length) });
        }
      }
      return profiles;
    },
  };
}
