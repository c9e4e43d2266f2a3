// The editor console (mounted at /editor): server-rendered pages over the same desk as the
// editor API. Every page and form works without script; console.js only adds shortcuts.
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ReviewAction } from '../../../core/curation/story-edit.ts';
import { nameIndex } from '../../../core/curation/organisations.ts';
import type { EditorEnv } from '../authenticate.ts';
import type { EditorDeps } from '../deps.ts';
import { problemOf, type Problem } from '../errors.ts';
import { editorSchema, mergeSchema, organisationPatchSchema, organisationSchema, reviewSchema, splitSchema, storyPatchSchema } from '../schemas.ts';
import { editorsPage, loginPage, problemPage } from './account-views.ts';
import { CONSOLE_CSS, CONSOLE_ICON, CONSOLE_JS } from './assets.ts';
import { people, readForm, safeReturn, withNotice, type FormReader } from './forms.ts';
import type { Html, View } from './layout.ts';
import { organisationPage, organisationsPage } from './organisation-views.ts';
import { beginOAuth, endSession, finishOAuth, sessionToken, signOutUrl, startSession, type OAuthLogin } from './session.ts';
import { sourcePage, sourcesPage } from './source-views.ts';
import { clusterPage, queuePage, storyPage, type QueueTab } from './story-views.ts';

export interface ConsoleOptions {
  /** Where the console is mounted: its links are built on it. */
  basePath?: string;
  /** Sign in through a hosted OAuth page (Cognito) instead of pasting an API token. */
  oauth?: OAuthLogin;
}

const TABS: readonly QueueTab[] = ['pending', 'published', 'rejected', 'featured'];
const LIST_LIMIT = 100;

