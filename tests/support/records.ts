import type { StoryRecord, Tags } from '../../lambdas/core/model.ts';

const baseTags: Tags = {
  relevant: true,
  relevance: 0.93,
  sectors: ['corporate-services'],
  eventType: 'spin-out-launch',
  organisations: [
    { name: 'MyCSP', kind: 'mutual' },
    { name: 'Cabinet Office', kind: 'government' },
  ],
  people: [{ name: 'Francis Maude', role: 'Minister for the Cabinet Office' }],
  places: ['London'],
  cluster: 'mycsp-launch',
};

/** A stored story for tests: override what the test is about. */
export function storyRecord(overrides: Partial<StoryRecord> & { id: string }): StoryRecord {
  return {
    url: `https://news.example.org/${overrides.id}`,
    title: `Story ${overrides.id}`,
    published: '2012-05-01T09:00:00.000Z',
    text: 'MyCSP became a mutual joint venture owned partly by its staff.',
    summary: 'MyCSP became a mutual joint venture.',
    source: 'example',
    sourceName: 'Example News',
    extraction: 'page',
    fetchedAt: '2012-05-01T10:00:00.000Z',
    status: 'published',
    version: 1,
    tags: baseTags,
    taggerVersion: 'test',
    ...overrides,
  };
}
