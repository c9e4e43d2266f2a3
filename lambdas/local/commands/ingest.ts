// mutuals-news ingest --once [--sources FILE]
import { parseArgs } from 'node:util';
import { runIngest } from '../../core/ingest/run-ingest.ts';
import { readConfig } from '../config.ts';
import { progress, summary } from '../progress.ts';
import { withServices } from '../services.ts';
import { readSourcesFile, replaceSources, seedSources } from '../source-list.ts';
import { say } from '../terminal.ts';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { once: { type: 'boolean' }, sources: { type: 'string' } } });
  if (!values.once) {
    say('usage: mutuals-news ingest --once [--sources FILE]\n(continuous ingest runs in `npm start`)');
    return 2;
  }
  const list = values.sources ? readSourcesFile(values.sources) : undefined;
  return withServices(readConfig(), async (services) => {
    if (list) await replaceSources(services.sources, list, services.now());
    else await seedSources(services.sources, services.now());
    // A manual run polls every enabled source now, due or not: the user asked for it.
    const enabled = (await services.sources.list()).filter((s) => s.enabled !== false);
    const tagger = await services.loadTagger();
    const reports = await runIngest(enabled, { ...services, tagger, ...progress(services.now) });
    say(summary(reports));
    return 0;
  });
}
