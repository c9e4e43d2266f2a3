import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../lambdas/core/auth/tokens.ts';
import { createEditorRepository, EditorExistsError, type EditorRepository } from '../../lambdas/store/editor-repository.ts';
import { keys } from '../../lambdas/store/keys.ts';
import { freshTable } from '../support/dynamo.ts';

let table: Awaited<ReturnType<typeof freshTable>>;
let editors: EditorRepository;
const now = new Date('2026-01-05T10:00:00.000Z');

beforeAll(async () => {
  table = await freshTable();
  editors = createEditorRepository(table.db, table.tableName);
});

describe('editor repository on DynamoDB Local', () => {
  it('adds an editor with a token that authenticates by hash, and stores no token in clear', async () => {
    const { editor, token } = await editors.add({ name: 'Ada Lovelace', role: 'admin' }, now);
    expect(editor).toEqual({ editorId: 'ada-lovelace', name: 'Ada Lovelace', role: 'admin', createdAt: now.toISOString() });
    expect(await editors.byTokenHash(hashToken(token))).toEqual({ editorId: 'ada-lovelace', name: 'Ada Lovelace', role: 'admin' });
    const stored = await table.db.send(new GetCommand({ TableName: table.tableName, Key: keys.editor('ada-lovelace') }));
    expect(JSON.stringify(stored.Item)).not.toContain(token);
    await expect(editors.add({ name: 'ada lovelace', role: 'editor' }, now)).rejects.toBeInstanceOf(EditorExistsError);
  });

  it('lists editors and refuses a name with no usable id', async () => {
    await editors.add({ name: 'Grace', role: 'editor' }, now);
    expect((await editors.list()).map((e) => [e.editorId, e.role])).toEqual([
      ['ada-lovelace', 'admin'],
      ['grace', 'editor'],
    ]);
    await expect(editors.add({ name: '!!!', role: 'editor' }, now)).rejects.toThrow(/no usable id/);
  });

  it('rotating a token revokes the old one', async () => {
    const { token: first } = await editors.add({ name: 'Rotor', role: 'editor' }, now);
    const second = await editors.rotateToken('rotor');
    expect(second).toBeDefined();
    expect(await editors.byTokenHash(hashToken(first))).toBeUndefined();
    expect(await editors.byTokenHash(hashToken(second!))).toMatchObject({ editorId: 'rotor' });
    expect(await editors.rotateToken('nobody')).toBeUndefined();
  });

  it('removing an editor revokes their token', async () => {
    const { token } = await editors.add({ name: 'Leaver', role: 'editor' }, now);
    expect(await editors.remove('leaver')).toBe(true);
    expect(await editors.remove('leaver')).toBe(false);
    expect(await editors.byTokenHash(hashToken(token))).toBeUndefined();
    expect(await editors.get('leaver')).toBeUndefined();
  });
});
