import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../lib/app.ts';

let outdir: string;
let data: Template;
let service: Template;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'cdk-test-'));
  // Bundling is skipped in tests (esbuild runs in `cdk synth`); validation is CloudFormation's job.
  const { stateful, stateless } = buildApp({
    outdir,
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:bundling-stacks': [] },
  });
  data = Template.fromStack(stateful);
  service = Template.fromStack(stateless);
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('stateful stack', () => {
  it('keeps the table: on-demand, point-in-time recovery, deletion protection, retained', () => {
    data.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          Match.objectLike({ IndexName: 'GSI1' }),
          Match.objectLike({ IndexName: 'GSI2' }),
        ],
      }),
    });
  });
});

describe('stateless stack', () => {
  it('runs every function on Node 22 or newer, with the table name and no fixed function names', () => {
    const functions = service.findResources('AWS::Lambda::Function');
    const handlers = Object.values(functions).filter((f) => f.Properties.Handler === 'index.handler');
    expect(handlers).toHaveLength(5);
    for (const fn of handlers) {
      expect(fn.Properties.Runtime).toMatch(/^nodejs(2[2-9]|[3-9]\d)\.x$/);
      expect(fn.Properties.FunctionName).toBeUndefined();
      expect(fn.Properties.Environment.Variables.TABLE_NAME).toBeDefined();
    }
  });

  it('schedules the dispatch function with EventBridge', () => {
    service.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [Match.objectLike({ Arn: Match.anyValue() })],
    });
  });

  it('gives every queue a dead-letter queue, and consumers report partial batch failures', () => {
    const queues = Object.values(service.findResources('AWS::SQS::Queue'));
    const withDlq = queues.filter((q) => q.Properties.RedrivePolicy);
    expect(withDlq).toHaveLength(2);
    for (const q of withDlq) expect(q.Properties.RedrivePolicy.maxReceiveCount).toBe(3);
    expect(queues).toHaveLength(4);
    const mappings = service.findResources('AWS::Lambda::EventSourceMapping');
    expect(Object.keys(mappings)).toHaveLength(2);
    for (const m of Object.values(mappings)) expect(m.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });

  it('wires dispatch → fetch queue → fetch → article queue → article', () => {
    const env = (name: string) =>
      Object.values(service.findResources('AWS::Lambda::Function')).find((f) => f.Properties.Environment?.Variables?.[name]);
    expect(env('FETCH_QUEUE_URL')).toBeDefined();
    expect(env('ARTICLE_QUEUE_URL')).toBeDefined();
    service.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
  });
});
