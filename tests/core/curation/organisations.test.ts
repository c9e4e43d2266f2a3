import { describe, expect, it } from 'vitest';
import { catalogue, curatedKnowledge, nameClash, nameIndex, type CuratedOrganisation } from '../../../lambdas/core/curation/organisations.ts';
import type { Knowledge, KnownOrganisation } from '../../../lambdas/core/tag/knowledge.ts';

const bundled: KnownOrganisation[] = [
  { name: 'MyCSP', aliases: ['My Civil Service Pension'], kind: 'mutual', sectors: ['corporate-services'] },
  { name: 'NAViGO', aliases: [], kind: 'mutual', sectors: ['health'], spunOutFrom: 'North East Lincolnshire Care Trust Plus' },
];
const edited: CuratedOrganisation = { slug: 'navigo', name: 'Navigo Health and Social Care CIC', aliases: ['NAViGO'], kind: 'mutual', sectors: ['health'], year: 2011, version: 2 };
const added: CuratedOrganisation = { slug: 'new-mutual', name: 'New Mutual', aliases: [], kind: 'mutual', sectors: [], version: 1 };

describe('the organisations catalogue', () => {
  it('lays stored profiles over the bundled entries by slug and appends new ones', () => {
    const list = catalogue(bundled, [edited, added]);
    expect(list.map((o) => [o.slug, o.version])).toEqual([
      ['mycsp', 0],
      ['navigo', 2],
      ['new-mutual', 1],
    ]);
  });

  it('finds an organisation by any of its names, folded', () => {
    const find = nameIndex(catalogue(bundled, [edited]));
    expect(find('my civil service pension')?.slug).toBe('mycsp');
    expect(find('Navigo')?.name).toBe('Navigo Health and Social Care CIC');
    expect(find('Somebody Else')).toBeUndefined();
  });

  it('names the first clash with another organisation’s names, ignoring the organisation itself', () => {
    const list = catalogue(bundled, []);
    expect(nameClash(list, { slug: 'x', name: 'X', aliases: ['mycsp'] })).toMatchObject({ name: 'mycsp', other: { slug: 'mycsp' } });
    expect(nameClash(list, { slug: 'mycsp', name: 'MyCSP Ltd', aliases: ['MyCSP'] })).toBeUndefined();
  });

  it('gives the tagger its knowledge with the curated list, untouched when nothing is stored', () => {
    const knowledge = { organisations: bundled, people: [], places: [], lexicons: {} } as unknown as Knowledge;
    expect(curatedKnowledge(knowledge, [])).toBe(knowledge);
    const curated = curatedKnowledge(knowledge, [edited, added]);
    expect(curated.organisations.map((o) => o.name)).toEqual(['MyCSP', 'Navigo Health and Social Care CIC', 'New Mutual']);
    expect(curated.organisations[1]).not.toHaveProperty('slug');
    expect(curated.organisations[1]).not.toHaveProperty('version');
  });
});
