// Errors a route may answer with. Anything else is an internal error, whose details stay in the log.
import type { z } from 'zod';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: 400 | 404,
    readonly detail: string,
  ) {
    super(detail);
  }

  get error(): string {
    return this.status === 400 ? 'bad request' : 'not found';
  }
}

export const badRequest = (detail: string) => new HttpError(400, detail);
export const notFound = (detail: string) => new HttpError(404, detail);

/** Query parameters less the empty ones: a form's "any" choice sends `sector=`, which filters nothing. */
export function presentParams(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

/** The input as the schema gives it, or a 400 naming each wrong parameter. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const detail = result.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  throw badRequest([...new Set(detail)].join('; '));
}
