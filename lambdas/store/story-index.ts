// The items a story owns besides itself, derived from the record alone, so that storing,
// re-tagging and editing all compute them the same way and a diff tells what to rewrite.
import { organisationSlug } from '../core/organisation-slug.ts';
import { slugify } from '../core/slug.ts';
import type { StoryRecord } from '../core/model.ts';
import { keys, type Key, type TagFacet } from './keys.ts';

/** The list view of a story: everything but the body, carried by index items. */
export type StoryCard = Omit<StoryRecord, 'text'>;

/** Index items carry the card and the status, so a list is one Query filtered on status. */
export interface IndexItem extends Key {
  storyId: string;
  status: StoryRecord['status'];
  card: StoryCard;
}

// Caps keep one story's counter updates (two per organisation, before and after an edit)
// far inside DynamoDB's 100-item transaction.
const MAX_PER_FACET = 12;

export function storyCard(record: StoryRecord): StoryCard {
  const { text: _text, ...card } = record;
  return card;
}

/** The tag values a story is listed under, per facet, as slugs. */
export function facetSlugs(record: StoryRecord): Array<[TagFacet, string]> {
  const tags = record.tags;
  if (!tags) return [];
  const entries: Array<[TagFacet, string[]]> = [
    ['organisation', tags.organisations.map((o) => organisationSlug(o.name))],
    ['sector', tags.sectors],
    ['event', [tags.eventType]],
    ['person', tags.people.map((p) => p.name)],
    ['place', tags.places],
  ];
  return entries.flatMap(([facet, names]) =>
    [...new Set(names.map(slugify).filter(Boolean))].slice(0, MAX_PER_FACET).map((slug): [TagFacet, string] => [facet, slug]),
  );
}

/** Tag index items and the cluster member item for a record. */
export function indexItems(record: StoryRecord): IndexItem[] {
  const card = storyCard(record);
  const item = (key: Key): IndexItem => ({ ...key, storyId: record.id, status: record.status, card });
  const items = facetSlugs(record).map(([facet, slug]) => item(keys.tagIndex(facet, slug, record.published, record.id)));
  if (record.tags?.cluster) items.push(item(keys.clusterMember(record.tags.cluster, record.published, record.id)));
  return items;
}

/** Coverage counters a record adds to: only published stories count as coverage. */
export function counterKeys(record: StoryRecord): Key[] {
  if (record.status !== 'published' || !record.tags) return [];
  const month = record.published.slice(0, 7);
  const orgs = [...new Set(record.tags.organisations.map((o) => organisationSlug(o.name)).filter(Boolean))].slice(0, MAX_PER_FACET);
  return orgs.flatMap((org) => [keys.coverageMonth(org, month), keys.coverageTotal(org)]);
}

const keyOf = (k: Key) => `${k.PK}\u0000${k.SK}`;

/** What an update from `before` to `after` must write: index puts and deletes, counter deltas. */
export function indexDiff(before: StoryRecord | undefined, after: StoryRecord) {
  const next = indexItems(after);
  const nextKeys = new Set(next.map(keyOf));
  const deletes = (before ? indexItems(before) : []).filter((i) => !nextKeys.has(keyOf(i))).map(({ PK, SK }) => ({ PK, SK }));
  const deltas = new Map<string, { key: Key; delta: number }>();
  const count = (list: Key[], delta: number) => {
    for (const key of list) {
      const entry = deltas.get(keyOf(key)) ?? { key, delta: 0 };
      entry.delta += delta;
      deltas.set(keyOf(key), entry);
    }
  };
  if (before) count(counterKeys(before), -1);
  count(counterKeys(after), +1);
  return { puts: next, deletes, counters: [...deltas.values()].filter((d) => d.delta !== 0) };
}
