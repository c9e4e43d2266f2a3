// An editor's back catalogue, one story per file, through the same tag-and-store steps as a feed.
import { articleFromFile } from '../extract/archive-file.ts';
import type { Source } from '../model.ts';
import { buildRecord, type ItemDeps } from './process-item.ts';

export interface ArchiveFile {
  name: string;
  bytes: Uint8Array;
}

export type FileOutcome = { file: string; outcome: 'stored' | 'duplicate' | 'seen' } | { file: string; outcome: 'failed'; error: string };

const CLUSTER_WINDOW_DAYS = 10;

export async function importArchiveFile(
  source: Source,
  file: ArchiveFile,
  deps: Pick<ItemDeps, 'stories' | 'tagger' | 'now' | 'publishThreshold'>,
): Promise<FileOutcome> {
  try {
    const article = articleFromFile(source.id, file.name, file.bytes);
    const seen = { sourceId: source.id, urls: [article.url] };
    if (await deps.stories.isSeen(seen)) return { file: file.name, outcome: 'seen' };
    const stored = await deps.stories.near(article.published ?? deps.now().toISOString(), CLUSTER_WINDOW_DAYS);
    const { record, names } = buildRecord({ ...article, extraction: 'archive' }, source, deps, stored);
    return { file: file.name, outcome: await deps.stories.saveNew(record, seen, names) };
  } catch (error) {
    return { file: file.name, outcome: 'failed', error: (error as Error).message };
  }
}
