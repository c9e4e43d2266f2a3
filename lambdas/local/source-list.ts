// Reading and applying source lists: the bundled default list and `--sources FILE`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Source } from '../core/model.ts';
import type { SourceRepository } from '../core/ports.ts';
import { parseSourceList } from '../core/source-schema.ts';
import type { DynamoSourceRepository } from '../store/source-repository.ts';

export const DEFAULT_SOURCES_FILE = fileURLToPath(new URL('./default-sources.json', import.meta.url));

export function readSourcesFile(path: string): Source[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  try {
    return parseSourceList(json);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Makes the stored feed and listing sources exactly `list`: new ones are added, listed ones
 * updated (keeping their health), others removed. Archive sources stay: they record imports.
 */
export async function replaceSources(repo: SourceRepository, list: Source[], now: Date) {
  const wanted = new Set(list.map((s) => s.id));
  const removed: string[] = [];
  for (const existing of await repo.list()) {
    if (existing.kind !== 'archive' && !wanted.has(existing.id)) {
      await repo.remove(existing.id);
      removed.push(existing.id);
    }
  }
  for (const source of list) await repo.put(source, now);
  return { added: list.length, removed };
}

/** On a new data directory, the default sources; otherwise what the user has made of them. */
export async function seedSources(repo: SourceRepository & Pick<DynamoSourceRepository, 'claimDefaults'>, now: Date): Promise<number> {
  // offered once per table: a user who removes every feed does not get the defaults back
  const claimed = await repo.claimDefaults(now);
  if (!claimed || (await repo.list()).some((s) => s.kind !== 'archive')) return 0;
  const defaults = readSourcesFile(DEFAULT_SOURCES_FILE);
  for (const source of defaults) await repo.put(source, now);
  return defaults.length;
}
