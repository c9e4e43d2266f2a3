// The bearer-token check in front of every editor API route.
import type { MiddlewareHandler } from 'hono';
import type { Authenticator, Editor } from '../../core/auth/editor.ts';
import { problemOf } from './errors.ts';

export interface EditorEnv {
  Variables: { editor: Editor };
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Answers 401 without a token or with one that proves nothing; otherwise sets `editor`. */
export function bearerAuth(authenticator: Authenticator): MiddlewareHandler<EditorEnv> {
  return async (c, next) => {
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer realm="mutuals-news editors"');
      return c.json({ error: 'unauthorised', detail: 'send an editor token: Authorization: Bearer <token>' }, 401);
    }
    let editor: Editor | undefined;
    try {
      editor = await authenticator.authenticate(token);
    } catch (error) {
      const problem = problemOf(error);
      if (!problem) throw error;
      return c.json({ error: problem.error, detail: problem.detail }, problem.status);
    }
    if (!editor) {
      c.header('WWW-Authenticate', 'Bearer realm="mutuals-news editors", error="invalid_token"');
      return c.json({ error: 'unauthorised', detail: 'the token is not valid (unknown, revoked or expired)' }, 401);
    }
    c.set('editor', editor);
    await next();
  };
}
