import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PipelineFunction } from './pipeline-function.ts';

export interface IngestPipelineProps {
  table: ITable;
  /** How often due sources are looked for. */
  every?: Duration;
}

/** A queue with its dead-letter queue: a message that fails three times is kept, not lost. */
function queueWithDeadLetters(scope: Construct, id: string, visibilityTimeout: Duration) {
  const deadLetters = new Queue(scope, `${id}DeadLetters`, { retentionPeriod: Duration.days(14), enforceSSL: true });
  return new Queue(scope, id, {
    visibilityTimeout,
    enforceSSL: true,
    deadLetterQueue: { queue: deadLetters, maxReceiveCount: 3 },
  });
}

/** EventBridge schedule → dispatch → fetch queue → fetch → article queue → article. */
export class IngestPipeline extends Construct {
  readonly fetchQueue: Queue;
  readonly articleQueue: Queue;

  constructor(scope: Construct, id: string, props: IngestPipelineProps) {
    super(scope, id);
    const fetchTimeout = Duration.minutes(2);
    const articleTimeout = Duration.minutes(1);
    // SQS asks for a visibility timeout of at least six times the function's timeout.
    this.fetchQueue = queueWithDeadLetters(this, 'FetchQueue', Duration.minutes(12));
    this.articleQueue = queueWithDeadLetters(this, 'ArticleQueue', Duration.minutes(6));

    const dispatch = new PipelineFunction(this, 'Dispatch', {
      handler: 'dispatch',
      table: props.table,
      access: 'read-write',
      environment: { FETCH_QUEUE_URL: this.fetchQueue.queueUrl },
    });
    this.fetchQueue.grantSendMessages(dispatch.fn);
    new Rule(this, 'Schedule', {
      schedule: Schedule.rate(props.every ?? Duration.minutes(5)),
      targets: [new LambdaFunction(dispatch.fn)],
    });

    const fetch = new PipelineFunction(this, 'Fetch', {
      handler: 'fetch',
      table: props.table,
      access: 'read-write',
      timeout: fetchTimeout,
      environment: { ARTICLE_QUEUE_URL: this.articleQueue.queueUrl },
    });
    this.articleQueue.grantSendMessages(fetch.fn);
    fetch.fn.addEventSource(new SqsEventSource(this.fetchQueue, { batchSize: 5, reportBatchItemFailures: true }));

    const article = new PipelineFunction(this, 'Article', {
      handler: 'article',
      table: props.table,
      access: 'read-write',
      timeout: articleTimeout,
      memorySize: 1024,
    });
    article.fn.addEventSource(
      new SqsEventSource(this.articleQueue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 10 }),
    );
  }
}
