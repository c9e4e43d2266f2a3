import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditorAuth } from '../../lib/editor-auth.ts';
import { EditorConsole } from '../../lib/editor-console.ts';

let outdir: string;
let data: Template;
let service: Template;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'cdk-editor-'));
  const app = new App({ outdir, builtinCloudFormationValidation: false, context: { 'aws:cdk:bundling-stacks': [] } });
  // As deployed: the table and the user pool (people, not code) in one stack, the routes in another.
  const stateful = new Stack(app, 'Data');
  const table = new Table(stateful, 'Table', {
    partitionKey: { name: 'PK', type: AttributeType.STRING },
    sortKey: { name: 'SK', type: AttributeType.STRING },
  });
  const auth = new EditorAuth(stateful, 'EditorAuth', { domainPrefix: 'mutuals-news-editors' });
  const stateless = new Stack(app, 'Service');
  const api = new HttpApi(stateless, 'Api');
  new EditorConsole(stateless, 'Editor', { api, table, auth });
  data = Template.fromStack(stateful);
  service = Template.fromStack(stateless);
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('editor authentication (Cognito)', () => {
  it('keeps a user pool only admins add people to, with a second factor and strong passwords', () => {
    data.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        DeletionProtection: 'ACTIVE',
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 14, RequireUppercase: true, RequireNumbers: true }) },
      }),
    });
  });

  it('has one group per role of the app, and a hosted sign-in domain', () => {
    const groups = Object.values(data.findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
    expect(groups.sort()).toEqual(['admin', 'editor']);
    data.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'mutuals-news-editors' });
  });

  it('gives the console a public client for the code flow, calling back to the console only', () => {
    service.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid'],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      CallbackURLs: [Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['/editor/auth/callback'])] })],
      LogoutURLs: [Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['/editor/login'])] })],
    });
    const client = Object.values(service.findResources('AWS::Cognito::UserPoolClient'))[0]!;
    expect(client.Properties.ExplicitAuthFlows ?? []).not.toContain('ALLOW_USER_PASSWORD_AUTH');
  });
});

describe('editor routes and function', () => {
  it('routes the console to the editor function and checks tokens at the gateway for the API', () => {
    const routes = Object.values(service.findResources('AWS::ApiGatewayV2::Route')).map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType ?? 'NONE']);
    expect(routes.sort()).toEqual([
      ['DELETE /api/editor/{proxy+}', 'JWT'],
      ['GET /api/editor/{proxy+}', 'JWT'],
      ['GET /editor', 'NONE'],
      ['GET /editor/{proxy+}', 'NONE'],
      ['PATCH /api/editor/{proxy+}', 'JWT'],
      ['POST /api/editor/{proxy+}', 'JWT'],
      ['POST /editor', 'NONE'],
      ['POST /editor/{proxy+}', 'NONE'],
    ]);
    service.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [{ Ref: Match.stringLikeRegexp('ConsoleClient') }], Issuer: Match.anyValue() },
    });
  });

  it('runs on Node 22 with the pool, the client and the hosted domain in its environment', () => {
    const fn = Object.values(service.findResources('AWS::Lambda::Function')).find((f) => f.Properties.Environment?.Variables?.COGNITO_CLIENT_ID)!;
    expect(fn.Properties.Runtime).toBe('nodejs22.x');
    expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(
      expect.arrayContaining(['COGNITO_CLIENT_ID', 'COGNITO_DOMAIN', 'COGNITO_ISSUER', 'EDITOR_PUBLIC_URL', 'TABLE_NAME']),
    );
    expect(fn.Properties.Environment.Variables.COGNITO_DOMAIN).toMatchObject({ 'Fn::Join': ['', expect.arrayContaining(['.auth.'])] });
    expect(fn.Properties.FunctionName).toBeUndefined();
  });

  it('may read and write the table’s items, and nothing else', () => {
    const statements = Object.values(service.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions.every((a: string) => a.startsWith('dynamodb:'))).toBe(true);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']));
    for (const forbidden of ['dynamodb:*', 'dynamodb:DeleteTable', 'dynamodb:UpdateTable', 'dynamodb:CreateTable', 'dynamodb:PartiQLUpdate']) {
      expect(actions).not.toContain(forbidden);
    }
    for (const s of statements) {
      expect(JSON.stringify(s.Resource)).not.toContain('"*"');
      expect(JSON.stringify(s.Resource)).toMatch(/TableArn|Table[A-Z0-9]+.*Arn/);
    }
  });
});
