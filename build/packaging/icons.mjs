// @ts-check
/**
 * The app icon, made from build/icon.svg at build time: PNGs in the sizes Linux desktops use, an
 * ICO for Windows and an ICNS for macOS (both simply containers of PNGs), into .cache/icons/.
 * Only the SVG is kept in git.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS chunk types holding PNG data, by pixel size.
const ICNS_TYPES = /** @type {[string, number][]} */ ([
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
]);

/**
 * @param {string} svg
 * @param {number} size
 */
export function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** @param {{ size: number, png: Buffer }[]} images */
export function buildIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** @param {{ type: string, png: Buffer }[]} chunks */
export function buildIcns(chunks) {
  const parts = chunks.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/**
 * Writes .cache/icons/{png/NxN.png, icon.png, icon.ico, icon.icns}; returns the folder.
 * @param {string} root the project folder
 */
export function generateIcons(root) {
  const svg = fs.readFileSync(path.join(root, 'build', 'icon.svg'), 'utf8');
  const out = path.join(root, '.cache', 'icons');
  const pngDir = path.join(out, 'png');
  fs.mkdirSync(pngDir, { recursive: true });
  /** @type {Map<number, Buffer>} */
  const pngs = new Map();
  for (const size of PNG_SIZES) {
    const png = Buffer.from(renderPng(svg, size));
    pngs.set(size, png);
    fs.writeFileSync(path.join(pngDir, `${size}x${size}.png`), png);
  }
  const get = (/** @type {number} */ s) => /** @type {Buffer} */ (pngs.get(s));
  fs.writeFileSync(path.join(out, 'icon.png'), get(512));
  fs.writeFileSync(path.join(out, 'icon.ico'), buildIco(ICO_SIZES.map((size) => ({ size, png: get(size) }))));
  fs.writeFileSync(path.join(out, 'icon.icns'), buildIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: get(size) }))));
  return out;
}
