// Organisations as the API and the pages describe them: the directory (knowledge base and
// registry) for who they are, the coverage counters and tag partitions for what was written.
import type { OrganisationKind, Sector } from '../core/model.ts';
import { organisationSlug } from '../core/organisation-slug.ts';
import { slugify } from '../core/slug.ts';
import type { ListedStory } from '../store/query-repository.ts';
import type { ApiContext } from './context.ts';
import { loadDirectory, type DirectoryEntry } from './directory.ts';
import { feedLinks } from './feed-links.ts';
import type { OrganisationProfileOut, OrganisationSummaryOut } from './schemas.ts';
import { publicStory } from './story-view.ts';

const RECENT_STORIES = 10;
/** Outlets are counted over at most this many of the newest stories, to bound the read. */
const OUTLET_SAMPLE = 2000;

export async function listOrganisations(
  ctx: ApiContext,
  filter: { kind?: OrganisationKind; sector?: Sector } = {},
): Promise<OrganisationSummaryOut[]> {
  const directory = await loadDirectory(ctx);
  const chosen = [...directory.values()].filter(
    (o) => (!filter.kind || o.kind === filter.kind) && (!filter.sector || o.sectors.includes(filter.sector)),
  );
  const totals = await ctx.queries.totals(chosen.map((o) => o.slug));
  return chosen
    .map((o) => ({ slug: o.slug, name: o.name, kind: o.kind, sectors: o.sectors, count: totals.get(o.slug) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** An organisation known only from stories, described as the tagger named it. */
function fromStories(slug: string, stories: ListedStory[]): DirectoryEntry {
  const tagged = stories.flatMap((s) => s.tags?.organisations ?? []).find((o) => organisationSlug(o.name) === slug);
  return { slug, name: tagged?.name ?? slug, kind: tagged?.kind ?? 'other', aliases: [], sectors: [] };
}

/** Who an organisation is, if it is in the directory or has published coverage. */
export async function findOrganisation(ctx: ApiContext, slug: string): Promise<DirectoryEntry | undefined> {
  const [directory, totals] = await Promise.all([loadDirectory(ctx), ctx.queries.totals([slug])]);
  const known = directory.get(slug);
  if (known) return known;
  if (!totals.get(slug)) return undefined;
  const recent = await ctx.queries.stories({ organisation: slug }, { limit: 1 });
  return fromStories(slug, recent.items);
}

export async function organisationProfile(ctx: ApiContext, slug: string, base: string): Promise<OrganisationProfileOut | undefined> {
  const [directory, coverage, recent, outlets] = await Promise.all([
    loadDirectory(ctx),
    ctx.queries.coverage(slug),
    ctx.queries.stories({ organisation: slug }, { limit: RECENT_STORIES }),
    ctx.queries.outlets(slug, OUTLET_SAMPLE),
  ]);
  const entry = directory.get(slug) ?? (coverage.total > 0 ? fromStories(slug, recent.items) : undefined);
  if (!entry) return undefined;
  const ref = (name: string) => ({ name, slug: slugify(name) });
  const spinOuts = [...directory.values()]
    .filter((o) => o.spunOutFrom && slugify(o.spunOutFrom) === slug)
    .map((o) => ({ ...ref(o.name), year: o.year ?? null }))
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.name.localeCompare(b.name));
  return {
    slug,
    name: entry.name,
    kind: entry.kind,
    aliases: entry.aliases,
    sectors: entry.sectors,
    region: entry.region ?? null,
    lineage: { spunOutFrom: entry.spunOutFrom ? ref(entry.spunOutFrom) : null, year: entry.year ?? null, spinOuts },
    count: coverage.total,
    coverage: coverage.months,
    outlets: outlets.outlets,
    outletsComplete: outlets.complete,
    recent: recent.items.map(publicStory),
    feeds: feedLinks(base, { organisation: slug }),
  };
}
