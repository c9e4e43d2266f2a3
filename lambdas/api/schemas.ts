// The API's contract as zod schemas: requests are validated with them, responses are typed by
// them, and openapi.ts derives the published OpenAPI document from them.
import { z } from 'zod';
import { EVENT_TYPES, ORGANISATION_KINDS, SECTORS } from './taxonomy.ts';

/** Schemas published as OpenAPI components, under their `id` (descriptions are `.meta()`). */
export const components = z.registry<{ id: string }>();

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = z.string().max(120).regex(SLUG, { error: 'must be a slug (lower-case letters, digits and single hyphens)' });

// A date (the whole day) or a date-time with a zone, normalised to UTC: the form of sort keys.
const dateBound = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'must be a date (2012-04-01) or a date-time with a zone (2012-04-01T09:00:00Z)',
  })
  .transform((v) => (v.length === 10 ? v : new Date(v).toISOString()));

const WHOLE_1_TO_100 = { error: 'must be a whole number from 1 to 100' };
const limit = (fallback: number) =>
  z.coerce
    .number(WHOLE_1_TO_100)
    .int(WHOLE_1_TO_100)
    .min(1, WHOLE_1_TO_100)
    .max(100, WHOLE_1_TO_100)
    .default(fallback)
    .meta({ description: `How many stories, 1 to 100 (default ${fallback}).` });

const filterShape = {
  organisation: slug
    .optional()
    .meta({ description: 'Organisation slug: its canonical name lower-cased, other characters as `-` (MyCSP → `mycsp`).' }),
  sector: z
    .enum(SECTORS, { error: 'unknown sector slug (GET /api/sectors lists them)' })
    .optional()
    .meta({ description: 'Sector slug (TAXONOMY.md).' }),
  event: z
    .enum(EVENT_TYPES, { error: 'unknown event slug (GET /api/events lists them)' })
    .optional()
    .meta({ description: 'Event type slug (TAXONOMY.md).' }),
  person: slug.optional().meta({ description: 'Person slug (Francis Maude → `francis-maude`).' }),
  place: slug.optional().meta({ description: 'Place slug (Kingston upon Thames → `kingston-upon-thames`).' }),
  q: z
    .string()
    .trim()
    .max(200, { error: 'must be at most 200 characters' })
    .optional()
    .meta({ description: 'Words that must all appear in the title or summary (case and accents ignored).' }),
  from: dateBound.optional().meta({ description: 'Stories published on or after this date (UTC).' }),
  to: dateBound.optional().meta({ description: 'Stories published on or before this date (the whole day for a date).' }),
};

function datesInOrder(value: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (value.from && value.to && value.from > `${value.to}\uffff`) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' });
  }
}

export const StoryListQuery = z
  .object({
    ...filterShape,
    limit: limit(20),
    cursor: z
      .string()
      .max(2000)
      .regex(/^[A-Za-z0-9_-]+$/, { error: 'malformed (pass back the nextCursor of a page)' })
      .optional()
      .meta({ description: 'The `nextCursor` of the previous page.' }),
  })
  .superRefine(datesInOrder);

export const FeedQuery = z.object({ ...filterShape, limit: limit(30) }).superRefine(datesInOrder);

export const OrganisationListQuery = z.object({
  kind: z
    .enum(ORGANISATION_KINDS, { error: 'unknown organisation kind (TAXONOMY.md lists them)' })
    .optional()
    .meta({ description: 'Organisation kind.' }),
  sector: filterShape.sector.meta({ description: 'Only organisations working in this sector.' }),
});

const OrganisationRef = z.object({ name: z.string(), slug: z.string() });

export const Story = z
  .object({
    id: z.string(),
    url: z.url(),
    title: z.string(),
    published: z.iso.datetime(),
    author: z.string().optional(),
    source: z.object({ id: z.string(), name: z.string() }).meta({ description: 'The outlet the story came from.' }),
    summary: z.string(),
    sectors: z.array(z.enum(SECTORS)),
    eventType: z.enum(EVENT_TYPES).nullable(),
    organisations: z.array(OrganisationRef.extend({ kind: z.enum(ORGANISATION_KINDS) })),
    people: z.array(z.object({ name: z.string(), role: z.string().optional(), slug: z.string() })),
    places: z.array(z.string()),
    cluster: z.string().nullable().meta({ description: 'Stories about the same event share a cluster.' }),
  })
  .meta({ description: 'A published story.' })
  .register(components, { id: 'Story' });

export const StoryPage = z
  .object({
    items: z.array(Story),
    nextCursor: z.string().nullable().meta({
      description: 'Pass as `cursor` for the next page; null at the end. A page may hold fewer than `limit` items and still go on.',
    }),
  })
  .meta({ description: 'Published stories, newest first.' })
  .register(components, { id: 'StoryPage' });

export const StoryDetail = Story.extend({
  related: z.array(Story).meta({ description: 'Other published stories of the same cluster.' }),
})
  .meta({ description: 'A published story with the other stories of its cluster.' })
  .register(components, { id: 'StoryDetail' });

export const OrganisationSummary = z
  .object({
    slug: z.string(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    sectors: z.array(z.enum(SECTORS)),
    count: z.number().int().meta({ description: 'Published stories about it.' }),
  })
  .register(components, { id: 'OrganisationSummary' });

export const OrganisationList = z
  .object({ items: z.array(OrganisationSummary) })
  .meta({ description: 'Organisations, most covered first.' })
  .register(components, { id: 'OrganisationList' });

const FeedLinks = z.object({ rss: z.url(), atom: z.url(), json: z.url() });

export const OrganisationProfile = z
  .object({
    slug: z.string(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    aliases: z.array(z.string()),
    sectors: z.array(z.enum(SECTORS)),
    region: z.string().nullable(),
    lineage: z.object({
      spunOutFrom: OrganisationRef.nullable().meta({ description: 'The public body it left.' }),
      year: z.number().int().nullable().meta({ description: 'The year it spun out.' }),
      spinOuts: z.array(OrganisationRef.extend({ year: z.number().int().nullable() })).meta({ description: 'Mutuals that left it.' }),
    }),
    count: z.number().int().meta({ description: 'Published stories about it.' }),
    coverage: z.record(z.string(), z.number().int()).meta({ description: 'Published stories per month, `{ "2012-04": 2 }`.' }),
    outlets: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int() })),
    outletsComplete: z.boolean().meta({ description: 'False when outlets were counted over its newest stories only.' }),
    recent: z.array(Story),
    feeds: FeedLinks,
  })
  .register(components, { id: 'OrganisationProfile' });

export const FacetList = z
  .object({
    items: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        count: z.number().int().meta({ description: 'Published stories.' }),
        feeds: FeedLinks,
      }),
    ),
  })
  .meta({ description: 'The taxonomy slugs with counts of published stories.' })
  .register(components, { id: 'FacetList' });

export const ErrorBody = z
  .object({ error: z.string(), detail: z.string() })
  .meta({ description: 'What was wrong: 400 for bad parameters, 404 for unknown slugs and ids.' })
  .register(components, { id: 'Error' });

export const Health = z
  .object({ status: z.enum(['ok', 'degraded']), store: z.enum(['ok', 'unreachable']) })
  .register(components, { id: 'Health' });

export type StoryOut = z.infer<typeof Story>;
export type OrganisationSummaryOut = z.infer<typeof OrganisationSummary>;
export type OrganisationProfileOut = z.infer<typeof OrganisationProfile>;
export type FacetListOut = z.infer<typeof FacetList>;
export type FeedLinksOut = z.infer<typeof FeedLinks>;
