// `npm start`: Electron with a better-sqlite3 binary built for Electron's ABI. That binary is made
// once into .cache/ (prebuilt download, else a local compile against Electron's headers; see
// build/packaging/native.mjs), so the Node binary in node_modules stays untouched for tests, the
// CLI and the browser host.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { obtainNativeModule, ROOT } from '../packaging/native.mjs';

let binding;
try {
  binding = obtainNativeModule(process.platform, process.arch);
} catch (e) {
  console.error(`Regieboek: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

if (!fs.existsSync(path.join(ROOT, 'dist', 'main.cjs'))) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });

const electron = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron.cmd' : 'electron');
const child = spawn(electron, [ROOT, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, REGIEBOEK_SQLITE_BINDING: binding },
  shell: process.platform === 'win32',
});
child.on('exit', (code) => process.exit(code ?? 0));
