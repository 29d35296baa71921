// Prints one closing line for the whole suite ("N passed, N failed") from the unit and end-to-end
// runners' JSON reports, so CI can tell how many tests ran, and names every skipped test with its
// reason (unit: skipBecause() in tests/unit/helpers.ts; e2e: test.skip(condition, reason)). A test
// skipped without a reason fails the suite.
import fs from 'node:fs';

const read = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null);
let passed = 0;
let failed = 0;
const skips = [];

const unit = read('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  for (const file of unit.testResults)
    for (const a of file.assertionResults)
      if (a.status === 'pending' || a.status === 'skipped' || a.status === 'todo') skips.push({ name: a.fullName, reason: a.meta?.skipReason });
}
const e2e = read('test-results/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected;
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === 'skipped') skips.push({ name: [...titles, spec.title].join(' › '), reason: test.annotations?.find((a) => a.type === 'skip')?.description });
    for (const s of suite.suites ?? []) walk(s, [...titles, s.title]);
  };
  for (const s of e2e.suites ?? []) walk(s, [s.title]);
}
for (const s of skips) console.log(`Overgeslagen: ${s.name} — ${s.reason ?? 'ZONDER REDEN (geef er een met skipBecause of test.skip(…, reden))'}`);
const unexplained = skips.filter((s) => !s.reason).length;
console.log(`Tests: ${passed} passed, ${failed} failed${skips.length ? `, ${skips.length} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 || unexplained > 0 ? 1 : 0);
