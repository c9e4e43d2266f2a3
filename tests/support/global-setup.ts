// One in-memory DynamoDB Local for the whole test run; each test file makes its own table.
import type { TestProject } from 'vitest/node';
import { startDynamoLocal, type DynamoLocal } from '../../lambdas/local/dynamodb-local.ts';

let dynamo: DynamoLocal | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  dynamo = await startDynamoLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
}

export async function teardown() {
  await dynamo?.stop();
}
