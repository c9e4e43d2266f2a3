// The AWS entry point of the editor routes, invoked with an API Gateway (HTTP API) event.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

let handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; headers?: Record<string, string>; body?: string }>;

beforeAll(async () => {
  vi.stubEnv('TABLE_NAME', 'mutuals-news');
  vi.stubEnv('COGNITO_ISSUER', 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_test');
  vi.stubEnv('COGNITO_CLIENT_ID', 'client-1');
  vi.stubEnv('COGNITO_DOMAIN', 'https://editors.auth.eu-west-2.amazoncognito.com');
  vi.stubEnv('EDITOR_PUBLIC_URL', 'https://news.example');
  ({ handler } = (await import('../../lambdas/handlers/editor.ts')) as unknown as { handler: typeof handler });
});

afterAll(() => vi.unstubAllEnvs());

const event = (method: string, path: string, headers: Record<string, string> = {}) => ({
  version: '2.0',
  routeKey: `${method} ${path}`,
  rawPath: path,
  rawQueryString: '',
  headers: { host: 'news.example', 'x-forwarded-proto': 'https', ...headers },
  requestContext: { http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' }, domainName: 'news.example', stage: '$default', requestId: 'r1' },
  isBase64Encoded: false,
});

describe('the editor function', () => {
  it('offers the hosted sign-in page, not a token form', async () => {
    const response = await handler(event('GET', '/editor/login'), {});
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('href="/editor/auth/start"');
    expect(response.body).not.toContain('name="token"');
  });

  it('starts the code flow towards the pool’s hosted domain, calling back to the public URL', async () => {
    const response = await handler(event('GET', '/editor/auth/start'), {});
    expect(response.statusCode).toBe(302);
    const to = new URL(response.headers!.location!);
    expect(`${to.origin}${to.pathname}`).toBe('https://editors.auth.eu-west-2.amazoncognito.com/oauth2/authorize');
    expect(to.searchParams.get('redirect_uri')).toBe('https://news.example/editor/auth/callback');
    expect(to.searchParams.get('client_id')).toBe('client-1');
  });

  it('refuses the API without a token, without touching the table', async () => {
    const response = await handler(event('GET', '/api/editor/queue'), {});
    expect(response.statusCode).toBe(401);
  });
});
