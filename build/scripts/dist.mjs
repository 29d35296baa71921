// `npm run dist` (and dist:win, dist:mac, dist:linux): the installers, in release/.
//   node build/scripts/dist.mjs [--win] [--mac] [--linux] [--x64] [--arm64] [--dir] [--no-build] [-c.key=value …]
// Steps: build the app, make the icon sizes from build/icon.svg, obtain better-sqlite3 for
// Electron and each target system (build/packaging/native.mjs), then electron-builder with
// electron-builder.yml. Its hooks refuse a SQLite module that does not fit the target and set the
// fuses. REGIEBOEK_UPDATE_URL (optional) is the web folder where this version looks for updates.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { obtainNativeModule, ROOT } from '../packaging/native.mjs';
import { generateIcons } from '../packaging/icons.mjs';
import { distPlan } from '../packaging/plan.mjs';

const plan = distPlan(process.argv.slice(2), process.env, process.platform, process.arch);

if (plan.build) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'build', 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
generateIcons(ROOT);
try {
  for (const t of plan.targets) obtainNativeModule(t.platform, t.arch);
} catch (e) {
  console.error(`Regieboek: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
if (!plan.updateUrl) console.log('Regieboek: geen REGIEBOEK_UPDATE_URL; deze versie zoekt nooit naar updates.');

const cli = path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
const r = spawnSync(process.execPath, [cli, ...plan.builderArgs], { cwd: ROOT, stdio: 'inherit' });
process.exit(r.status ?? 1);
