// `npm start`: Electron with a better-sqlite3 binary built for Electron's ABI. That binary is made
// once into .cache/ (prebuilt download, else a local compile against Electron's headers), so the
// Node binary in node_modules stays untouched for tests, the CLI and the browser host.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const prepareOnly = process.argv.includes('--prepare-only');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status === 0;
}

const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const cacheDir = path.join(root, '.cache', 'electron-sqlite', `${electronVersion}-${process.platform}-${process.arch}`);
const binding = path.join(cacheDir, 'better_sqlite3.node');

if (!fs.existsSync(binding)) {
  console.log(`Regieboek: better-sqlite3 wordt eenmalig gebouwd voor Electron ${electronVersion}…`);
  const src = path.dirname(require.resolve('better-sqlite3/package.json'));
  const work = path.join(root, '.cache', 'electron-sqlite', 'work');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });
  const target = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`];
  const ok =
    run(bin('prebuild-install'), [...target, '--verbose'], work) ||
    run(bin('node-gyp'), ['rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'], work);
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!ok || !fs.existsSync(built)) {
    console.error('Regieboek: better-sqlite3 kon niet voor Electron worden gebouwd. Is er een internetverbinding?');
    process.exit(1);
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.copyFileSync(built, binding);
  fs.rmSync(work, { recursive: true, force: true });
}
// electron-builder ships this copy as resources/native/better_sqlite3.node (electron-builder.yml).
const current = path.join(root, '.cache', 'electron-sqlite', 'current');
fs.mkdirSync(current, { recursive: true });
fs.copyFileSync(binding, path.join(current, 'better_sqlite3.node'));

if (!fs.existsSync(path.join(root, 'dist', 'main.cjs'))) run('npm', ['run', 'build'], root);
if (prepareOnly) process.exit(0);

const child = spawn(bin('electron'), [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, REGIEBOEK_SQLITE_BINDING: binding },
  shell: process.platform === 'win32',
});
child.on('exit', (code) => process.exit(code ?? 0));
