import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { retrain, run } from '../../../lambdas/local/commands/retrain.ts';
import { readTrainingSet } from '../../../lambdas/local/training-set.ts';
import { loadRetrainedModel, retrainedModelPath } from '../../../lambdas/local/retrained-model.ts';
import { curatedKnowledge } from '../../../lambdas/core/curation/organisations.ts';
import { bundledKnowledge } from '../../../lambdas/core/tag/bundled.ts';
import { MODEL_FORMAT } from '../../../lambdas/core/tag/classify.ts';
import bundledModel from '../../../lambdas/core/tag/data/model.json' with { type: 'json' };
import { hashKnowledge } from '../../../lambdas/core/tag/train.ts';
import { createCurationRepository } from '../../../lambdas/store/curation-repository.ts';
import { createOrganisationRepository } from '../../../lambdas/store/organisation-repository.ts';
import { freshTable } from '../../support/dynamo.ts';

let table: Awaited<ReturnType<typeof freshTable>>;
let dataDir: string;

beforeAll(async () => {
  table = await freshTable();
  dataDir = mkdtempSync(join(tmpdir(), 'retrain-'));
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('mutuals-news retrain', () => {
  it('reads the training set', () => {
    const training = readTrainingSet();
    expect(training.length).toBeGreaterThan(50);
    expect(training.every((e) => e.id && e.text && typeof e.gold.relevant === 'boolean')).toBe(true);
  });

  it('retrains with editors’ corrections and curated organisations, writing the model to the data directory', async () => {
    const training = readTrainingSet();
    // an editor overturns the training set's label of one story and judges a new one
    const overturned = training.find((e) => !e.gold.relevant)!;
    const curation = createCurationRepository(table.db, table.tableName);
    await curation.saveExample({ ...overturned, gold: { ...overturned.gold, relevant: true, sectors: ['health'] } }, 'ada', new Date());
    await curation.saveExample(
      { id: 'zz-new', title: 'Staff-led health mutual wins contract', text: 'A staff-owned community health mutual that spun out of the NHS won a contract.', gold: { relevant: true, sectors: ['health'], eventType: 'contract-news' } },
      'ada',
      new Date(),
    );
    const added = await createOrganisationRepository(table.db, table.tableName).save(
      { slug: 'zz-health-mutual', name: 'ZZ Health Mutual', aliases: [], kind: 'mutual', sectors: ['health'] },
      0,
      { who: 'ada', at: new Date().toISOString(), action: 'add-organisation', before: {}, after: {} },
    );

    vi.stubEnv('DYNAMODB_ENDPOINT', table.endpoint);
    vi.stubEnv('TABLE_NAME', table.tableName);
    vi.stubEnv('MUTUALS_DATA_DIR', dataDir);
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    try {
      expect(await run([])).toBe(0);
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    }
    expect(err.join('')).toMatch(new RegExp(`trained on ${training.length} training stories and 2 editors' corrections \\(${bundledKnowledge.organisations.length + 1} organisations\\)`));

    const model = loadRetrainedModel(dataDir, () => {})!;
    expect(JSON.parse(readFileSync(retrainedModelPath(dataDir), 'utf8')).version).toBe(model.version);
    // the same knowledge without the corrections trains another model
    const baseline = retrain(training, [], curatedKnowledge(bundledKnowledge, [added])).model;
    expect(model.dataHash).toBe(baseline.dataHash);
    expect(model.dataHash).not.toBe(hashKnowledge(bundledKnowledge));
    expect(model.relevance.model).not.toEqual(baseline.relevance.model);
  }, 240_000);

  it('has no model to load where retrain never ran', () => {
    expect(loadRetrainedModel(join(dataDir, 'elsewhere'), () => {})).toBeUndefined();
  });

  it('leaves unused, with a warning, a model an earlier tagger wrote', () => {
    const old = join(dataDir, 'old');
    mkdirSync(old, { recursive: true });
    writeFileSync(retrainedModelPath(old), JSON.stringify({ ...bundledModel, format: MODEL_FORMAT - 1 }));
    const warnings: string[] = [];
    expect(loadRetrainedModel(old, (m) => warnings.push(m))).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/earlier version of the tagger.*mutuals-news retrain/)]);
  });

  it('names a model file that is not JSON', () => {
    const broken = join(dataDir, 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(retrainedModelPath(broken), '{"version": ');
    expect(() => loadRetrainedModel(broken, () => {})).toThrow(/model\.json is not JSON/);
  });
});
