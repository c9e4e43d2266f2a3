// Feed dates to ISO 8601 UTC. Feeds use RFC 822 (RSS), W3C-DTF/ISO 8601 (Atom, Dublin Core) and,
// in the wild, many variants of both; a date we cannot read is dropped rather than guessed.

// No date is longer: longer text is not one, and is not worth the regular expressions' time.
const MAX_DATE_LENGTH = 100;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Zone names seen in RFC 822 dates, as minutes east of UTC. */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150,
  bst: 60, ist: 60, west: 60, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180,
  msk: 180, jst: 540, kst: 540, hkt: 480, awst: 480, acst: 570, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T\s]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

const RFC822 =
  /^(?:[a-z]+,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(?:([a-z]{1,5})|([+-]\d{2}):?(\d{2}))?(?:\s*\(.*\))?$/i;

function offsetMinutes(zone: string | undefined): number | undefined {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offset: number): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000);
}

function parseIso(value: string): Date | undefined {
  const m = ISO.exec(value);
  if (!m) return undefined;
  const offset = offsetMinutes(m[8]);
  if (offset === undefined) return undefined;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return utc(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, offset);
}

function parseRfc822(value: string): Date | undefined {
  const m = RFC822.exec(value);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  if (month === 0) return undefined;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  let offset = 0;
  if (m[7]) {
    const named = ZONES[m[7].toLowerCase()];
    if (named === undefined) return undefined;
    offset = named;
  } else if (m[8]) {
    const minutes = Math.abs(Number(m[8])) * 60 + Number(m[9]);
    offset = m[8].startsWith('-') ? -minutes : minutes;
  }
  return utc(year, month, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), 0, offset);
}

/** An ISO 8601 UTC string for a feed date, or undefined when the value is not a readable date. */
export function toIsoDate(value: string | undefined): string | undefined {
  const text = value?.trim().replace(/\s+/g, ' ');
  if (!text || text.length > MAX_DATE_LENGTH) return undefined;
  // The engine's own parser, last, only for text with a full year and a time of day: alone, it
  // guesses (it reads "1" as 2001 and "foo 2004" as 1 January 2004).
  const date = parseIso(text) ?? parseRfc822(text) ?? (/\b\d{4}\b/.test(text) && /\d:\d\d/.test(text) ? new Date(text) : undefined);
  if (!date || Number.isNaN(date.getTime())) return undefined;
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return undefined;
  return date.toISOString().replace('.000Z', 'Z');
}
