import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TABLE_KEYS } from '../lambdas/store/table.ts';
import { EditorAuth } from './editor-auth.ts';

/** What must outlive every deployment of the code: the data, and the editors' accounts. */
export class StatefulStack extends Stack {
  readonly table: ITable;
  readonly editorAuth: EditorAuth;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const string = (name: string) => ({ name, type: AttributeType.STRING });
    const table = new Table(this, 'Table', {
      partitionKey: string(TABLE_KEYS.partitionKey),
      sortKey: string(TABLE_KEYS.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of TABLE_KEYS.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: string(index.partitionKey),
        sortKey: string(index.sortKey),
      });
    }
    this.table = table;
    // The hosted sign-in domain must be unique in its region: `cdk deploy -c editorDomainPrefix=…`.
    const domainPrefix = (this.node.tryGetContext('editorDomainPrefix') as string | undefined) ?? 'mutuals-news-editors';
    this.editorAuth = new EditorAuth(this, 'EditorAuth', { domainPrefix });
  }
}
