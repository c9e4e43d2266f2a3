// Sources with their health; admins add, pause and resume them.
import { html } from 'hono/html';
import { permits } from '../../../core/auth/editor.ts';
import type { StoredSource } from '../../../core/ports.ts';
import type { AuditEntry } from '../../../store/story-repository.ts';
import { actionButton, auditTrail, page, returnField, type Html, type View } from './layout.ts';

const when = (iso?: string) => (iso ? iso.slice(0, 16).replace('T', ' ') : '–');

/** The error that matters: the last one, unless a success came after it. */
const currentError = (s: StoredSource) => (s.health.lastError && (s.health.lastErrorAt ?? '') >= (s.health.lastSuccessAt ?? '') ? s.health.lastError : '');

function stateButton(view: View, s: StoredSource, returnTo: string): Html {
  const paused = s.enabled === false;
  return actionButton(`${view.base}/sources/${s.id}/state`, { enabled: paused ? 'true' : 'false', return: returnTo }, paused ? 'Resume' : 'Pause', {
    key: 'p',
  });
}

export function sourcesPage(view: View, sources: StoredSource[]): Html {
  const admin = view.editor ? permits(view.editor.role, 'manage-sources') : false;
  const here = `${view.base}/sources`;
  return page(
    view,
    { title: 'Sources', section: 'sources' },
    html`<h1>Sources</h1>
<table>
<thead><tr><th>Source</th><th>State</th><th>Last success</th><th>Failures</th><th>Next due</th><th>Last error</th>${admin ? html`<th>Actions</th>` : ''}</tr></thead>
<tbody>${sources.map(
      (s) => html`<tr data-row tabindex="0">
<td><a data-key="o" href="${here}/${s.id}">${s.name}</a><div class="meta">${s.kind} · ${s.url}</div></td>
<td>${s.enabled === false ? 'paused' : 'active'}</td>
<td>${when(s.health.lastSuccessAt)}</td>
<td>${s.health.consecutiveFailures}</td>
<td>${s.kind === 'archive' ? '–' : when(s.health.nextDueAt)}</td>
<td>${currentError(s)}</td>
${admin ? html`<td>${stateButton(view, s, here)}</td>` : ''}
</tr>`,
    )}</tbody>
</table>
${admin
  ? html`<h2>Add a source</h2>
<form class="stack" method="post" action="${here}">
${returnField(here)}
<label>Id <span class="meta">lower-case letters, digits and dashes</span><input name="id" required pattern="[a-z0-9][a-z0-9-]*"></label>
<label>Name <input name="name" required></label>
<label>URL <input name="url" type="url" required></label>
<label>Kind <select name="kind"><option value="feed">Feed (RSS, Atom, JSON Feed)</option><option value="html">HTML listing page</option></select></label>
<label>Listing: CSS selector of the story links <span class="meta">HTML sources only</span><input name="item"></label>
<label>Every (minutes) <input name="everyMinutes" inputmode="numeric" pattern="[0-9]*"></label>
<div><button type="submit" class="primary">Add source</button></div>
</form>`
  : html`<p class="meta">Admins add and pause sources.</p>`}`,
  );
}

export function sourcePage(view: View, source: StoredSource, audit: AuditEntry[]): Html {
  const admin = view.editor ? permits(view.editor.role, 'manage-sources') : false;
  const h = source.health;
  return page(
    view,
    { title: source.name, section: 'sources' },
    html`<h1>${source.name}</h1>
<p class="meta">${source.kind} · <a href="${source.url}" rel="noreferrer">${source.url}</a> · ${source.enabled === false ? 'paused' : 'active'}${
      source.everyMinutes ? ` · every ${source.everyMinutes} minutes` : ''
    }</p>
${admin ? stateButton(view, source, `${view.base}/sources/${source.id}`) : ''}
<h2>Health</h2>
<table>
<tbody>
<tr><th>Last fetch</th><td>${when(h.lastFetchAt)}</td></tr>
<tr><th>Last success</th><td>${when(h.lastSuccessAt)}</td></tr>
<tr><th>Consecutive failures</th><td>${h.consecutiveFailures}</td></tr>
<tr><th>Last error</th><td>${h.lastError ? `${h.lastError} (${when(h.lastErrorAt)})` : '–'}</td></tr>
<tr><th>Next due</th><td>${when(h.nextDueAt)}</td></tr>
<tr><th>Items seen</th><td>${h.itemsSeen ?? '–'}</td></tr>
</tbody>
</table>
<h2>Audit trail</h2>
${auditTrail(audit)}`,
  );
}
