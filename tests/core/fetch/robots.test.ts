import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_AGENT } from '../../../lambdas/core/fetch/http-client.ts';
import { createRobotsPolicy } from '../../../lambdas/core/fetch/robots.ts';
import { FetchError, type FetchRequest, type FetchResult } from '../../../lambdas/core/fetch/types.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Answer = string | FetchError | 'not-modified';

/** An HttpClient that answers robots.txt requests from a script, one answer per request. */
function scriptedRobots(...answers: Answer[]) {
  let time = 0;
  const requests: FetchRequest[] = [];
  const policy = createRobotsPolicy({
    userAgent: DEFAULT_USER_AGENT,
    now: () => time,
    http: {
      async get(request): Promise<FetchResult> {
        requests.push(request);
        const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
        if (answer instanceof FetchError) throw answer;
        if (answer === 'not-modified') return { status: 'not-modified', url: request.url };
        return {
          status: 'ok',
          url: request.url,
          httpStatus: 200,
          body: new TextEncoder().encode(answer),
          etag: `"${answer.length}"`,
        };
      },
    },
  });
  return {
    policy,
    requests,
    advance: (ms: number) => {
      time += ms;
    },
    check: (url: string) => policy.check(new URL(url)),
  };
}

const httpError = (status: number, message: string) =>
  new FetchError(status === 429 || status === 503 ? 'rate-limited' : 'http', message, { httpStatus: status });

const RULES = 'User-agent: *\nDisallow: /private/\nAllow: /private/press/\n';

async function verdict(check: Promise<number>): Promise<string> {
  try {
    return `allowed, delay ${await check}`;
  } catch (error) {
    return error instanceof FetchError ? `${error.kind}: ${error.message}` : `crash: ${String(error)}`;
  }
}

