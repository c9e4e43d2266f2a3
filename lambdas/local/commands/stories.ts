// mutuals-news stories [--json] [--limit N] [--status published|pending|rejected]
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readConfig } from '../config.ts';
import { withServices } from '../services.ts';
import type { StoryRecord } from '../../core/model.ts';

const options = z.object({
  limit: z.coerce.number().int().min(1).max(100_000).default(20),
  status: z.enum(['published', 'pending', 'rejected']).optional(),
});

/** The `--json` line: the story and, flattened beside it, its tags. */
export function storyJson(s: StoryRecord) {
  const { tags, ...story } = s;
  return { ...story, ...(tags ?? {}) };
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, limit: { type: 'string' }, status: { type: 'string' } },
  });
  const parsed = options.safeParse({ limit: values.limit, status: values.status });
  if (!parsed.success) {
    process.stderr.write(`mutuals-news stories: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
    return 2;
  }
  return withServices(readConfig(), async ({ stories }) => {
    const list = await stories.latest(parsed.data);
    for (const s of list) {
      if (values.json) process.stdout.write(`${JSON.stringify(storyJson(s))}\n`);
      else {
        const tags = s.tags ? ` [${[s.tags.eventType, ...s.tags.sectors].join(', ')}]` : '';
        process.stdout.write(`${s.published.slice(0, 10)}  ${s.status.padEnd(9)} ${s.title}  (${s.sourceName})${tags}\n`);
      }
    }
    if (!values.json && list.length === 0) process.stderr.write('no stories yet: run `mutuals-news ingest --once` or `npm start`\n');
    return 0;
  });
}
