// The local stand-in for EventBridge + the dispatch Lambda: every tick, ingest the sources that
// are due and not already being fetched.
import { ingestSource, type IngestDeps } from '../core/ingest/run-ingest.ts';

export interface Scheduler {
  /** Resolves when in-flight work has finished. */
  stop(): Promise<void>;
}

export function startScheduler(deps: IngestDeps, tickMs = 30_000): Scheduler {
  const running = new Map<string, Promise<unknown>>();
  let stopped = false;

  const tick = async () => {
    if (stopped) return;
    try {
      for (const source of await deps.sources.due(deps.now())) {
        if (running.has(source.id) || source.kind === 'archive') continue;
        const job = ingestSource(source, deps)
          .catch((error: Error) => deps.log.error({ sourceId: source.id, error: error.message }, 'source run failed'))
          .finally(() => running.delete(source.id));
        running.set(source.id, job);
      }
    } catch (error) {
      deps.log.error({ error: (error as Error).message }, 'scheduler tick failed');
    }
  };

  void tick();
  const timer = setInterval(() => void tick(), tickMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.allSettled(running.values());
    },
  };
}
