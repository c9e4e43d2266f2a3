// Retry-After (RFC 9110 §10.2.3): either a number of seconds or an HTTP date.

/** Milliseconds to wait from `nowMs`, or undefined when the header is absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only the date forms HTTP allows (each opens with a day name); Date.parse alone would also
  // accept "5.5".
  if (!/^[A-Za-z]{3,9},? /.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
