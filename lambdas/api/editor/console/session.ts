// Signing in to the console. The session is a cookie holding the bearer token itself (HttpOnly,
// so page scripts never see it), checked by the same authenticator as the API on every request.
// Locally the editor pastes their API token; with Cognito the console runs the OAuth 2.0
// authorisation code flow with PKCE against the hosted sign-in page and keeps the access token.
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export interface OAuthLogin {
  /** The hosted UI's /oauth2/authorize and /oauth2/token endpoints. */
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  /** This console's callback, as registered with the app client: <origin><base>/auth/callback. */
  redirectUri: string;
  /** The hosted UI's /logout endpoint and where it sends the editor afterwards (registered too). */
  logoutUrl?: string;
  signedOutUri?: string;
  fetch?: typeof fetch;
}

const SESSION = 'mn_editor';
const FLOW = 'mn_oauth';
/** A pasted API token's session lasts a working day; an access token's, as long as the token. */
const TOKEN_SESSION_SECONDS = 12 * 3600;

const secure = (c: Context) => new URL(c.req.url).protocol === 'https:';

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION);
}

export function startSession(c: Context, base: string, token: string, maxAge = TOKEN_SESSION_SECONDS): void {
  // Lax, not Strict: the redirect back from the hosted sign-in page is a cross-site navigation.
  // Forms are guarded by the Origin check (csrf middleware) instead.
  setCookie(c, SESSION, token, { path: base, httpOnly: true, sameSite: 'Lax', secure: secure(c), maxAge });
}

export function endSession(c: Context, base: string): void {
  deleteCookie(c, SESSION, { path: base, secure: secure(c) });
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** Remembers state and verifier in a short-lived cookie and returns the sign-in URL. */
export function beginOAuth(c: Context, base: string, oauth: OAuthLogin): string {
  const state = base64url(randomBytes(16));
  const verifier = base64url(randomBytes(32));
  setCookie(c, FLOW, `${state}.${verifier}`, { path: `${base}/auth`, httpOnly: true, sameSite: 'Lax', secure: secure(c), maxAge: 600 });
  const url = new URL(oauth.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oauth.clientId,
    redirect_uri: oauth.redirectUri,
    scope: 'openid',
    state,
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** Exchanges the code the hosted UI sent back for an access token; a one-line error otherwise. */
export async function finishOAuth(c: Context, base: string, oauth: OAuthLogin): Promise<{ token: string; maxAge: number }> {
  const [state, verifier] = (getCookie(c, FLOW) ?? '').split('.');
  deleteCookie(c, FLOW, { path: `${base}/auth`, secure: secure(c) });
  const code = c.req.query('code');
  if (c.req.query('error')) throw new Error(`sign-in: the identity provider refused (${c.req.query('error')})`);
  if (!code || !state || !verifier || c.req.query('state') !== state) {
    throw new Error('sign-in: this sign-in link is stale or was not started here; start again');
  }
  const response = await (oauth.fetch ?? fetch)(oauth.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: oauth.clientId, code, redirect_uri: oauth.redirectUri, code_verifier: verifier }),
    signal: AbortSignal.timeout(10_000),
  }).catch((error: unknown) => {
    throw new Error(`sign-in: the token endpoint did not answer (${error instanceof Error ? error.message : String(error)})`);
  });
  const payload = (await response.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
  if (!response.ok || typeof payload.access_token !== 'string') {
    throw new Error(`sign-in: the token endpoint refused the code (HTTP ${response.status})`);
  }
  const maxAge = typeof payload.expires_in === 'number' && payload.expires_in > 0 ? payload.expires_in : 3600;
  return { token: payload.access_token, maxAge };
}

/** Where the hosted UI signs the editor out, or undefined when only the cookie is cleared. */
export function signOutUrl(oauth: OAuthLogin | undefined): string | undefined {
  if (!oauth?.logoutUrl || !oauth.signedOutUri) return undefined;
  const url = new URL(oauth.logoutUrl);
  url.search = new URLSearchParams({ client_id: oauth.clientId, logout_uri: oauth.signedOutUri }).toString();
  return url.toString();
}
