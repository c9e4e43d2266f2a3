import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../lambdas/core/fetch/retry-after.ts';

const NOW = Date.parse('2026-11-20T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    { value: '120', expected: 120_000 },
    { value: ' 0 ', expected: 0 },
    { value: 'Fri, 20 Nov 2026 12:05:00 GMT', expected: 300_000 },
    { value: 'Friday, 20-Nov-26 12:01:00 GMT', expected: 60_000 },
    { value: 'Fri, 20 Nov 2026 11:00:00 GMT', expected: 0 },
    { value: undefined, expected: undefined },
    { value: null, expected: undefined },
    { value: '', expected: undefined },
    { value: '-5', expected: undefined },
    { value: '1.5', expected: undefined },
    { value: 'soon', expected: undefined },
    { value: 'Fri, 99 Nov 2026 25:00:00 GMT', expected: undefined },
  ])('reads $value as $expected ms', ({ value, expected }) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});
