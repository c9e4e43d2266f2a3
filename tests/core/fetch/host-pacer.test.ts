import { describe, expect, it } from 'vitest';
import { createHostPacer } from '../../../lambdas/core/fetch/host-pacer.ts';

/** A clock that only moves when told to or when the pacer sleeps. */
function fakeTime() {
  let time = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
  };
}

/** A task that runs until the test releases it, logging its start and end. */
function gatedTask(log: string[], name: string) {
  let release!: () => void;
  let fail!: (error: Error) => void;
  const gate = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  const task = async () => {
    log.push(`${name} start`);
    try {
      await gate;
      return name;
    } finally {
      log.push(`${name} end`);
    }
  };
  return { task, release: () => release(), fail: (error: Error) => fail(error) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('host pacer', () => {
  it('runs one task at a time per host, in order, pausing between them', async () => {
    const time = fakeTime();
    const pacer = createHostPacer(time);
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => gatedTask(log, name)) as [
      ReturnType<typeof gatedTask>,
      ReturnType<typeof gatedTask>,
      ReturnType<typeof gatedTask>,
    ];

    const results = [a, b, c].map((each) => pacer.run('example.org', each.task, 1000));
    await settle();
    expect(log).toEqual(['a start']);

    a.release();
    await settle();
    expect(log).toEqual(['a start', 'a end', 'b start']);
    expect(time.sleeps).toEqual([1000]);

    c.release();
    await settle();
    expect(log).toEqual(['a start', 'a end', 'b start']);

    b.release();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(time.sleeps).toEqual([1000, 1000]);
  });

  it('lets different hosts run at the same time', async () => {
    const pacer = createHostPacer(fakeTime());
    const log: string[] = [];
    const first = gatedTask(log, 'one');
    const second = gatedTask(log, 'two');

    const results = [pacer.run('one.example', first.task, 1000), pacer.run('two.example', second.task, 1000)];
    await settle();
    expect(log).toEqual(['one start', 'two start']);

    second.release();
    first.release();
    expect(await Promise.all(results)).toEqual(['one', 'two']);
  });

  it.each([
    { name: 'the first request to a host', gapMs: undefined, expected: [] },
    { name: 'a request 400 ms after the previous ended', gapMs: 400, expected: [600] },
    { name: 'a request once the delay has passed', gapMs: 1500, expected: [] },
  ])('waits only what is left of the delay: $name', async ({ gapMs, expected }) => {
    const time = fakeTime();
    const pacer = createHostPacer(time);
    if (gapMs !== undefined) {
      await pacer.run('example.org', async () => 'earlier', 1000);
      time.advance(gapMs);
    }
    await pacer.run('example.org', async () => 'now', 1000);
    expect(time.sleeps).toEqual(expected);
  });

  it('frees the host after a failing task and passes the failure on', async () => {
    const time = fakeTime();
    const pacer = createHostPacer(time);
    const log: string[] = [];
    const failing = gatedTask(log, 'failing');

    const first = pacer.run('example.org', failing.task, 250);
    const second = pacer.run('example.org', async () => 'after', 250);
    failing.fail(new Error('boom'));

    await expect(first).rejects.toThrow('boom');
    await expect(second).resolves.toBe('after');
    expect(time.sleeps).toEqual([250]);
  });
});