describe('robots policy', () => {
  it.each([
    { url: 'https://news.example/feeds/news.rss', expected: 'allowed, delay 0' },
    { url: 'https://news.example/private/rota.html', expected: 'robots: blocked by robots.txt' },
    { url: 'https://news.example/private/press/launch.html', expected: 'allowed, delay 0' },
  ])('applies the rules to $url', async ({ url, expected }) => {
    const robots = scriptedRobots(RULES);
    expect(await verdict(robots.check(url))).toBe(expected);
    expect(robots.requests).toEqual([{ url: 'https://news.example/robots.txt', accept: 'text/plain' }]);
  });

  it.each([
    { name: 'a group for our user agent', text: 'User-agent: *\nAllow: /\n\nUser-agent: mutuals-news\nDisallow: /\n', expected: 'robots: blocked by robots.txt' },
    { name: 'a group for another crawler', text: 'User-agent: OtherBot\nDisallow: /\n', expected: 'allowed, delay 0' },
    { name: 'a crawl delay', text: 'User-agent: *\nCrawl-delay: 2.5\n', expected: 'allowed, delay 2500' },
    { name: 'an excessive crawl delay', text: 'User-agent: *\nCrawl-delay: 86400\n', expected: 'allowed, delay 60000' },
    { name: 'an empty file', text: '', expected: 'allowed, delay 0' },
  ])('reads $name', async ({ text, expected }) => {
    expect(await verdict(scriptedRobots(text).check('https://news.example/a.html'))).toBe(expected);
  });

  it('reads robots.txt once per origin, even for requests made together', async () => {
    const robots = scriptedRobots(RULES);
    await Promise.all([
      robots.check('https://news.example/a'),
      robots.check('https://news.example/b'),
      robots.check('https://news.example/c'),
    ]);
    await robots.check('https://news.example/d');
    await robots.check('http://news.example/d');
    await robots.check('https://other.example/d');
    expect(robots.requests.map((request) => request.url)).toEqual([
      'https://news.example/robots.txt',
      'http://news.example/robots.txt',
      'https://other.example/robots.txt',
    ]);
  });

  it('reads it again after a day, conditionally, and keeps the rules on a 304', async () => {
    const robots = scriptedRobots(RULES, 'not-modified');
    await robots.check('https://news.example/a');
    robots.advance(DAY - 1);
    await robots.check('https://news.example/a');
    expect(robots.requests).toHaveLength(1);

    robots.advance(1);
    expect(await verdict(robots.check('https://news.example/private/x'))).toBe('robots: blocked by robots.txt');
    expect(robots.requests[1]).toMatchObject({ url: 'https://news.example/robots.txt', etag: `"${RULES.length}"` });
  });

  it.each([
    { status: 404, message: 'HTTP 404 Not Found' },
    { status: 401, message: 'HTTP 401 Unauthorized' },
    { status: 403, message: 'HTTP 403 Forbidden' },
    { status: 410, message: 'HTTP 410 Gone' },
  ])('allows everything when robots.txt answers $status', async ({ status, message }) => {
    const robots = scriptedRobots(httpError(status, message));
    expect(await verdict(robots.check('https://news.example/private/x'))).toBe('allowed, delay 0');
    robots.advance(DAY - 1);
    await robots.check('https://news.example/y');
    expect(robots.requests).toHaveLength(1);
  });

  it.each([
    { error: httpError(503, 'HTTP 503 Service Unavailable'), message: 'robots.txt unreachable: HTTP 503 Service Unavailable' },
    { error: httpError(500, 'HTTP 500 Internal Server Error'), message: 'robots.txt unreachable: HTTP 500 Internal Server Error' },
    { error: httpError(429, 'HTTP 429 Too Many Requests'), message: 'robots.txt unreachable: HTTP 429 Too Many Requests' },
    { error: new FetchError('too-large', 'response larger than 5 MB'), message: 'robots.txt unreachable: response larger than 5 MB' },
  ])('treats the origin as disallowed for an hour when robots.txt fails: $message', async ({ error, message }) => {
    const robots = scriptedRobots(error, RULES);
    const first = await robots.check('https://news.example/a').catch((e: unknown) => e);
    expect(first).toBeInstanceOf(FetchError);
    expect(first).toMatchObject({ kind: 'robots', message, details: { retryAfterMs: HOUR } });

    robots.advance(HOUR - 1);
    expect(await verdict(robots.check('https://news.example/a'))).toBe(`robots: ${message}`);
    expect(robots.requests).toHaveLength(1);

    robots.advance(1);
    expect(await verdict(robots.check('https://news.example/a'))).toBe('allowed, delay 0');
    expect(robots.requests).toHaveLength(2);
  });

  it('waits for a Retry-After on robots.txt longer than the hour', async () => {
    const error = new FetchError('rate-limited', 'HTTP 503 Service Unavailable (retry after 3 h)', {
      httpStatus: 503,
      retryAfterMs: 3 * HOUR,
    });
    const robots = scriptedRobots(error, RULES);
    await expect(robots.check('https://news.example/a')).rejects.toMatchObject({ details: { retryAfterMs: 3 * HOUR } });
    robots.advance(2 * HOUR);
    await expect(robots.check('https://news.example/a')).rejects.toMatchObject({ kind: 'robots' });
    expect(robots.requests).toHaveLength(1);
  });

  it('keeps applying the last copy while robots.txt is unreachable', async () => {
    const robots = scriptedRobots(RULES, httpError(500, 'HTTP 500 Internal Server Error'));
    await robots.check('https://news.example/a');
    robots.advance(DAY);
    expect(await verdict(robots.check('https://news.example/a'))).toBe('allowed, delay 0');
    expect(await verdict(robots.check('https://news.example/private/x'))).toBe('robots: blocked by robots.txt');
    robots.advance(HOUR);
    await robots.check('https://news.example/a');
    expect(robots.requests).toHaveLength(3);
  });

  it('gives up waiting for a robots.txt unreachable for 30 days and allows everything', async () => {
    const robots = scriptedRobots(httpError(500, 'HTTP 500 Internal Server Error'));
    for (let hours = 0; hours < 30 * 24; hours += 1) {
      await expect(robots.check('https://news.example/a')).rejects.toMatchObject({ kind: 'robots' });
      robots.advance(HOUR);
    }
    expect(await verdict(robots.check('https://news.example/a'))).toBe('allowed, delay 0');
  });

  it.each([
    new FetchError('network', 'cannot reach news.example (ENOTFOUND)'),
    new FetchError('timeout', 'news.example did not respond within 20 s'),
  ])('passes on "$message" and tries again on the next request', async (error) => {
    const robots = scriptedRobots(error, RULES);
    expect(await verdict(robots.check('https://news.example/a'))).toBe(`${error.kind}: ${error.message}`);
    expect(await verdict(robots.check('https://news.example/a'))).toBe('allowed, delay 0');
    expect(robots.requests).toHaveLength(2);
  });

  it('does not remember a failure that is not a FetchError', async () => {
    let calls = 0;
    const crashing = createRobotsPolicy({
      userAgent: DEFAULT_USER_AGENT,
      now: () => 0,
      http: {
        async get() {
          calls += 1;
          if (calls === 1) throw new TypeError('a bug');
          return { status: 'ok', url: 'https://news.example/robots.txt', httpStatus: 200, body: new Uint8Array() };
        },
      },
    });
    await expect(crashing.check(new URL('https://news.example/a'))).rejects.toThrow('a bug');
    await expect(crashing.check(new URL('https://news.example/a'))).resolves.toBe(0);
    expect(calls).toBe(2);
  });
});
