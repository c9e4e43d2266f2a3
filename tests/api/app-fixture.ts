// A table holding the fixture stories (tests/fixtures/api/stories.jsonl) and the app over it, with
// the fixture knowledge base. Each test file gets its own table.
import { readFileSync } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createApp } from '../../lambdas/api/app.ts';
import type { StoryRecord } from '../../lambdas/core/model.ts';
import type { KnownOrganisation } from '../../lambdas/core/tag/knowledge.ts';
import { createDocumentClient } from '../../lambdas/store/client.ts';
import { createStoryRepository } from '../../lambdas/store/story-repository.ts';
import { freshTable } from '../support/dynamo.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/api/${name}`, import.meta.url), 'utf8');

export const knowledgeBase = JSON.parse(fixture('organisations.json')) as KnownOrganisation[];
export const fixtureStories = fixture('stories.jsonl')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as StoryRecord);

/** Fixture stories a public list shows: published ones, newest first. */
export const publishedIds = fixtureStories
  .filter((s) => s.status === 'published')
  .sort((a, b) => b.published.localeCompare(a.published))
  .map((s) => s.id);

export type LoadedTable = Awaited<ReturnType<typeof freshTable>>;

export async function loadedTable(stories: StoryRecord[] = fixtureStories): Promise<LoadedTable> {
  const table = await freshTable();
  const repository = createStoryRepository(table.db, table.tableName);
  for (const story of stories) await repository.saveNew(story, { sourceId: story.source, urls: [story.url] });
  return table;
}

/** A document client that records the name of every command it sends. */
export function recordingClient(endpoint: string): { db: DynamoDBDocumentClient; commands: string[] } {
  const db = createDocumentClient({ endpoint });
  const commands: string[] = [];
  db.middlewareStack.add(
    (next, context) => (args) => {
      commands.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  return { db, commands };
}

export function appOver(table: LoadedTable, db: DynamoDBDocumentClient = table.db) {
  return createApp({ checkStore: async () => true, db, tableName: table.tableName, organisations: knowledgeBase });
}
