import { describe, expect, it } from 'vitest';
import { retagStory } from '../../../lambdas/core/ingest/retag.ts';
import { createTagger } from '../../../lambdas/core/tag/tagger.ts';
import { storyRecord } from '../../support/records.ts';

const tagger = createTagger();
const text =
  'Leading Lives, the employee-owned social enterprise that spun out of Suffolk County Council, ' +
  'supports adults with learning disabilities across Suffolk from its base in Ipswich.';

describe('retagStory', () => {
  it("takes the tagger's new view but keeps what an editor set and the story's cluster", () => {
    const story = storyRecord({
      id: 'r1',
      text,
      title: 'Leading Lives grows its day services',
      taggerVersion: 'old',
      editorFields: ['eventType'],
      tags: {
        relevant: true,
        relevance: 0.5,
        sectors: ['transport'],
        eventType: 'awards-and-results',
        organisations: [],
        people: [],
        places: [],
        cluster: 'editors-cluster',
      },
    });
    const { record, changed } = retagStory(story, tagger);
    expect(record.taggerVersion).toBe(tagger.version);
    expect(record.tags?.eventType).toBe('awards-and-results');
    expect(record.tags?.cluster).toBe('editors-cluster');
    expect(record.tags?.sectors).toContain('adult-social-care');
    expect(record.tags?.organisations.map((o) => o.name)).toContain('Leading Lives');
    expect(changed).toEqual(expect.arrayContaining(['sectors', 'organisations', 'places']));
    expect(changed).not.toContain('eventType');
    expect(changed).not.toContain('cluster');
  });

  it('reports no change when the tags are already current', () => {
    const first = retagStory(storyRecord({ id: 'r2', text }), tagger).record;
    expect(retagStory(first, tagger).changed).toEqual([]);
  });
});
