// mutuals-news import FOLDER [--id ID] [--name NAME]
import { parseArgs } from 'node:util';
import { archiveSource, importFolder } from '../archive.ts';
import { readConfig } from '../config.ts';
import { withServices } from '../services.ts';
import { say } from '../terminal.ts';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { id: { type: 'string' }, name: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    say('usage: mutuals-news import FOLDER [--id ID] [--name NAME]');
    return 2;
  }
  const folder = positionals[0]!;
  const source = archiveSource(folder, values);
  return withServices(readConfig(), async (services) => {
    const results = await importFolder({ ...services, tagger: await services.loadTagger() }, source, folder, (r, i, total) => {
      const what = r.outcome === 'failed' ? `failed: ${r.error}` : r.outcome === 'stored' ? 'stored' : 'already stored';
      say(`[${i + 1}/${total}] ${r.file}: ${what}`);
    });
    const count = (o: string) => results.filter((r) => r.outcome === o).length;
    say(
      `import ${source.id}: ${results.length} files, ${count('stored')} stored, ${count('seen') + count('duplicate')} already stored, ${count('failed')} failed`,
    );
    return count('failed') ? 1 : 0;
  });
}
