// The stores behind curation: organisation profiles (versioned, audited), audited source
// changes, labelled examples, featured marks and cluster partitions.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CuratedOrganisation } from '../../lambdas/core/curation/organisations.ts';
import { createCurationRepository, type CurationRepository } from '../../lambdas/store/curation-repository.ts';
import { createOrganisationRepository, OrganisationChangedError, type OrganisationRepository } from '../../lambdas/store/organisation-repository.ts';
import { createSourceChanges, SourceExistsError, SourceMissingError, type SourceChanges } from '../../lambdas/store/source-changes.ts';
import { createSourceRepository } from '../../lambdas/store/source-repository.ts';
import { createStoryRepository, type DynamoStoryRepository } from '../../lambdas/store/story-repository.ts';
import type { SourceRepository } from '../../lambdas/core/ports.ts';
import { freshTable } from '../support/dynamo.ts';
import { storyRecord } from '../support/records.ts';

let organisations: OrganisationRepository;
let sourceChanges: SourceChanges;
let sources: SourceRepository;
let curation: CurationRepository;
let stories: DynamoStoryRepository;

// entries of one source sort by time: each gets its own minute
let minute = 0;
const audit = (action: string, after: Record<string, unknown> = {}) => ({
  who: 'ada',
  at: `2026-01-05T10:${String(minute++).padStart(2, '0')}:00.000Z`,
  action,
  before: {},
  after,
});

beforeAll(async () => {
  const { db, tableName } = await freshTable();
  organisations = createOrganisationRepository(db, tableName);
  sourceChanges = createSourceChanges(db, tableName);
  sources = createSourceRepository(db, tableName);
  curation = createCurationRepository(db, tableName);
  stories = createStoryRepository(db, tableName);
});

describe('organisation profiles', () => {
  const profile: Omit<CuratedOrganisation, 'version'> = { slug: 'leading-lives', name: 'Leading Lives', aliases: [], kind: 'mutual', sectors: ['adult-social-care'] };

  it('are written at the version read, with their audit entry', async () => {
    const first = await organisations.save(profile, 0, audit('add-organisation', { name: 'Leading Lives' }));
    expect(first.version).toBe(1);
    const second = await organisations.save({ ...profile, aliases: ['Leading Lives CIC'] }, 1, audit('edit-organisation'));
    expect(second.version).toBe(2);
    await expect(organisations.save({ ...profile, region: 'East' }, 1, audit('edit-organisation'))).rejects.toBeInstanceOf(OrganisationChangedError);
    await expect(organisations.save(profile, 0, audit('add-organisation'))).rejects.toBeInstanceOf(OrganisationChangedError);
    expect(await organisations.get('leading-lives')).toMatchObject({ aliases: ['Leading Lives CIC'], version: 2 });
    expect((await organisations.audit('leading-lives')).map((e) => [e.version, e.action])).toEqual([
      [1, 'add-organisation'],
      [2, 'edit-organisation'],
    ]);
    expect((await organisations.list()).map((o) => o.slug)).toEqual(['leading-lives']);
  });
});

describe('source changes', () => {
  const source = { id: 'coop-news', name: 'Co-op News', url: 'https://www.thenews.coop/feed/', kind: 'feed' as const };

  it('add a source with fresh health and its audit entry; an existing id is refused', async () => {
    await sourceChanges.add(source, new Date('2026-01-05T10:00:00.000Z'), audit('add-source', source));
    expect(await sources.get('coop-news')).toMatchObject({ ...source, health: { consecutiveFailures: 0, nextDueAt: '2026-01-05T10:00:00.000Z' } });
    await expect(sourceChanges.add(source, new Date(), audit('add-source'))).rejects.toBeInstanceOf(SourceExistsError);
  });

  it('pause a source off the due index but keep its health', async () => {
    await sources.saveHealth('coop-news', { consecutiveFailures: 2, nextDueAt: '2026-01-05T11:00:00.000Z', lastError: 'fetch: HTTP 503' });
    await sourceChanges.update({ ...source, enabled: false, everyMinutes: 60 }, audit('pause-source', { enabled: false }));
    expect(await sources.due(new Date('2030-01-01T00:00:00.000Z'))).toEqual([]);
    expect(await sources.get('coop-news')).toMatchObject({ enabled: false, everyMinutes: 60, health: { consecutiveFailures: 2, lastError: 'fetch: HTTP 503' } });
    await sourceChanges.update(source, audit('resume-source', { enabled: null }));
    const resumed = await sources.get('coop-news');
    expect(resumed?.enabled).toBeUndefined();
    expect(resumed?.everyMinutes).toBeUndefined();
    expect((await sources.due(new Date('2030-01-01T00:00:00.000Z'))).map((s) => s.id)).toEqual(['coop-news']);
    expect((await sourceChanges.audit('coop-news')).map((e) => e.action)).toEqual(['add-source', 'pause-source', 'resume-source']);
    await expect(sourceChanges.update({ ...source, id: 'missing' }, audit('edit-source'))).rejects.toBeInstanceOf(SourceMissingError);
  });
});

describe('curation records', () => {
  it('keep one labelled example per story, the latest', async () => {
    const example = { id: 's1', title: 'T', text: 'text', gold: { relevant: true, sectors: [], eventType: 'other' as const } };
    await curation.saveExample(example, 'ada', new Date('2026-01-05T10:00:00.000Z'));
    await curation.saveExample({ ...example, gold: { ...example.gold, relevant: false } }, 'grace', new Date('2026-01-06T10:00:00.000Z'));
    expect(await curation.examples()).toEqual([{ ...example, gold: { ...example.gold, relevant: false }, by: 'grace', at: '2026-01-06T10:00:00.000Z' }]);
  });

  it('list featured stories newest first, trusting the story over a stray mark', async () => {
    const older = storyRecord({ id: 'f1', featured: true, published: '2012-01-01T00:00:00.000Z' });
    const newer = storyRecord({ id: 'f2', featured: true, published: '2013-01-01T00:00:00.000Z' });
    const stray = storyRecord({ id: 'f3', published: '2014-01-01T00:00:00.000Z' });
    const hidden = storyRecord({ id: 'f4', featured: true, status: 'rejected', published: '2015-01-01T00:00:00.000Z' });
    for (const s of [older, newer, stray, hidden]) {
      await stories.saveNew(s, { sourceId: 'x', urls: [s.url] });
      await curation.markFeatured(s);
    }
    expect((await curation.featured(10)).map((s) => s.id)).toEqual(['f2', 'f1']);
    expect((await curation.featured(1)).map((s) => s.id)).toEqual(['f2']);
    await curation.unmarkFeatured(newer);
    expect((await curation.featured(10)).map((s) => s.id)).toEqual(['f1']);
  });

  it('read a cluster’s members from its partition', async () => {
    const a = storyRecord({ id: 'c1', tags: { ...storyRecord({ id: 'x' }).tags!, cluster: 'event-1' }, published: '2012-02-01T00:00:00.000Z' });
    const b = storyRecord({ id: 'c2', tags: { ...a.tags!, cluster: 'event-1' }, published: '2012-02-02T00:00:00.000Z' });
    for (const s of [a, b]) await stories.saveNew(s, { sourceId: 'x', urls: [s.url] });
    expect((await curation.clusterMembers('event-1')).map((m) => m.id)).toEqual(['c2', 'c1']);
    expect(await curation.clusterMembers('no-such-cluster')).toEqual([]);
  });
});
