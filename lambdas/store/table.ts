// The one table's shape, shared by the CDK stack and the local runtime so both build the same
// table. Keys are generic (PK/SK, GSI1*, GSI2*); what goes in them is decided in keys.ts.

export const TABLE_KEYS = {
  partitionKey: 'PK',
  sortKey: 'SK',
  indexes: [
    // Stories by editorial status, newest first; organisations by name.
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    // Sources by next due time.
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
} as const;

export const DEFAULT_TABLE_NAME = 'mutuals-news';
