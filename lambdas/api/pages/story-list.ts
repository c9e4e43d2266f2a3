// A list of stories as the pages show it.
import { html } from 'hono/html';
import type { StoryOut } from '../schemas.ts';
import { EVENT_NAMES, SECTOR_NAMES } from '../taxonomy.ts';
import type { Html } from './layout.ts';

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// Escaping keeps markup out, not schemes: only web addresses become links.
const isWebLink = (url: string) => /^https?:\/\//i.test(url);

function storyItem(story: StoryOut): Html {
  const title = html`<strong>${story.title}</strong>`;
  return html`<li>
${isWebLink(story.url) ? html`<a href="${story.url}" rel="noopener">${title}</a>` : title}
<div class="meta"><time datetime="${story.published}">${day(story.published)}</time> · ${story.source.name}${
    story.eventType ? html` · <a href="/?event=${story.eventType}">${EVENT_NAMES[story.eventType]}</a>` : ''
  }</div>
<div>${story.summary}</div>
<div>${story.sectors.map((s) => html`<a class="tag" href="/?sector=${s}">${SECTOR_NAMES[s]}</a>`)}${story.organisations.map(
    (o) => html`<a class="tag" href="/organisations/${o.slug}">${o.name}</a>`,
  )}</div>
</li>`;
}

export function storyList(stories: StoryOut[]): Html {
  if (stories.length === 0) return html`<p>No published stories match.</p>`;
  return html`<ol class="stories">${stories.map(storyItem)}</ol>`;
}
