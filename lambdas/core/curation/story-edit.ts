// What an editor's action does to a stored story, as pure functions: the new record, the fields
// it changed (before and after, for the audit trail) and the tag fields now owned by editors.
import type { EventType, Sector, StoryRecord, Tags, TaggedOrganisation, TaggedPerson } from '../model.ts';
import type { LabelledExample } from '../tag/train.ts';
import { foldName } from '../tag/text.ts';
import type { CuratedOrganisation } from './organisations.ts';

export interface StoryPatch {
  title?: string;
  summary?: string;
  sectors?: Sector[];
  eventType?: EventType;
  /** Names (or aliases) of organisations: new ones must be in the organisations list. */
  organisations?: string[];
  people?: TaggedPerson[];
  places?: string[];
}

export type ReviewAction = 'approve' | 'reject' | 'feature' | 'unfeature';

export interface StoryChange {
  action: string;
  after: Omit<StoryRecord, 'version'>;
  /** The changed fields only, as they were and as they are now. */
  before: Record<string, unknown>;
  changed: Record<string, unknown>;
}

/** The action makes no sense for this story (an unknown organisation, featuring a rejected story). */
export class EditRejectedError extends Error {
  override readonly name = 'EditRejectedError';
}

type TagField = keyof Tags;
/** The fields the tagger's models learn: a change to one makes a labelled example. */
const LEARNED: readonly string[] = ['relevant', 'sectors', 'eventType', 'cluster', 'status'];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Builds the change from the fields that differ; undefined when nothing does. */
function change(record: StoryRecord, action: string, story: Partial<StoryRecord>, tags: Partial<Tags>): StoryChange | undefined {
  const before: Record<string, unknown> = {};
  const changed: Record<string, unknown> = {};
  const storyFields = Object.entries(story).filter(([k, v]) => !same(record[k as keyof StoryRecord], v));
  const tagFields = Object.entries(tags).filter(([k, v]) => !same(record.tags?.[k as TagField], v));
  // null stands for "not set", which a stored entry could not otherwise show
  for (const [k, v] of storyFields) [before[k], changed[k]] = [record[k as keyof StoryRecord] ?? null, v];
  for (const [k, v] of tagFields) [before[k], changed[k]] = [record.tags?.[k as TagField] ?? null, v];
  if (storyFields.length + tagFields.length === 0) return undefined;
  if (tagFields.length > 0 && !record.tags) throw new EditRejectedError('this story has not been tagged yet');
  const { version: _v, ...rest } = record;
  const owned = [...new Set([...(record.editorFields ?? []), ...tagFields.map(([k]) => k as TagField)])];
  return {
    action,
    before,
    changed,
    after: {
      ...rest,
      ...Object.fromEntries(storyFields),
      ...(record.tags ? { tags: { ...record.tags, ...Object.fromEntries(tagFields) } } : {}),
      ...(owned.length ? { editorFields: owned } : {}),
    },
  };
}

/** Applies an edit. New organisations are linked to the list (canonical name and kind). */
export function editStory(
  record: StoryRecord,
  patch: StoryPatch,
  findOrganisation: (name: string) => CuratedOrganisation | undefined,
): StoryChange | undefined {
  const tags: Partial<Tags> = {};
  if (patch.sectors) {
    const sectors = unique(patch.sectors, (s) => s);
    const current = record.tags?.sectors ?? [];
    // the same sectors in another order are no change
    tags.sectors = sectors.length === current.length && sectors.every((s) => current.includes(s)) ? current : sectors;
  }
  if (patch.eventType) tags.eventType = patch.eventType;
  if (patch.people) tags.people = unique(patch.people.map((p) => ({ ...p, name: p.name.trim() })), (p) => foldName(p.name));
  if (patch.places) tags.places = unique(patch.places.map((p) => p.trim()), foldName);
  if (patch.organisations) {
    const current = new Map((record.tags?.organisations ?? []).map((o) => [foldName(o.name), o]));
    const linked = patch.organisations.map((name): TaggedOrganisation => {
      // an organisation the story already names stays as it is, known or not
      const kept = current.get(foldName(name));
      if (kept) return kept;
      const known = findOrganisation(name);
      if (!known) throw new EditRejectedError(`unknown organisation "${name.trim()}": add it to the organisations first`);
      return { name: known.name, kind: known.kind };
    });
    tags.organisations = unique(linked, (o) => foldName(o.name));
  }
  // surrounding white space is no change either (a form sends back what it was given, trimmed)
  const story: Partial<StoryRecord> = {};
  if (patch.title !== undefined && patch.title.trim() !== record.title.trim()) story.title = patch.title.trim();
  if (patch.summary !== undefined && patch.summary.trim() !== record.summary.trim()) story.summary = patch.summary.trim();
  return change(record, 'edit', story, tags);
}

/** Approve publishes, reject hides (and unfeatures); both settle relevance by hand. */
export function reviewStory(record: StoryRecord, action: ReviewAction): StoryChange | undefined {
  switch (action) {
    case 'approve':
      return change(record, action, { status: 'published' }, record.tags ? { relevant: true } : {});
    case 'reject':
      return change(record, action, { status: 'rejected', ...(record.featured ? { featured: false } : {}) }, record.tags ? { relevant: false } : {});
    case 'feature':
      if (record.status !== 'published') throw new EditRejectedError(`only a published story can be featured (this one is ${record.status})`);
      return change(record, action, { featured: true }, {});
    case 'unfeature':
      return record.featured ? change(record, action, { featured: false }, {}) : undefined;
  }
}

/** Moves a story into another cluster (a merge, or a split into a cluster of its own). */
export function moveToCluster(record: StoryRecord, cluster: string, action: 'merge-cluster' | 'split-cluster'): StoryChange | undefined {
  return change(record, action, {}, { cluster });
}

/**
 * Marks a story's cluster as an editor's (a merge confirms the stories already in the cluster it
 * merges into): re-tagging keeps it from then on, and the tagger learns it.
 */
export function confirmCluster(record: StoryRecord): StoryChange | undefined {
  if (!record.tags || record.editorFields?.includes('cluster')) return undefined;
  const { version: _v, ...rest } = record;
  return { action: 'confirm-cluster', before: {}, changed: { cluster: record.tags.cluster }, after: { ...rest, editorFields: [...(record.editorFields ?? []), 'cluster'] } };
}

/** Whether a change touched what the tagger learns, so the story becomes a labelled example. */
export const teachesTagger = (c: StoryChange) => Object.keys(c.changed).some((k) => LEARNED.includes(k));

/** The story as a labelled example: the tagger's training format, labels as the editors left them. */
export function labelledExample(record: Omit<StoryRecord, 'version'>): LabelledExample | undefined {
  const tags = record.tags;
  if (!tags) return undefined;
  const relevant = record.status === 'rejected' ? false : record.status === 'published' ? true : tags.relevant;
  return {
    id: record.id,
    title: record.title,
    text: record.text,
    url: record.url,
    published: record.published,
    gold: {
      relevant,
      sectors: tags.sectors,
      eventType: tags.eventType,
      // a cluster counts as a label only once an editor has placed the story in it
      ...(record.editorFields?.includes('cluster') ? { cluster: tags.cluster } : {}),
    },
  };
}
