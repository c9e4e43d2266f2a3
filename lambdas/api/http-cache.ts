// HTTP caching for every successful GET: a strong ETag over the body, Last-Modified when the
// content has a date, Cache-Control, and 304 when the client's copy is still current.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

export interface CachePolicy {
  /** Seconds a client or shared cache may reuse the answer without asking. */
  maxAge: number;
  /** When the content last changed, if known. */
  lastModified?: Date;
}

/** Lists and feeds change with every stored story: short. */
export const LIST_MAX_AGE = 60;
/** A story, a profile, a page of the documentation: longer. */
export const ITEM_MAX_AGE = 300;

const wholeSeconds = (date: Date) => Math.floor(date.getTime() / 1000) * 1000;

/** RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only without it. */
export function isNotModified(headers: { ifNoneMatch?: string; ifModifiedSince?: string }, etag: string, lastModified?: Date): boolean {
  if (headers.ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return headers.ifNoneMatch.trim() === '*' || headers.ifNoneMatch.split(',').some((tag) => opaque(tag) === etag);
  }
  if (!lastModified || headers.ifModifiedSince === undefined) return false;
  const since = Date.parse(headers.ifModifiedSince);
  return !Number.isNaN(since) && wholeSeconds(lastModified) <= since;
}

export function cachedResponse(c: Context, body: string, contentType: string, policy: CachePolicy): Response {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  const headers: Record<string, string> = { ETag: etag, 'Cache-Control': `public, max-age=${policy.maxAge}` };
  if (policy.lastModified) headers['Last-Modified'] = new Date(wholeSeconds(policy.lastModified)).toUTCString();
  const conditional = { ifNoneMatch: c.req.header('if-none-match'), ifModifiedSince: c.req.header('if-modified-since') };
  if (isNotModified(conditional, etag, policy.lastModified)) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, 'Content-Type': contentType });
}

export const cachedJson = (c: Context, value: unknown, policy: CachePolicy) =>
  cachedResponse(c, JSON.stringify(value), 'application/json; charset=utf-8', policy);

/** The newest change among stories: their publication or, later, their arrival here. */
export function newestChange(stories: ReadonlyArray<{ published: string; fetchedAt?: string }>): Date | undefined {
  const times = stories.flatMap((s) => [Date.parse(s.published), Date.parse(s.fetchedAt ?? '')]).filter((t) => !Number.isNaN(t));
  return times.length ? new Date(Math.max(...times)) : undefined;
}
