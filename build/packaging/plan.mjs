// @ts-check
/**
 * What `npm run dist` does with its arguments: which systems and architectures to package (so the
 * right SQLite modules are obtained first) and the electron-builder command line, with the update
 * address only when one is given.
 */

const PLATFORM_FLAGS = /** @type {Record<string, string>} */ ({ '--win': 'win32', '--windows': 'win32', '-w': 'win32', '--mac': 'darwin', '--macos': 'darwin', '-m': 'darwin', '--linux': 'linux', '-l': 'linux' });
const ARCH_FLAGS = /** @type {Record<string, string>} */ ({ '--x64': 'x64', '--arm64': 'arm64', '--ia32': 'ia32', '--armv7l': 'armv7l' });

/**
 * @param {string[]} argv
 * @param {Record<string, string | undefined>} env
 * @param {string} hostPlatform
 * @param {string} hostArch
 */
export function distPlan(argv, env, hostPlatform, hostArch) {
  const platforms = [...new Set(argv.filter((a) => a in PLATFORM_FLAGS).map((a) => /** @type {string} */ (PLATFORM_FLAGS[a])))];
  const archs = [...new Set(argv.filter((a) => a in ARCH_FLAGS).map((a) => /** @type {string} */ (ARCH_FLAGS[a])))];
  const systems = platforms.length ? platforms : [hostPlatform];
  // Like electron-builder: without an architecture flag, the machine's own.
  const targets = systems.flatMap((platform) => (archs.length ? archs : [hostArch]).map((arch) => ({ platform, arch })));
  const updateUrl = (env.REGIEBOEK_UPDATE_URL ?? '').trim();
  if (updateUrl && !/^https:\/\//.test(updateUrl)) throw new Error(`REGIEBOEK_UPDATE_URL moet met https:// beginnen, gevonden: ${updateUrl}`);
  const passThrough = argv.filter((a) => a !== '--no-build');
  const builderArgs = [...passThrough, '--publish', 'never'];
  if (updateUrl) builderArgs.push('-c.publish.provider=generic', `-c.publish.url=${updateUrl}`);
  return { targets, updateUrl: updateUrl || null, build: !argv.includes('--no-build'), builderArgs };
}
