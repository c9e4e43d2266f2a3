// The editors' desk: every curation use case, shared by the JSON API and the console. Each
// checks the editor's permission, each write names the version it was based on and goes into
// the audit trail with who, when, what, before and after.
import type { Editor } from '../../core/auth/editor.ts';
import { requirePermission } from '../../core/auth/editor.ts';
import { catalogue, nameClash, nameIndex, type CuratedOrganisation } from '../../core/curation/organisations.ts';
import {
  confirmCluster,
  editStory,
  labelledExample,
  moveToCluster,
  reviewStory,
  teachesTagger,
  type ReviewAction,
  type StoryChange,
  type StoryPatch,
} from '../../core/curation/story-edit.ts';
import type { Source, StoryRecord, StoryStatus } from '../../core/model.ts';
import type { SourceRepository, StoredSource } from '../../core/ports.ts';
import { slugify } from '../../core/slug.ts';
import { sourceSchema } from '../../core/source-schema.ts';
import type { KnownOrganisation } from '../../core/tag/knowledge.ts';
import { foldName } from '../../core/tag/text.ts';
import type { CurationRepository } from '../../store/curation-repository.ts';
import type { EditorAccount, EditorRepository } from '../../store/editor-repository.ts';
import { OrganisationChangedError, type OrganisationRepository } from '../../store/organisation-repository.ts';
import type { SourceChanges } from '../../store/source-changes.ts';
import { storyCard, type StoryCard } from '../../store/story-index.ts';
import { StaleVersionError, type AuditEntry, type DynamoStoryRepository } from '../../store/story-repository.ts';
import { ConflictError, InvalidRequestError, NotFoundError } from './errors.ts';
import type { OrganisationInput, OrganisationPatchInput, SourcePatchInput } from './schemas.ts';

export interface DeskDeps {
  stories: DynamoStoryRepository;
  sources: SourceRepository;
  sourceChanges: SourceChanges;
  organisations: OrganisationRepository;
  curation: CurationRepository;
  /** Local token editors; absent where editors live in an identity provider (Cognito). */
  editors?: EditorRepository;
  /** The bundled knowledge base's organisations, under the stored profiles. */
  knownOrganisations: readonly KnownOrganisation[];
  now: () => Date;
}

export type Desk = ReturnType<typeof createDesk>;

/** Attempts at a merge step when a story changes between its read and its write. */
const MOVE_ATTEMPTS = 3;

/** The changed fields of two objects, as audit entries record them (null for "not set"). */
function fieldDiff<T extends object>(before: Partial<T>, after: T) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])] as Array<keyof T>;
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(changed.map((k) => [k, after[k] ?? null])),
  };
}

/** A source's configuration, "enabled" stored only when false (absent means active). */
function sourceConfig(source: StoredSource | Source): Source {
  const { health: _h, ...config } = source as StoredSource;
  return { ...config, enabled: config.enabled === false ? false : undefined };
}

