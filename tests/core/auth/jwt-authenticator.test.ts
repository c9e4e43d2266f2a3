// Cognito access tokens, verified as in AWS but against a key pair made here and a JWKS served
// on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthUnavailableError } from '../../../lambdas/core/auth/editor.ts';
import { cognitoAuthenticator, cognitoIssuer } from '../../../lambdas/core/auth/jwt-authenticator.ts';

const CLIENT = 'console-client';
let server: Server;
let issuer: string;
let signing: CryptoKey;
let stranger: CryptoKey;
let jwksRequests = 0;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signing = pair.privateKey;
  stranger = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
  server = createServer((req, res) => {
    if (req.url === '/pool/.well-known/jwks.json') {
      jwksRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pool`;
});

afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

function accessToken(claims: JWTPayload, options: { key?: CryptoKey; kid?: string; expires?: string; iss?: string } = {}) {
  return new SignJWT({ token_use: 'access', client_id: CLIENT, username: 'grace', 'cognito:groups': ['editor'], ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'key-1' })
    .setSubject('0d6f-sub')
    .setIssuer(options.iss ?? issuer)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '5m')
    .sign(options.key ?? signing);
}

describe('Cognito access tokens', () => {
  it('builds the issuer of a user pool', () => {
    expect(cognitoIssuer('eu-west-2', 'eu-west-2_AbC')).toBe('https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbC');
  });

  it('accepts a token of the pool and client, with the role from the Cognito groups', async () => {
    const auth = cognitoAuthenticator({ issuer, clientId: CLIENT });
    expect(await auth.authenticate(await accessToken({}))).toEqual({ editorId: 'grace', name: 'grace', role: 'editor' });
    expect(await auth.authenticate(await accessToken({ 'cognito:groups': ['editor', 'admin'] }))).toMatchObject({ role: 'admin' });
    expect(jwksRequests).toBe(1);
  });

  it.each<[string, () => Promise<string>]>([
    ['signed by another key', () => accessToken({}, { key: stranger })],
    ['with an unknown key id', () => accessToken({}, { kid: 'key-2' })],
    ['expired', () => accessToken({}, { expires: '-1m' })],
    ['from another issuer', () => accessToken({}, { iss: 'https://cognito-idp.eu-west-2.amazonaws.com/other' })],
    ['for another client', () => accessToken({ client_id: 'another-client' })],
    ['an ID token', () => accessToken({ token_use: 'id' })],
    ['of a user in no editor group', () => accessToken({ 'cognito:groups': ['readers'] })],
    ['not a JWT at all', async () => 'mne_notajwt'],
    ['unsigned (alg none)', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: issuer })).toString('base64url')}.`],
  ])('refuses a token %s', async (_what, make) => {
    const auth = cognitoAuthenticator({ issuer, clientId: CLIENT });
    expect(await auth.authenticate(await make())).toBeUndefined();
  });

  it('says so when the keys cannot be fetched, rather than calling the token bad', async () => {
    const gone = createServer();
    await new Promise<void>((ok) => gone.listen(0, '127.0.0.1', ok));
    const port = (gone.address() as AddressInfo).port;
    await new Promise<void>((ok) => gone.close(() => ok()));
    const auth = cognitoAuthenticator({ issuer: `http://127.0.0.1:${port}/pool`, clientId: CLIENT });
    await expect(auth.authenticate(await accessToken({}, { iss: `http://127.0.0.1:${port}/pool` }))).rejects.toBeInstanceOf(AuthUnavailableError);
  });
});
