// The one way the pipeline reads the web: polite (honest user agent, robots.txt, one request at a
// time per host), bounded (timeout, size cap, redirect limit) and conditional (ETag and
// Last-Modified). Every failure becomes a FetchError with a one-line message.

import { STATUS_CODES } from 'node:http';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { createHostPacer } from './host-pacer.ts';
import { parseRetryAfter } from './retry-after.ts';
import { createRobotsPolicy, type RobotsPolicy } from './robots.ts';
import { FetchError, type FetchRequest, type FetchResult, type HttpClient } from './types.ts';

export const DEFAULT_USER_AGENT = 'mutuals-news/0.1 (+https://github.com/mutuals-news/mutuals-news)';

export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpClientOptions {
  userAgent?: string;
  /** Limit for one request, from sending it to the last byte of the body (per redirect hop). */
  timeoutMs?: number;
  /** Largest body accepted (bytes, after decompression). */
  maxBytes?: number;
  maxRedirects?: number;
  /** Pause between the end of one request to a host and the start of the next. */
  perHostDelayMs?: number;
  respectRobots?: boolean;
  fetch?: FetchFunction;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type Exchange = FetchResult | { status: 'redirect'; location: string };

export function createHttpClient({
  userAgent = DEFAULT_USER_AGENT,
  timeoutMs = 20_000,
  maxBytes = 5 * 1024 * 1024,
  maxRedirects = 5,
  perHostDelayMs = 1000,
  respectRobots = true,
  fetch: fetchFunction = globalThis.fetch,
  sleep = (ms) => sleepFor(ms),
  now = Date.now,
}: HttpClientOptions = {}): HttpClient {
  const pacer = createHostPacer({ sleep, now });
  const robots = respectRobots
    ? createRobotsPolicy({ userAgent, now, http: { get: (request) => follow(request, undefined) } })
    : undefined;

  return { get: (request) => follow(request, robots) };

  async function follow(request: FetchRequest, robotsPolicy: RobotsPolicy | undefined): Promise<FetchResult> {
    let url = parseHttpUrl(request.url);
    const visited = new Set([url.href]);
    for (let redirects = 0; ; redirects += 1) {
      const crawlDelayMs = robotsPolicy ? await robotsPolicy.check(url) : 0;
      const target = url;
      const outcome = await pacer.run(
        target.hostname,
        () => exchange(target, request),
        Math.max(perHostDelayMs, crawlDelayMs),
      );
      if (outcome.status !== 'redirect') return outcome;

      url = parseHttpUrl(outcome.location, target);
      if (visited.has(url.href)) {
        throw new FetchError('too-many-redirects', `redirect loop back to ${url.href}`, { url: target.href });
      }
      if (redirects >= maxRedirects) {
        throw new FetchError('too-many-redirects', `more than ${maxRedirects} redirects`, { url: target.href });
      }
      visited.add(url.href);
    }
  }

  /** One HTTP request and its body, under the time limit. */
  async function exchange(url: URL, request: FetchRequest): Promise<Exchange> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const failed = (error: unknown, verb: string) =>
      timedOut
        ? new FetchError('timeout', `${url.host} did not respond within ${formatDuration(timeoutMs)}`, { url: url.href })
        : new FetchError('network', `${verb} ${url.host} (${errorCode(error)})`, { url: url.href });

    try {
      let response: Response;
      try {
        response = await fetchFunction(url.href, {
          headers: requestHeaders(request, userAgent),
          redirect: 'manual',
          signal: controller.signal,
        });
      } catch (error) {
        throw failed(error, 'cannot reach');
      }

      const { status, headers } = response;
      if (status < 200 || status >= 300) {
        await discard(response);
        return answerWithoutBody(url, status, headers);
      }
      const declared = Number(headers.get('content-length'));
      if (declared > maxBytes) {
        await discard(response);
        throw new FetchError(
          'too-large',
          `response too large (${formatBytes(declared)}, limit ${formatBytes(maxBytes)})`,
          { url: url.href, httpStatus: status },
        );
      }
      let body: Uint8Array;
      try {
        body = await readCapped(response, maxBytes, { url: url.href, httpStatus: status });
      } catch (error) {
        if (error instanceof FetchError) throw error;
        throw failed(error, 'lost connection to');
      }
      return {
        status: 'ok',
        url: url.href,
        httpStatus: status,
        body,
        contentType: headers.get('content-type') ?? undefined,
        etag: headers.get('etag') ?? undefined,
        lastModified: headers.get('last-modified') ?? undefined,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /** A redirect, a 304, or an error status. */
  function answerWithoutBody(url: URL, status: number, headers: Headers): Exchange {
    if (REDIRECT_STATUSES.has(status)) {
      const location = headers.get('location');
      if (location) return { status: 'redirect', location };
      throw new FetchError('http', `${describeStatus(status)} without a Location header`, { httpStatus: status, url: url.href });
    }
    if (status === 304) return { status: 'not-modified', url: url.href };
    if (status === 429 || status === 503) {
      const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now());
      const when = retryAfterMs === undefined ? '' : ` (retry after ${formatDuration(retryAfterMs)})`;
      throw new FetchError('rate-limited', `${describeStatus(status)}${when}`, {
        httpStatus: status,
        retryAfterMs,
        url: url.href,
      });
    }
    throw new FetchError('http', describeStatus(status), { httpStatus: status, url: url.href });
  }
}

function requestHeaders(request: FetchRequest, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent, accept: request.accept ?? '*/*' };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  return headers;
}

/** Reads the body, giving up as soon as it grows past `maxBytes`. */
async function readCapped(
  response: Response,
  maxBytes: number,
  details: FetchError['details'],
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FetchError('too-large', `response larger than ${formatBytes(maxBytes)}`, details);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** An absolute http(s) URL without its fragment (never sent to servers, irrelevant to loops). */
function parseHttpUrl(text: string, base?: URL): URL {
  const what = base ? 'redirect to an invalid URL' : 'invalid URL';
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new FetchError('invalid-url', `${what}: ${clip(text) || '(empty)'}`, { url: base?.href ?? text });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('invalid-url', `${what}: ${url.protocol} is not http or https`, { url: base?.href ?? text });
  }
  url.hash = '';
  return url;
}

function describeStatus(status: number): string {
  const text = STATUS_CODES[status];
  return text ? `HTTP ${status} ${text}` : `HTTP ${status}`;
}

/** The system error code under a failed fetch (undici hides it in `cause`, sometimes in a list). */
function errorCode(error: unknown): string {
  const cause = (error as { cause?: unknown } | undefined)?.cause ?? error;
  const { code, errors, name } = (cause ?? {}) as { code?: unknown; errors?: unknown; name?: unknown };
  if (typeof code === 'string') return code;
  if (Array.isArray(errors)) {
    const inner = errors.map((each) => (each as { code?: unknown } | undefined)?.code).find((c) => typeof c === 'string');
    if (typeof inner === 'string') return inner;
  }
  return typeof name === 'string' ? name : 'unknown error';
}

/** One short line from text a stranger supplied. */
function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}
