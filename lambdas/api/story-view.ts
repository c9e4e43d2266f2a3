// A stored story as clients see it: in the JSON API and as a feed entry.
import { organisationSlug } from '../core/organisation-slug.ts';
import { slugify } from '../core/slug.ts';
import type { FeedEntry } from '../core/feeds/render-feed.ts';
import type { ListedStory } from '../store/query-repository.ts';
import type { StoryOut } from './schemas.ts';
import { SECTOR_NAMES } from './taxonomy.ts';

export function publicStory(story: ListedStory): StoryOut {
  const tags = story.tags;
  return {
    id: story.id,
    url: story.url,
    title: story.title,
    published: story.published,
    ...(story.author ? { author: story.author } : {}),
    source: { id: story.source, name: story.sourceName },
    summary: story.summary,
    sectors: tags?.sectors ?? [],
    eventType: tags?.eventType ?? null,
    organisations: (tags?.organisations ?? []).map((o) => ({ name: o.name, kind: o.kind, slug: organisationSlug(o.name) })),
    people: (tags?.people ?? []).map((p) => ({ name: p.name, ...(p.role ? { role: p.role } : {}), slug: slugify(p.name) })),
    places: tags?.places ?? [],
    cluster: tags?.cluster ?? null,
  };
}

/** A feed entry, categorised by its sectors and organisations. */
export function feedEntry(story: ListedStory, base: string): FeedEntry {
  const tags = story.tags;
  return {
    id: `urn:mutuals-news:story:${story.id}`,
    title: story.title,
    url: story.url,
    published: new Date(story.published),
    summary: story.summary,
    author: story.author,
    categories: [
      ...(tags?.sectors ?? []).map((s) => ({ term: s, label: SECTOR_NAMES[s], scheme: `${base}/api/sectors` })),
      ...(tags?.organisations ?? []).map((o) => ({ term: organisationSlug(o.name), label: o.name, scheme: `${base}/api/organisations` })),
    ],
  };
}
