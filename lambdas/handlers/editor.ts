// The editor routes behind API Gateway: the editor API and the console, their own function so
// that the public API's function stays read-only. Editors are Cognito users here.
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { z } from 'zod';
import { createEditorApi } from '../api/editor/api.ts';
import { createEditorConsole } from '../api/editor/console/app.ts';
import { createEditorDeps } from '../api/editor/deps.ts';
import { createDocumentClient } from '../store/client.ts';

const env = z
  .object({
    TABLE_NAME: z.string().min(1),
    COGNITO_ISSUER: z.url(),
    COGNITO_CLIENT_ID: z.string().min(1),
    /** The hosted sign-in page's base URL (https://<prefix>.auth.<region>.amazoncognito.com). */
    COGNITO_DOMAIN: z.url(),
    /** The origin editors use, where the sign-in page sends them back to. */
    EDITOR_PUBLIC_URL: z.url(),
  })
  .parse(process.env);

const deps = createEditorDeps({
  db: createDocumentClient(),
  tableName: env.TABLE_NAME,
  cognito: { issuer: env.COGNITO_ISSUER, clientId: env.COGNITO_CLIENT_ID },
});

const app = new Hono();
app.route('/api/editor', createEditorApi(deps));
app.route(
  '/editor',
  createEditorConsole(deps, {
    oauth: {
      authorizeUrl: `${env.COGNITO_DOMAIN}/oauth2/authorize`,
      tokenUrl: `${env.COGNITO_DOMAIN}/oauth2/token`,
      logoutUrl: `${env.COGNITO_DOMAIN}/logout`,
      clientId: env.COGNITO_CLIENT_ID,
      redirectUri: `${env.EDITOR_PUBLIC_URL}/editor/auth/callback`,
      signedOutUri: `${env.EDITOR_PUBLIC_URL}/editor/login`,
    },
  }),
);

export const handler = handle(app);
