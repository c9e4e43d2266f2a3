// What every route is given: the read queries, the organisation knowledge base, the public URL.
import type { Context } from 'hono';
import type { ListedStory, QueryRepository } from '../store/query-repository.ts';
import type { DirectoryEntry } from './directory.ts';

export interface ApiContext {
  queries: QueryRepository;
  /** Published stories editors featured, newest first. */
  featured: (limit: number) => Promise<ListedStory[]>;
  /** The knowledge base's organisations by slug. */
  known: ReadonlyMap<string, DirectoryEntry>;
  /** The origin links are built on; the request's own origin when unset. */
  publicUrl?: string;
}

export function baseUrl(ctx: ApiContext, c: Context): string {
  return (ctx.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}
