// The review queue, a story with its editing form and audit trail, and a cluster.
import { html } from 'hono/html';
import type { StoryRecord, StoryStatus, Tags } from '../../../core/model.ts';
import type { CuratedOrganisation } from '../../../core/curation/organisations.ts';
import type { StoryCard } from '../../../store/story-index.ts';
import type { AuditEntry } from '../../../store/story-repository.ts';
import { EVENT_NAMES, EVENT_TYPES, SECTOR_NAMES, SECTORS } from '../../taxonomy.ts';
import { actionButton, auditTrail, page, returnField, statusBadge, type Html, type View } from './layout.ts';

export type QueueTab = StoryStatus | 'featured';
const TABS: Array<[QueueTab, string]> = [
  ['pending', 'Pending'],
  ['published', 'Published'],
  ['rejected', 'Rejected'],
  ['featured', 'Featured'],
];

const percent = (tags?: Tags) => (tags ? `${Math.round(tags.relevance * 100)}%` : '–');
const day = (iso: string) => iso.slice(0, 10);

function tagList(tags: Tags | undefined, known?: (name: string) => boolean): Html {
  if (!tags) return html`<span class="meta">not tagged</span>`;
  return html`<span class="tag event">${EVENT_NAMES[tags.eventType] ?? tags.eventType}</span>${tags.sectors.map(
    (s) => html`<span class="tag">${SECTOR_NAMES[s] ?? s}</span>`,
  )}${tags.organisations.map((o) =>
    known && !known(o.name)
      ? html`<span class="tag unknown" title="not in the organisations list">${o.name}?</span>`
      : html`<span class="tag">${o.name}</span>`,
  )}`;
}

/** Approve, reject, feature, unfeature: the buttons that make sense for the story's state. */
function reviewButtons(view: View, story: Pick<StoryRecord, 'id' | 'version' | 'status' | 'featured'>, returnTo: string): Html {
  const act = (action: string, label: string, key: string, className?: string) =>
    actionButton(`${view.base}/stories/${encodeURIComponent(story.id)}/review`, { version: story.version, action, return: returnTo }, label, { key, className });
  return html`<div class="actions">${[
    story.status !== 'published' ? act('approve', 'Approve', 'a', 'primary') : '',
    story.status !== 'rejected' ? act('reject', 'Reject', 'r', 'danger') : '',
    story.status === 'published' && !story.featured ? act('feature', 'Feature', 'f') : '',
    story.featured ? act('unfeature', 'Unfeature', 'u') : '',
  ]}</div>`;
}

const KEYS = html`<details class="keys"><summary>Keyboard shortcuts</summary>
<p><kbd>j</kbd> / <kbd>k</kbd> next / previous story · <kbd>o</kbd> open · <kbd>a</kbd> approve · <kbd>r</kbd> reject · <kbd>f</kbd> feature · <kbd>u</kbd> unfeature · <kbd>e</kbd> edit (on a story) · <kbd>Tab</kbd> moves through every control.</p>
</details>`;

export function queuePage(view: View, tab: QueueTab, stories: Array<StoryCard | StoryRecord>): Html {
  const here = `${view.base}?status=${tab}`;
  return page(
    view,
    { title: 'Review queue', section: 'queue' },
    html`<h1>Review queue</h1>
<nav class="tabs" aria-label="Stories by state">${TABS.map(
      ([t, label]) => html`<a href="${view.base}?status=${t}"${t === tab ? html` aria-current="page"` : ''}>${label}</a>`,
    )}</nav>
${KEYS}
${stories.length === 0
  ? html`<p>No ${tab} stories.</p>`
  : html`<table>
<thead><tr><th>Story</th><th>Relevance</th><th>Tags</th><th>Actions</th></tr></thead>
<tbody>${stories.map(
      (s) => html`<tr data-row tabindex="0" data-story="${s.id}">
<td><a data-key="o" href="${view.base}/stories/${encodeURIComponent(s.id)}">${s.title}</a>
<div class="meta">${statusBadge(s.status, s.featured)} ${s.sourceName} · ${day(s.published)}</div></td>
<td>${percent(s.tags)}</td>
<td>${tagList(s.tags)}</td>
<td>${reviewButtons(view, s, here)}</td>
</tr>`,
    )}</tbody>
</table>`}`,
  );
}

const lines = (values: string[]) => values.join('\n');

export interface StoryPageData {
  story: StoryRecord;
  audit: Array<AuditEntry & { version: number }>;
  cluster: StoryCard[];
  organisations: CuratedOrganisation[];
  known: (name: string) => boolean;
}

