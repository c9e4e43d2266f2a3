import { CfnOutput, Duration } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { PipelineFunction } from './pipeline-function.ts';

export interface PublicApiProps {
  table: ITable;
  /** Requests per second across the API, and the burst above it that is let through. */
  throttle?: { rateLimit: number; burstLimit: number };
  /** Origins whose pages may call the API from a browser (default: any, the data is public). */
  allowOrigins?: string[];
}

/**
 * API Gateway (HTTP API) → the api Lambda (the Hono app): the JSON API, the feeds and the pages.
 * GET and HEAD only, read-only on the table, throttled at the stage, CORS answered by the gateway.
 */
export class PublicApi extends Construct {
  readonly api: HttpApi;
  readonly handler: PipelineFunction;
  /** The API's base URL (no trailing slash). */
  readonly url: string;

  constructor(scope: Construct, id: string, props: PublicApiProps) {
    super(scope, id);
    this.handler = new PipelineFunction(this, 'Handler', {
      handler: 'api',
      table: props.table,
      access: 'read',
      memorySize: 1024,
      // API Gateway waits 30 s at most; a request should never come near.
      timeout: Duration.seconds(10),
    });

    this.api = new HttpApi(this, 'HttpApi', {
      description: 'mutuals-news: the public API, feeds and pages',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.allowOrigins ?? ['*'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.HEAD, CorsHttpMethod.OPTIONS],
        allowHeaders: ['If-None-Match', 'If-Modified-Since'],
        exposeHeaders: ['ETag', 'Last-Modified', 'Cache-Control'],
        maxAge: Duration.days(1),
      },
    });
    new HttpStage(this, 'Stage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
    });

    const integration = new HttpLambdaIntegration('App', this.handler.fn);
    for (const path of ['/', '/{proxy+}']) {
      this.api.addRoutes({ path, methods: [HttpMethod.GET, HttpMethod.HEAD], integration });
    }

    // The $default stage is served at the endpoint's root.
    this.url = this.api.apiEndpoint;
    new CfnOutput(this, 'Url', { value: this.url, description: 'The public API, feeds and pages' });
  }
}
