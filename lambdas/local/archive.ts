// Importing a folder as an archive source: used by `mutuals-news import` and by `npm start`
// for the bundled sample archive.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importArchiveFile, type FileOutcome } from '../core/ingest/import-archive.ts';
import type { Source } from '../core/model.ts';
import { slugify } from '../core/slug.ts';
import type { StoryTagger } from '../core/ports.ts';
import type { Services } from './services.ts';

export const SAMPLE_ARCHIVE = fileURLToPath(new URL('./sample-archive/', import.meta.url));
const STORY_FILE = /\.(txt|md|html?)$/i;

export function archiveSource(folder: string, options: { id?: string; name?: string } = {}): Source {
  const name = basename(resolve(folder));
  return {
    id: options.id ?? `archive-${slugify(name)}`.slice(0, 63),
    name: options.name ?? `Archive: ${name}`,
    url: pathToFileURL(resolve(folder)).href,
    kind: 'archive',
  };
}

export function storyFiles(folder: string): string[] {
  let stat;
  try {
    stat = statSync(folder);
  } catch {
    throw new Error(`import: no such folder ${folder}`);
  }
  if (!stat.isDirectory()) throw new Error(`import: ${folder} is not a folder`);
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => STORY_FILE.test(f) && !/(^|\/)README\.md$/i.test(f))
    .sort();
}

export async function importFolder(
  services: Services & { tagger: StoryTagger },
  source: Source,
  folder: string,
  onFile: (result: FileOutcome, index: number, total: number) => void = () => {},
): Promise<FileOutcome[]> {
  const files = storyFiles(folder);
  await services.sources.put(source, services.now());
  const results: FileOutcome[] = [];
  for (const [index, name] of files.entries()) {
    const result = await importArchiveFile(source, { name, bytes: readFileSync(join(folder, name)) }, services);
    results.push(result);
    onFile(result, index, files.length);
  }
  return results;
}
