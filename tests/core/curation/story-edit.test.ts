import { describe, expect, it } from 'vitest';
import { catalogue, nameIndex } from '../../../lambdas/core/curation/organisations.ts';
import { EditRejectedError, editStory, labelledExample, moveToCluster, reviewStory, teachesTagger } from '../../../lambdas/core/curation/story-edit.ts';
import { storyRecord } from '../../support/records.ts';

const known = nameIndex(
  catalogue(
    [
      { name: 'Leading Lives', aliases: ['Leading Lives CIC'], kind: 'mutual', sectors: ['adult-social-care'] },
      { name: 'Suffolk County Council', aliases: [], kind: 'local-authority', sectors: [] },
    ],
    [],
  ),
);

describe('editing a story', () => {
  const story = storyRecord({ id: 's1', editorFields: ['places'] });

  it('changes only what differs, records it before and after, and marks tag fields as the editor’s', () => {
    const change = editStory(story, { title: '  New title ', sectors: ['adult-social-care'], places: ['London'] }, known)!;
    expect(change.before).toEqual({ title: 'Story s1', sectors: ['corporate-services'] });
    expect(change.changed).toEqual({ title: 'New title', sectors: ['adult-social-care'] });
    expect(change.after.title).toBe('New title');
    expect(change.after.tags?.sectors).toEqual(['adult-social-care']);
    expect(change.after.tags?.places).toEqual(['London']);
    expect(change.after.editorFields).toEqual(['places', 'sectors']);
    expect(change.after).not.toHaveProperty('version');
  });

  it('is no change at all when the values are the same (order of sectors, white space)', () => {
    const twoSectors = storyRecord({ id: 's2', tags: { ...story.tags!, sectors: ['health', 'adult-social-care'] } });
    expect(editStory(twoSectors, { title: 'Story s2 ', sectors: ['adult-social-care', 'health'] }, known)).toBeUndefined();
  });

  it('links new organisations to the list by name or alias, keeps the ones the story had', () => {
    const change = editStory(story, { organisations: ['MyCSP', 'leading lives cic', 'Leading Lives'] }, known)!;
    expect(change.after.tags?.organisations).toEqual([
      { name: 'MyCSP', kind: 'mutual' },
      { name: 'Leading Lives', kind: 'mutual' },
    ]);
  });

  it('refuses an organisation the list does not hold', () => {
    expect(() => editStory(story, { organisations: ['Acme Widgets'] }, known)).toThrow(/unknown organisation "Acme Widgets"/);
  });

  it('refuses tag changes on a story with no tags', () => {
    expect(() => editStory(storyRecord({ id: 'u', tags: undefined }), { eventType: 'other' }, known)).toThrow(EditRejectedError);
  });
});

describe('reviewing a story', () => {
  const pending = storyRecord({ id: 'p', status: 'pending', tags: { ...storyRecord({ id: 'x' }).tags!, relevant: false } });

  it('approve publishes and settles relevance by hand', () => {
    const change = reviewStory(pending, 'approve')!;
    expect(change.after.status).toBe('published');
    expect(change.after.tags?.relevant).toBe(true);
    expect(change.after.editorFields).toEqual(['relevant']);
    expect(change.before).toEqual({ status: 'pending', relevant: false });
    expect(teachesTagger(change)).toBe(true);
  });

  it('reject hides a featured story and unfeatures it', () => {
    const change = reviewStory(storyRecord({ id: 'f', featured: true }), 'reject')!;
    expect(change.after).toMatchObject({ status: 'rejected', featured: false, tags: { relevant: false } });
  });

  it.each(['pending', 'rejected'] as const)('will not feature a %s story', (status) => {
    expect(() => reviewStory(storyRecord({ id: 'x', status }), 'feature')).toThrow(/only a published story/);
  });

  it('feature and unfeature touch only the flag, and repeat as no change', () => {
    const featured = reviewStory(storyRecord({ id: 'x' }), 'feature')!;
    expect(featured.changed).toEqual({ featured: true });
    expect(featured.before).toEqual({ featured: null });
    expect(teachesTagger(featured)).toBe(false);
    expect(reviewStory(storyRecord({ id: 'x' }), 'unfeature')).toBeUndefined();
    expect(reviewStory(storyRecord({ id: 'x', status: 'pending' }), 'reject')?.changed).toEqual({ status: 'rejected', relevant: false });
  });
});

describe('labelled examples', () => {
  it('take the editors’ labels; a cluster counts only once an editor placed the story', () => {
    const rejected = reviewStory(storyRecord({ id: 'r' }), 'reject')!.after;
    expect(labelledExample(rejected)).toEqual({
      id: 'r',
      title: 'Story r',
      text: rejected.text,
      url: rejected.url,
      published: rejected.published,
      gold: { relevant: false, sectors: ['corporate-services'], eventType: 'spin-out-launch' },
    });
    const moved = moveToCluster(storyRecord({ id: 'm' }), 'other-cluster', 'merge-cluster')!;
    expect(moved.after.editorFields).toEqual(['cluster']);
    expect(labelledExample(moved.after)?.gold).toMatchObject({ relevant: true, cluster: 'other-cluster' });
    expect(labelledExample(storyRecord({ id: 'n', tags: undefined }))).toBeUndefined();
  });
});
