// `/organisations` (the directory, with counts) and `/organisations/:slug` (one organisation,
// with its coverage per month as a chart).
import { html, raw } from 'hono/html';
import type { OrganisationKind } from '../../core/model.ts';
import type { OrganisationProfileOut, OrganisationSummaryOut } from '../schemas.ts';
import { KIND_NAMES, SECTOR_NAMES } from '../taxonomy.ts';
import { coverageChart } from './coverage-chart.ts';
import { feedList, type Html } from './layout.ts';
import { storyList } from './story-list.ts';

export function organisationsPage(organisations: OrganisationSummaryOut[], kind: OrganisationKind | undefined): Html {
  return html`<h1>Organisations</h1>
<form class="filters" method="get" action="/organisations">
<label>Kind<select name="kind"><option value="">Any</option>${Object.entries(KIND_NAMES).map(
    ([value, text]) => html`<option value="${value}"${kind === value ? ' selected' : ''}>${text}</option>`,
  )}</select></label>
<button type="submit">Show</button>
</form>
<table>
<thead><tr><th>Organisation</th><th>Kind</th><th>Stories</th></tr></thead>
<tbody>${organisations.map(
    (o) => html`<tr><td><a href="/organisations/${o.slug}">${o.name}</a></td><td>${KIND_NAMES[o.kind]}</td><td>${o.count}</td></tr>`,
  )}</tbody>
</table>`;
}

function lineage(profile: OrganisationProfileOut, known: (slug: string) => boolean): Html {
  const { spunOutFrom, year, spinOuts } = profile.lineage;
  const name = (ref: { name: string; slug: string }) => (known(ref.slug) ? html`<a href="/organisations/${ref.slug}">${ref.name}</a>` : ref.name);
  return html`${spunOutFrom ? html`<p>Spun out of ${name(spunOutFrom)}${year ? ` in ${year}` : ''}.</p>` : ''}${
    spinOuts.length ? html`<p>Mutuals that left it: ${spinOuts.map((s, n) => html`${n ? ', ' : ''}${name(s)}${s.year ? ` (${s.year})` : ''}`)}.</p>` : ''
  }`;
}

export function organisationPage(profile: OrganisationProfileOut, known: (slug: string) => boolean): Html {
  const chart = coverageChart(profile.coverage, profile.name);
  return html`<h1>${profile.name}</h1>
<p class="meta">${KIND_NAMES[profile.kind]}${profile.region ? ` · ${profile.region}` : ''}${
    profile.sectors.length ? html` · ${profile.sectors.map((s) => html`<a class="tag" href="/?sector=${s}">${SECTOR_NAMES[s]}</a>`)}` : ''
  }</p>
${profile.aliases.length ? html`<p class="meta">Also known as ${profile.aliases.join('; ')}.</p>` : ''}
${lineage(profile, known)}
${feedList(profile.feeds)}
<h2>Coverage</h2>
<p>${profile.count} published ${profile.count === 1 ? 'story' : 'stories'}.</p>
${chart ? raw(chart) : ''}
${profile.outlets.length ? html`<h2>Outlets</h2>
<table><thead><tr><th>Outlet</th><th>Stories</th></tr></thead><tbody>${profile.outlets.map(
    (o) => html`<tr><td>${o.name}</td><td>${o.count}</td></tr>`,
  )}</tbody></table>${profile.outletsComplete ? '' : html`<p class="meta">Counted over the newest stories.</p>`}` : ''}
<h2>Recent stories</h2>
${storyList(profile.recent)}
<p><a href="/?organisation=${profile.slug}">All stories about ${profile.name}</a></p>`;
}
