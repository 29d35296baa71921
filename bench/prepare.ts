/**
 * A data folder whose last-opened workspace is the example region, as after "Voorbeeldregio
 * openen": made with `regieboek demo` plus an instellingen.json, so the host opens it on start.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI_JS, ROOT, assertBuilt, makeDataDir } from '../tests/e2e/host';

export function prepareExampleDataDir(): { dataDir: string; file: string } {
  assertBuilt();
  const dataDir = makeDataDir('regieboek-bench-');
  const file = path.join(dataDir, 'werkbestanden', 'Voorbeeldregio.regieboek');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(process.execPath, [CLI_JS, 'demo', '--db', file], { cwd: ROOT, stdio: 'pipe' });
  const settings = {
    userName: '',
    recent: [{ path: file, regionLabel: 'Voorbeeldregio', lastOpened: new Date().toISOString() }],
    lastOpened: file,
  };
  fs.writeFileSync(path.join(dataDir, 'instellingen.json'), JSON.stringify(settings, null, 2));
  return { dataDir, file };
}
