// robots.txt (RFC 9309): read once per origin, cached, and consulted before every request.
//
// What happens when robots.txt cannot be read follows RFC 9309 §2.3.1 and Google's crawler:
// - 2xx: its rules apply, cached for `cacheMs` (24 h; refreshed with a conditional GET).
// - 4xx other than 429 (404 above all): there is no robots.txt, so everything is allowed.
// - 429, 5xx, too large, endless redirects ("unreachable"): the last copy read, if any, keeps
//   applying; without one the whole origin counts as disallowed. Either way robots.txt is asked
//   for again after `unreachableRetryMs` (1 h, or the server's Retry-After if longer), so an
//   outage blocks for a while, not for ever. An origin unreachable for `unreachableAllowAfterMs`
//   (30 days, the RFC's "reasonably long period") is then treated as having no robots.txt.
// - Network failure or timeout: the host itself is down, so that error is what the caller gets
//   (a cached copy still applies if there is one); nothing is remembered and the next request
//   tries again.
// The cache lives in this process (a warm Lambda, the local runtime), so a cold start reads again.

import robotsModule from 'robots-parser';
import { FetchError, type HttpClient } from './types.ts';

// robots-parser is CommonJS typed as an ES module: TypeScript (NodeNext) sees the default import
// as a namespace, while at run time it is the parser itself.
const parseRobots = robotsModule as unknown as typeof robotsModule.default;
type Robot = ReturnType<typeof parseRobots>;

export interface RobotsOptions {
  userAgent: string;
  /** Fetches robots.txt itself; it must not consult robots.txt in turn. */
  http: HttpClient;
  now: () => number;
  cacheMs?: number;
  unreachableRetryMs?: number;
  unreachableAllowAfterMs?: number;
  /** A Crawl-delay above this is cut down to it, so one robots.txt cannot stall the queue. */
  maxCrawlDelayMs?: number;
}

export interface RobotsPolicy {
  /**
   * Resolves with the pause (ms) the origin's robots.txt asks between requests, 0 when it asks
   * none; throws FetchError('robots') when `url` may not be fetched.
   */
  check(url: URL): Promise<number>;
}

type Verdict =
  | { kind: 'rules'; robot: Robot; etag?: string; lastModified?: string }
  | { kind: 'allow-all' }
  | { kind: 'unreachable'; reason: string; since: number };

interface Entry {
  verdict: Verdict;
  expiresAt: number;
}

const HOUR = 3_600_000;

export function createRobotsPolicy({
  userAgent,
  http,
  now,
  cacheMs = 24 * HOUR,
  unreachableRetryMs = HOUR,
  unreachableAllowAfterMs = 30 * 24 * HOUR,
  maxCrawlDelayMs = 60_000,
}: RobotsOptions): RobotsPolicy {
  const cache = new Map<string, Promise<Entry>>();

  async function read(origin: string, previous: Verdict | undefined): Promise<Entry> {
    const url = `${origin}/robots.txt`;
    const conditional = previous?.kind === 'rules' ? { etag: previous.etag, lastModified: previous.lastModified } : {};
    try {
      const result = await http.get({ url, accept: 'text/plain', ...conditional });
      if (result.status === 'not-modified') {
        // A 304 to an unconditional request carries no rules: as good as no robots.txt.
        return { verdict: previous?.kind === 'rules' ? previous : { kind: 'allow-all' }, expiresAt: now() + cacheMs };
      }
      const robot = parseRobots(url, new TextDecoder().decode(result.body));
      return {
        verdict: { kind: 'rules', robot, etag: result.etag, lastModified: result.lastModified },
        expiresAt: now() + cacheMs,
      };
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      const status = error.details.httpStatus;
      if (error.kind === 'http' && status !== undefined && status >= 400 && status < 500) {
        return { verdict: { kind: 'allow-all' }, expiresAt: now() + cacheMs };
      }
      const retryAt = now() + Math.max(unreachableRetryMs, error.details.retryAfterMs ?? 0);
      if (previous && previous.kind !== 'unreachable') return { verdict: previous, expiresAt: retryAt };
      if (error.kind === 'network' || error.kind === 'timeout') throw error;
      const since = previous?.since ?? now();
      if (now() - since >= unreachableAllowAfterMs) return { verdict: { kind: 'allow-all' }, expiresAt: retryAt };
      return { verdict: { kind: 'unreachable', reason: error.message, since }, expiresAt: retryAt };
    }
  }

  async function entryFor(origin: string): Promise<Entry> {
    const cached = cache.get(origin);
    let previous: Verdict | undefined;
    if (cached) {
      const entry = await cached;
      if (entry.expiresAt > now()) return entry;
      // Another caller may have started the refresh while this one waited.
      if (cache.get(origin) !== cached) return entryFor(origin);
      previous = entry.verdict;
    }
    const reading = read(origin, previous);
    cache.set(origin, reading);
    reading.catch(() => {
      if (cache.get(origin) === reading) cache.delete(origin);
    });
    return reading;
  }

  return {
    async check(url) {
      const entry = await entryFor(url.origin);
      const { verdict } = entry;
      if (verdict.kind === 'unreachable') {
        throw new FetchError('robots', `robots.txt unreachable: ${verdict.reason}`, {
          url: url.href,
          retryAfterMs: Math.max(0, entry.expiresAt - now()),
        });
      }
      if (verdict.kind === 'allow-all') return 0;
      if (verdict.robot.isAllowed(url.href, userAgent) === false) {
        throw new FetchError('robots', 'blocked by robots.txt', { url: url.href });
      }
      const seconds = verdict.robot.getCrawlDelay(userAgent);
      return seconds && seconds > 0 ? Math.min(seconds * 1000, maxCrawlDelayMs) : 0;
    },
  };
}
