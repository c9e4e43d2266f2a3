// The editor console in a real browser (Debian's chromium, driven by playwright-core) against the
// app served on 127.0.0.1 over DynamoDB Local: sign in → approve → edit tags → reject → audit.
// Screenshots of each step are kept under test-results/screenshots/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorFixture, withTags } from '../api/editor/setup.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let f: Awaited<ReturnType<typeof editorFixture>>;
let server: ServerType;
let origin: string;
let profile: string;
let context: BrowserContext;
let page: Page;
const requested: string[] = [];
const problems: string[] = [];

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `editor-console-${name}.png`), fullPage: true });

beforeAll(async () => {
  // Skip nothing silently: without the browser this test fails and says how to get it.
  if (!existsSync(CHROMIUM)) {
    throw new Error(`browser tests need Debian's chromium at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium`);
  }
  f = await editorFixture();
  await f.seed({ id: 'b1', title: 'Leading Lives spins out of Suffolk County Council', published: '2012-05-02T09:00:00.000Z', tags: withTags({ relevance: 0.66 }) });
  await f.seed({ id: 'b2', title: 'Mutual aid group opens food bank', published: '2012-05-01T09:00:00.000Z', tags: withTags({ relevance: 0.41, cluster: 'b2' }) });
  server = serve({ fetch: f.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ok) => server.once('listening', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  mkdirSync(SCREENSHOTS, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1280, height: 900 } });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('the editor console in chromium', () => {
  it('signs in, approves from the keyboard, edits tags, rejects and shows the audit trail', async () => {
    await page.goto(`${origin}/editor`);
    await expect.poll(() => page.url()).toContain('/editor/login');
    await page.getByLabel('Editor token').fill(f.admin);
    await shot('01-sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${origin}/editor`);
    await expect.poll(() => page.locator('tr[data-row]').count()).toBe(2);
    await shot('02-queue');

    // j focuses the first story of the queue, a approves it
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-story'))).toBe('b1');
    await page.keyboard.press('a');
    await page.waitForURL(/notice=approve/);
    expect(await page.getByRole('status').textContent()).toContain('Approved');
    expect((await f.stories.get('b1'))?.status).toBe('published');
    await shot('03-approved');

    await page.getByRole('link', { name: 'Mutual aid group opens food bank' }).click();
    await page.waitForURL(`${origin}/editor/stories/b2`);
    await page.getByLabel('Health', { exact: true }).check();
    await page.getByLabel('Corporate services').uncheck();
    await page.getByLabel('Event type').selectOption('other');
    await page.getByLabel('Places').fill('Ipswich\nSuffolk');
    await shot('04-editing');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/notice=saved/);
    const edited = await f.stories.get('b2');
    expect(edited?.tags).toMatchObject({ sectors: ['health'], eventType: 'other', places: ['Ipswich', 'Suffolk'] });
    expect(edited?.editorFields?.sort()).toEqual(['eventType', 'places', 'sectors']);

    await page.getByRole('button', { name: 'Reject' }).click();
    await page.waitForURL(/notice=reject/);
    expect((await f.stories.get('b2'))?.status).toBe('rejected');

    const audit = page.locator('table.audit tbody tr');
    await expect.poll(() => audit.count()).toBe(2);
    const rows = await audit.allTextContents();
    expect(rows[0]).toMatch(/ada\s*reject\s*3/);
    expect(rows[0]).toContain('status: pending → rejected');
    expect(rows[1]).toMatch(/ada\s*edit\s*2/);
    expect(rows[1]).toContain('eventType: spin-out-launch → other');
    await page.locator('#audit').scrollIntoViewIfNeeded();
    await shot('05-audit-trail');

    // everything the console loaded came from the app itself, with no script or CSP errors
    expect(requested.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
