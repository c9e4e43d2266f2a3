// The organisations the API can describe: the tagger's knowledge base, bundled, with profile items
// from the table (the ORGS registry) laid over it.
import { slugify } from '../core/slug.ts';
import type { KnownOrganisation } from '../core/tag/knowledge.ts';
import type { OrganisationProfile } from '../store/query-repository.ts';
import knowledgeBase from '../core/tag/data/organisations.json' with { type: 'json' };
import type { ApiContext } from './context.ts';

export const bundledOrganisations = knowledgeBase as unknown as readonly KnownOrganisation[];

export interface DirectoryEntry extends KnownOrganisation {
  slug: string;
}

const entryOf = (slug: string, o: OrganisationProfile): DirectoryEntry => ({ ...o, slug, aliases: o.aliases ?? [], sectors: o.sectors ?? [] });

/** Organisations by slug; where two names share a slug the first keeps it. */
export function indexOrganisations(list: readonly KnownOrganisation[]): Map<string, DirectoryEntry> {
  const bySlug = new Map<string, DirectoryEntry>();
  for (const organisation of list) {
    const slug = slugify(organisation.name);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, entryOf(slug, organisation));
  }
  return bySlug;
}

/** The knowledge base with the table's profile items over it (a profile wins over the bundled entry). */
export async function loadDirectory(ctx: ApiContext): Promise<Map<string, DirectoryEntry>> {
  const directory = new Map(ctx.known);
  for (const { slug, ...profile } of await ctx.queries.organisationProfiles()) {
    const bundled = directory.get(slug);
    directory.set(slug, entryOf(slug, { ...bundled, ...profile }));
  }
  return directory;
}
