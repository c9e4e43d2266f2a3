// One slug per organisation, whichever of its full names a story writes.
import { describe, expect, it } from 'vitest';
import { createOrganisationSlugger, organisationSlug } from '../../lambdas/core/organisation-slug.ts';

describe('organisationSlug', () => {
  it.each([
    ['the canonical name', 'Knowsley Council', 'knowsley-council'],
    ['a formal name the knowledge base holds as an alias', 'Knowsley Metropolitan Borough Council', 'knowsley-council'],
    ['a former name of a department', 'Department for Digital, Culture, Media and Sport', 'department-for-culture-media-and-sport'],
    ['an abbreviation', 'DCMS', 'department-for-culture-media-and-sport'],
    ['a name the knowledge base lacks', 'Granite Hollow Consulting', 'granite-hollow-consulting'],
  ])('gives %s the slug of its body', (_, name, slug) => {
    expect(organisationSlug(name)).toBe(slug);
  });

  it('never lets an alias take over another body’s own name', () => {
    const slug = createOrganisationSlugger([
      { name: 'Alpha Trust', aliases: ['Beta Trust'] },
      { name: 'Beta Trust', aliases: [] },
    ]);
    expect([slug('Beta Trust'), slug('Alpha Trust')]).toEqual(['beta-trust', 'alpha-trust']);
  });
});
