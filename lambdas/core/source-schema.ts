// Sources are data: this schema is the one check applied wherever a source enters the system
// (the default list, `--sources FILE`, `sources add`, the editor API).
import { z } from 'zod';
import type { Source } from './model.ts';

export const sourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, at most 63'),
    name: z.string().trim().min(1).max(200),
    url: z.url({ protocol: /^https?$|^file$/ }),
    kind: z.enum(['feed', 'html', 'archive']),
    everyMinutes: z.number().int().min(5).max(7 * 24 * 60).optional(),
    selectors: z
      .object({ item: z.string().min(1), title: z.string().min(1).optional(), date: z.string().min(1).optional() })
      .strict()
      .optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine((s) => s.kind !== 'html' || s.selectors !== undefined, {
    message: 'an "html" source needs selectors ({ "item": "CSS selector for the story links" })',
    path: ['selectors'],
  });

/** One line per problem, naming where it is: "[2].url: Invalid URL". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.') : 'value'}: ${i.message}`).join('; ');
}

export function parseSource(value: unknown): Source {
  const parsed = sourceSchema.safeParse(value);
  if (!parsed.success) throw new Error(`source: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function parseSourceList(value: unknown): Source[] {
  const parsed = z.array(sourceSchema).safeParse(value);
  if (!parsed.success) throw new Error(`sources: ${describeIssues(parsed.error)}`);
  const ids = parsed.data.map((s) => s.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`sources: the id "${twice}" is used twice`);
  return parsed.data;
}
