// The CLI as a user runs it: separate processes on one DynamoDB Local table.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTable } from '../support/dynamo.ts';
import { runCli } from '../support/cli.ts';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';

let env: Record<string, string>;
let site: FixtureServer;
let work: string;

beforeAll(async () => {
  const table = await freshTable();
  work = mkdtempSync(join(tmpdir(), 'mn-cli-'));
  env = { DYNAMODB_ENDPOINT: table.endpoint, TABLE_NAME: table.tableName, MUTUALS_DATA_DIR: join(work, 'data') };
  site = await startFixtureServer();
});

afterAll(async () => site?.close());

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('mutuals-news CLI', () => {
  it('prints usage and refuses an unknown command', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/ingest/);
    const bad = await runCli(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('adds, lists and removes sources, refusing bad ones cleanly', async () => {
    const bad = await runCli(['sources', 'add', 'not-a-url'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/url/i);
    noStackTrace(bad.stderr);
    const html = await runCli(['sources', 'add', 'https://example.org/news', '--kind', 'html'], env);
    expect(html.stderr).toMatch(/needs selectors/);

    const added = await runCli(['sources', 'add', `${site.url}/feeds/news.rss`, '--id', 'review', '--name', 'Mutuals Review'], env);
    expect(added.stderr).toMatch(/added source review/);
    const list = await runCli(['sources', 'list', '--json'], env);
    expect(list.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['review']);
    const removed = await runCli(['sources', 'remove', 'review'], env);
    expect(removed.code).toBe(0);
    const again = await runCli(['sources', 'remove', 'review'], env);
    expect(again.stderr).toMatch(/no source with id "review"/);
  });

  it('ingests once from a sources file, shows progress, and stores nothing new the second time', async () => {
    const file = join(work, 'sources.json');
    writeFileSync(
      file,
      JSON.stringify([
        { id: 'review', name: 'Mutuals Review', url: `${site.url}/feeds/news.rss`, kind: 'feed' },
        { id: 'missing', name: 'Missing', url: `${site.url}/status/404`, kind: 'feed' },
      ]),
    );
    const first = await runCli(['ingest', '--once', '--sources', file], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/✓ review: 3 items, 3 new/);
    expect(first.stderr).toMatch(/✗ missing: HTTP 404/);
    const second = await runCli(['ingest', '--once'], env);
    expect(second.stderr).toMatch(/0 new stories/);

    const health = await runCli(['sources', 'list'], env);
    expect(health.stdout).toMatch(/missing .*HTTP 404 Not Found/);
  });

  it('refuses a malformed sources file with the reason', async () => {
    const file = join(work, 'broken.json');
    writeFileSync(file, '[{"id": "x", ');
    const out = await runCli(['ingest', '--once', '--sources', file], env);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/broken\.json is not valid JSON/);
    noStackTrace(out.stderr);
  });

  it('imports an archive folder once, and lists stories newest first as JSON lines with tags', async () => {
    const imported = await runCli(['import', 'lambdas/local/sample-archive'], env);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/14 files, 14 stored/);
    const again = await runCli(['import', 'lambdas/local/sample-archive'], env);
    expect(again.stderr).toMatch(/0 stored, 14 already stored/);

    const out = await runCli(['stories', '--json', '--limit', '100'], env);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(17);
    const dates = lines.map((s) => s.published);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const s of lines) {
      expect(s).toMatchObject({ id: expect.any(String), url: expect.any(String), title: expect.any(String), text: expect.any(String), source: expect.any(String) });
      expect(typeof s.relevant).toBe('boolean');
      expect(Array.isArray(s.organisations)).toBe(true);
    }
    const limited = await runCli(['stories', '--limit', 'many'], env);
    expect(limited.code).toBe(2);
  });

  it('re-tags only stories from older tagger versions unless asked for all', async () => {
    const out = await runCli(['retag'], env);
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(/17 stories, 0 re-tagged/);
    const all = await runCli(['retag', '--all', '--dry-run'], env);
    expect(all.stderr).toMatch(/17 stories, 17 re-tagged, 0 changed/);
  });
});
