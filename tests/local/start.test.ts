// `npm start` as a user runs it: its own DynamoDB Local on a data folder, the sample archive,
// the HTTP server, and a clean stop on Ctrl-C that takes the Java process with it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const BIN = fileURLToPath(new URL('../../lambdas/local/bin.mjs', import.meta.url));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  it('serves /health over its own DynamoDB Local, lets commands share it, and stops cleanly on SIGINT', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mn-start-'));
    const sourcesFile = join(dataDir, 'sources.json');
    writeFileSync(sourcesFile, JSON.stringify([{ id: 'nowhere', name: 'Nowhere', url: 'http://127.0.0.1:9/feed.xml', kind: 'feed' }]));
    const { DYNAMODB_ENDPOINT: _ignored, ...inherited } = process.env;
    const env = { ...inherited, MUTUALS_DATA_DIR: dataDir, PORT: '0' };
    const child = spawn(process.execPath, [BIN, 'start', '--sources', sourcesFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const port = await new Promise<number>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no listening line in:\n${output}`)), 60_000);
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          ok(Number(match[1]));
        }
      });
    });
    expect(output).toMatch(/sources: 1 from/);
    expect(output).toMatch(/sample archive: 14 stories imported/);

    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    const stack = JSON.parse(readFileSync(join(dataDir, 'stack.json'), 'utf8')) as { endpoint: string; httpPort: number };
    expect(stack.httpPort).toBe(port);

    // A command run meanwhile uses the running stack rather than starting a second one.
    const listed = await runCli(['stories', '--limit', '3'], { MUTUALS_DATA_DIR: dataDir });
    expect(listed.stderr).toMatch(/using the running local stack/);
    expect(listed.stdout.trim().split('\n')).toHaveLength(3);

    const second = await runCli(['start'], { MUTUALS_DATA_DIR: dataDir, PORT: '0' });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already running/);

    const exited = new Promise<number | null>((ok) => child.on('exit', ok));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toMatch(/stopped/);
    // DynamoDB Local went with it: nothing answers on its port any more.
    expect(await fetch(stack.endpoint).then(() => true, () => false)).toBe(false);
    expect(alive(child.pid!)).toBe(false);
  });
});
