// The organisations the tagger knows by name: the knowledge base and the well-known bodies
// stories name in passing, with the extra aliases the latter file gives knowledge-base entries.
import type { KnownOrganisation } from './knowledge.ts';
import organisations from './data/organisations.json' with { type: 'json' };
import wellKnown from './data/lexicon/well-known-organisations.json' with { type: 'json' };

function withAliases(orgs: KnownOrganisation[], extra: Record<string, string[]>): KnownOrganisation[] {
  return orgs.map((o) => (extra[o.name] ? { ...o, aliases: [...o.aliases, ...extra[o.name]!] } : o));
}

export const knownOrganisations: KnownOrganisation[] = withAliases(
  [...(organisations as unknown as KnownOrganisation[]), ...(wellKnown.organisations as unknown as KnownOrganisation[])],
  wellKnown.aliases,
);
