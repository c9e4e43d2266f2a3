// Regression guard: the five seed stories, tagged end to end, keep their scores.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTagger } from '../../../lambdas/core/tag/tagger.ts';
import { foldName } from '../../../lambdas/core/tag/text.ts';

const SEEDS = '../../../../shared/corpus/seeds/';
const seedUrl = new URL(SEEDS, import.meta.url);
const gold = readFileSync(new URL('gold.jsonl', seedUrl), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

type Named = string | { name: string; aliases?: string[] };

function f1(golds: Named[][], preds: string[][]): number {
  let tp = 0, fp = 0, fn = 0;
  golds.forEach((g, i) => {
    const sets = g.map((x) => new Set(typeof x === 'string' ? [foldName(x)] : [x.name, ...(x.aliases ?? [])].map(foldName)));
    const used = new Set<number>();
    for (const p of new Set(preds[i]!.map(foldName))) {
      const k = sets.findIndex((s, j) => !used.has(j) && s.has(p));
      if (k >= 0) used.add(k);
      else fp++;
    }
    tp += used.size;
    fn += sets.length - used.size;
  });
  return (2 * tp) / (2 * tp + fp + fn);
}

describe('the five seed stories', () => {
  const tags = createTagger().tagBatch(gold.map((g) => ({ id: g.id, text: readFileSync(new URL(g.file, seedUrl), 'utf8') })));

  it.each([
    ['organisations', 0.9, (t: (typeof tags)[number]) => t.organisations.map((o) => o.name), (g: typeof gold[number]) => g.gold.organisations],
    ['people', 0.95, (t: (typeof tags)[number]) => t.people.map((p) => p.name), (g: typeof gold[number]) => g.gold.people],
    ['places', 0.85, (t: (typeof tags)[number]) => t.places, (g: typeof gold[number]) => g.gold.places],
    ['sectors', 0.8, (t: (typeof tags)[number]) => t.sectors, (g: typeof gold[number]) => g.gold.sectors],
  ])('keeps %s F1 at %s or more', (_, floor, predicted, expected) => {
    expect(f1(gold.map(expected), tags.map(predicted))).toBeGreaterThanOrEqual(floor);
  });

  it('keeps relevance, event types, dates and clusters', () => {
    expect(tags.every((t) => t.relevant)).toBe(true);
    expect(tags.filter((t, i) => t.eventType === gold[i].gold.eventType).length).toBeGreaterThanOrEqual(4);
    gold.forEach((g, i) => g.published && expect(tags[i]!.published).toBe(g.published));
    const byId = Object.fromEntries(gold.map((g, i) => [g.id, tags[i]!.cluster]));
    expect(byId['mutuals-are-go']).toBe(byId['pathfinders-go-ahead']);
    expect(new Set(Object.values(byId)).size).toBe(4);
  });
});
