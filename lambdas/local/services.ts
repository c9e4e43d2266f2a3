// The local composition root: one place that wires the pipeline to DynamoDB Local, the polite
// HTTP client and the tagger, for every command and for `npm start`.
import { createHttpClient } from '../core/fetch/http-client.ts';
import type { Logger } from '../core/log.ts';
import type { StoryTagger } from '../core/ports.ts';
import type { HttpClient } from '../core/fetch/types.ts';
import { createSourceRepository, type DynamoSourceRepository } from '../store/source-repository.ts';
import { createStoryRepository, type DynamoStoryRepository } from '../store/story-repository.ts';
import type { LocalConfig } from './config.ts';
import { loadRetrainedModel } from './retrained-model.ts';
import { connect, type DynamoConnection } from './stack.ts';
import { say, terminalLogger } from './terminal.ts';

export interface Services {
  config: LocalConfig;
  connection: DynamoConnection;
  stories: DynamoStoryRepository;
  sources: DynamoSourceRepository;
  http: HttpClient;
  /** Loaded on first use: commands that only read or manage sources skip its start-up. */
  loadTagger(): Promise<StoryTagger>;
  log: Logger;
  now: () => Date;
  publishThreshold: number;
  close(): Promise<void>;
}

export async function openServices(config: LocalConfig, options: { exclusive?: boolean; log?: Logger } = {}): Promise<Services> {
  const connection = await connect(config, { announce: say, exclusive: options.exclusive });
  return {
    config,
    connection,
    stories: createStoryRepository(connection.db, connection.tableName),
    sources: createSourceRepository(connection.db, connection.tableName),
    http: createHttpClient(),
    loadTagger: once(async () => {
      const [{ createTagger }, { bundledKnowledge }, { curatedKnowledge }, { createOrganisationRepository }] = await Promise.all([
        import('../core/tag/tagger.ts'),
        import('../core/tag/bundled.ts'),
        import('../core/curation/organisations.ts'),
        import('../store/organisation-repository.ts'),
      ]);
      // Editors' organisations join the knowledge base; a model from `retrain` replaces the bundled one.
      const curated = await createOrganisationRepository(connection.db, connection.tableName).list();
      return createTagger(curatedKnowledge(bundledKnowledge, curated), loadRetrainedModel(config.dataDir, say));
    }),
    log: options.log ?? terminalLogger(),
    now: () => new Date(),
    publishThreshold: config.publishThreshold,
    close: () => connection.close(),
  };
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}

/** Runs a command body with services open, closing them (and any DynamoDB Local) however it ends. */
export async function withServices<T>(config: LocalConfig, body: (services: Services) => Promise<T>): Promise<T> {
  const services = await openServices(config);
  const stop = () => void services.close().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await body(services);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await services.close();
  }
}
