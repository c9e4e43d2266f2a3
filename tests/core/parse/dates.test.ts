import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../../lambdas/core/parse/dates.ts';

describe('toIsoDate', () => {
  it.each([
    ['Thu, 01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21Z'],
    ['Thu, 01 Jan 2004 19:48:21 +0100', '2004-01-01T18:48:21Z'],
    ['Thu, 1 Jan 2004 19:48 EST', '2004-01-02T00:48:00Z'],
    ['01 Jan 04 19:48:21 BST', '2004-01-01T18:48:21Z'],
    ['Thursday, 01-January-2004 19:48:21 Z', '2004-01-01T19:48:21Z'],
    ['2003-12-31T10:14:55Z', '2003-12-31T10:14:55Z'],
    ['2003-12-31T10:14:55.250-05:00', '2003-12-31T15:14:55.250Z'],
    ['2003-12-31 10:14:55', '2003-12-31T10:14:55Z'],
    ['2003-12-31T10:14', '2003-12-31T10:14:00Z'],
    ['2003-12-31', '2003-12-31T00:00:00Z'],
    ['2003-12', '2003-12-01T00:00:00Z'],
    ['20031231T101455+0000', '2003-12-31T10:14:55Z'],
    ['  Thu, 01 Jan 2004 19:48:21 GMT \n', '2004-01-01T19:48:21Z'],
    ['Thu Jan 01 2004 19:48:21 GMT+0000 (Coordinated Universal Time)', '2004-01-01T19:48:21Z'],
  ])('reads %j', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it.each([undefined, '', 'yesterday', '1', 'Thu, 01 Foo 2004 19:48:21 GMT', '2003-13-01', 'foo 2004', 'June 2004'])('drops %j', (input) => {
    expect(toIsoDate(input)).toBeUndefined();
  });
});
