// The console's page frame and the pieces every page shares. Everything is escaped by
// hono/html; no inline script or style, so the Content-Security-Policy can forbid both.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { permits, type Editor } from '../../../core/auth/editor.ts';
import type { StoryStatus } from '../../../core/model.ts';
import type { AuditEntry } from '../../../store/story-repository.ts';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What every page knows: where the console is mounted and who is looking. */
export interface View {
  base: string;
  editor?: Editor;
  /** A confirmation to show once, after a redirect. */
  notice?: string;
}

export type Section = 'queue' | 'organisations' | 'sources' | 'editors';

const NOTICES: Record<string, string> = {
  approve: 'Approved: the story is published.',
  reject: 'Rejected: the story is hidden from readers.',
  feature: 'Featured: the story is in the featured feeds.',
  unfeature: 'No longer featured.',
  saved: 'Saved.',
  unchanged: 'Nothing changed, so nothing was saved.',
  merged: 'Clusters merged.',
  split: 'The story has a cluster of its own now.',
  added: 'Added.',
  paused: 'Source paused.',
  resumed: 'Source resumed.',
  removed: 'Removed.',
};

/** Only known notice codes are shown: a crafted link cannot put words on the page. */
export const noticeText = (code: string | undefined) => (code ? NOTICES[code] : undefined);

export function page(view: View, frame: { title: string; section?: Section }, body: Html): Html {
  const { base, editor } = view;
  const link = (section: Section, href: string, label: string) =>
    html`<a href="${base}${href}"${section === frame.section ? html` aria-current="page"` : ''}>${label}</a>`;
  const notice = noticeText(view.notice);
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · mutuals-news editor</title>
<link rel="icon" href="${base}/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${base}/assets/console.css">
<script type="module" src="${base}/assets/console.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
<strong>mutuals-news editor</strong>
${editor
  ? html`<nav aria-label="Console">${link('queue', '', 'Queue')}${link('organisations', '/organisations', 'Organisations')}${link('sources', '/sources', 'Sources')}${
      permits(editor.role, 'manage-editors') ? link('editors', '/editors', 'Editors') : ''
    }</nav>
<span class="who">Signed in as <strong>${editor.name}</strong> (${editor.role})</span>
<form method="post" action="${base}/logout"><button type="submit">Sign out</button></form>`
  : ''}
</header>
<main id="main">
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${body}
</main>
</body>
</html>`;
}

export function statusBadge(status: StoryStatus, featured?: boolean): Html {
  return html`<span class="status ${status}">${status}</span>${featured ? html` <span class="status published">featured</span>` : ''}`;
}

/** A value of an audit entry as a short line: lists joined, tagged names by name. */
function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '(none)';
  if (typeof value === 'object') {
    const named = value as { name?: unknown; role?: unknown };
    if (typeof named.name === 'string') return typeof named.role === 'string' ? `${named.name} (${named.role})` : named.name;
    return JSON.stringify(value);
  }
  return String(value);
}

export function auditTrail(entries: Array<AuditEntry & { version?: number }>): Html {
  if (entries.length === 0) return html`<p class="meta">No changes by editors yet.</p>`;
  return html`<table class="audit">
<thead><tr><th>When</th><th>Who</th><th>Action</th><th>Version</th><th>Changes</th></tr></thead>
<tbody>${[...entries].reverse().map(
    (e) => html`<tr><td><time datetime="${e.at}">${e.at.slice(0, 16).replace('T', ' ')}</time></td><td>${e.who}</td><td>${e.action}</td><td>${e.version ?? ''}</td>
<td>${Object.keys({ ...e.before, ...e.after }).map(
      (field) => html`<div><strong>${field}</strong>: ${show(e.before[field])} → ${show(e.after[field])}</div>`,
    )}</td></tr>`,
  )}</tbody>
</table>`;
}

/** The hidden field that brings the editor back to where they acted. */
export const returnField = (to: string) => html`<input type="hidden" name="return" value="${to}">`;

/** A one-button form posting to the console. */
export function actionButton(action: string, fields: Record<string, string | number>, label: Html | string, options: { key?: string; className?: string } = {}): Html {
  return html`<form method="post" action="${action}">${Object.entries(fields).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  )}<button type="submit"${options.className ? html` class="${options.className}"` : ''}${options.key ? html` data-key="${options.key}" aria-keyshortcuts="${options.key}"` : ''}>${label}</button></form>`;
}
