// Re-tagging a stored story after a knowledge-base or model change: the tagger's new view,
// except the fields an editor set by hand, and the cluster (which is history: stories joined
// it one by one, and editors merge and split clusters).
import type { StoryRecord, Tags } from '../model.ts';
import type { StoryTagger } from '../ports.ts';

export type TagField = keyof Tags;
const FIELDS: TagField[] = ['relevant', 'relevance', 'sectors', 'eventType', 'organisations', 'people', 'places', 'published'];

export interface Retagged {
  record: StoryRecord;
  /** The tag fields whose value changed. */
  changed: TagField[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function retagStory(story: StoryRecord, tagger: StoryTagger): Retagged {
  const fresh = tagger.tag({ id: story.id, title: story.title, text: story.text, url: story.url, published: story.published }, []);
  const kept = new Set<TagField>([...(story.editorFields ?? []), 'cluster']);
  const tags = { ...fresh } as Record<TagField, unknown>;
  for (const field of kept) {
    if (story.tags && field in story.tags) tags[field] = story.tags[field];
  }
  const next = tags as unknown as Tags;
  const changed = FIELDS.filter((f) => !kept.has(f) && !same(story.tags?.[f], next[f]));
  return { record: { ...story, tags: next, taggerVersion: tagger.version }, changed };
}
