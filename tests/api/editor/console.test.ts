// The console through app.request: sign-in, the queue, forms and their protections.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEditorConsole } from '../../../lambdas/api/editor/console/app.ts';
import type { Authenticator } from '../../../lambdas/core/auth/editor.ts';
import { editorFixture, withTags } from './setup.ts';

let f: Awaited<ReturnType<typeof editorFixture>>;
let editorCookie: string;
let adminCookie: string;
const ORIGIN = 'http://localhost';

async function signIn(token: string) {
  const response = await f.app.request('/editor/login', {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, next: '/editor?status=pending' }),
  });
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/editor?status=pending');
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

const page = (path: string, cookie = editorCookie) => f.app.request(path, { headers: { cookie } });

function post(path: string, fields: Record<string, string | string[]>, cookie = editorCookie, origin: string | undefined = ORIGIN) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  return f.app.request(path, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
    body,
  });
}

beforeAll(async () => {
  f = await editorFixture();
  await f.seed({ id: 'q1', title: 'Leading Lives goes it alone', published: '2012-05-01T09:00:00.000Z', tags: withTags({ relevance: 0.62, cluster: 'c1' }) });
  await f.seed({ id: 'q2', title: 'A <script>alert(1)</script> headline', published: '2012-05-02T09:00:00.000Z', tags: withTags({ cluster: 'c1' }) });
  editorCookie = await signIn(f.editor);
  adminCookie = await signIn(f.admin);
});

