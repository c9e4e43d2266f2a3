import { Duration } from 'aws-cdk-lib';
import { HttpMethod, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { OAuthScope, UserPoolClient, UserPoolClientIdentityProvider } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { EditorAuth } from './editor-auth.ts';
import { PipelineFunction } from './pipeline-function.ts';

export interface EditorConsoleProps {
  /** The HTTP API the public routes are on: the editor routes are added to it. */
  api: HttpApi;
  table: ITable;
  auth: EditorAuth;
  /** The origin editors use (a custom domain); the API's own endpoint by default. */
  publicUrl?: string;
}

/**
 * The editor API and console on the public HTTP API, served by their own function: the public
 * function stays read-only, this one may write, and only the table items it needs to.
 * /api/editor/* is checked at the gateway as well (Cognito access tokens of the console's app
 * client); the console's pages check the session cookie in the app.
 */
export class EditorConsole extends Construct {
  readonly handler: PipelineFunction;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: EditorConsoleProps) {
    super(scope, id);
    const origin = props.publicUrl ?? props.api.apiEndpoint;
    const userPool = props.auth.userPool;

    // A public client (no secret; the code flow with PKCE) for the hosted sign-in page only.
    this.client = new UserPoolClient(this, 'ConsoleClient', {
      userPool,
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID],
        callbackUrls: [`${origin}/editor/auth/callback`],
        logoutUrls: [`${origin}/editor/login`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
    });

    this.handler = new PipelineFunction(this, 'Handler', {
      handler: 'editor',
      table: props.table,
      access: 'read',
      timeout: Duration.seconds(15),
      environment: {
        COGNITO_ISSUER: props.auth.issuer,
        COGNITO_CLIENT_ID: this.client.userPoolClientId,
        COGNITO_DOMAIN: props.auth.domain.baseUrl(),
        EDITOR_PUBLIC_URL: origin,
      },
    });
    // Item writes only: no table management, no streams, nothing else in the account.
    props.table.grant(this.handler.fn, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem');

    const integration = new HttpLambdaIntegration('Editor', this.handler.fn);
    const authorizer = new HttpUserPoolAuthorizer('EditorTokens', userPool, { userPoolClients: [this.client] });
    for (const path of ['/editor', '/editor/{proxy+}']) {
      props.api.addRoutes({ path, methods: [HttpMethod.GET, HttpMethod.POST], integration });
    }
    props.api.addRoutes({
      path: '/api/editor/{proxy+}',
      methods: [HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH, HttpMethod.DELETE],
      integration,
      authorizer,
    });
  }
}
