// `/`: the latest stories, filters by sector, event and organisation, and the feeds of the list.
import { html } from 'hono/html';
import type { StoryFilters } from '../../store/query-repository.ts';
import type { FeedLinksOut, StoryOut } from '../schemas.ts';
import { EVENT_NAMES, SECTOR_NAMES } from '../taxonomy.ts';
import { feedList, type Html } from './layout.ts';
import { storyList } from './story-list.ts';

export interface HomePageData {
  filters: StoryFilters;
  stories: StoryOut[];
  /** The link to the next page, when the list goes on. */
  nextHref?: string;
  /** The organisations offered as a filter (those with coverage). */
  organisations: Array<{ slug: string; name: string; count: number }>;
  feeds: FeedLinksOut;
}

function select(name: string, label: string, options: Array<[string, string]>, current: string | undefined): Html {
  return html`<label>${label}<select name="${name}"><option value="">Any</option>${options.map(
    ([value, text]) => html`<option value="${value}"${current === value ? ' selected' : ''}>${text}</option>`,
  )}</select></label>`;
}

export function homePage(data: HomePageData): Html {
  const f = data.filters;
  return html`<h1>News about public service mutuals</h1>
<form class="filters" method="get" action="/">
${select('sector', 'Sector', Object.entries(SECTOR_NAMES), f.sector)}
${select('event', 'Event', Object.entries(EVENT_NAMES), f.event)}
${select('organisation', 'Organisation', data.organisations.map((o) => [o.slug, `${o.name} (${o.count})`]), f.organisation)}
<label>Words<input type="search" name="q" value="${f.q ?? ''}"></label>
<button type="submit">Show</button>
</form>
${feedList(data.feeds)}
${storyList(data.stories)}
${data.nextHref ? html`<p><a href="${data.nextHref}" rel="next">Older stories →</a></p>` : ''}`;
}
