import { exportJWK, generateKeyPair, createLocalJWKSet, SignJWT } from 'jose';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEditorApi } from '../../../lambdas/api/editor/api.ts';
import { createJwtAuthenticator } from '../../../lambdas/core/auth/jwt-authenticator.ts';
import { storyRecord } from '../../support/records.ts';
import { editorFixture, withTags } from './setup.ts';

let f: Awaited<ReturnType<typeof editorFixture>>;

beforeAll(async () => {
  f = await editorFixture();
  await f.seed({ id: 'p1', published: '2012-05-01T09:00:00.000Z', tags: withTags({ relevant: false, relevance: 0.55, cluster: 'mycsp' }) });
  await f.seed({ id: 'p2', published: '2012-05-02T09:00:00.000Z', tags: withTags({ relevance: 0.71, cluster: 'mycsp' }) });
  await f.seed({ id: 'p3', published: '2012-05-03T09:00:00.000Z', tags: withTags({ cluster: 'other-event' }) });
});

/** The answers' fields the tests read, loosely: the assertions check the rest. */
interface Item {
  id: string;
  slug: string;
  editorId: string;
  version: number;
  action: string;
  who: string;
  after: Record<string, unknown>;
}
interface Answer extends Record<string, unknown> {
  stories: Item[];
  members: Item[];
  moved: Item[];
  entries: Item[];
  organisations: Item[];
  sources: Item[];
  editors: Item[];
  tags: { organisations: unknown[]; cluster: string };
  editorFields: string[];
  aliases: string[];
  version: number;
  detail: string;
  error: string;
  token: string;
  editor: Item;
}
const json = async (response: Response) => response.json() as Promise<Answer>;

