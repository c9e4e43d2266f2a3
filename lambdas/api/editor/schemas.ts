// The editor API's request bodies. Unknown fields are refused (.strict()), so a typo is a 400
// rather than a silent no-op.
import { z } from 'zod';
import { ROLES } from '../../core/auth/editor.ts';
import { EVENT_TYPES, ORGANISATION_KINDS, SECTORS } from '../taxonomy.ts';

// At most this many values per tag facet: the store indexes no more (story-index.ts).
const PER_FACET = 12;

const version = z.number({ error: 'version must be the number read with the story' }).int().min(1);
const name = (max: number) => z.string().trim().min(1).max(max);
const sector = z.enum(SECTORS, { error: 'unknown sector slug (TAXONOMY.md lists them)' });
const eventType = z.enum(EVENT_TYPES, { error: 'unknown event type slug (TAXONOMY.md lists them)' });
const kind = z.enum(ORGANISATION_KINDS, { error: 'unknown organisation kind (TAXONOMY.md lists them)' });

const changesSomething = [
  (value: Record<string, unknown>) => Object.keys(value).some((k) => k !== 'version' && value[k] !== undefined),
  { error: 'give at least one field to change' },
] as const;

export const storyPatchSchema = z
  .object({
    version,
    title: name(300).optional(),
    summary: z.string().trim().max(2000).optional(),
    sectors: z.array(sector).max(SECTORS.length).optional(),
    eventType: eventType.optional(),
    organisations: z.array(name(200)).max(PER_FACET).optional(),
    people: z.array(z.object({ name: name(120), role: z.string().trim().min(1).max(200).optional() }).strict()).max(PER_FACET).optional(),
    places: z.array(name(120)).max(PER_FACET).optional(),
  })
  .strict()
  .refine(...changesSomething);

export const reviewSchema = z
  .object({ version, action: z.enum(['approve', 'reject', 'feature', 'unfeature'], { error: 'action must be approve, reject, feature or unfeature' }) })
  .strict();

export const splitSchema = z.object({ version }).strict();

export const mergeSchema = z
  .object({ into: name(200), from: name(200) })
  .strict()
  .refine((m) => m.into !== m.from, { error: 'a cluster cannot be merged into itself' });

const organisationFields = {
  name: name(200),
  aliases: z.array(name(200)).max(50),
  kind,
  sectors: z.array(sector).max(SECTORS.length),
  region: name(100).optional(),
  /** Lineage: the public body the organisation left. */
  spunOutFrom: name(200).optional(),
  year: z.number().int().min(1800).max(2100).optional(),
};

export const organisationSchema = z
  .object({ ...organisationFields, aliases: organisationFields.aliases.default([]), sectors: organisationFields.sectors.default([]) })
  .strict();

/** A change to an organisation; null clears an optional field. */
export const organisationPatchSchema = z
  .object({
    version: z.number({ error: 'version must be the number read with the organisation' }).int().min(0),
    ...z.object(organisationFields).partial().shape,
    region: organisationFields.region.unwrap().nullable().optional(),
    spunOutFrom: organisationFields.spunOutFrom.unwrap().nullable().optional(),
    year: organisationFields.year.unwrap().nullable().optional(),
  })
  .strict()
  .refine(...changesSomething);

/** A change to a source's configuration; the merged result is checked with the source schema. */
export const sourcePatchSchema = z
  .object({
    name: z.string().optional(),
    url: z.string().optional(),
    kind: z.string().optional(),
    everyMinutes: z.number().optional(),
    selectors: z.unknown().optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine(...changesSomething);

export const editorSchema = z.object({ name: name(100), role: z.enum(ROLES, { error: 'role must be editor or admin' }) }).strict();

export type StoryPatchInput = z.output<typeof storyPatchSchema>;
export type OrganisationInput = z.output<typeof organisationSchema>;
export type OrganisationPatchInput = z.output<typeof organisationPatchSchema>;
export type SourcePatchInput = z.output<typeof sourcePatchSchema>;
