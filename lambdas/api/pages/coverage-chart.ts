// Stories per month as an inline SVG bar chart, drawn on the server: no script, no library, and
// readable by screen readers (a title for the chart, one for each bar).

const BAR = 10;
const GAP = 2;
const PLOT_HEIGHT = 120;
const TOP = 16;
const LEFT = 34;
const BOTTOM = 22;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Every `yyyy-mm` from the first to the last, inclusive. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  for (let key = first; key <= last; key = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

const monthName = (key: string) => `${MONTH_NAMES[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;

/** The chart's SVG, or an empty string when there is nothing to draw. */
export function coverageChart(counts: Record<string, number>, subject: string): string {
  const keys = Object.keys(counts)
    .filter((k) => /^\d{4}-\d{2}$/.test(k) && (counts[k] ?? 0) > 0)
    .sort();
  if (keys.length === 0) return '';
  const months = monthRange(keys[0]!, keys.at(-1)!);
  const max = Math.max(...keys.map((k) => counts[k]!));
  const width = LEFT + months.length * (BAR + GAP) + GAP;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const baseline = TOP + PLOT_HEIGHT;
  const title = `${subject}: published stories per month, ${monthName(months[0]!)} to ${monthName(months.at(-1)!)}`;

  const bars = months.map((key, i) => {
    const count = counts[key] ?? 0;
    const h = count === 0 ? 0 : Math.max(1, Math.round((count / max) * PLOT_HEIGHT));
    const x = LEFT + i * (BAR + GAP);
    return `<rect x="${x}" y="${baseline - h}" width="${BAR}" height="${h}"><title>${monthName(key)}: ${count} ${count === 1 ? 'story' : 'stories'}</title></rect>`;
  });
  // A year label under each January, and under the first month when it is not one.
  const labels = months
    .map((key, i) => ({ key, x: LEFT + i * (BAR + GAP) }))
    .filter(({ key }, i) => key.endsWith('-01') || i === 0)
    .map(({ key, x }) => `<text x="${x}" y="${height - 6}">${key.slice(0, 4)}</text>`);

  return [
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="coverage-title">`,
    `<title id="coverage-title">${escapeXml(title)}</title>`,
    `<line x1="${LEFT - 2}" y1="${baseline}" x2="${width}" y2="${baseline}" stroke="#9aa5a0"/>`,
    `<text x="2" y="${TOP + 4}">${max}</text><text x="2" y="${baseline}">0</text>`,
    ...bars,
    ...labels,
    '</svg>',
  ].join('');
}
