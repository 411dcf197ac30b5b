#!/usr/bin/env node
// A longer fuzz run than CI's: the properties of test/fuzz.test.ts with more runs and a fresh seed
// (printed, so a failure can be replayed with FUZZ_SEED=<seed>). Build first: npx tsc -b.
// Usage: node scripts/fuzz-long.mjs [runs] [seed]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const runs = process.argv[2] ?? '50000';
const seed = process.argv[3] ?? String(Math.floor(Math.random() * 2 ** 31));
const compiled = fileURLToPath(new URL('../out/test/fuzz.test.js', import.meta.url));
if (!existsSync(compiled)) {
  console.error('out/test/fuzz.test.js is missing: run `npx tsc -b` first');
  process.exit(2);
}
console.log(`fuzzing with ${runs} runs per property, seed ${seed}`);
const started = Date.now();
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', compiled], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs}`);
process.exit(result.status ?? 1);
