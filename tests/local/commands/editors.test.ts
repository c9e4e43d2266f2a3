import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../../lambdas/local/commands/editors.ts';
import { createTokenAuthenticator } from '../../../lambdas/core/auth/token-authenticator.ts';
import { createEditorRepository } from '../../../lambdas/store/editor-repository.ts';
import { freshTable } from '../../support/dynamo.ts';

let table: Awaited<ReturnType<typeof freshTable>>;

beforeAll(async () => {
  table = await freshTable();
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** Runs the command against the test table, returning its exit code and what it printed. */
async function editors(...argv: string[]) {
  vi.stubEnv('DYNAMODB_ENDPOINT', table.endpoint);
  vi.stubEnv('TABLE_NAME', table.tableName);
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  const code = await run(argv);
  vi.restoreAllMocks();
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('mutuals-news editors', () => {
  it('adds an editor and prints the token as the last line, and only there', async () => {
    const added = await editors('add', 'Ada', 'Lovelace', '--role', 'admin');
    expect(added.code).toBe(0);
    const token = added.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^mne_/);
    expect(added.stderr).toContain('added admin Ada Lovelace (id ada-lovelace)');
    expect(added.stderr).not.toContain(token);
    const auth = createTokenAuthenticator(createEditorRepository(table.db, table.tableName).byTokenHash);
    expect(await auth.authenticate(token)).toEqual({ editorId: 'ada-lovelace', name: 'Ada Lovelace', role: 'admin' });
  });

  it.each([
    [['add', 'Grace', '--role', 'owner'], /--role must be editor or admin/],
    [['add'], /needs a NAME/],
    [['add', 'Ada Lovelace'], /exists/],
    [['remove', 'nobody'], /no editor with id "nobody"/],
    [['token', 'nobody'], /no editor with id "nobody"/],
  ])('refuses %j with a one-line message', async (argv, message) => {
    const result = await editors(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('lists, issues a new token and removes', async () => {
    await editors('add', 'Grace');
    const listed = await editors('list', '--json');
    expect(listed.stdout.trim().split('\n').map((l) => JSON.parse(l).editorId)).toEqual(['ada-lovelace', 'grace']);
    expect((await editors('list')).stdout).toMatch(/grace\s+Grace\s+editor/);
    const rotated = await editors('token', 'grace');
    expect(rotated.stdout.trim()).toMatch(/^mne_/);
    expect((await editors('remove', 'grace')).code).toBe(0);
    expect((await editors('help')).code).toBe(2);
  });
});
