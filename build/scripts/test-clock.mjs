// The unit suite again with the core's clock on other dates (REGIEBOEK_TODAY), so no rule, test or
// example depends on the day it was written. CI runs it after `npm test` (.ci/run); the end-to-end
// tests fix their own date (tests/e2e/host.ts) and run the example on these dates in example.spec.ts.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const DATES = process.argv.slice(2).length ? process.argv.slice(2) : ['2027-03-01', '2031-09-01'];
// vitest's package exports do not include its bin file; find it next to its package.json.
const vitestPkg = createRequire(import.meta.url).resolve('vitest/package.json');
const vitest = join(dirname(vitestPkg), 'vitest.mjs');
let failed = 0;
for (const date of DATES) {
  console.log(`== unit-tests met de klok op ${date}`);
  const r = spawnSync(process.execPath, [vitest, 'run', '--reporter=dot'], { stdio: 'inherit', env: { ...process.env, REGIEBOEK_TODAY: date } });
  if (r.status !== 0) {
    console.log(`Unit-tests met de klok op ${date}: mislukt.`);
    failed++;
  }
}
console.log(failed ? `Klokproef: ${failed} van ${DATES.length} datums mislukt.` : `Klokproef: geslaagd op ${DATES.join(' en ')}.`);
process.exit(failed ? 1 : 0);
