import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { coverageChart, monthRange } from '../../../lambdas/api/pages/coverage-chart.ts';

const svgOf = (markup: string) => new DOMParser().parseFromString(markup, 'image/svg+xml');

describe('monthRange', () => {
  it.each([
    ['2012-11', '2013-02', ['2012-11', '2012-12', '2013-01', '2013-02']],
    ['2012-04', '2012-04', ['2012-04']],
  ])('%s to %s', (first, last, expected) => {
    expect(monthRange(first, last)).toEqual(expected);
  });
});

describe('coverageChart', () => {
  it('draws one bar a month from the first covered month to the last, empty months included', () => {
    const doc = svgOf(coverageChart({ '2012-04': 4, '2012-07': 1, '2012-05': 0 }, 'Leading Lives'));
    const bars = [...doc.querySelectorAll('rect')];
    expect(bars.map((b) => b.querySelector('title')?.textContent)).toEqual([
      'Apr 2012: 4 stories',
      'May 2012: 0 stories',
      'Jun 2012: 0 stories',
      'Jul 2012: 1 story',
    ]);
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    expect(heights[0]).toBe(4 * heights[3]!);
    expect(heights.slice(1, 3)).toEqual([0, 0]);
    // Bars stand on one baseline.
    expect(new Set(bars.map((b) => Number(b.getAttribute('y')) + Number(b.getAttribute('height')))).size).toBe(1);
  });

  it('labels each year and titles the chart for screen readers, escaping the name', () => {
    const markup = coverageChart({ '2012-11': 1, '2014-01': 2 }, 'Sirona care & health <CIC>');
    const doc = svgOf(markup);
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['2', '0', '2012', '2013', '2014']);
    expect(doc.querySelector('svg')?.getAttribute('role')).toBe('img');
    expect(doc.querySelector('svg > title')?.textContent).toBe('Sirona care & health <CIC>: published stories per month, Nov 2012 to Jan 2014');
    expect(markup).not.toContain('<CIC>');
  });

  it('draws nothing without coverage', () => {
    expect(coverageChart({}, 'Nobody')).toBe('');
    expect(coverageChart({ '2012-04': 0 }, 'Nobody')).toBe('');
  });
});
