// An editor app over a fresh table, with an admin, an editor and pending stories to curate.
import { Hono } from 'hono';
import { createEditorApi } from '../../../lambdas/api/editor/api.ts';
import { createEditorConsole } from '../../../lambdas/api/editor/console/app.ts';
import { createEditorDeps } from '../../../lambdas/api/editor/deps.ts';
import type { StoryRecord } from '../../../lambdas/core/model.ts';
import { createCurationRepository } from '../../../lambdas/store/curation-repository.ts';
import { createEditorRepository } from '../../../lambdas/store/editor-repository.ts';
import { createSourceRepository } from '../../../lambdas/store/source-repository.ts';
import { createStoryRepository } from '../../../lambdas/store/story-repository.ts';
import { freshTable } from '../../support/dynamo.ts';
import { storyRecord } from '../../support/records.ts';

export async function editorFixture() {
  const table = await freshTable();
  let clock = Date.parse('2026-02-01T09:00:00.000Z');
  // every call a minute later, so audit entries have distinct times
  const now = () => new Date((clock += 60_000));
  const deps = createEditorDeps({ db: table.db, tableName: table.tableName, now });
  const app = new Hono();
  app.route('/api/editor', createEditorApi(deps));
  app.route('/editor', createEditorConsole(deps));

  const editors = createEditorRepository(table.db, table.tableName);
  const admin = (await editors.add({ name: 'Ada', role: 'admin' }, now())).token;
  const editor = (await editors.add({ name: 'Grace', role: 'editor' }, now())).token;
  const stories = createStoryRepository(table.db, table.tableName);
  const sources = createSourceRepository(table.db, table.tableName);
  const curation = createCurationRepository(table.db, table.tableName);

  const seed = async (overrides: Partial<StoryRecord> & { id: string }) => {
    const record = storyRecord({ status: 'pending', ...overrides });
    await stories.saveNew(record, { sourceId: record.source, urls: [record.url] });
    return record;
  };

  /** A JSON request to the editor API with a token. */
  const call = (method: string, path: string, token: string | undefined, body?: unknown) =>
    app.request(`/api/editor${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  return { table, app, deps, editors, admin, editor, stories, sources, curation, seed, call, now };
}

export const withTags = (tags: Partial<NonNullable<StoryRecord['tags']>>) => ({ ...storyRecord({ id: 'x' }).tags!, ...tags });
