import { Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { PublicApi } from './api.ts';
import type { EditorAuth } from './editor-auth.ts';
import { EditorConsole } from './editor-console.ts';
import { IngestPipeline } from './ingest-pipeline.ts';

export interface StatelessStackProps extends StackProps {
  table: ITable;
  editorAuth: EditorAuth;
}

/** The code: replaceable at every deployment, given the table by the stateful stack. */
export class StatelessStack extends Stack {
  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    new IngestPipeline(this, 'Ingest', { table: props.table });
    const api = new PublicApi(this, 'Api', { table: props.table });
    new EditorConsole(this, 'Editor', { api: api.api, table: props.table, auth: props.editorAuth });
  }
}
