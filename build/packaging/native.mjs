// @ts-check
/**
 * better-sqlite3 built for Electron's ABI, per target system. node_modules keeps the build for
 * Node (tests, CLI, browser host); the Electron builds live in .cache/electron-sqlite/
 * <electron>-<platform>-<arch>/better_sqlite3.node. For the machine that builds, a prebuilt binary
 * is fetched or, failing that, compiled against Electron's headers; for another system only a
 * prebuilt binary can be fetched (compiling for it needs that system: CI builds each installer on
 * its own system).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { assertNativeModule } from './native-format.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(ROOT, 'package.json'));

/** @returns {string} */
export function electronVersion() {
  return JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

/** Where the packaging looks for the Electron builds (REGIEBOEK_NATIVE_CACHE lets a test use its own). */
export function nativeCacheDir() {
  return process.env.REGIEBOEK_NATIVE_CACHE || path.join(ROOT, '.cache', 'electron-sqlite');
}

/**
 * @param {string} platform
 * @param {string} arch
 */
export function nativeModulePath(platform, arch) {
  return path.join(nativeCacheDir(), `${electronVersion()}-${platform}-${arch}`, 'better_sqlite3.node');
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {string} cwd
 */
function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status === 0;
}

/** @param {string} name */
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

/**
 * Makes sure the Electron build for the target is in the cache and fits it; returns its path.
 * @param {string} platform
 * @param {string} arch
 */
export function obtainNativeModule(platform, arch) {
  const target = nativeModulePath(platform, arch);
  if (!fs.existsSync(target)) {
    const version = electronVersion();
    const isHost = platform === process.platform && arch === process.arch;
    console.log(`Regieboek: better-sqlite3 voor Electron ${version} op ${platform}-${arch} ophalen${isHost ? ' of bouwen' : ''}…`);
    const src = path.dirname(require.resolve('better-sqlite3/package.json'));
    const work = path.join(ROOT, '.cache', 'electron-sqlite', `work-${platform}-${arch}`);
    fs.rmSync(work, { recursive: true, force: true });
    fs.cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });
    const flags = ['--runtime=electron', `--target=${version}`, `--platform=${platform}`, `--arch=${arch}`];
    const ok =
      run(bin('prebuild-install'), [...flags, '--verbose'], work) ||
      (isHost && run(bin('node-gyp'), ['rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'], work));
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!ok || !fs.existsSync(built)) {
      fs.rmSync(work, { recursive: true, force: true });
      throw new Error(
        isHost
          ? `better-sqlite3 kon niet voor Electron ${version} worden opgehaald of gebouwd. Is er een internetverbinding, en zijn Python en een C++-compiler geïnstalleerd?`
          : `Er is geen kant-en-klare better-sqlite3 voor Electron ${version} op ${platform}-${arch}, en bouwen kan alleen op dat systeem zelf. Maak dit installatiebestand op ${platform}-${arch} (zoals de CI-workflow doet).`,
      );
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, target);
    fs.rmSync(work, { recursive: true, force: true });
  }
  assertNativeModule(target, platform, arch);
  return target;
}
