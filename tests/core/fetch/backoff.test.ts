import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS, nextHealth } from '../../../lambdas/core/fetch/backoff.ts';
import { FetchError } from '../../../lambdas/core/fetch/types.ts';
import type { SourceHealth } from '../../../lambdas/core/model.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const MINUTE = 60_000;
const noJitter = () => 0;

const minutesLater = (health: SourceHealth) => (Date.parse(health.nextDueAt) - NOW.getTime()) / MINUTE;

const failing = (failures: number): SourceHealth => ({
  consecutiveFailures: failures,
  nextDueAt: NOW.toISOString(),
  lastError: 'HTTP 500 Internal Server Error',
  lastErrorAt: '2026-11-19T12:00:00.000Z',
  lastSuccessAt: '2026-11-01T12:00:00.000Z',
  etag: '"abc"',
  lastModified: 'Sun, 01 Nov 2026 12:00:00 GMT',
  itemsSeen: 12,
});

const failure = { status: 'failed', error: new FetchError('http', 'HTTP 500 Internal Server Error') } as const;

describe('nextHealth', () => {
  it('schedules the first poll of a new source one interval ahead and stores its validators', () => {
    const health = nextHealth(undefined, { status: 'ok', etag: '"v1"', lastModified: 'x', itemsSeen: 3 }, { now: NOW });
    expect(health).toEqual({
      lastFetchAt: NOW.toISOString(),
      lastSuccessAt: NOW.toISOString(),
      consecutiveFailures: 0,
      nextDueAt: '2026-11-20T13:00:00.000Z',
      etag: '"v1"',
      lastModified: 'x',
      itemsSeen: 3,
    });
  });

  it('resets the failures after a success, keeps the last error as history and drops validators the server no longer sends', () => {
    const health = nextHealth(failing(4), { status: 'ok' }, { now: NOW, everyMinutes: 30 });
    expect(health).toEqual({
      lastFetchAt: NOW.toISOString(),
      lastSuccessAt: NOW.toISOString(),
      lastError: 'HTTP 500 Internal Server Error',
      lastErrorAt: '2026-11-19T12:00:00.000Z',
      consecutiveFailures: 0,
      nextDueAt: '2026-11-20T12:30:00.000Z',
      itemsSeen: 12,
    });
    expect(Object.values(health)).not.toContain(undefined);
  });

  it('counts a 304 as a success that keeps the stored validators', () => {
    const health = nextHealth(failing(2), { status: 'not-modified' }, { now: NOW, everyMinutes: 15 });
    expect(health).toMatchObject({
      consecutiveFailures: 0,
      lastSuccessAt: NOW.toISOString(),
      nextDueAt: '2026-11-20T12:15:00.000Z',
      etag: '"abc"',
      lastModified: 'Sun, 01 Nov 2026 12:00:00 GMT',
      itemsSeen: 12,
    });
  });

  it.each([
    { before: 0, everyMinutes: 60, failures: 1, minutes: 60 },
    { before: 1, everyMinutes: 60, failures: 2, minutes: 120 },
    { before: 2, everyMinutes: 60, failures: 3, minutes: 240 },
    { before: 4, everyMinutes: 60, failures: 5, minutes: 960 },
    { before: 5, everyMinutes: 60, failures: 6, minutes: 1440 },
    { before: 3, everyMinutes: 15, failures: 4, minutes: 120 },
    { before: 40, everyMinutes: 15, failures: 41, minutes: 1440 },
    { before: 5000, everyMinutes: 60, failures: 5001, minutes: 1440 },
  ])(
    'after failure $failures every $everyMinutes min, retries in $minutes min',
    ({ before, everyMinutes, failures, minutes }) => {
      const previous = before === 0 ? undefined : failing(before);
      const health = nextHealth(previous, failure, { now: NOW, everyMinutes, random: noJitter });
      expect(health.consecutiveFailures).toBe(failures);
      expect(minutesLater(health)).toBe(minutes);
    },
  );

  it('records the failure and keeps what it knew', () => {
    const health = nextHealth(failing(1), { status: 'failed', error: new Error('feed: not a feed\n  (an HTML page)') }, {
      now: NOW,
      random: noJitter,
    });
    expect(health).toEqual({
      lastFetchAt: NOW.toISOString(),
      lastSuccessAt: '2026-11-01T12:00:00.000Z',
      lastError: 'feed: not a feed (an HTML page)',
      lastErrorAt: NOW.toISOString(),
      consecutiveFailures: 2,
      nextDueAt: '2026-11-20T14:00:00.000Z',
      etag: '"abc"',
      lastModified: 'Sun, 01 Nov 2026 12:00:00 GMT',
      itemsSeen: 12,
    });
  });

  it.each([
    { error: 'plain text thrown', expected: 'plain text thrown' },
    { error: undefined, expected: 'undefined' },
    { error: new Error(''), expected: 'unknown error' },
    { error: new Error('x'.repeat(1000)), expected: `${'x'.repeat(299)}…` },
  ])('stores a clean one-line error for $expected', ({ error, expected }) => {
    expect(nextHealth(undefined, { status: 'failed', error }, { now: NOW }).lastError).toBe(expected);
  });

  it.each([
    { random: 0, minutes: 240 },
    { random: 0.5, minutes: 228 },
    { random: 0.999, minutes: 216.024 },
  ])('shortens a retry by at most a tenth: random $random gives $minutes min', ({ random, minutes }) => {
    const health = nextHealth(failing(2), failure, { now: NOW, random: () => random });
    expect(minutesLater(health)).toBeCloseTo(minutes, 3);
  });

  it('never waits longer than the cap, jitter included', () => {
    const health = nextHealth(failing(30), failure, { now: NOW, random: () => 0 });
    expect(Date.parse(health.nextDueAt) - NOW.getTime()).toBe(MAX_BACKOFF_MS);
  });

  it.each([
    { retryAfterMs: 30 * MINUTE, minutes: 120, why: 'a shorter Retry-After yields to the backoff' },
    { retryAfterMs: 600 * MINUTE, minutes: 600, why: 'a longer Retry-After wins' },
    { retryAfterMs: 30 * 24 * 60 * MINUTE, minutes: MAX_RETRY_AFTER_MS / MINUTE, why: 'a wild Retry-After is capped' },
  ])('$why', ({ retryAfterMs, minutes }) => {
    const error = new FetchError('rate-limited', 'HTTP 429 Too Many Requests', { httpStatus: 429, retryAfterMs });
    const health = nextHealth(failing(1), { status: 'failed', error }, { now: NOW, random: noJitter });
    expect(minutesLater(health)).toBe(minutes);
  });

  it.each([0, -5, Number.NaN])('falls back to hourly polling for an interval of %s', (everyMinutes) => {
    expect(minutesLater(nextHealth(undefined, { status: 'ok' }, { now: NOW, everyMinutes }))).toBe(60);
  });
});
