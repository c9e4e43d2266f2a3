// The organisations list (the knowledge base with editors' profiles over it) and its form.
import { html } from 'hono/html';
import type { CuratedOrganisation } from '../../../core/curation/organisations.ts';
import type { AuditEntry } from '../../../store/story-repository.ts';
import { KIND_NAMES, ORGANISATION_KINDS, SECTOR_NAMES, SECTORS } from '../../taxonomy.ts';
import { auditTrail, page, type Html, type View } from './layout.ts';

/** At most this many rows on one page: search narrows the list. */
const SHOWN = 200;

export function organisationsPage(view: View, query: string, list: CuratedOrganisation[]): Html {
  return page(
    view,
    { title: 'Organisations', section: 'organisations' },
    html`<h1>Organisations</h1>
<form class="inline" method="get" action="${view.base}/organisations" role="search">
<label>Name or alias <input name="q" value="${query}" type="search" data-key="/"></label>
<button type="submit">Search</button>
<a href="${view.base}/organisations/new">Add an organisation</a>
</form>
<p class="meta">${list.length} found${list.length > SHOWN ? `, the first ${SHOWN} shown` : ''}.</p>
<table>
<thead><tr><th>Name</th><th>Kind</th><th>Sectors</th><th>Spun out from</th><th>Year</th><th>Version</th></tr></thead>
<tbody>${list.slice(0, SHOWN).map(
      (o) => html`<tr data-row tabindex="0">
<td><a data-key="o" href="${view.base}/organisations/${o.slug}">${o.name}</a>${o.aliases.length ? html`<div class="meta">${o.aliases.join(' · ')}</div>` : ''}</td>
<td>${KIND_NAMES[o.kind] ?? o.kind}</td>
<td>${o.sectors.map((s) => html`<span class="tag">${SECTOR_NAMES[s] ?? s}</span>`)}</td>
<td>${o.spunOutFrom ?? ''}</td><td>${o.year ?? ''}</td><td>${o.version || 'bundled'}</td>
</tr>`,
    )}</tbody>
</table>`,
  );
}

/** The add form (no organisation) or the edit form with the organisation's audit trail. */
export function organisationPage(view: View, organisation?: CuratedOrganisation, audit: Array<AuditEntry & { version: number }> = []): Html {
  const o = organisation;
  const action = o ? `${view.base}/organisations/${o.slug}` : `${view.base}/organisations`;
  return page(
    view,
    { title: o ? o.name : 'Add an organisation', section: 'organisations' },
    html`<h1>${o ? o.name : 'Add an organisation'}</h1>
${o ? html`<p class="meta">slug ${o.slug} · ${o.version ? `version ${o.version}` : 'as bundled with the tagger, not yet edited'}</p>` : ''}
<form class="stack" method="post" action="${action}">
${o ? html`<input type="hidden" name="version" value="${o.version}">` : ''}
<label>Name <input name="name" value="${o?.name ?? ''}" required></label>
<label>Aliases <span class="meta">one a line: other names and abbreviations the tagger should know</span>
<textarea name="aliases">${(o?.aliases ?? []).join('\n')}</textarea></label>
<label>Kind <select name="kind">${ORGANISATION_KINDS.map(
      (k) => html`<option value="${k}"${o?.kind === k ? html` selected` : ''}>${KIND_NAMES[k]}</option>`,
    )}</select></label>
<fieldset class="checks"><legend>Sectors</legend>${SECTORS.map(
      (s) => html`<label><input type="checkbox" name="sectors" value="${s}"${o?.sectors.includes(s) ? html` checked` : ''}> ${SECTOR_NAMES[s]}</label>`,
    )}</fieldset>
<label>Region <input name="region" value="${o?.region ?? ''}"></label>
<fieldset><legend>Lineage</legend>
<label>Spun out from <input name="spunOutFrom" value="${o?.spunOutFrom ?? ''}"></label>
<label>Year <input name="year" inputmode="numeric" pattern="[0-9]{4}" value="${o?.year ?? ''}"></label>
</fieldset>
<div><button type="submit" class="primary">${o ? 'Save changes' : 'Add organisation'}</button></div>
</form>
${o ? html`<h2>Audit trail</h2>${auditTrail(audit)}` : ''}`,
  );
}
