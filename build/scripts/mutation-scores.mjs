// The mutation score per module from Stryker's JSON reports (npm run mutation: the shared rules,
// then the core's undo and import planning), and a failure when any module is under the bar:
// Stryker's own threshold only looks at the total of one pass.
import fs from 'node:fs';

const BAR = 85;
const files = ['test-results/mutation/mutation.json', 'test-results/mutation/mutation-core.json'];
const missing = files.filter((f) => !fs.existsSync(f));
if (missing.length) {
  console.log(`Geen mutatierapport gevonden (${missing.join(', ')}): draai eerst npm run mutation.`);
  process.exit(1);
}
const KILLED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
const modules = files.flatMap((file) => Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')).files));
let low = 0;
let allKilled = 0;
let allCounted = 0;
console.log('module                                  gedood  overleefd  score');
for (const [name, f] of modules.sort(([a], [b]) => a.localeCompare(b))) {
  const counted = f.mutants.filter((m) => COUNTED.has(m.status));
  const killed = counted.filter((m) => KILLED.has(m.status)).length;
  allKilled += killed;
  allCounted += counted.length;
  const score = counted.length ? (100 * killed) / counted.length : 100;
  if (score < BAR) low++;
  console.log(`${name.padEnd(40)}${String(killed).padStart(6)}${String(counted.length - killed).padStart(11)}${score.toFixed(1).padStart(7)}%${score < BAR ? `  < ${BAR}%` : ''}`);
}
console.log(`${'alles'.padEnd(40)}${String(allKilled).padStart(6)}${String(allCounted - allKilled).padStart(11)}${((100 * allKilled) / allCounted).toFixed(1).padStart(7)}%`);
console.log(low ? `Mutatiescore: ${low} module(s) onder ${BAR}%.` : `Mutatiescore: elke module haalt ${BAR}%.`);
process.exit(low ? 1 : 0);
