// mutuals-news parse-feed FILE_OR_URL...
//
// Prints one JSON line per input, in order: {"source", "feed": {"title","link","items":[…]}} or
// {"source", "error"}; exits 1 if any input failed (ARCHITECTURE.md). Files are read as bytes;
// http(s) inputs are fetched through the project's polite HTTP client (robots.txt, limits).
import { readFile } from 'node:fs/promises';
import { createHttpClient } from '../../core/fetch/http-client.ts';
import type { FetchResult, HttpClient } from '../../core/fetch/types.ts';
import { parseFeed } from '../../core/parse/feed.ts';

const USAGE = 'usage: mutuals-news parse-feed FILE_OR_URL...';

export interface ParseFeedDeps {
  http: HttpClient;
  readBytes: (path: string) => Promise<Uint8Array>;
  /** Writes one line of output (stdout). */
  write: (line: string) => void;
  /** Writes a message for the user (stderr). */
  say: (message: string) => void;
}

function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

function fileError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'read: no such file';
  if (code === 'EISDIR') return 'read: is a directory';
  if (code === 'EACCES') return 'read: permission denied';
  return `read: ${error instanceof Error ? error.message : String(error)}`;
}

async function parseInput(input: string, deps: ParseFeedDeps): Promise<Record<string, unknown>> {
  if (isUrl(input)) {
    let result: FetchResult;
    try {
      result = await deps.http.get({ url: input });
    } catch (error) {
      return { source: input, error: error instanceof Error ? error.message : String(error) };
    }
    if (result.status !== 'ok') return { source: input, error: 'fetch: not modified' };
    return { source: input, feed: await parseFeed(result.body, { contentType: result.contentType, url: result.url }) };
  }
  let bytes: Uint8Array;
  try {
    bytes = await deps.readBytes(input);
  } catch (error) {
    return { source: input, error: fileError(error) };
  }
  return { source: input, feed: await parseFeed(bytes) };
}

const defaultDeps = (): ParseFeedDeps => ({
  http: createHttpClient(),
  readBytes: readFile,
  write: (line) => process.stdout.write(`${line}\n`),
  say: (message) => process.stderr.write(`${message}\n`),
});

export async function run(argv: string[], deps: ParseFeedDeps = defaultDeps()): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    deps.say(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  let failed = 0;
  for (const input of argv) {
    let line: Record<string, unknown>;
    try {
      line = await parseInput(input, deps);
    } catch (error) {
      line = { source: input, error: error instanceof Error ? error.message : String(error) };
    }
    if ('error' in line) failed++;
    deps.write(JSON.stringify(line));
  }
  return failed > 0 ? 1 : 0;
}