export function createDesk(deps: DeskDeps) {
  const { stories, curation } = deps;

  const entry = (editor: Editor, action: string, before: Record<string, unknown>, after: Record<string, unknown>): AuditEntry => ({
    who: editor.editorId,
    at: deps.now().toISOString(),
    action,
    before,
    after,
  });

  async function storyAt(id: string, version?: number): Promise<StoryRecord> {
    const story = await stories.get(id);
    if (!story) throw new NotFoundError(`no story with id "${id}"`);
    if (version !== undefined && story.version !== version) throw new StaleVersionError(id, version);
    return story;
  }

  /** Writes a change at the version read, then keeps featured marks and labelled examples in step. */
  async function commit(editor: Editor, before: StoryRecord, change: StoryChange | undefined): Promise<StoryRecord> {
    if (!change) return before;
    // The mark goes first and comes off last: a mark whose story write failed is ignored on read.
    if (change.after.featured && !before.featured) await curation.markFeatured(before);
    const after = await stories.replace(before, change.after, entry(editor, change.action, change.before, change.changed));
    if (before.featured && !after.featured) await curation.unmarkFeatured(before);
    const example = teachesTagger(change) ? labelledExample(after) : undefined;
    if (example) await curation.saveExample(example, editor.editorId, deps.now());
    return after;
  }

  /**
   * Applies a change to a story as it is now: a story written since it was listed is read again.
   * Such a step is about membership, not about a version the editor saw, so a concurrent edit must
   * not be undone or block it. Undefined when the story is gone or the change no longer applies.
   */
  async function applyToCurrent(editor: Editor, id: string, changeOf: (story: StoryRecord) => StoryChange | undefined): Promise<StoryRecord | undefined> {
    for (let attempt = 1; ; attempt++) {
      const story = await stories.get(id);
      const change = story && changeOf(story);
      if (!change) return undefined;
      try {
        return await commit(editor, story, change);
      } catch (error) {
        if (!(error instanceof StaleVersionError) || attempt >= MOVE_ATTEMPTS) throw error;
      }
    }
  }

  async function allOrganisations(): Promise<CuratedOrganisation[]> {
    return catalogue(deps.knownOrganisations, await deps.organisations.list());
  }

  async function organisationAt(slug: string, version?: number) {
    const list = await allOrganisations();
    const found = list.find((o) => o.slug === slug);
    if (!found) throw new NotFoundError(`no organisation "${slug}"`);
    if (version !== undefined && found.version !== version) {
      throw new OrganisationChangedError(slug, version);
    }
    return { found, list };
  }

  function clash(list: CuratedOrganisation[], candidate: CuratedOrganisation | Omit<CuratedOrganisation, 'version'>) {
    const hit = nameClash(list, candidate);
    if (hit) throw new ConflictError(`the name "${hit.name}" is already used by ${hit.other.name} (${hit.other.slug})`);
  }

  async function sourceById(id: string) {
    const source = await deps.sources.get(id);
    if (!source) throw new NotFoundError(`no source with id "${id}"`);
    return source;
  }

  function editorsStore(): EditorRepository {
    if (!deps.editors) throw new NotFoundError('editors are managed in the identity provider (Cognito) here');
    return deps.editors;
  }

  return {
    async queue(status: StoryStatus, limit: number): Promise<StoryCard[]> {
      return (await stories.latest({ status, limit })).map(storyCard);
    },

    featured: (limit: number) => curation.featured(limit),
    /** Names the tagger found that the knowledge base lacks, most often seen first. */
    nameCandidates: (limit: number) => stories.nameCandidates(limit),

    story: (id: string) => storyAt(id),

    audit: async (id: string) => (await storyAt(id), stories.audit(id)),

    async edit(editor: Editor, id: string, version: number, patch: StoryPatch) {
      requirePermission(editor, 'curate');
      const before = await storyAt(id, version);
      const find = patch.organisations ? nameIndex(await allOrganisations()) : () => undefined;
      return commit(editor, before, editStory(before, patch, find));
    },

    async review(editor: Editor, id: string, version: number, action: ReviewAction) {
      requirePermission(editor, 'curate');
      const before = await storyAt(id, version);
      return commit(editor, before, reviewStory(before, action));
    },

    async cluster(id: string) {
      const members = await curation.clusterMembers(id);
      if (members.length === 0) throw new NotFoundError(`no cluster "${id}"`);
      return { id, members };
    },

    /** Moves every story of cluster `from` into cluster `into`, each move audited. */
    async mergeClusters(editor: Editor, into: string, from: string) {
      requirePermission(editor, 'curate');
      const [target, moving] = await Promise.all([curation.clusterMembers(into), curation.clusterMembers(from)]);
      if (target.length === 0) throw new NotFoundError(`no cluster "${into}"`);
      if (moving.length === 0) throw new NotFoundError(`no cluster "${from}"`);
      const moved: Array<{ id: string; version: number }> = [];
      for (const card of moving) {
        const after = await applyToCurrent(editor, card.id, (story) => (story.tags?.cluster === from ? moveToCluster(story, into, 'merge-cluster') : undefined));
        if (after) moved.push({ id: after.id, version: after.version });
      }
      // the stories already there are now an editor's cluster too
      for (const card of target) await applyToCurrent(editor, card.id, (story) => (story.tags?.cluster === into ? confirmCluster(story) : undefined));
      return { cluster: into, moved };
    },

    /** Takes a story out of its cluster into one of its own. */
    async split(editor: Editor, id: string, version: number) {
      requirePermission(editor, 'curate');
      const before = await storyAt(id, version);
      const current = before.tags?.cluster;
      if (!current) throw new InvalidRequestError('this story has not been clustered yet');
      const members = await curation.clusterMembers(current);
      if (members.every((m) => m.id === id)) throw new InvalidRequestError('this story is already alone in its cluster');
      // The story's own id names its new cluster unless stories still use that id as theirs.
      const free = current !== id && (await curation.clusterMembers(id)).length === 0;
      return commit(editor, before, moveToCluster(before, free ? id : `${id}-${before.version + 1}`, 'split-cluster'));
    },

    async organisations(query?: string): Promise<CuratedOrganisation[]> {
      const q = query ? foldName(query) : '';
      return (await allOrganisations())
        .filter((o) => !q || [o.name, ...o.aliases].some((n) => foldName(n).includes(q)))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    organisation: async (slug: string) => (await organisationAt(slug)).found,

    organisationAudit: async (slug: string) => (await organisationAt(slug), deps.organisations.audit(slug)),

    async createOrganisation(editor: Editor, input: OrganisationInput) {
      requirePermission(editor, 'curate');
      const slug = slugify(input.name);
      if (!slug) throw new InvalidRequestError('name: needs letters or digits');
      const list = await allOrganisations();
      const existing = list.find((o) => o.slug === slug);
      if (existing) throw new ConflictError(`an organisation with the slug "${slug}" exists (${existing.name})`);
      const organisation = { ...input, slug };
      clash(list, organisation);
      return deps.organisations.save(organisation, 0, entry(editor, 'add-organisation', {}, { ...input }));
    },

    async updateOrganisation(editor: Editor, slug: string, { version, ...patch }: OrganisationPatchInput) {
      requirePermission(editor, 'curate');
      const { found, list } = await organisationAt(slug, version);
      const { version: _v, ...current } = found;
      const next: Record<string, unknown> = { ...current };
      for (const [field, value] of Object.entries(patch)) {
        if (value === null) delete next[field];
        else if (value !== undefined) next[field] = value;
      }
      const diff = fieldDiff(current, next);
      if (Object.keys(diff.after).length === 0) return found;
      const organisation = next as Omit<CuratedOrganisation, 'version'>;
      clash(list, organisation);
      return deps.organisations.save(organisation, found.version, entry(editor, 'edit-organisation', diff.before, diff.after));
    },

    sources: () => deps.sources.list(),

    source: sourceById,

    sourceAudit: async (id: string) => deps.sourceChanges.audit(id),

    async addSource(editor: Editor, input: unknown) {
      requirePermission(editor, 'manage-sources');
      const source = sourceConfig(sourceSchema.parse(input));
      await deps.sourceChanges.add(source, deps.now(), entry(editor, 'add-source', {}, fieldDiff({}, source).after));
      return sourceById(source.id);
    },

    async updateSource(editor: Editor, id: string, patch: SourcePatchInput) {
      requirePermission(editor, 'manage-sources');
      const current = sourceConfig(await sourceById(id));
      const next = sourceConfig(sourceSchema.parse({ ...current, ...patch, id }));
      const diff = fieldDiff(current, next);
      if (Object.keys(diff.after).length === 0) return sourceById(id);
      const onlyState = Object.keys(diff.after).every((k) => k === 'enabled');
      const action = onlyState ? (next.enabled === false ? 'pause-source' : 'resume-source') : 'edit-source';
      await deps.sourceChanges.update(next, entry(editor, action, diff.before, diff.after));
      return sourceById(id);
    },

    async editors(editor: Editor): Promise<EditorAccount[]> {
      requirePermission(editor, 'manage-editors');
      return editorsStore().list();
    },

    async addEditor(editor: Editor, input: { name: string; role: Editor['role'] }) {
      requirePermission(editor, 'manage-editors');
      return editorsStore().add(input, deps.now());
    },

    async removeEditor(editor: Editor, id: string) {
      requirePermission(editor, 'manage-editors');
      if (id === editor.editorId) throw new InvalidRequestError('an admin cannot remove themselves');
      if (!(await editorsStore().remove(id))) throw new NotFoundError(`no editor with id "${id}"`);
    },
  };
}
