// The slug an organisation is listed under. A story may name a body by another of its full names
// ("Knowsley Metropolitan Borough Council" for Knowsley Council, the 2017–2023 name of DCMS); the
// known aliases lead each such name to the slug of the canonical name, so that coverage of one
// body is counted, listed and linked once.
import { slugify } from './slug.ts';
import type { KnownOrganisation } from './tag/knowledge.ts';
import { knownOrganisations } from './tag/known-organisations.ts';

export type OrganisationSlugger = (name: string) => string;

export function createOrganisationSlugger(known: readonly Pick<KnownOrganisation, 'name' | 'aliases'>[]): OrganisationSlugger {
  const canonical = new Map<string, string>();
  // canonical names first: an alias never takes over another body's own name
  for (const o of known) canonical.set(slugify(o.name), slugify(o.name));
  for (const o of known) {
    for (const alias of o.aliases) {
      const slug = slugify(alias);
      if (slug && !canonical.has(slug)) canonical.set(slug, slugify(o.name));
    }
  }
  return (name) => {
    const slug = slugify(name);
    return canonical.get(slug) ?? slug;
  };
}

export const organisationSlug: OrganisationSlugger = createOrganisationSlugger(knownOrganisations);
