// The mutation score per module from Stryker's JSON report (npm run mutation), and a failure when
// any module is under the bar: Stryker's own threshold only looks at the total.
import fs from 'node:fs';

const BAR = 85;
const file = 'test-results/mutation/mutation.json';
if (!fs.existsSync(file)) {
  console.log(`Geen mutatierapport gevonden (${file}): draai eerst stryker run.`);
  process.exit(1);
}
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
const KILLED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
let low = 0;
console.log('module                                  gedood  overleefd  score');
for (const [name, f] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const counted = f.mutants.filter((m) => COUNTED.has(m.status));
  const killed = counted.filter((m) => KILLED.has(m.status)).length;
  const score = counted.length ? (100 * killed) / counted.length : 100;
  if (score < BAR) low++;
  console.log(`${name.padEnd(40)}${String(killed).padStart(6)}${String(counted.length - killed).padStart(11)}${score.toFixed(1).padStart(7)}%${score < BAR ? `  < ${BAR}%` : ''}`);
}
console.log(low ? `Mutatiescore: ${low} module(s) onder ${BAR}%.` : `Mutatiescore: elke module haalt ${BAR}%.`);
process.exit(low ? 1 : 0);
