// Reads the fuses of the packaged app electron-builder left in release/ (the real Electron binary
// on CI) and fails when one differs from build/packaging/fuses.mjs. Used by the release workflow.
//   node build/scripts/check-fuses.mjs [release-folder]
import fs from 'node:fs';
import path from 'node:path';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { FUSES } from '../packaging/fuses.mjs';
import { ROOT } from '../packaging/native.mjs';

const release = path.resolve(process.argv[2] ?? path.join(ROOT, 'release'));
const binaries = fs.existsSync(release)
  ? fs.readdirSync(release).flatMap((dir) => {
      const d = path.join(release, dir);
      if (/^linux(-.+)?-unpacked$/.test(dir)) return [path.join(d, 'regieboek')];
      if (/^win(-.+)?-unpacked$/.test(dir)) return [path.join(d, 'Regieboek.exe')];
      if (dir === 'mac' || dir.startsWith('mac-')) return [path.join(d, 'Regieboek.app')];
      return [];
    })
  : [];
const existing = binaries.filter((b) => fs.existsSync(b));
if (existing.length === 0) {
  console.error(`Geen verpakte app gevonden in ${release}: voer eerst "npm run dist" uit.`);
  process.exit(1);
}
let wrong = 0;
for (const binary of existing) {
  const wire = await getCurrentFuseWire(binary);
  for (const [index, wanted] of Object.entries(FUSES)) {
    const state = String.fromCharCode(Number(wire[/** @type {FuseV1Options} */ (Number(index))]));
    const ok = state === (wanted ? '1' : '0');
    if (!ok) wrong++;
    console.log(`${ok ? 'goed ' : 'FOUT '} ${FuseV1Options[Number(index)]} = ${state === '1' ? 'aan' : state === '0' ? 'uit' : state} (${path.relative(ROOT, binary)})`);
  }
}
process.exit(wrong ? 1 : 0);
