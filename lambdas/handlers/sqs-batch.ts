// SQS batches with partial failures: a record that throws is retried (and in the end
// dead-lettered) alone, while the rest of the batch is deleted.
import type { Logger } from '../core/log.ts';

export interface SqsRecord {
  messageId: string;
  body: string;
}

export interface SqsBatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

export function sqsBatchHandler<T>(handle: (message: T) => Promise<void>, log: Logger) {
  return async (event: { Records: SqsRecord[] }): Promise<SqsBatchResponse> => {
    const failures: SqsBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        await handle(JSON.parse(record.body) as T);
      } catch (error) {
        log.error({ messageId: record.messageId, error: (error as Error).message }, 'message failed');
        failures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures: failures };
  };
}
