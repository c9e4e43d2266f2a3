// mutuals-news sources list | add | remove | check
import { parseArgs } from 'node:util';
import { pollSource } from '../../core/ingest/poll-source.ts';
import { parseSource } from '../../core/source-schema.ts';
import { slugify } from '../../core/slug.ts';
import type { StoredSource } from '../../core/ports.ts';
import { readConfig } from '../config.ts';
import { withServices } from '../services.ts';
import { relativeTime, say, table } from '../terminal.ts';

const USAGE = `usage:
  mutuals-news sources list [--json]
  mutuals-news sources add URL [--id ID] [--name NAME] [--kind feed|html] [--every MINUTES]
                           [--item CSS --title CSS --date CSS] [--paused]
  mutuals-news sources remove ID
  mutuals-news sources check [ID...]      fetch and parse now, report, record health (stores nothing)`;

function listing(sources: StoredSource[], now: Date): string {
  const rows = [['ID', 'KIND', 'STATE', 'LAST SUCCESS', 'FAILURES', 'NEXT DUE', 'LAST ERROR']];
  for (const s of sources) {
    const h = s.health;
    rows.push([
      s.id,
      s.kind,
      s.enabled === false ? 'paused' : 'active',
      relativeTime(h.lastSuccessAt, now),
      String(h.consecutiveFailures),
      s.kind === 'archive' ? '-' : relativeTime(h.nextDueAt, now),
      h.lastError && (h.lastErrorAt ?? '') >= (h.lastSuccessAt ?? '') ? h.lastError : '-',
    ]);
  }
  return table(rows);
}

export async function run(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const config = readConfig();
  switch (action) {
    case 'list': {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } } });
      return withServices(config, async ({ sources, now }) => {
        const list = await sources.list();
        if (values.json) for (const s of list) process.stdout.write(`${JSON.stringify(s)}\n`);
        else process.stdout.write(list.length ? `${listing(list, now())}\n` : 'no sources: add one with `mutuals-news sources add URL`\n');
        return 0;
      });
    }
    case 'add': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          id: { type: 'string' },
          name: { type: 'string' },
          kind: { type: 'string', default: 'feed' },
          every: { type: 'string' },
          item: { type: 'string' },
          title: { type: 'string' },
          date: { type: 'string' },
          paused: { type: 'boolean' },
        },
      });
      const url = positionals[0];
      if (!url || positionals.length > 1) return fail('sources add needs exactly one URL');
      let host = url;
      try {
        host = new URL(url).hostname.replace(/^www\./, '');
      } catch {
        /* the schema below reports the bad URL */
      }
      const source = parseSource({
        id: values.id ?? slugify(host),
        name: values.name ?? host,
        url,
        kind: values.kind,
        everyMinutes: values.every === undefined ? undefined : Number(values.every),
        selectors: values.item ? { item: values.item, title: values.title, date: values.date } : undefined,
        enabled: values.paused ? false : undefined,
      });
      return withServices(config, async ({ sources, now }) => {
        const existed = await sources.get(source.id);
        await sources.put(source, now());
        say(`${existed ? 'updated' : 'added'} source ${source.id} (${source.kind}: ${source.url})`);
        return 0;
      });
    }
    case 'remove': {
      if (rest.length !== 1) return fail('sources remove needs one source id');
      return withServices(config, async ({ sources }) => {
        if (!(await sources.remove(rest[0]!))) return fail(`no source with id "${rest[0]}"`);
        say(`removed source ${rest[0]} (its stories stay)`);
        return 0;
      });
    }
    case 'check':
      return withServices(config, async ({ sources, http, now }) => {
        const all = await sources.list();
        const unknown = rest.filter((id) => !all.some((s) => s.id === id));
        if (unknown.length) return fail(`no source with id ${unknown.map((u) => `"${u}"`).join(', ')}`);
        const chosen = all.filter((s) => s.kind !== 'archive' && (rest.length === 0 || rest.includes(s.id)));
        let failures = 0;
        for (const source of chosen) {
          const result = await pollSource(source, source.health, { http, now });
          await sources.saveHealth(source.id, result.health);
          if (result.error) failures += 1;
          say(
            result.error
              ? `✗ ${source.id}: ${result.error} (next try ${relativeTime(result.health.nextDueAt, now())})`
              : `✓ ${source.id}: ${result.notModified ? 'not modified since last fetch' : `${result.items.length} items`}`,
          );
        }
        return failures ? 1 : 0;
      });
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

function fail(message: string): number {
  say(`mutuals-news sources: ${message}`);
  return 2;
}