describe('authentication and roles', () => {
  it('answers 401 without a token, and says how to send one', async () => {
    const response = await f.call('GET', '/queue', undefined);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await json(response)).toEqual({ error: 'unauthorised', detail: expect.stringContaining('Authorization: Bearer') });
  });

  it.each(['mne_' + 'A'.repeat(43), 'not-a-token', 'eyJhbGciOiJIUzI1NiJ9.e30.x'])('answers 401 to the token %j', async (token) => {
    const response = await f.call('GET', '/queue', token);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('knows who is calling, and never lets a response be cached', async () => {
    const response = await f.call('GET', '/me', f.editor);
    expect(await json(response)).toEqual({ editorId: 'grace', name: 'Grace', role: 'editor' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await f.call('GET', '/me', undefined)).headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['POST', '/sources', { id: 'x', name: 'X', url: 'https://x.example/feed', kind: 'feed' }],
    ['PATCH', '/sources/any', { enabled: false }],
    ['GET', '/editors', undefined],
    ['POST', '/editors', { name: 'Someone', role: 'editor' }],
  ])('answers 403 when an editor tries %s %s (admins only)', async (method, path, body) => {
    const response = await f.call(method, path, f.editor, body);
    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({ error: 'forbidden' });
  });
});

describe('the queue and a story', () => {
  it('lists pending stories newest first with their tags, relevance and version', async () => {
    const body = await json(await f.call('GET', '/queue', f.editor));
    expect(body.status).toBe('pending');
    expect(body.stories.map((s) => s.id)).toEqual(['p3', 'p2', 'p1']);
    expect(body.stories[2]).toMatchObject({ version: 1, tags: { relevance: 0.55, sectors: ['corporate-services'] } });
    expect(body.stories[0]).not.toHaveProperty('text');
    expect((await f.call('GET', '/queue?status=archived', f.editor)).status).toBe(400);
  });

  it('gives a story with its version; 404 for an unknown one', async () => {
    expect(await json(await f.call('GET', '/stories/p1', f.editor))).toMatchObject({ id: 'p1', version: 1, status: 'pending' });
    const missing = await f.call('GET', '/stories/nope', f.editor);
    expect(missing.status).toBe(404);
    expect(await json(missing)).toEqual({ error: 'not found', detail: 'no story with id "nope"' });
  });
});

describe('editing', () => {
  it('edits tags at the version read, audits the change and keeps it as a labelled example', async () => {
    const response = await f.call('PATCH', '/stories/p1', f.editor, { version: 1, sectors: ['health', 'adult-social-care'], eventType: 'contract-news', title: 'A better title' });
    expect(response.status).toBe(200);
    const story = await json(response);
    expect(story).toMatchObject({ version: 2, title: 'A better title', tags: { sectors: ['health', 'adult-social-care'], eventType: 'contract-news' } });
    expect(story.editorFields).toEqual(['sectors', 'eventType']);
    const audit = await json(await f.call('GET', '/stories/p1/audit', f.editor));
    expect(audit.entries).toEqual([
      {
        who: 'grace',
        at: expect.stringMatching(/^2026-02-01T/),
        action: 'edit',
        version: 2,
        before: { title: 'Story p1', sectors: ['corporate-services'], eventType: 'spin-out-launch' },
        after: { title: 'A better title', sectors: ['health', 'adult-social-care'], eventType: 'contract-news' },
      },
    ]);
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const response = await f.call('PATCH', '/stories/p1', f.admin, { version: 1, title: 'Overwritten' });
    expect(response.status).toBe(409);
    expect(await json(response)).toEqual({ error: 'stale version', detail: expect.stringContaining('changed since version 1') });
    const review = await f.call('POST', '/stories/p1/review', f.admin, { version: 1, action: 'approve' });
    expect(review.status).toBe(409);
    const story = await json(await f.call('GET', '/stories/p1', f.editor));
    expect(story).toMatchObject({ version: 2, title: 'A better title', status: 'pending' });
    expect((await json(await f.call('GET', '/stories/p1/audit', f.editor))).entries).toHaveLength(1);
  });

  it.each([
    [{ version: 2, sectors: ['social-housing'] }, /sectors\.\[0\]|sectors/],
    [{ version: 2, eventType: 'merger' }, /eventType/],
    [{ version: 2, colour: 'red' }, /colour|unrecognized|Unrecognized/i],
    [{ version: 2 }, /at least one field/],
    [{ title: 'x' }, /version/],
    [{ version: 2, organisations: ['Acme Widgets plc'] }, /unknown organisation "Acme Widgets plc"/],
  ])('answers 400 to %j', async (body, detail) => {
    const response = await f.call('PATCH', '/stories/p1', f.editor, body);
    expect(response.status).toBe(400);
    const answer = await json(response);
    expect(answer.error).toBe('invalid request');
    expect(answer.detail).toMatch(detail);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await f.call('PATCH', '/stories/p1', f.editor, '{version: 2');
    expect(response.status).toBe(400);
    expect((await json(response)).detail).toMatch(/JSON/);
  });

  it('links organisations to the knowledge base by alias', async () => {
    const story = await json(await f.call('PATCH', '/stories/p1', f.editor, { version: 2, organisations: ['MyCSP', 'CSH Surrey'] }));
    expect(story.tags.organisations).toEqual([
      { name: 'MyCSP', kind: 'mutual' },
      { name: 'Central Surrey Health', kind: 'mutual' },
    ]);
  });
});

describe('reviewing', () => {
  it('approves, features, rejects: featured stories are listed until rejected', async () => {
    let story = await json(await f.call('POST', '/stories/p2/review', f.editor, { version: 1, action: 'approve' }));
    expect(story).toMatchObject({ status: 'published', version: 2, tags: { relevant: true } });
    const early = await f.call('POST', '/stories/p3/review', f.editor, { version: 1, action: 'feature' });
    expect(early.status).toBe(400);
    expect((await json(early)).detail).toMatch(/only a published story can be featured/);
    story = await json(await f.call('POST', '/stories/p2/review', f.editor, { version: 2, action: 'feature' }));
    expect(story).toMatchObject({ featured: true, version: 3 });
    expect((await json(await f.call('GET', '/featured', f.editor))).stories.map((s) => s.id)).toEqual(['p2']);
    story = await json(await f.call('POST', '/stories/p2/review', f.editor, { version: 3, action: 'reject' }));
    expect(story).toMatchObject({ status: 'rejected', featured: false });
    expect((await json(await f.call('GET', '/featured', f.editor))).stories).toEqual([]);
    const actions = (await json(await f.call('GET', '/stories/p2/audit', f.editor))).entries.map((e) => e.action);
    expect(actions).toEqual(['approve', 'feature', 'reject']);
    expect((await f.call('POST', '/stories/p2/review', f.editor, { version: 4, action: 'publish' })).status).toBe(400);
  });

  it('keeps every story an editor judged as a labelled example', async () => {
    const examples = await f.curation.examples();
    expect(examples.map((e) => [e.id, e.gold.relevant])).toEqual([
      ['p1', false],
      ['p2', false],
    ]);
  });
});

describe('clusters', () => {
  it('merges one cluster into another, each move audited, and splits a story out again', async () => {
    const merged = await json(await f.call('POST', '/clusters/merge', f.editor, { into: 'other-event', from: 'mycsp' }));
    expect(merged.cluster).toBe('other-event');
    expect(merged.moved.map((m) => m.id).sort()).toEqual(['p1', 'p2']);
    const cluster = await json(await f.call('GET', '/clusters/other-event', f.editor));
    expect(cluster.members.map((m) => m.id)).toEqual(['p3', 'p2', 'p1']);
    expect((await f.call('GET', '/clusters/mycsp', f.editor)).status).toBe(404);
    const p1 = await json(await f.call('GET', '/stories/p1', f.editor));
    expect(p1.editorFields).toContain('cluster');
    // the story that was already there is confirmed in its cluster, which re-tagging then keeps
    expect((await json(await f.call('GET', '/stories/p3', f.editor))).editorFields).toContain('cluster');
    expect((await json(await f.call('GET', '/stories/p3/audit', f.editor))).entries.map((e) => e.action).at(-1)).toBe('confirm-cluster');

    const split = await json(await f.call('POST', '/stories/p1/split', f.editor, { version: p1.version }));
    expect(split.tags.cluster).toBe('p1');
    expect((await json(await f.call('GET', '/clusters/other-event', f.editor))).members.map((m) => m.id)).toEqual(['p3', 'p2']);
    const alone = await f.call('POST', '/stories/p1/split', f.editor, { version: split.version });
    expect(alone.status).toBe(400);
    const actions = (await json(await f.call('GET', '/stories/p1/audit', f.editor))).entries.map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['merge-cluster', 'split-cluster']);
  });

  it.each([
    [{ into: 'a', from: 'a' }, 400],
    [{ into: 'other-event', from: 'no-such-cluster' }, 404],
    [{ into: 'other-event' }, 400],
  ])('refuses the merge %j with %i', async (body, status) => {
    expect((await f.call('POST', '/clusters/merge', f.editor, body)).status).toBe(status);
  });
});

describe('organisations', () => {
  it('adds one, edits it at its version, and audits both', async () => {
    const created = await f.call('POST', '/organisations', f.editor, { name: 'Mutual Ventures Test', kind: 'sector-body', aliases: ['MVT'] });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({ slug: 'mutual-ventures-test', version: 1, sectors: [] });
    const edited = await f.call('PATCH', '/organisations/mutual-ventures-test', f.editor, { version: 1, spunOutFrom: 'Cabinet Office', year: 2011 });
    expect(await json(edited)).toMatchObject({ version: 2, spunOutFrom: 'Cabinet Office', year: 2011 });
    const cleared = await json(await f.call('PATCH', '/organisations/mutual-ventures-test', f.editor, { version: 2, year: null }));
    expect(cleared).not.toHaveProperty('year');
    expect((await f.call('PATCH', '/organisations/mutual-ventures-test', f.editor, { version: 2, region: 'London' })).status).toBe(409);
    const audit = await json(await f.call('GET', '/organisations/mutual-ventures-test/audit', f.editor));
    expect(audit.entries.map((e) => [e.version, e.action, e.after])).toEqual([
      [1, 'add-organisation', expect.objectContaining({ name: 'Mutual Ventures Test' })],
      [2, 'edit-organisation', { spunOutFrom: 'Cabinet Office', year: 2011 }],
      [3, 'edit-organisation', { year: null }],
    ]);
  });

  it('edits a bundled organisation: its first stored version is 1', async () => {
    const bundled = await json(await f.call('GET', '/organisations/leading-lives', f.editor));
    expect(bundled.version).toBe(0);
    const edited = await json(await f.call('PATCH', '/organisations/leading-lives', f.editor, { version: 0, aliases: [...bundled.aliases, 'Leading Lives Suffolk'] }));
    expect(edited).toMatchObject({ version: 1, kind: bundled.kind });
    const found = await json(await f.call('GET', '/organisations?q=leading lives suffolk', f.editor));
    expect(found.organisations.map((o) => o.slug)).toEqual(['leading-lives']);
  });

  it.each([
    [{ name: 'MyCSP', kind: 'mutual' }, 409, /slug "mycsp" exists/],
    [{ name: 'Another Name', kind: 'mutual', aliases: ['CSH Surrey'] }, 409, /"CSH Surrey" is already used by Central Surrey Health/],
    [{ name: 'Odd One', kind: 'co-op' }, 400, /kind/],
    [{ name: 'Odd One', kind: 'mutual', sectors: ['hospitals'] }, 400, /sector/],
  ])('refuses %j', async (body, status, detail) => {
    const response = await f.call('POST', '/organisations', f.editor, body);
    expect(response.status).toBe(status);
    expect((await json(response)).detail).toMatch(detail);
  });
});

describe('sources (admins)', () => {
  it('adds a source, pauses and resumes it, shows health and the audit trail', async () => {
    const added = await f.call('POST', '/sources', f.admin, { id: 'coop-news', name: 'Co-op News', url: 'https://www.thenews.coop/feed/', kind: 'feed' });
    expect(added.status).toBe(201);
    expect(await json(added)).toMatchObject({ id: 'coop-news', health: { consecutiveFailures: 0 } });
    expect((await f.call('POST', '/sources', f.admin, { id: 'coop-news', name: 'Again', url: 'https://x.example/', kind: 'feed' })).status).toBe(409);
    expect(await json(await f.call('PATCH', '/sources/coop-news', f.admin, { enabled: false }))).toMatchObject({ enabled: false });
    expect(await json(await f.call('PATCH', '/sources/coop-news', f.admin, { enabled: true }))).not.toHaveProperty('enabled');
    const listed = await json(await f.call('GET', '/sources', f.editor));
    expect(listed.sources.map((s) => s.id)).toEqual(['coop-news']);
    const audit = await json(await f.call('GET', '/sources/coop-news/audit', f.editor));
    expect(audit.entries.map((e) => [e.who, e.action])).toEqual([
      ['ada', 'add-source'],
      ['ada', 'pause-source'],
      ['ada', 'resume-source'],
    ]);
  });

  it.each([
    ['POST', '/sources', { id: 'Bad Id', name: 'x', url: 'https://x.example/', kind: 'feed' }, 400],
    ['POST', '/sources', { id: 'listing', name: 'x', url: 'https://x.example/', kind: 'html' }, 400],
    ['PATCH', '/sources/coop-news', { url: 'not a url' }, 400],
    ['PATCH', '/sources/missing', { enabled: false }, 404],
  ])('%s %s %j → %i', async (method, path, body, status) => {
    expect((await f.call(method, path, f.admin, body)).status).toBe(status);
  });
});

describe('editors (admins)', () => {
  it('lists, adds (the token shown once) and removes editors', async () => {
    const added = await json(await f.call('POST', '/editors', f.admin, { name: 'Hedy', role: 'editor' }));
    expect(added.editor).toMatchObject({ editorId: 'hedy', role: 'editor' });
    expect((await f.call('GET', '/me', added.token)).status).toBe(200);
    expect((await json(await f.call('GET', '/editors', f.admin))).editors.map((e) => e.editorId)).toEqual(['ada', 'grace', 'hedy']);
    expect((await f.call('DELETE', '/editors/hedy', f.admin)).status).toBe(204);
    expect((await f.call('GET', '/me', added.token)).status).toBe(401);
    expect((await f.call('DELETE', '/editors/ada', f.admin)).status).toBe(400);
    expect((await f.call('POST', '/editors', f.admin, { name: 'X', role: 'owner' })).status).toBe(400);
  });
});

describe('with Cognito', () => {
  it('applies the same roles to users of the pool', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256' }] });
    const issuer = 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_test';
    const authenticator = createJwtAuthenticator({ issuer, clientId: 'client', keys });
    const app = new Hono().route('/api/editor', createEditorApi({ ...f.deps, authenticator }));
    const token = (groups: string[]) =>
      new SignJWT({ token_use: 'access', client_id: 'client', username: 'maria', 'cognito:groups': groups })
        .setProtectedHeader({ alg: 'RS256', kid: 'k' })
        .setSubject('sub-1')
        .setIssuer(issuer)
        .setExpirationTime('5m')
        .sign(privateKey);
    const get = async (path: string, groups: string[]) => app.request(`/api/editor${path}`, { headers: { authorization: `Bearer ${await token(groups)}` } });
    expect((await get('/queue', ['editor'])).status).toBe(200);
    expect((await get('/sources/coop-news/audit', ['editor'])).status).toBe(200);
    expect((await get('/queue', [])).status).toBe(401);
    const forbidden = await app.request('/api/editor/sources/coop-news', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await token(['editor'])}`, 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
    expect(forbidden.status).toBe(403);
  });
});

describe('name candidates', () => {
  it('lists names the knowledge base lacks, most often seen first, to editors only', async () => {
    const names = {
      organisations: [{ name: 'Brightwater Care CIC', kind: 'mutual' as const }],
      people: [{ name: 'Jane Okafor', role: 'chief executive' }],
    };
    const seen = (id: string) => ({ sourceId: 'example', urls: [`https://news.example.org/${id}`] });
    await f.stories.saveNew(storyRecord({ id: 'c1' }), seen('c1'), names);
    await f.stories.saveNew(storyRecord({ id: 'c2' }), seen('c2'), { organisations: names.organisations, people: [] });
    // A story saved again (a retried item) counts nothing twice.
    await f.stories.saveNew(storyRecord({ id: 'c2' }), seen('c2'), names);

    expect((await f.call('GET', '/candidates', undefined)).status).toBe(401);
    const res = await f.call('GET', '/candidates', f.editor);
    expect(res.status).toBe(200);
    const { candidates } = (await res.json()) as { candidates: Array<Record<string, unknown>> };
    expect(candidates).toEqual([
      expect.objectContaining({ kind: 'organisation', name: 'Brightwater Care CIC', detail: 'mutual', stories: 2, lastStory: 'c2' }),
      expect.objectContaining({ kind: 'person', name: 'Jane Okafor', detail: 'chief executive', stories: 1 }),
    ]);
  });
});
