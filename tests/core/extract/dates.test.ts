import { describe, expect, it } from 'vitest';
import { findDateline, isBareDate, parseDate } from '../../../lambdas/core/extract/dates.ts';

describe('parseDate', () => {
  it.each([
    ['2012-04-30T08:15:00+01:00', '2012-04-30T07:15:00.000Z'],
    ['2011-03-03T09:30:00Z', '2011-03-03T09:30:00.000Z'],
    ['2013-02-08T10:00:00.000Z', '2013-02-08T10:00:00.000Z'],
    ['2013-02-08T10:00:00', '2013-02-08T10:00:00.000Z'],
    ['2014-06-02', '2014-06-02T00:00:00.000Z'],
    ['Fri, 08 Feb 2013 10:00:00 GMT', '2013-02-08T10:00:00.000Z'],
    ['12 August 2010', '2010-08-12T00:00:00.000Z'],
    ['Monday 30th April 2012', '2012-04-30T00:00:00.000Z'],
    ['8 Feb 2013', '2013-02-08T00:00:00.000Z'],
    ['08/02/2013', '2013-02-08T00:00:00.000Z'],
    ['02/06/2014', '2014-06-02T00:00:00.000Z'],
    ['August 12, 2010', '2010-08-12T00:00:00.000Z'],
    ['Posted on 3rd March 2011 at 10:15', '2011-03-03T10:15:00.000Z'],
    ['2 June 2015 – Twelve months after spinning out', '2015-06-02T00:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    [undefined],
    [''],
    ['today'],
    ['last Tuesday'],
    ['8 February'],
    ['in 2010 the pathfinders began'],
    ['Established 12 May 1888'],
    ['no date here'],
  ])('finds no date in %j', (input) => {
    expect(parseDate(input)).toBeUndefined();
  });
});

describe('findDateline', () => {
  it.each([
    ['Posted by Sarah Ahmed | Published: 8 Feb 2013 | 4 Comments', '2013-02-08T00:00:00.000Z'],
    ['Event on 1 March 2013. Published: 8 Feb 2013', '2013-02-08T00:00:00.000Z'],
    ['By Helen Carter, Monday 30th April 2012', '2012-04-30T00:00:00.000Z'],
    ['Thursday 12 August 2010\n\nTwenty-one pathfinders were named on 12 July 2011.', '2010-08-12T00:00:00.000Z'],
    ['Date: 01/04/2012', '2012-04-01T00:00:00.000Z'],
  ])('%j → %s', (text, expected) => {
    expect(findDateline(text)).toBe(expected);
  });

  it('is undefined for text without a date', () => {
    expect(findDateline('Staff at the mutual voted to expand.')).toBeUndefined();
  });
});

describe('isBareDate', () => {
  it.each([
    ['Thursday 12 August 2010', true],
    ['Published: 8 Feb 2013', true],
    [' 02/06/2014 ', true],
    ['12 August 2010 – Twenty-one groups will become mutuals.', false],
    ['Notes to editors', false],
  ])('%j → %s', (text, expected) => {
    expect(isBareDate(text)).toBe(expected);
  });
});
