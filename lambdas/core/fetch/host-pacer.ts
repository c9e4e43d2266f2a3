// Politeness towards each host: one request at a time, and a pause between the end of one request
// and the start of the next. Different hosts do not wait for each other.

export interface HostPacerOptions {
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export interface HostPacer {
  /**
   * Runs `task` once every earlier task for `host` has settled and `delayMs` has passed since the
   * last of them ended. A failing task frees the host just as a succeeding one does.
   */
  run<T>(host: string, task: () => Promise<T>, delayMs: number): Promise<T>;
}

interface HostLane {
  /** Settles when the latest task queued for the host has ended. */
  tail: Promise<void>;
  /** When the host's previous task ended (undefined before the first). */
  lastEndedAt?: number;
}

export function createHostPacer({ sleep, now }: HostPacerOptions): HostPacer {
  const lanes = new Map<string, HostLane>();

  return {
    async run(host, task, delayMs) {
      const lane = lanes.get(host) ?? { tail: Promise.resolve() };
      lanes.set(host, lane);
      const previous = lane.tail;
      let release!: () => void;
      lane.tail = new Promise((resolve) => (release = resolve));

      await previous;
      try {
        if (lane.lastEndedAt !== undefined) {
          const wait = lane.lastEndedAt + delayMs - now();
          if (wait > 0) await sleep(wait);
        }
        return await task();
      } finally {
        lane.lastEndedAt = now();
        release();
      }
    },
  };
}