describe('signing in', () => {
  it('sends a visitor without a session to the sign-in page, and back afterwards', async () => {
    const response = await f.app.request('/editor/stories/q1');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/editor/login?next=%2Feditor%2Fstories%2Fq1');
    const login = await f.app.request('/editor/login');
    expect(await login.text()).toContain('name="token"');
  });

  it('refuses a wrong token, and keeps a good one in an HttpOnly cookie for the console only', async () => {
    const wrong = await post('/editor/login', { token: 'mne_nope' }, '');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('That token is not valid');
    const response = await post('/editor/login', { token: f.editor }, '');
    expect(response.headers.get('set-cookie')).toMatch(/^mn_editor=mne_[^;]+; Max-Age=43200; Path=\/editor; HttpOnly; SameSite=Lax$/);
  });

  it('sends strict security headers: nothing runs or loads from elsewhere', async () => {
    const response = await page('/editor');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).not.toMatch(/<script>|<style>| style="| on[a-z]+="/);
    expect(html).toContain('<script type="module" src="/editor/assets/console.js">');
    expect((await f.app.request('/editor/assets/console.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('signs out', async () => {
    const response = await post('/editor/logout', {}, editorCookie);
    expect(response.headers.get('location')).toBe('/editor/login');
    expect(response.headers.get('set-cookie')).toMatch(/^mn_editor=; Max-Age=0/);
  });
});

describe('the queue', () => {
  it('lists pending stories with relevance, tags and one-key actions, escaping every title', async () => {
    const html = await (await page('/editor')).text();
    expect(html).toContain('Leading Lives goes it alone');
    expect(html).toContain('62%');
    expect(html).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; headline');
    expect(html).toMatch(/<tr data-row tabindex="0" data-story="q1">/);
    expect(html).toContain('data-key="a" aria-keyshortcuts="a">Approve</button>');
    expect(html).toContain('Corporate services');
  });

  it('approves with one click and says so', async () => {
    const response = await post('/editor/stories/q1/review', { version: '1', action: 'approve', return: '/editor?status=pending' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/editor?status=pending&notice=approve');
    expect((await f.stories.get('q1'))?.status).toBe('published');
    const html = await (await page('/editor?status=pending&notice=approve')).text();
    expect(html).toContain('Approved: the story is published.');
    expect(html).not.toContain('Leading Lives goes it alone');
    expect(await (await page('/editor?notice=<b>hi</b>')).text()).not.toContain('hi</b>');
  });

  it('refuses a form posted from another site', async () => {
    const response = await post('/editor/stories/q2/review', { version: '1', action: 'reject' }, editorCookie, 'https://evil.example');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Forms are accepted from this console only.');
    expect((await f.stories.get('q2'))?.status).toBe('pending');
  });

  it('explains a stale version instead of overwriting', async () => {
    const response = await post('/editor/stories/q1/review', { version: '1', action: 'reject', return: '/editor/stories/q1' });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain('changed since version 1 was read');
    expect(html).toContain('href="/editor/stories/q1">Reload and try again');
    expect((await f.stories.get('q1'))?.status).toBe('published');
  });

  it('never sends the editor off the console after an action', async () => {
    const story = (await f.stories.get('q1'))!;
    const response = await post('/editor/stories/q1/review', { version: String(story.version), action: 'feature', return: 'https://evil.example/' });
    expect(response.headers.get('location')).toBe('/editor?notice=feature');
  });
});

describe('a story', () => {
  it('edits tags through the form; sending it back unchanged saves nothing', async () => {
    const html = await (await page('/editor/stories/q2')).text();
    expect(html).toContain('name="version" value="1"');
    expect(html).toContain('<option value="Central Surrey Health"></option>');
    const fields = {
      version: '1',
      return: '/editor/stories/q2',
      title: 'A <script>alert(1)</script> headline',
      summary: 'MyCSP became a mutual joint venture.',
      sectors: ['corporate-services', 'health'],
      eventType: 'contract-news',
      organisations: ['MyCSP', 'Cabinet Office', 'Central Surrey Health', ''],
      people: 'Francis Maude | Minister for the Cabinet Office',
      places: 'London\r\nSurrey',
    };
    const saved = await post('/editor/stories/q2/edit', fields);
    expect(saved.headers.get('location')).toBe('/editor/stories/q2?notice=saved');
    const story = (await f.stories.get('q2'))!;
    expect(story.version).toBe(2);
    expect(story.tags).toMatchObject({ sectors: ['corporate-services', 'health'], eventType: 'contract-news', places: ['London', 'Surrey'] });
    expect(story.tags?.organisations.map((o) => o.name)).toEqual(['MyCSP', 'Cabinet Office', 'Central Surrey Health']);
    expect(story.editorFields?.sort()).toEqual(['eventType', 'organisations', 'places', 'sectors']);

    const again = await post('/editor/stories/q2/edit', { ...fields, version: '2' });
    expect(again.headers.get('location')).toBe('/editor/stories/q2?notice=unchanged');
    expect((await f.stories.get('q2'))?.version).toBe(2);

    const after = await (await page('/editor/stories/q2')).text();
    expect(after).toContain('Audit trail');
    expect(after).toMatch(/<td>grace<\/td><td>edit<\/td><td>2<\/td>/);
    expect(after).toContain('<strong>eventType</strong>: spin-out-launch → contract-news');
  });

  it('shows a bad field as a page naming it, and changes nothing', async () => {
    const response = await post('/editor/stories/q2/edit', { version: '2', title: 'x', eventType: 'merger', return: '/editor/stories/q2' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('eventType: unknown event type slug');
    expect((await f.stories.get('q2'))?.version).toBe(2);
  });

  it('shows the cluster and splits a story out of it', async () => {
    const cluster = await (await page('/editor/clusters/c1')).text();
    expect(cluster).toContain('2 stories about the same event');
    const response = await post('/editor/stories/q2/split', { version: '2', return: '/editor/stories/q2' });
    expect(response.headers.get('location')).toBe('/editor/stories/q2?notice=split');
    expect((await f.stories.get('q2'))?.tags?.cluster).toBe('q2');
    const merged = await post('/editor/clusters/merge', { into: 'c1', from: 'q2', return: '/editor/clusters/c1' });
    expect(merged.headers.get('location')).toBe('/editor/clusters/c1?notice=merged');
    expect((await f.stories.get('q2'))?.tags?.cluster).toBe('c1');
  });
});

describe('organisations, sources and editors', () => {
  it('adds and edits an organisation through its form', async () => {
    const added = await post('/editor/organisations', { name: 'Test Spin-out CIC', kind: 'mutual', sectors: 'health', aliases: 'TSO\nTest Spinout', spunOutFrom: 'NHS Test', year: '2014', region: '' });
    expect(added.headers.get('location')).toBe('/editor/organisations/test-spin-out-cic?notice=added');
    const form = await (await page('/editor/organisations/test-spin-out-cic')).text();
    expect(form).toContain('value="NHS Test"');
    const edited = await post('/editor/organisations/test-spin-out-cic', { version: '1', name: 'Test Spin-out CIC', kind: 'mutual', sectors: 'health', aliases: 'TSO', spunOutFrom: '', year: '2014', region: 'North' });
    expect(edited.headers.get('location')).toBe('/editor/organisations/test-spin-out-cic?notice=saved');
    const audit = await (await page('/editor/organisations/test-spin-out-cic')).text();
    expect(audit).toContain('<strong>spunOutFrom</strong>: NHS Test → —');
    expect(await (await page('/editor/organisations?q=tso')).text()).toContain('Test Spin-out CIC');
  });

  it('shows sources to editors but lets only admins add and pause them', async () => {
    expect(await (await page('/editor/sources')).text()).toContain('Admins add and pause sources.');
    const forbidden = await post('/editor/sources', { id: 'x', name: 'X', url: 'https://x.example/feed', kind: 'feed' });
    expect(forbidden.status).toBe(403);
    const added = await post('/editor/sources', { id: 'x-feed', name: 'X', url: 'https://x.example/feed', kind: 'feed', item: '', everyMinutes: '30', return: '/editor/sources' }, adminCookie);
    expect(added.headers.get('location')).toBe('/editor/sources?notice=added');
    const paused = await post('/editor/sources/x-feed/state', { enabled: 'false', return: '/editor/sources/x-feed' }, adminCookie);
    expect(paused.headers.get('location')).toBe('/editor/sources/x-feed?notice=paused');
    const detail = await (await page('/editor/sources/x-feed', adminCookie)).text();
    expect(detail).toContain('paused');
    expect(detail).toMatch(/<td>ada<\/td><td>pause-source<\/td>/);
  });

  it('lets admins add editors, showing the token once', async () => {
    expect((await page('/editor/editors')).status).toBe(403);
    const response = await post('/editor/editors', { name: 'Katherine', role: 'editor' }, adminCookie);
    expect(response.status).toBe(201);
    const token = /<p class="token">(mne_[^<]+)<\/p>/.exec(await response.text())?.[1];
    expect(await f.deps.authenticator.authenticate(token!)).toMatchObject({ editorId: 'katherine' });
  });
});

describe('signing in with Cognito’s hosted page', () => {
  it('runs the code flow with PKCE and keeps the access token as the session', async () => {
    const calls: URLSearchParams[] = [];
    const authenticator: Authenticator = { authenticate: async (t) => (t === 'access-1' ? { editorId: 'maria', name: 'maria', role: 'editor' } : undefined) };
    const oauth = {
      authorizeUrl: 'https://editors.auth.eu-west-2.amazoncognito.com/oauth2/authorize',
      tokenUrl: 'https://editors.auth.eu-west-2.amazoncognito.com/oauth2/token',
      logoutUrl: 'https://editors.auth.eu-west-2.amazoncognito.com/logout',
      signedOutUri: 'https://news.example/editor/login',
      clientId: 'client-1',
      redirectUri: 'https://news.example/editor/auth/callback',
      fetch: (async (_url: string, init: RequestInit) => {
        calls.push(new URLSearchParams(String(init.body)));
        return new Response(JSON.stringify({ access_token: 'access-1', expires_in: 3600, token_type: 'Bearer' }), { status: 200 });
      }) as typeof fetch,
    };
    const app = new Hono().route('/editor', createEditorConsole({ ...f.deps, authenticator }, { oauth }));
    expect(await (await app.request('/editor/login')).text()).toContain('href="/editor/auth/start"');

    const start = await app.request('https://news.example/editor/auth/start');
    const to = new URL(start.headers.get('location')!);
    expect(to.origin + to.pathname).toBe(oauth.authorizeUrl);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({ response_type: 'code', client_id: 'client-1', redirect_uri: oauth.redirectUri, code_challenge_method: 'S256' });
    const flow = start.headers.get('set-cookie')!.split(';')[0]!;

    const forged = await app.request(`https://news.example/editor/auth/callback?code=abc&state=wrong`, { headers: { cookie: flow } });
    expect(forged.status).toBe(400);
    expect(calls).toHaveLength(0);

    const back = await app.request(`https://news.example/editor/auth/callback?code=abc&state=${to.searchParams.get('state')}`, { headers: { cookie: flow } });
    expect(back.status).toBe(303);
    const verifier = calls[0]!.get('code_verifier')!;
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(to.searchParams.get('code_challenge'));
    expect(calls[0]!.get('code')).toBe('abc');
    expect(back.headers.getSetCookie().find((c) => c.startsWith('mn_editor='))).toMatch(/^mn_editor=access-1; Max-Age=3600; Path=\/editor; HttpOnly; Secure; SameSite=Lax$/);

    const out = await app.request('https://news.example/editor/logout', { method: 'POST', headers: { cookie: 'mn_editor=access-1', origin: 'https://news.example' } });
    expect(out.headers.get('location')).toBe(`${oauth.logoutUrl}?client_id=client-1&logout_uri=${encodeURIComponent(oauth.signedOutUri)}`);
    expect(out.headers.get('content-security-policy')).toContain("form-action 'self' https://editors.auth.eu-west-2.amazoncognito.com");
  });
});
