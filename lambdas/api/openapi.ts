// The OpenAPI 3.1 document, derived from the zod schemas the routes validate and answer with:
// one source for the behaviour and its description. /openapi.json serves it, /docs renders it.
import { z } from 'zod';
import { FEED_FORMATS } from '../core/feeds/render-feed.ts';
import { components, ErrorBody, FacetList, FeedQuery, Health, OrganisationList, OrganisationListQuery, OrganisationProfile, SLUG, StoryDetail, StoryListQuery, StoryPage } from './schemas.ts';
import { EVENT_TYPES, SECTORS } from './taxonomy.ts';

type JsonSchema = Record<string, unknown>;

interface PathParameter {
  name: string;
  description: string;
  schema: z.ZodType;
}

interface Operation {
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query?: z.ZodObject;
  params?: PathParameter[];
  /** A registered schema (JSON), or the media types of a document that is not JSON. */
  answer: z.ZodType | Record<string, string>;
  errors: Array<400 | 404>;
  /** Answers carry ETag, Last-Modified and Cache-Control, and may be 304. */
  cached: boolean;
}

const slugParam = (what: string, schema: z.ZodType): PathParameter => ({ name: 'slug', description: `The ${what} slug.`, schema });
const organisationSlug = slugParam('organisation', z.string().regex(SLUG));
const feedFormat: PathParameter = { name: 'format', description: 'rss (RSS 2.0), atom (Atom 1.0) or json (JSON Feed 1.1).', schema: z.enum(['rss', 'atom', 'json']) };
const feedTypes = Object.fromEntries(Object.values(FEED_FORMATS).map((f) => [f.contentType.split(';')[0]!, f.name]));
const html = { 'text/html': 'A web page' };

export const OPERATIONS: Operation[] = [
  { path: '/health', tag: 'service', summary: 'Whether the service and its store answer', answer: Health, errors: [], cached: false },
  {
    path: '/api/stories',
    tag: 'stories',
    summary: 'Published stories, newest first',
    description: 'Filters combine (all must hold). Page with `cursor`: each answer gives the next one.',
    query: StoryListQuery,
    answer: StoryPage,
    errors: [400],
    cached: true,
  },
  {
    path: '/api/stories/{id}',
    tag: 'stories',
    summary: 'One published story and the other stories of its cluster',
    params: [{ name: 'id', description: 'The story id.', schema: z.string() }],
    answer: StoryDetail,
    errors: [404],
    cached: true,
  },
  {
    path: '/api/organisations',
    tag: 'organisations',
    summary: 'Organisations with their counts of published stories',
    query: OrganisationListQuery,
    answer: OrganisationList,
    errors: [400],
    cached: true,
  },
  {
    path: '/api/organisations/{slug}',
    tag: 'organisations',
    summary: 'An organisation: profile, lineage, coverage per month, outlets and recent stories',
    params: [organisationSlug],
    answer: OrganisationProfile,
    errors: [404],
    cached: true,
  },
  { path: '/api/sectors', tag: 'taxonomy', summary: 'Sectors with counts of published stories', answer: FacetList, errors: [], cached: true },
  { path: '/api/events', tag: 'taxonomy', summary: 'Event types with counts of published stories', answer: FacetList, errors: [], cached: true },
  ...[
    { path: '/feeds/all.{format}', summary: 'Every published story' },
    { path: '/feeds/spin-outs.{format}', summary: 'Spin-out launches (event `spin-out-launch`)' },
    { path: '/feeds/sectors/{slug}.{format}', summary: 'The stories of a sector', slug: slugParam('sector', z.enum(SECTORS)) },
    { path: '/feeds/events/{slug}.{format}', summary: 'The stories of an event type', slug: slugParam('event type', z.enum(EVENT_TYPES)) },
    { path: '/feeds/organisations/{slug}.{format}', summary: 'The stories about an organisation', slug: organisationSlug },
  ].map(
    ({ path, summary, slug }): Operation => ({
      path,
      tag: 'feeds',
      summary,
      description: 'Each entry is categorised by its sectors and organisations. Takes the filters of /api/stories.',
      query: FeedQuery,
      params: slug ? [slug, feedFormat] : [feedFormat],
      answer: feedTypes,
      errors: slug ? [400, 404] : [400],
      cached: true,
    }),
  ),
  { path: '/', tag: 'pages', summary: 'The latest stories, with filters and feed links', query: StoryListQuery, answer: html, errors: [400], cached: true },
  { path: '/organisations', tag: 'pages', summary: 'The organisations, most covered first', query: OrganisationListQuery, answer: html, errors: [400], cached: true },
  {
    path: '/organisations/{slug}',
    tag: 'pages',
    summary: 'An organisation, with a chart of its coverage per month',
    params: [organisationSlug],
    answer: html,
    errors: [404],
    cached: true,
  },
  { path: '/openapi.json', tag: 'service', summary: 'This document', answer: { 'application/json': 'OpenAPI 3.1' }, errors: [], cached: true },
  { path: '/docs', tag: 'service', summary: 'This document as a web page', answer: html, errors: [], cached: true },
];

/** JSON Schema of one value, as a request reads it, without the dialect line. */
function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const ref = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${components.get(schema)!.id}` });

const cacheHeaders = {
  ETag: { description: 'A strong validator of the body: send it back in If-None-Match.', schema: { type: 'string' } },
  'Last-Modified': { description: 'When the newest story shown changed (when known).', schema: { type: 'string' } },
  'Cache-Control': { description: 'public, with a short max-age for lists and feeds.', schema: { type: 'string' } },
};

function operationObject(op: Operation) {
  const query = op.query
    ? Object.entries(op.query.shape).map(([name, schema]) => ({
        name,
        in: 'query',
        required: false,
        description: z.globalRegistry.get(schema as z.ZodType)?.description,
        schema: inputSchema(schema as z.ZodType),
      }))
    : [];
  const params = (op.params ?? []).map((p) => ({ name: p.name, in: 'path', required: true, description: p.description, schema: inputSchema(p.schema) }));
  const content =
    op.answer instanceof z.ZodType
      ? { 'application/json': { schema: ref(op.answer) } }
      : Object.fromEntries(Object.entries(op.answer).map(([type, what]) => [type, { schema: { type: 'string', description: what } }]));
  const errorAnswers = Object.fromEntries(
    op.errors.map((status) => [
      String(status),
      { description: status === 400 ? 'A parameter is invalid' : 'No such thing', content: { 'application/json': { schema: ref(ErrorBody) } } },
    ]),
  );
  return {
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(query.length + params.length ? { parameters: [...params, ...query] } : {}),
    responses: {
      200: { description: 'OK', content, ...(op.cached ? { headers: cacheHeaders } : {}) },
      ...(op.cached ? { 304: { description: 'Not modified: the copy named by If-None-Match or If-Modified-Since is current' } } : {}),
      ...errorAnswers,
    },
  };
}

export function openApiDocument() {
  const { schemas } = z.toJSONSchema(components, { uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, JsonSchema> };
  return {
    openapi: '3.1.0',
    info: {
      title: 'mutuals-news',
      version: '1',
      description:
        'News about UK public service mutuals, tagged by sector, event type, organisation, person and place. ' +
        `Sectors: ${SECTORS.join(', ')}. Event types: ${EVENT_TYPES.join(', ')}.`,
    },
    tags: ['stories', 'organisations', 'taxonomy', 'feeds', 'pages', 'service'].map((name) => ({ name })),
    paths: Object.fromEntries(OPERATIONS.map((op) => [op.path, { get: operationObject(op) }])),
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema])),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
