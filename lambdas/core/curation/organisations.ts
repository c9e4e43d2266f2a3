// The organisations editors curate: the bundled knowledge base with the table's profiles laid
// over it (a profile wins over the bundled entry of the same slug). Stories link to it, the
// tagger is retrained with it.
import { slugify } from '../slug.ts';
import type { Knowledge, KnownOrganisation } from '../tag/knowledge.ts';
import { foldName } from '../tag/text.ts';

export interface CuratedOrganisation extends KnownOrganisation {
  slug: string;
  /** 0 for a bundled entry no editor has changed; each edit adds one. */
  version: number;
}

/** Bundled entries (version 0) and stored profiles merged by slug: bundled order, then additions. */
export function catalogue(bundled: readonly KnownOrganisation[], stored: readonly CuratedOrganisation[]): CuratedOrganisation[] {
  const bySlug = new Map<string, CuratedOrganisation>();
  for (const o of bundled) {
    const slug = slugify(o.name);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, { ...o, slug, version: 0 });
  }
  for (const o of stored) bySlug.set(o.slug, o);
  return [...bySlug.values()];
}

/** Finds an organisation by any of its names, folded as the tagger folds them. */
export function nameIndex(list: readonly CuratedOrganisation[]): (name: string) => CuratedOrganisation | undefined {
  const byName = new Map<string, CuratedOrganisation>();
  for (const o of list) for (const n of [o.name, ...o.aliases]) if (!byName.has(foldName(n))) byName.set(foldName(n), o);
  return (name) => byName.get(foldName(name));
}

/** The first name of `candidate` that another organisation already uses, if any. */
export function nameClash(list: readonly CuratedOrganisation[], candidate: Pick<CuratedOrganisation, 'slug' | 'name' | 'aliases'>) {
  const find = nameIndex(list.filter((o) => o.slug !== candidate.slug));
  for (const name of [candidate.name, ...candidate.aliases]) {
    const other = find(name);
    if (other) return { name, other };
  }
  return undefined;
}

/** An entry in the knowledge base's own field order: the model's hash of its knowledge must not
 * depend on the order the store returns attributes in. */
function knownOrganisation(o: KnownOrganisation): KnownOrganisation {
  return {
    name: o.name,
    aliases: o.aliases,
    kind: o.kind,
    sectors: o.sectors,
    ...(o.region !== undefined ? { region: o.region } : {}),
    ...(o.spunOutFrom !== undefined ? { spunOutFrom: o.spunOutFrom } : {}),
    ...(o.year !== undefined ? { year: o.year } : {}),
  };
}

/** The tagger's knowledge with the curated organisations in place of the bundled list. */
export function curatedKnowledge(knowledge: Knowledge, stored: readonly CuratedOrganisation[]): Knowledge {
  if (stored.length === 0) return knowledge;
  const organisations = catalogue(knowledge.organisations, stored).map(knownOrganisation);
  return { ...knowledge, organisations };
}
