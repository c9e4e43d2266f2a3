// npm start / mutuals-news start [--sources FILE]: the whole service on this machine.
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createApp } from '../../api/app.ts';
import { createEditorApi } from '../../api/editor/api.ts';
import { createEditorConsole } from '../../api/editor/console/app.ts';
import { createEditorDeps } from '../../api/editor/deps.ts';
import { archiveSource, importFolder, SAMPLE_ARCHIVE } from '../archive.ts';
import { readConfig } from '../config.ts';
import { progress } from '../progress.ts';
import { startScheduler } from '../scheduler.ts';
import { openServices } from '../services.ts';
import { readSourcesFile, replaceSources, seedSources } from '../source-list.ts';
import { recordStack } from '../stack.ts';
import { say } from '../terminal.ts';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { sources: { type: 'string' } } });
  const config = readConfig();
  const list = values.sources ? readSourcesFile(values.sources) : undefined;
  const services = await openServices(config, { exclusive: true });
  const now = services.now;

  if (list) {
    const { removed } = await replaceSources(services.sources, list, now());
    say(`sources: ${list.length} from ${values.sources}${removed.length ? ` (removed ${removed.join(', ')})` : ''}`);
  } else {
    const seeded = await seedSources(services.sources, now());
    if (seeded) say(`sources: added the ${seeded} default UK sources`);
  }

  const tagger = await services.loadTagger();
  const imported = await importFolder({ ...services, tagger }, archiveSource(SAMPLE_ARCHIVE, { id: 'sample-archive', name: 'Sample archive' }), SAMPLE_ARCHIVE);
  const fresh = imported.filter((r) => r.outcome === 'stored').length;
  say(`sample archive: ${fresh} stories imported, ${imported.length - fresh} already there`);

  const app = createApp({
    checkStore: async () => (await services.connection.db.send(new ListTablesCommand({ Limit: 1 })), true),
    db: services.connection.db,
    tableName: services.connection.tableName,
  });
  const editor = createEditorDeps({ db: services.connection.db, tableName: services.connection.tableName, now });
  app.route('/api/editor', createEditorApi(editor));
  app.route('/editor', createEditorConsole(editor));
  const server = serve({ fetch: app.fetch, port: config.port, hostname: '127.0.0.1' });
  await new Promise<void>((ok, fail) => {
    server.once('listening', ok);
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(new Error(error.code === 'EADDRINUSE' ? `port ${config.port} is in use: set PORT to another` : error.message)),
    );
  }).catch(async (error) => {
    await services.close();
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (services.connection.origin === 'started') {
    recordStack(config.dataDir, { pid: process.pid, endpoint: services.connection.endpoint, httpPort: port, startedAt: now().toISOString() });
  }
  say(`http: listening on http://127.0.0.1:${port}: stories at /, feeds at /feeds/all.rss, API docs at /docs`);
  say(`editor console: http://127.0.0.1:${port}/editor (get a token with \`npx mutuals-news editors add NAME --role admin\`)`);

  const scheduler = startScheduler({ ...services, tagger, ...progress(now) });
  say('scheduler: polling due sources every 30 s; press Ctrl-C to stop');

  await new Promise<void>((done) => {
    const shutdown = () => {
      say('\nstopping: finishing in-flight fetches…');
      process.off('SIGINT', shutdown);
      process.off('SIGTERM', shutdown);
      done();
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
  await scheduler.stop();
  await new Promise<void>((ok) => server.close(() => ok()));
  await services.close();
  say('stopped');
  return 0;
}
