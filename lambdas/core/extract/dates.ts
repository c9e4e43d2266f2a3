// The English locale alone: the package root loads every language (about 6× the start-up time).
import { Chrono, configuration, type ParsedResult } from 'chrono-node/en';

// Strict mode reads formal dates only ("12 August 2010", "08/02/2013", ISO 8601, RFC 2822),
// never "today" or a bare weekday; little-endian reads 08/02/2013 as 8 February (British use).
const britishDates = new Chrono(configuration.createConfiguration(true, true));

// Only dates with a written year are accepted, so the reference instant never fills in a part;
// times without a zone are taken as UTC.
const REFERENCE = { instant: new Date(0), timezone: 'UTC' };

/** No news page predates the web; earlier years are page furniture ("Est. 1888") or noise. */
const MIN_YEAR = 1990;

/** A label that introduces a story's own date rather than any date it mentions. */
const DATELINE_LABEL = /\b(?:first published|published|posted|dated?)\b(?:\s+(?:on|at))?\s*:?\s*/gi;

function componentsToIso(start: ParsedResult['start']): string | undefined {
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return undefined;
  const year = start.get('year') ?? 0;
  if (year < MIN_YEAR) return undefined;
  if (start.isCertain('hour')) return start.date().toISOString();
  // A date without a time is that day at midnight UTC, whatever zone the machine is in.
  return new Date(Date.UTC(year, (start.get('month') ?? 1) - 1, start.get('day') ?? 1)).toISOString();
}

/**
 * A result's date. chrono reads "2 June 2015 – Twelve months after…" as a range from a relative
 * date to the real one, so a range whose start is not a written date gives its end.
 */
function toIso(result: ParsedResult): string | undefined {
  return componentsToIso(result.start) ?? (result.end ? componentsToIso(result.end) : undefined);
}

/** The first complete date written in `text`, as ISO 8601 UTC; undefined when there is none. */
export function parseDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  for (const result of britishDates.parse(text, REFERENCE)) {
    const iso = toIso(result);
    if (iso) return iso;
  }
  return undefined;
}

/**
 * The date of a dateline in running text: a date right after "Published", "Posted on", "Date:"…
 * first, else the first complete date in the text.
 */
export function findDateline(text: string): string | undefined {
  for (const label of text.matchAll(DATELINE_LABEL)) {
    const after = text.slice(label.index + label[0].length, label.index + label[0].length + 60);
    const results = britishDates.parse(after, REFERENCE);
    const first = results[0];
    if (first && first.index === 0) {
      const iso = toIso(first);
      if (iso) return iso;
    }
  }
  return parseDate(text);
}

/** Whether `text` is a dateline and nothing else ("Thursday 12 August 2010", "Published: 8 Feb 2013"). */
export function isBareDate(text: string): boolean {
  const rest = text.trim().replace(DATELINE_LABEL, '');
  const [first] = britishDates.parse(rest, REFERENCE);
  return first !== undefined && toIso(first) !== undefined && rest.replace(first.text, '').replace(/[\s,.|–—-]/g, '') === '';
}