export function storyPage(view: View, { story, audit, cluster, organisations, known }: StoryPageData): Html {
  const here = `${view.base}/stories/${encodeURIComponent(story.id)}`;
  const tags = story.tags;
  const orgInputs = [...(tags?.organisations.map((o) => o.name) ?? []), '', ''];
  const owned = new Set(story.editorFields ?? []);
  const byEditor = (field: keyof Tags) => (owned.has(field) ? html` <span class="meta">(set by an editor)</span>` : '');
  return page(
    view,
    { title: story.title, section: 'queue' },
    html`<h1>${story.title}</h1>
<p class="meta">${statusBadge(story.status, story.featured)} version ${story.version} · ${story.sourceName} · ${day(story.published)} · relevance ${percent(tags)} · <a href="${story.url}" rel="noreferrer">original</a></p>
${reviewButtons(view, story, here)}
${KEYS}
<div class="grid">
<section aria-labelledby="edit-heading">
<h2 id="edit-heading">Edit</h2>
<form class="stack" method="post" action="${here}/edit">
<input type="hidden" name="version" value="${story.version}">
${returnField(here)}
<label>Title <input name="title" value="${story.title}" required data-key="e"></label>
<label>Summary <textarea name="summary">${story.summary}</textarea></label>
${tags
  ? html`<fieldset class="checks"><legend>Sectors${byEditor('sectors')}</legend>${SECTORS.map(
      (s) => html`<label><input type="checkbox" name="sectors" value="${s}"${tags.sectors.includes(s) ? html` checked` : ''}> ${SECTOR_NAMES[s]}</label>`,
    )}</fieldset>
<label>Event type${byEditor('eventType')} <select name="eventType">${EVENT_TYPES.map(
      (e) => html`<option value="${e}"${tags.eventType === e ? html` selected` : ''}>${EVENT_NAMES[e]}</option>`,
    )}</select></label>
<fieldset><legend>Organisations${byEditor('organisations')}</legend>
<p class="meta">Names from the <a href="${view.base}/organisations">organisations list</a>; clear a box to remove one.</p>
${orgInputs.map(
  (name, n) => html`<div><input name="organisations" list="organisation-names" value="${name}" aria-label="Organisation ${n + 1}">${
    name && !known(name) ? html` <span class="tag unknown">not in the organisations list</span>` : ''
  }</div>`,
)}
</fieldset>
<label>People${byEditor('people')} <span class="meta">one a line: Name | role</span>
<textarea name="people">${lines(tags.people.map((p) => (p.role ? `${p.name} | ${p.role}` : p.name)))}</textarea></label>
<label>Places${byEditor('places')} <span class="meta">one a line</span>
<textarea name="places">${lines(tags.places)}</textarea></label>`
  : html`<p class="meta">This story has not been tagged yet.</p>`}
<div><button type="submit" class="primary">Save changes</button></div>
</form>
<h2>Text</h2>
<div class="text">${story.text}</div>
</section>
<aside>
<h2>Cluster</h2>
${tags
  ? html`<p><a href="${view.base}/clusters/${encodeURIComponent(tags.cluster)}">${cluster.length} ${cluster.length === 1 ? 'story' : 'stories'} in cluster ${tags.cluster}</a></p>
<ul>${cluster.filter((m) => m.id !== story.id).map((m) => html`<li><a href="${view.base}/stories/${encodeURIComponent(m.id)}">${m.title}</a> <span class="meta">${m.sourceName}</span></li>`)}</ul>
${cluster.length > 1 ? actionButton(`${here}/split`, { version: story.version, return: here }, 'Split out of this cluster') : ''}`
  : html`<p class="meta">Not clustered yet.</p>`}
<h2 id="audit">Audit trail</h2>
${auditTrail(audit)}
</aside>
</div>
<datalist id="organisation-names">${organisations.map((o) => html`<option value="${o.name}"></option>`)}</datalist>`,
  );
}

export function clusterPage(view: View, id: string, members: StoryCard[]): Html {
  const here = `${view.base}/clusters/${encodeURIComponent(id)}`;
  return page(
    view,
    { title: `Cluster ${id}`, section: 'queue' },
    html`<h1>Cluster <code>${id}</code></h1>
<p>${members.length} ${members.length === 1 ? 'story' : 'stories'} about the same event.</p>
<table>
<thead><tr><th>Story</th><th>State</th><th>Actions</th></tr></thead>
<tbody>${members.map(
      (m) => html`<tr data-row tabindex="0">
<td><a data-key="o" href="${view.base}/stories/${encodeURIComponent(m.id)}">${m.title}</a><div class="meta">${m.sourceName} · ${day(m.published)}</div></td>
<td>${statusBadge(m.status, m.featured)}</td>
<td>${members.length > 1 ? actionButton(`${view.base}/stories/${encodeURIComponent(m.id)}/split`, { version: m.version, return: here }, 'Split out', { key: 's' }) : ''}</td>
</tr>`,
    )}</tbody>
</table>
<h2>Merge another cluster into this one</h2>
<form class="inline" method="post" action="${view.base}/clusters/merge">
<input type="hidden" name="into" value="${id}">
${returnField(here)}
<label>Cluster id <input name="from" required></label>
<button type="submit">Merge into ${id}</button>
</form>`,
  );
}
