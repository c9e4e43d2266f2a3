// The editor API (mounted at /api/editor): JSON in and out, a bearer token on every route.
// Errors answer { error, detail }: 400 invalid fields, 401 no or bad token, 403 a role that may
// not act, 404 unknown, 409 a stale version (nothing was written).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { bearerAuth, type EditorEnv } from './authenticate.ts';
import type { EditorDeps } from './deps.ts';
import { InvalidRequestError, problemOf } from './errors.ts';
import {
  editorSchema,
  mergeSchema,
  organisationPatchSchema,
  organisationSchema,
  reviewSchema,
  sourcePatchSchema,
  splitSchema,
  storyPatchSchema,
} from './schemas.ts';

const listQuery = z.object({
  status: z.enum(['pending', 'published', 'rejected'], { error: 'status must be pending, published or rejected' }).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw new InvalidRequestError('body: send a JSON object (Content-Type: application/json)');
  }
  return schema.parse(value);
}

export function createEditorApi({ desk, authenticator }: EditorDeps): Hono<EditorEnv> {
  const api = new Hono<EditorEnv>();

  api.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  api.use('*', bearerAuth(authenticator));

  api.get('/me', (c) => c.json(c.get('editor')));

  api.get('/queue', async (c) => {
    const { status, limit } = listQuery.parse(c.req.query());
    return c.json({ status, stories: await desk.queue(status, limit) });
  });
  api.get('/featured', async (c) => {
    const { limit } = listQuery.pick({ limit: true }).parse(c.req.query());
    return c.json({ stories: await desk.featured(limit) });
  });

  api.get('/candidates', async (c) => {
    const { limit } = listQuery.pick({ limit: true }).parse(c.req.query());
    return c.json({ candidates: await desk.nameCandidates(limit) });
  });

  api.get('/stories/:id', async (c) => c.json(await desk.story(c.req.param('id'))));
  api.patch('/stories/:id', async (c) => {
    const { version, ...patch } = await body(c, storyPatchSchema);
    return c.json(await desk.edit(c.get('editor'), c.req.param('id'), version, patch));
  });
  api.post('/stories/:id/review', async (c) => {
    const { version, action } = await body(c, reviewSchema);
    return c.json(await desk.review(c.get('editor'), c.req.param('id'), version, action));
  });
  api.post('/stories/:id/split', async (c) => {
    const { version } = await body(c, splitSchema);
    return c.json(await desk.split(c.get('editor'), c.req.param('id'), version));
  });
  api.get('/stories/:id/audit', async (c) => c.json({ id: c.req.param('id'), entries: await desk.audit(c.req.param('id')) }));

  api.post('/clusters/merge', async (c) => {
    const { into, from } = await body(c, mergeSchema);
    return c.json(await desk.mergeClusters(c.get('editor'), into, from));
  });
  api.get('/clusters/:id', async (c) => c.json(await desk.cluster(c.req.param('id'))));

  api.get('/organisations', async (c) => c.json({ organisations: await desk.organisations(c.req.query('q')) }));
  api.post('/organisations', async (c) => c.json(await desk.createOrganisation(c.get('editor'), await body(c, organisationSchema)), 201));
  api.get('/organisations/:slug', async (c) => c.json(await desk.organisation(c.req.param('slug'))));
  api.patch('/organisations/:slug', async (c) =>
    c.json(await desk.updateOrganisation(c.get('editor'), c.req.param('slug'), await body(c, organisationPatchSchema))),
  );
  api.get('/organisations/:slug/audit', async (c) =>
    c.json({ slug: c.req.param('slug'), entries: await desk.organisationAudit(c.req.param('slug')) }),
  );

  api.get('/sources', async (c) => c.json({ sources: await desk.sources() }));
  // the source schema itself (core/source-schema.ts) checks the body, as everywhere sources enter
  api.post('/sources', async (c) => c.json(await desk.addSource(c.get('editor'), await body(c, z.unknown())), 201));
  api.get('/sources/:id', async (c) => c.json(await desk.source(c.req.param('id'))));
  api.patch('/sources/:id', async (c) => c.json(await desk.updateSource(c.get('editor'), c.req.param('id'), await body(c, sourcePatchSchema))));
  api.get('/sources/:id/audit', async (c) => c.json({ id: c.req.param('id'), entries: await desk.sourceAudit(c.req.param('id')) }));

  api.get('/editors', async (c) => c.json({ editors: await desk.editors(c.get('editor')) }));
  api.post('/editors', async (c) => c.json(await desk.addEditor(c.get('editor'), await body(c, editorSchema)), 201));
  api.delete('/editors/:id', async (c) => {
    await desk.removeEditor(c.get('editor'), c.req.param('id'));
    return c.body(null, 204);
  });

  api.onError((error, c) => {
    const problem = problemOf(error);
    if (problem) return c.json({ error: problem.error, detail: problem.detail }, problem.status);
    console.error(JSON.stringify({ level: 'error', message: 'editor api error', path: c.req.path, error: error.message }));
    return c.json({ error: 'internal error', detail: 'the server could not answer this request' }, 500);
  });

  return api;
}
