// Signing in, managing local editors, and the page shown when an action cannot be done.
import { html } from 'hono/html';
import type { EditorAccount } from '../../../store/editor-repository.ts';
import { actionButton, page, type Html, type View } from './layout.ts';

export function loginPage(view: View, options: { oauth: boolean; next?: string; problem?: string }): Html {
  return page(
    view,
    { title: 'Sign in' },
    html`<h1>Sign in</h1>
${options.problem ? html`<p class="problem" role="alert">${options.problem}</p>` : ''}
${options.oauth
  ? html`<p><a href="${view.base}/auth/start">Sign in with your editor account</a></p>`
  : html`<form class="stack" method="post" action="${view.base}/login">
${options.next ? html`<input type="hidden" name="next" value="${options.next}">` : ''}
<label>Editor token <span class="meta">from <code>mutuals-news editors add NAME</code></span>
<input name="token" type="password" autocomplete="off" required autofocus></label>
<div><button type="submit" class="primary">Sign in</button></div>
</form>`}`,
  );
}

export function editorsPage(view: View, editors: EditorAccount[], issued?: { name: string; token: string }): Html {
  const here = `${view.base}/editors`;
  return page(
    view,
    { title: 'Editors', section: 'editors' },
    html`<h1>Editors</h1>
${issued
  ? html`<div class="notice" role="status"><p>Token for <strong>${issued.name}</strong>, shown this once: pass it on safely.</p><p class="token">${issued.token}</p></div>`
  : ''}
<table>
<thead><tr><th>Id</th><th>Name</th><th>Role</th><th>Since</th><th>Actions</th></tr></thead>
<tbody>${editors.map(
      (e) => html`<tr><td>${e.editorId}</td><td>${e.name}</td><td>${e.role}</td><td>${e.createdAt.slice(0, 10)}</td>
<td>${e.editorId === view.editor?.editorId ? '' : actionButton(`${here}/${e.editorId}/remove`, {}, 'Remove', { className: 'danger' })}</td></tr>`,
    )}</tbody>
</table>
<h2>Add an editor</h2>
<form class="inline" method="post" action="${here}">
<label>Name <input name="name" required></label>
<label>Role <select name="role"><option value="editor">editor</option><option value="admin">admin</option></select></label>
<button type="submit" class="primary">Add</button>
</form>`,
  );
}

export function problemPage(view: View, problem: { status: number; error: string; detail: string }, back?: string): Html {
  const title = problem.status === 409 ? 'Changed meanwhile' : problem.error[0]!.toUpperCase() + problem.error.slice(1);
  return page(
    view,
    { title },
    html`<h1>${title}</h1>
<p class="problem" role="alert">${problem.detail}</p>
${back ? html`<p><a href="${back}">${problem.status === 409 ? 'Reload and try again' : 'Go back'}</a></p>` : html`<p><a href="${view.base}">Back to the queue</a></p>`}`,
  );
}
