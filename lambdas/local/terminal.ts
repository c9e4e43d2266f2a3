// What the local commands print: progress and warnings to stderr, data to stdout, so that
// `mutuals-news stories --json | jq` sees only data.
import type { Logger } from '../core/log.ts';

export const say = (message: string) => process.stderr.write(`${message}\n`);

const fields = (f: Record<string, unknown>) =>
  Object.entries(f)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');

/** The pipeline's logger on a terminal: one readable line per warning or error; info when verbose. */
export function terminalLogger(verbose = Boolean(process.env.VERBOSE)): Logger {
  return {
    info: (f, m) => verbose && say(`  ${m} ${fields(f)}`),
    warn: (f, m) => say(`  warning: ${m} ${fields(f)}`),
    error: (f, m) => say(`  error: ${m} ${fields(f)}`),
  };
}

export function relativeTime(iso: string | undefined, now: Date): string {
  if (!iso) return '-';
  const minutes = Math.round((Date.parse(iso) - now.getTime()) / 60_000);
  const abs = Math.abs(minutes);
  const span = abs < 60 ? `${abs}m` : abs < 48 * 60 ? `${Math.round(abs / 60)}h` : `${Math.round(abs / 1440)}d`;
  return minutes >= 0 ? `in ${span}` : `${span} ago`;
}

/** A plain text table: columns padded to their widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')).join('\n');
}
