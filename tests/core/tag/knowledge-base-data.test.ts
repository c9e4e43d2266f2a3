// The knowledge base of organisations and people is hand-written data: these checks keep it
// loadable by the tagger, within the taxonomy, and free of names two entries would both claim.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { OrganisationKind, Sector } from '../../../lambdas/core/model.ts';
import type { KnownOrganisation, KnownPerson } from '../../../lambdas/core/tag/knowledge.ts';
import { knownOrganisations } from '../../../lambdas/core/tag/known-organisations.ts';
import { foldName } from '../../../lambdas/core/tag/text.ts';

// Written as records so that a slug added to model.ts fails type-checking until it is listed here.
const SECTOR: Record<Sector, true> = {
  health: true,
  'adult-social-care': true,
  'children-and-families': true,
  'youth-services': true,
  education: true,
  'housing-and-homelessness': true,
  'leisure-and-sport': true,
  'libraries-and-culture': true,
  'employment-and-skills': true,
  'justice-and-probation': true,
  'fire-and-rescue': true,
  'corporate-services': true,
  'environment-and-waste': true,
  'planning-and-regulation': true,
  transport: true,
};
const KIND: Record<OrganisationKind, true> = {
  mutual: true,
  government: true,
  'local-authority': true,
  'nhs-body': true,
  company: true,
  'sector-body': true,
  media: true,
  other: true,
};
const REGIONS = [
  'North East',
  'North West',
  'Yorkshire and the Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
  'Scotland',
  'Wales',
  'Northern Ireland',
  'UK-wide',
] as const;
// the bodies a public service can spin out of
const PUBLIC_BODIES: OrganisationKind[] = ['government', 'local-authority', 'nhs-body'];

const keysOf = <K extends string>(record: Record<K, true>) => Object.keys(record) as [K, ...K[]];
// a name as written in a story: trimmed, starting with a capital or a digit, so it never matches ordinary lower-case words
const writtenName = z.string().regex(/^[\p{Lu}\p{N}]\S*(?: \S+)*$/u, 'a name starts with a capital or a digit and has single spaces');

const organisationSchema = z.strictObject({
  name: writtenName,
  aliases: z.array(writtenName),
  kind: z.enum(keysOf(KIND)),
  sectors: z.array(z.enum(keysOf(SECTOR))).refine((s) => new Set(s).size === s.length, 'sectors repeat'),
  region: z.enum(REGIONS).optional(),
  spunOutFrom: writtenName.optional(),
  year: z.number().int().min(1980).max(new Date().getFullYear()).optional(),
});
const personSchema = z.strictObject({
  name: writtenName,
  aliases: z.array(writtenName),
  role: z.string().trim().min(2),
  organisation: writtenName.optional(),
});

const dataDir = new URL('../../../lambdas/core/tag/data/', import.meta.url);
const load = (file: string): unknown => JSON.parse(readFileSync(new URL(file, dataDir), 'utf8'));
const organisations: KnownOrganisation[] = z.array(organisationSchema).parse(load('organisations.json'));
const people: KnownPerson[] = z.array(personSchema).parse(load('people.json'));

/** Folded forms written by more than one entry, with the entries that write them. */
function sharedForms<T>(entries: T[], forms: (entry: T) => string[], label: (entry: T) => string): string[] {
  const owners = new Map<string, Set<string>>();
  for (const entry of entries) {
    for (const form of forms(entry)) owners.set(foldName(form), (owners.get(foldName(form)) ?? new Set()).add(label(entry)));
  }
  return [...owners].filter(([, who]) => who.size > 1).map(([form, who]) => `${form}: ${[...who].join(' / ')}`);
}

/** Entries that write the same folded form twice (an alias repeating the name or another alias). */
function repeatedForms<T extends { name: string; aliases: string[] }>(entries: T[]): string[] {
  return entries.flatMap((e) => {
    const folded = [e.name, ...e.aliases].map(foldName);
    return folded.filter((f, i) => folded.indexOf(f) !== i).map((f) => `${e.name}: ${f}`);
  });
}

describe('organisations knowledge base', () => {
  const byName = new Map(organisations.map((o) => [o.name, o]));

  it.each([
    ['mutual', 80],
    ['government', 20],
    ['local-authority', 60],
    ['nhs-body', 30],
    ['sector-body', 20],
    ['company', 20],
    ['media', 15],
  ] satisfies [OrganisationKind, number][])('holds at least the minimum of %s organisations (%i)', (kind, min) => {
    expect(organisations.filter((o) => o.kind === kind).length).toBeGreaterThanOrEqual(min);
  });

  it('holds at least 250 organisations', () => {
    expect(organisations.length).toBeGreaterThanOrEqual(250);
  });

  it('has no canonical name twice', () => {
    expect(sharedForms(organisations, (o) => [o.name], (o) => `${o.name} (${o.kind})`)).toEqual([]);
  });

  it('gives no alias to two organisations, nor an alias that is another organisation’s name', () => {
    expect(sharedForms(organisations, (o) => [o.name, ...o.aliases], (o) => o.name)).toEqual([]);
  });

  it('has no alias that repeats the organisation’s own name or another of its aliases', () => {
    expect(repeatedForms(organisations)).toEqual([]);
  });

  it('shares no name with the well-known bodies the tagger also knows (each body is one entry)', () => {
    // labelled by position: two entries of one name must count as two
    expect(sharedForms(knownOrganisations, (o) => [o.name, ...o.aliases], (o) => `${o.name} #${knownOrganisations.indexOf(o)}`)).toEqual([]);
  });

  it('names in spunOutFrom a public body of the file, and gives lineage only to mutuals', () => {
    const problems = organisations.flatMap((o) => {
      if (o.spunOutFrom === undefined && o.year === undefined) return [];
      if (o.kind !== 'mutual') return [`${o.name}: lineage on a ${o.kind}`];
      if (o.spunOutFrom === undefined) return [];
      const parent = byName.get(o.spunOutFrom);
      if (!parent) return [`${o.name}: ${o.spunOutFrom} is not in the file`];
      return PUBLIC_BODIES.includes(parent.kind) ? [] : [`${o.name}: ${o.spunOutFrom} is a ${parent.kind}`];
    });
    expect(problems).toEqual([]);
  });

  it.each([
    ['Leading Lives', 'mutual', 'Suffolk County Council'],
    ['Central Surrey Health', 'mutual', 'East Elmbridge and Mid Surrey PCT'],
    ['MyCSP', 'mutual', 'Cabinet Office'],
    ['PricewaterhouseCoopers', 'company', undefined],
    ['North East Essex PCT', 'nhs-body', undefined],
  ])('reads %s as a %s', (name, kind, spunOutFrom) => {
    const org = byName.get(name);
    expect({ kind: org?.kind, spunOutFrom: org?.spunOutFrom }).toEqual({ kind, spunOutFrom });
  });
});

describe('people knowledge base', () => {
  const organisationNames = new Set(organisations.map((o) => o.name));

  it('holds at least 60 people', () => {
    expect(people.length).toBeGreaterThanOrEqual(60);
  });

  it('has no name or alias claimed by two people', () => {
    expect(sharedForms(people, (p) => [p.name, ...p.aliases], (p) => p.name)).toEqual([]);
  });

  it('has no alias that repeats the person’s own name or another of their aliases', () => {
    expect(repeatedForms(people)).toEqual([]);
  });

  it('names only organisations the organisations file holds', () => {
    expect(people.filter((p) => p.organisation && !organisationNames.has(p.organisation)).map((p) => p.name)).toEqual([]);
  });
});
