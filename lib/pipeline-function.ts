import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';

/** esbuild settings shared by the stack and the bundle-size test. */
export const BUNDLE = {
  target: 'node22',
  // The Node 22 runtime ships the AWS SDK v3: leaving it out keeps bundles small.
  external: ['@aws-sdk/*'],
  // Some CommonJS dependencies call require(); ESM bundles need it defined.
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
} as const;

export interface PipelineFunctionProps {
  /** File name under lambdas/handlers, without extension. */
  handler: string;
  table: ITable;
  /** Read-only functions get read grants only. */
  access: 'read' | 'read-write';
  memorySize?: number;
  timeout?: Duration;
  environment?: Record<string, string>;
}

/** A Lambda over the pipeline, with the project's defaults baked in and its table grant made. */
export class PipelineFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    super(scope, id);
    this.fn = new NodejsFunction(this, 'Function', {
      entry: fileURLToPath(new URL(`../lambdas/handlers/${props.handler}.ts`, import.meta.url)),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      logGroup: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH }),
      environment: {
        TABLE_NAME: props.table.tableName,
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        // No source maps: they would triple the package and slow cold starts.
        sourceMap: false,
        target: BUNDLE.target,
        externalModules: [...BUNDLE.external],
        banner: BUNDLE.banner,
      },
    });
    if (props.access === 'read') props.table.grantReadData(this.fn);
    else props.table.grantReadWriteData(this.fn);
  }
}
