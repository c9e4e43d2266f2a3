import type { Authenticator, Editor } from './editor.ts';
import { hashToken, isToken } from './tokens.ts';

/** Authenticates local API tokens against the store, which holds only their hashes. */
export function createTokenAuthenticator(byTokenHash: (hash: string) => Promise<Editor | undefined>): Authenticator {
  return {
    authenticate: async (token) => (isToken(token) ? byTokenHash(hashToken(token)) : undefined),
  };
}