export function createEditorConsole({ desk, authenticator }: EditorDeps, options: ConsoleOptions = {}): Hono<EditorEnv> {
  const base = options.basePath ?? '/editor';
  const oauth = options.oauth;
  const app = new Hono<EditorEnv>();

  const view = (c: Context<EditorEnv>): View => ({ base, editor: c.get('editor'), notice: c.req.query('notice') });
  const render = (c: Context<EditorEnv>, page: Html, status: Problem['status'] | 200 | 201 = 200) => c.html(page, status);
  const problem = (c: Context<EditorEnv>, p: Problem, back?: string) => render(c, problemPage(view(c), p, back), p.status);

  /** Runs a form action and redirects back with a notice; an expected failure is shown as a page. */
  async function act(c: Context<EditorEnv>, action: (form: FormReader) => Promise<{ notice: string; to?: string }>) {
    const form = await readForm(c);
    const back = safeReturn(form.text('return'), base);
    try {
      const { notice, to } = await action(form);
      return c.redirect(withNotice(to ?? back, notice), 303);
    } catch (error) {
      const p = problemOf(error);
      if (!p) throw error;
      return problem(c, p, back);
    }
  }

  const logoutOrigin = oauth?.logoutUrl ? new URL(oauth.logoutUrl).origin : undefined;
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        connectSrc: ["'self'"],
        // signing out ends with a redirect to the hosted UI, which form-action must allow
        formAction: logoutOrigin ? ["'self'", logoutOrigin] : ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    }),
  );
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  // Forms post with the session cookie: only this origin may send them.
  app.use('*', csrf());

  app.get('/assets/console.css', (c) => c.body(CONSOLE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300' }));
  app.get('/assets/console.js', (c) =>
    c.body(CONSOLE_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=300' }),
  );
  app.get('/assets/icon.svg', (c) => c.body(CONSOLE_ICON, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' }));

  app.get('/login', (c) => render(c, loginPage(view(c), { oauth: Boolean(oauth), next: c.req.query('next') })));
  app.post('/login', async (c) => {
    const form = await readForm(c);
    const token = form.text('token') ?? '';
    const next = safeReturn(form.text('next'), base);
    const editor = token ? await authenticator.authenticate(token) : undefined;
    if (!editor) return render(c, loginPage(view(c), { oauth: Boolean(oauth), next, problem: 'That token is not valid (unknown, revoked or mistyped).' }), 401);
    startSession(c, base, token);
    return c.redirect(next, 303);
  });
  app.get('/auth/start', (c) => (oauth ? c.redirect(beginOAuth(c, base, oauth), 302) : c.redirect(`${base}/login`, 303)));
  app.get('/auth/callback', async (c) => {
    if (!oauth) return c.redirect(`${base}/login`, 303);
    try {
      const { token, maxAge } = await finishOAuth(c, base, oauth);
      if (!(await authenticator.authenticate(token))) {
        return render(c, loginPage(view(c), { oauth: true, problem: 'Your account is not in an editor group: ask an admin to add you.' }), 403);
      }
      startSession(c, base, token, maxAge);
      return c.redirect(base, 303);
    } catch (error) {
      const p = problemOf(error);
      if (p) return problem(c, p);
      return render(c, loginPage(view(c), { oauth: true, problem: error instanceof Error ? error.message : String(error) }), 400);
    }
  });
  app.post('/logout', (c) => {
    endSession(c, base);
    return c.redirect(signOutUrl(oauth) ?? `${base}/login`, 303);
  });

  // Everything below needs a signed-in editor.
  app.use('*', async (c, next) => {
    const token = sessionToken(c);
    let editor;
    try {
      editor = token ? await authenticator.authenticate(token) : undefined;
    } catch (error) {
      const p = problemOf(error);
      if (!p) throw error;
      return problem(c, p);
    }
    if (!editor) {
      if (token) endSession(c, base);
      if (c.req.method === 'GET') return c.redirect(`${base}/login?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search))}`, 303);
      return problem(c, { status: 401, error: 'signed out', detail: 'Your session has ended: sign in again, then repeat the change.' }, `${base}/login`);
    }
    c.set('editor', editor);
    await next();
  });

  app.get('/', async (c) => {
    const asked = c.req.query('status') as QueueTab | undefined;
    const tab = asked && TABS.includes(asked) ? asked : 'pending';
    const stories = tab === 'featured' ? await desk.featured(LIST_LIMIT) : await desk.queue(tab, LIST_LIMIT);
    return render(c, queuePage(view(c), tab, stories));
  });

  app.get('/stories/:id', async (c) => {
    const story = await desk.story(c.req.param('id'));
    const [audit, organisations, cluster] = await Promise.all([
      desk.audit(story.id),
      desk.organisations(),
      story.tags ? desk.cluster(story.tags.cluster).then((found) => found.members, () => []) : Promise.resolve([]),
    ]);
    const find = nameIndex(organisations);
    return render(c, storyPage(view(c), { story, audit, cluster, organisations, known: (name) => find(name) !== undefined }));
  });

  app.post('/stories/:id/edit', (c) =>
    act(c, async (form) => {
      const tagged = form.has('eventType');
      const { version, ...patch } = storyPatchSchema.parse({
        version: form.number('version'),
        title: form.text('title'),
        summary: form.text('summary'),
        ...(tagged
          ? {
              sectors: form.all('sectors'),
              eventType: form.text('eventType'),
              organisations: form.all('organisations'),
              people: people(form.lines('people')),
              places: form.lines('places'),
            }
          : {}),
      });
      const after = await desk.edit(c.get('editor'), c.req.param('id'), version, patch);
      return { notice: after.version === version ? 'unchanged' : 'saved' };
    }),
  );

  app.post('/stories/:id/review', (c) =>
    act(c, async (form) => {
      const { version, action } = reviewSchema.parse({ version: form.number('version'), action: form.text('action') });
      await desk.review(c.get('editor'), c.req.param('id'), version, action as ReviewAction);
      return { notice: action };
    }),
  );

  app.post('/stories/:id/split', (c) =>
    act(c, async (form) => {
      const { version } = splitSchema.parse({ version: form.number('version') });
      await desk.split(c.get('editor'), c.req.param('id'), version);
      return { notice: 'split' };
    }),
  );

  app.get('/clusters/:id', async (c) => {
    const { id, members } = await desk.cluster(c.req.param('id'));
    return render(c, clusterPage(view(c), id, members));
  });
  app.post('/clusters/merge', (c) =>
    act(c, async (form) => {
      const { into, from } = mergeSchema.parse({ into: form.text('into'), from: form.text('from') });
      await desk.mergeClusters(c.get('editor'), into, from);
      return { notice: 'merged', to: `${base}/clusters/${encodeURIComponent(into)}` };
    }),
  );

  app.get('/organisations', async (c) => {
    const query = c.req.query('q') ?? '';
    return render(c, organisationsPage(view(c), query, await desk.organisations(query)));
  });
  app.get('/organisations/new', (c) => render(c, organisationPage(view(c))));
  const organisationFields = (form: FormReader) => ({
    name: form.text('name'),
    aliases: form.lines('aliases'),
    kind: form.text('kind'),
    sectors: form.all('sectors'),
    region: form.optional('region'),
    spunOutFrom: form.optional('spunOutFrom'),
    year: form.number('year') ?? null,
  });
  app.post('/organisations', (c) =>
    act(c, async (form) => {
      const { region, spunOutFrom, year, ...fields } = organisationFields(form);
      const input = organisationSchema.parse({ ...fields, region: region ?? undefined, spunOutFrom: spunOutFrom ?? undefined, year: year ?? undefined });
      const created = await desk.createOrganisation(c.get('editor'), input);
      return { notice: 'added', to: `${base}/organisations/${created.slug}` };
    }),
  );
  app.get('/organisations/:slug', async (c) => {
    const slug = c.req.param('slug');
    const [organisation, audit] = await Promise.all([desk.organisation(slug), desk.organisationAudit(slug)]);
    return render(c, organisationPage(view(c), organisation, audit));
  });
  app.post('/organisations/:slug', (c) =>
    act(c, async (form) => {
      const slug = c.req.param('slug');
      const patch = organisationPatchSchema.parse({ version: form.number('version'), ...organisationFields(form) });
      const before = await desk.organisation(slug);
      const after = await desk.updateOrganisation(c.get('editor'), slug, patch);
      return { notice: after.version === before.version ? 'unchanged' : 'saved', to: `${base}/organisations/${slug}` };
    }),
  );

  app.get('/sources', async (c) => render(c, sourcesPage(view(c), await desk.sources())));
  app.post('/sources', (c) =>
    act(c, async (form) => {
      const item = form.text('item');
      await desk.addSource(c.get('editor'), {
        id: form.text('id'),
        name: form.text('name'),
        url: form.text('url'),
        kind: form.text('kind'),
        everyMinutes: form.number('everyMinutes'),
        selectors: item ? { item } : undefined,
      });
      return { notice: 'added' };
    }),
  );
  app.get('/sources/:id', async (c) => {
    const id = c.req.param('id');
    const [source, audit] = await Promise.all([desk.source(id), desk.sourceAudit(id)]);
    return render(c, sourcePage(view(c), source, audit));
  });
  app.post('/sources/:id/state', (c) =>
    act(c, async (form) => {
      const enabled = form.text('enabled') === 'true';
      await desk.updateSource(c.get('editor'), c.req.param('id'), { enabled });
      return { notice: enabled ? 'resumed' : 'paused' };
    }),
  );

  app.get('/editors', async (c) => render(c, editorsPage(view(c), await desk.editors(c.get('editor')))));
  app.post('/editors', async (c) => {
    const form = await readForm(c);
    try {
      const input = editorSchema.parse({ name: form.text('name'), role: form.text('role') });
      const { editor, token } = await desk.addEditor(c.get('editor'), input);
      return render(c, editorsPage(view(c), await desk.editors(c.get('editor')), { name: editor.name, token }), 201);
    } catch (error) {
      const p = problemOf(error);
      if (!p) throw error;
      return problem(c, p, `${base}/editors`);
    }
  });
  app.post('/editors/:id/remove', (c) =>
    act(c, async () => {
      await desk.removeEditor(c.get('editor'), c.req.param('id'));
      return { notice: 'removed', to: `${base}/editors` };
    }),
  );

  app.onError((error, c) => {
    const p = problemOf(error);
    if (p) return problem(c as Context<EditorEnv>, p);
    // the csrf middleware's refusal: a form sent from another site
    if (error instanceof HTTPException && error.status === 403) {
      return problem(c as Context<EditorEnv>, { status: 403, error: 'forbidden', detail: 'Forms are accepted from this console only.' });
    }
    console.error(JSON.stringify({ level: 'error', message: 'editor console error', path: c.req.path, error: error.message }));
    return c.html(problemPage(view(c as Context<EditorEnv>), { status: 500, error: 'internal error', detail: 'Something went wrong on the server; the change may not have been saved. Reload to check.' }), 500);
  });

  return app;
}
