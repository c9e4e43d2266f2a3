// mutuals-news retag [--all] [--dry-run]: re-tags the back catalogue and reports what changed.
import { parseArgs } from 'node:util';
import { retagStory, type TagField } from '../../core/ingest/retag.ts';
import type { StoryStatus } from '../../core/model.ts';
import { StaleVersionError } from '../../store/story-repository.ts';
import { readConfig } from '../config.ts';
import { withServices } from '../services.ts';
import { say } from '../terminal.ts';

const STATUSES: StoryStatus[] = ['published', 'pending', 'rejected'];

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { all: { type: 'boolean' }, 'dry-run': { type: 'boolean' } } });
  return withServices(readConfig(), async ({ stories, loadTagger, now }) => {
    const tagger = await loadTagger();
    const byField = new Map<TagField, number>();
    let seen = 0;
    let retagged = 0;
    let changedStories = 0;
    let conflicts = 0;
    let nextReport = 500;
    say(`retag: tagger ${tagger.version}${values.all ? ', every story' : ', stories tagged by an older version'}`);
    for (const status of STATUSES) {
      for await (const page of stories.pages(status)) {
        for (const story of page) {
          seen += 1;
          if (!values.all && story.taggerVersion === tagger.version) continue;
          const { record, changed } = retagStory(story, tagger);
          retagged += 1;
          if (changed.length) {
            changedStories += 1;
            for (const f of changed) byField.set(f, (byField.get(f) ?? 0) + 1);
            say(`  ${story.id} ${story.title.slice(0, 60)}: ${changed.join(', ')}`);
          }
          if (values['dry-run']) continue;
          const before = Object.fromEntries(changed.map((f) => [f, story.tags?.[f]]));
          const after = Object.fromEntries(changed.map((f) => [f, record.tags?.[f]]));
          try {
            await stories.replace(story, record, { who: `tagger ${tagger.version}`, at: now().toISOString(), action: 'retag', before, after });
          } catch (error) {
            // An editor saved the story meanwhile: their version stands; the next retag sees it.
            if (!(error instanceof StaleVersionError)) throw error;
            conflicts += 1;
          }
        }
        if (seen >= nextReport) {
          say(`  … ${seen} stories read`);
          nextReport += 500;
        }
      }
    }
    const fields = [...byField].map(([f, n]) => `${f} ${n}`).join(', ');
    say(
      `retag${values['dry-run'] ? ' (dry run, nothing written)' : ''}: ${seen} stories, ${retagged} re-tagged, ${changedStories} changed${fields ? ` (${fields})` : ''}${conflicts ? `, ${conflicts} skipped: edited meanwhile` : ''}`,
    );
    return 0;
  });
}
