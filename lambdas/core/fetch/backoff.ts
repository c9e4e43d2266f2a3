// When a source is polled next, and what is remembered about it, after each attempt.
// A failing source backs off exponentially up to a day between attempts, and is never dropped:
// sites come back, and an editor can see its last error meanwhile.

import type { SourceHealth } from '../model.ts';
import { FetchError } from './types.ts';

export type PollOutcome =
  | { status: 'ok'; etag?: string; lastModified?: string; itemsSeen?: number }
  | { status: 'not-modified' }
  /** Any failure of the poll (fetch, parse...): its message is kept as the source's last error. */
  | { status: 'failed'; error: unknown };

export interface ScheduleOptions {
  now: Date;
  /** The source's polling interval; also the first retry delay. Default 60. */
  everyMinutes?: number;
  /** A number in [0, 1) that shortens a retry by up to a tenth, so failed sources spread out. */
  random?: () => number;
}

const MINUTE = 60_000;
export const DEFAULT_EVERY_MINUTES = 60;
export const MAX_BACKOFF_MS = 24 * 60 * MINUTE;
/** A server's Retry-After is obeyed up to this, so a wild value cannot park a source for ever. */
export const MAX_RETRY_AFTER_MS = 7 * 24 * 60 * MINUTE;
const JITTER_RATIO = 0.1;

export function nextHealth(
  previous: SourceHealth | undefined,
  outcome: PollOutcome,
  { now, everyMinutes = DEFAULT_EVERY_MINUTES, random = Math.random }: ScheduleOptions,
): SourceHealth {
  const intervalMs = (Number.isFinite(everyMinutes) && everyMinutes > 0 ? everyMinutes : DEFAULT_EVERY_MINUTES) * MINUTE;
  const at = now.toISOString();
  const after = (ms: number) => new Date(now.getTime() + ms).toISOString();

  if (outcome.status === 'failed') {
    const failures = (previous?.consecutiveFailures ?? 0) + 1;
    // Capping the exponent first keeps 2^n finite however long the source has been failing.
    const backoffMs = Math.min(intervalMs * 2 ** Math.min(failures - 1, 30), MAX_BACKOFF_MS);
    const jitteredMs = backoffMs * (1 - JITTER_RATIO * random());
    const { message, retryAfterMs } = describeFailure(outcome.error);
    const waitMs = Math.max(jitteredMs, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
    return compact({
      ...previous,
      lastFetchAt: at,
      lastError: message,
      lastErrorAt: at,
      consecutiveFailures: failures,
      nextDueAt: after(Math.round(waitMs)),
    });
  }

  // A 304 proves the source is alive: a success that keeps the validators it confirmed.
  const fresh = outcome.status === 'ok';
  return compact({
    ...previous,
    lastFetchAt: at,
    lastSuccessAt: at,
    consecutiveFailures: 0,
    nextDueAt: after(intervalMs),
    etag: fresh ? outcome.etag : previous?.etag,
    lastModified: fresh ? outcome.lastModified : previous?.lastModified,
    itemsSeen: (fresh ? outcome.itemsSeen : undefined) ?? previous?.itemsSeen,
  });
}

function describeFailure(error: unknown): { message: string; retryAfterMs?: number } {
  if (error instanceof FetchError) return { message: oneLine(error.message), retryAfterMs: error.details.retryAfterMs };
  return { message: oneLine(error instanceof Error ? error.message : String(error)) };
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim() || 'unknown error';
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/** Drops undefined fields: stored items should not carry empty attributes. */
function compact(health: SourceHealth): SourceHealth {
  return Object.fromEntries(Object.entries(health).filter(([, value]) => value !== undefined)) as SourceHealth;
}
