import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../lambdas/core/log.ts';
import { sqsBatchHandler } from '../../lambdas/handlers/sqs-batch.ts';

describe('SQS batch handler', () => {
  it('reports only the records that failed, and handles the others', async () => {
    const handled: number[] = [];
    const handler = sqsBatchHandler<{ n: number }>(async ({ n }) => {
      if (n === 2) throw new Error('boom');
      handled.push(n);
    }, silentLogger);
    const out = await handler({
      Records: [
        { messageId: 'm1', body: '{"n":1}' },
        { messageId: 'm2', body: '{"n":2}' },
        { messageId: 'm3', body: 'not json' },
        { messageId: 'm4', body: '{"n":4}' },
      ],
    });
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: 'm2' }, { itemIdentifier: 'm3' }]);
    expect(handled).toEqual([1, 4]);
  });
});
