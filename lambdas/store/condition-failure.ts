// A write refused by its condition: the one error every conditional transaction here turns into
// a domain answer (a duplicate, a stale version, a name taken).
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** True when a transaction was cancelled because one of its items' conditions failed. */
export const isConditionFailure = (error: unknown): boolean =>
  error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
