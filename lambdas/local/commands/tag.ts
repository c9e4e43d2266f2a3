// `mutuals-news tag`: tags JSON Lines stories from standard input, one JSON line out per line
// in, in order (TAXONOMY.md shape plus `id`). All stories of one call are clustered together.
//
// A line that cannot be read (not JSON, no `id` or `text`) is answered in its place with
// `{"id": ..., "error": "..."}` and reported on standard error as one line; the other lines
// are still tagged, and the command exits 1. Blank lines are skipped.
import { z } from 'zod';
import type { StoryInput } from '../../core/tag/extract.ts';
import { createTagger } from '../../core/tag/tagger.ts';

const Line = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  text: z.string(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  published: z.string().nullish(),
});

const USAGE = 'usage: mutuals-news tag < stories.jsonl\n\nReads {"id","title","text","url","published"} per line; writes one tags line per story.\n';

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv.length) {
    process.stderr.write(`tag: unknown argument "${argv[0]}"\n${USAGE}`);
    return 2;
  }
  const lines = (await readStdin()).split('\n');
  const parsed = lines.flatMap((line, n) => (line.trim() ? [readLine(line, n + 1)] : []));
  const stories = parsed.filter((p): p is { story: StoryInput } => 'story' in p).map((p) => p.story);
  const tags = createTagger().tagBatch(stories);
  let next = 0;
  let failed = 0;
  const out: string[] = [];
  for (const p of parsed) {
    if ('story' in p) {
      out.push(JSON.stringify({ id: p.story.id, ...tags[next++] }));
    } else {
      failed++;
      process.stderr.write(`tag: line ${p.line}: ${p.error}\n`);
      out.push(JSON.stringify({ id: p.id ?? null, error: p.error }));
    }
  }
  process.stdout.write(out.map((l) => `${l}\n`).join(''));
  return failed ? 1 : 0;
}

type Read = { story: StoryInput } | { line: number; id?: string; error: string };

function readLine(line: string, n: number): Read {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { line: n, error: 'not JSON' };
  }
  const result = Line.safeParse(json);
  if (result.success) return { story: result.data };
  const id = typeof json === 'object' && json !== null && 'id' in json ? String((json as { id: unknown }).id) : undefined;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'line';
  return { line: n, id, error: `${field}: ${issue?.code === 'invalid_type' ? `expected ${'expected' in issue ? issue.expected : 'a value'}` : issue?.message ?? 'invalid'}` };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
