// Editors in AWS are Cognito users: the app verifies their access tokens against the user
// pool's published keys (JWKS) and reads the role from the user's Cognito groups.
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AuthUnavailableError, ROLES, type Authenticator, type Role } from './editor.ts';

export interface JwtAuthenticatorOptions {
  /** The user pool's issuer: https://cognito-idp.<region>.amazonaws.com/<poolId>. */
  issuer: string;
  /** The app client whose tokens are accepted. */
  clientId: string;
  /** Where the signing keys come from (a remote JWKS in production). */
  keys: JWTVerifyGetKey;
}

// jose's codes for a token that proves nothing (forged, expired, for another client...), as
// opposed to failures reaching the keys, which are the server's problem and are rethrown.
const REJECTED = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
]);

/** The strongest role among the user's groups; none when the user is in no editor group. */
function roleOf(groups: unknown): Role | undefined {
  const list = Array.isArray(groups) ? groups : [];
  return [...ROLES].reverse().find((role) => list.includes(role));
}

export function createJwtAuthenticator(options: JwtAuthenticatorOptions): Authenticator {
  return {
    async authenticate(token) {
      let payload;
      try {
        ({ payload } = await jwtVerify(token, options.keys, {
          issuer: options.issuer,
          algorithms: ['RS256'],
          requiredClaims: ['exp', 'sub', 'client_id', 'token_use'],
        }));
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && REJECTED.has(code)) return undefined;
        throw new AuthUnavailableError(`auth: cannot verify tokens (${error instanceof Error ? error.message : String(error)})`);
      }
      // Cognito access tokens name their client in client_id (they carry no aud); ID tokens
      // and other clients' tokens are refused.
      if (payload.token_use !== 'access' || payload.client_id !== options.clientId) return undefined;
      const role = roleOf(payload['cognito:groups']);
      const username = typeof payload.username === 'string' ? payload.username : payload.sub!;
      return role ? { editorId: username, name: username, role } : undefined;
    },
  };
}

/** The authenticator for a Cognito user pool, fetching (and caching) its keys from the issuer. */
export function cognitoAuthenticator(options: { issuer: string; clientId: string }): Authenticator {
  const keys = createRemoteJWKSet(new URL(`${options.issuer}/.well-known/jwks.json`));
  return createJwtAuthenticator({ ...options, keys });
}

export const cognitoIssuer = (region: string, userPoolId: string) => `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
