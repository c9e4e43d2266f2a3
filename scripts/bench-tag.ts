// Benchmark of the tagger: cold start (imports + createTagger, measured first in this fresh
// process), then stories per second on one core for 2,000 stories (the training stories,
// repeated with their paragraphs rotated so that no two texts are the same).
//
//   tsx scripts/bench-tag.ts [COUNT]

const started = performance.now();
const { createTagger } = await import('../lambdas/core/tag/tagger.ts');
const imported = performance.now();
const tagger = createTagger();
const ready = performance.now();

const count = Number(process.argv[2] ?? 2000);
const { readTrainingSet } = await import('../lambdas/local/training-set.ts');
const training = readTrainingSet();
const stories = Array.from({ length: count }, (_, i) => {
  const s = training[i % training.length]!;
  const paragraphs = s.text.split('\n\n');
  const turn = Math.floor(i / training.length) % paragraphs.length;
  return { id: `${s.id}-${i}`, title: s.title, text: [...paragraphs.slice(turn), ...paragraphs.slice(0, turn)].join('\n\n') };
});
const chars = stories.reduce((n, s) => n + s.text.length, 0);

const t0 = performance.now();
for (const s of stories) tagger.tag(s);
const seconds = (performance.now() - t0) / 1000;

const batch = stories.slice(0, 200);
const t1 = performance.now();
tagger.tagBatch(batch);
const batchSeconds = (performance.now() - t1) / 1000;

console.log(`tagger ${tagger.version}`);
console.log(`cold start: imports ${(imported - started).toFixed(0)} ms + createTagger ${(ready - imported).toFixed(0)} ms = ${(ready - started).toFixed(0)} ms`);
console.log(`tag: ${count} stories (${(chars / count / 1000).toFixed(1)} k characters each) in ${seconds.toFixed(2)} s: ${(count / seconds).toFixed(0)} stories/s`);
console.log(`tagBatch: ${batch.length} stories clustered together in ${batchSeconds.toFixed(2)} s: ${(batch.length / batchSeconds).toFixed(0)} stories/s`);
