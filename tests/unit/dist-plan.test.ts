/** `npm run dist`'s arguments, and the icon files made from build/icon.svg. */
import { describe, expect, it } from 'vitest';
import { distPlan } from '../../build/packaging/plan.mjs';
import { buildIcns, buildIco, PNG_SIZES, renderPng } from '../../build/packaging/icons.mjs';
import fs from 'node:fs';
import path from 'node:path';

describe('distPlan', () => {
  it('packages for this machine when no system is named', () => {
    const p = distPlan([], {}, 'linux', 'x64');
    expect(p.targets).toEqual([{ platform: 'linux', arch: 'x64' }]);
    expect(p.build).toBe(true);
    expect(p.builderArgs).toEqual(['--publish', 'never']);
    expect(p.updateUrl).toBeNull();
  });

  it('obtains a module per named system and architecture', () => {
    expect(distPlan(['--win'], {}, 'linux', 'x64').targets).toEqual([{ platform: 'win32', arch: 'x64' }]);
    expect(distPlan(['--mac', '--x64', '--arm64'], {}, 'darwin', 'arm64').targets).toEqual([
      { platform: 'darwin', arch: 'x64' },
      { platform: 'darwin', arch: 'arm64' },
    ]);
    expect(distPlan(['-w', '-l', '--dir'], {}, 'darwin', 'arm64').targets).toEqual([
      { platform: 'win32', arch: 'arm64' },
      { platform: 'linux', arch: 'arm64' },
    ]);
  });

  it('adds the generic update provider only with REGIEBOEK_UPDATE_URL, and only over https', () => {
    const p = distPlan(['--linux', '--no-build'], { REGIEBOEK_UPDATE_URL: ' https://intranet.example/regieboek/ ' }, 'linux', 'x64');
    expect(p.build).toBe(false);
    expect(p.builderArgs).toEqual(['--linux', '--publish', 'never', '-c.publish.provider=generic', '-c.publish.url=https://intranet.example/regieboek/']);
    expect(distPlan([], { REGIEBOEK_UPDATE_URL: '   ' }, 'linux', 'x64').builderArgs).toEqual(['--publish', 'never']);
    expect(() => distPlan([], { REGIEBOEK_UPDATE_URL: 'http://intranet/regieboek' }, 'linux', 'x64')).toThrow(/moet met https:\/\/ beginnen/);
  });
});

describe('icons from build/icon.svg', () => {
  const svg = fs.readFileSync(path.resolve(__dirname, '..', '..', 'build', 'icon.svg'), 'utf8');

  it('renders PNGs of the asked size, with colour from the SVG', () => {
    const png = Buffer.from(renderPng(svg, 64));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([64, 64]);
    expect(PNG_SIZES).toEqual(expect.arrayContaining([16, 32, 256, 512, 1024]));
  });

  it('packs PNGs into an ICO whose directory points at each image', () => {
    const images = [16, 256].map((size) => ({ size, png: Buffer.from(renderPng(svg, size)) }));
    const ico = buildIco(images);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 2]);
    for (let i = 0; i < images.length; i++) {
      const e = 6 + i * 16;
      expect(ico[e]).toBe(images[i]!.size === 256 ? 0 : images[i]!.size); // 0 stands for 256
      const length = ico.readUInt32LE(e + 8);
      const offset = ico.readUInt32LE(e + 12);
      expect(ico.subarray(offset, offset + length).equals(images[i]!.png)).toBe(true);
    }
  });

  it('packs PNGs into an ICNS with typed chunks and the right lengths', () => {
    const a = Buffer.from(renderPng(svg, 128));
    const b = Buffer.from(renderPng(svg, 512));
    const icns = buildIcns([
      { type: 'ic07', png: a },
      { type: 'ic09', png: b },
    ]);
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.toString('latin1', 8, 12)).toBe('ic07');
    expect(icns.readUInt32BE(12)).toBe(a.length + 8);
    expect(icns.subarray(16, 16 + a.length).equals(a)).toBe(true);
    expect(icns.toString('latin1', 16 + a.length, 20 + a.length)).toBe('ic09');
  });
});
