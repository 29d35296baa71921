/** The binary-format check that keeps a module for one system out of another's installer. */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { assertNativeModule, nativeMismatch, readBinaryFormat } from '../../build/packaging/native-format.mjs';
import { tempDir } from './helpers';

const require = createRequire(import.meta.url);

function elf(machine: number, littleEndian = true): Buffer {
  const b = Buffer.alloc(64);
  b.write('\x7fELF', 0, 'latin1');
  b[4] = 2;
  b[5] = littleEndian ? 1 : 2;
  if (littleEndian) b.writeUInt16LE(machine, 18);
  else b.writeUInt16BE(machine, 18);
  return b;
}

function pe(machine: number, peOffset = 0x80): Buffer {
  const b = Buffer.alloc(peOffset + 24);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(peOffset, 0x3c);
  b.write('PE\0\0', peOffset, 'latin1');
  b.writeUInt16LE(machine, peOffset + 4);
  return b;
}

function macho(cpu: number): Buffer {
  const b = Buffer.alloc(32);
  b.writeUInt32LE(0xfeedfacf, 0);
  b.writeUInt32LE(cpu, 4);
  return b;
}

function fat(cpus: number[]): Buffer {
  const b = Buffer.alloc(8 + cpus.length * 20);
  b.writeUInt32BE(0xcafebabe, 0);
  b.writeUInt32BE(cpus.length, 4);
  cpus.forEach((c, i) => b.writeUInt32BE(c, 8 + i * 20));
  return b;
}

describe('readBinaryFormat', () => {
  it.each([
    ['ELF x86-64', elf(0x3e), { format: 'ELF', platform: 'linux', archs: ['x64'] }],
    ['ELF aarch64', elf(0xb7), { format: 'ELF', platform: 'linux', archs: ['arm64'] }],
    ['ELF i386', elf(0x03), { format: 'ELF', platform: 'linux', archs: ['ia32'] }],
    ['ELF big-endian ARM', elf(0x28, false), { format: 'ELF', platform: 'linux', archs: ['armv7l'] }],
    ['PE AMD64', pe(0x8664), { format: 'PE', platform: 'win32', archs: ['x64'] }],
    ['PE ARM64', pe(0xaa64, 0xf8), { format: 'PE', platform: 'win32', archs: ['arm64'] }],
    ['PE i386', pe(0x014c), { format: 'PE', platform: 'win32', archs: ['ia32'] }],
    ['Mach-O x86_64', macho(0x01000007), { format: 'Mach-O', platform: 'darwin', archs: ['x64'] }],
    ['Mach-O arm64', macho(0x0100000c), { format: 'Mach-O', platform: 'darwin', archs: ['arm64'] }],
    ['universal Mach-O', fat([0x01000007, 0x0100000c]), { format: 'Mach-O', platform: 'darwin', archs: ['x64', 'arm64'] }],
  ])('%s', (_name, bytes, expected) => {
    expect(readBinaryFormat(bytes)).toEqual(expected);
  });

  it('names an unknown machine instead of guessing', () => {
    expect(readBinaryFormat(elf(0xf3))).toEqual({ format: 'ELF', platform: 'linux', archs: ['onbekend (0xf3)'] });
  });

  it('knows none of the formats in other bytes', () => {
    expect(readBinaryFormat(Buffer.from('dit is tekst, geen programma'))).toBeNull();
    expect(readBinaryFormat(Buffer.alloc(0))).toBeNull();
    const mzWithoutPe = pe(0x8664);
    mzWithoutPe.write('XX', 0x80, 'latin1');
    expect(readBinaryFormat(mzWithoutPe)).toBeNull();
    // A Java class file shares the universal binary's magic; its version is no architecture count.
    const javaClass = Buffer.alloc(64);
    javaClass.writeUInt32BE(0xcafebabe, 0);
    javaClass.writeUInt32BE(0x00000041, 4);
    expect(readBinaryFormat(javaClass)).toBeNull();
  });

  it('reads the real better-sqlite3 build in node_modules as this machine’s own', () => {
    const head = fs.readFileSync(require.resolve('better-sqlite3/build/Release/better_sqlite3.node')).subarray(0, 4096);
    const platformFormat = { linux: 'ELF', win32: 'PE', darwin: 'Mach-O' }[process.platform as 'linux'];
    expect(readBinaryFormat(head)).toMatchObject({ format: platformFormat, platform: process.platform });
    expect(readBinaryFormat(head)!.archs).toContain(process.arch);
  });
});

describe('nativeMismatch / assertNativeModule', () => {
  it('accepts the module of the target, also inside a universal binary', () => {
    expect(nativeMismatch(readBinaryFormat(pe(0x8664)), 'win32', 'x64', 'a.node')).toBeNull();
    expect(nativeMismatch(readBinaryFormat(fat([0x01000007, 0x0100000c])), 'darwin', 'arm64', 'a.node')).toBeNull();
  });

  it('refuses a Linux module for Windows, and the wrong processor, saying what was found and what is needed', () => {
    expect(nativeMismatch(readBinaryFormat(elf(0x3e)), 'win32', 'x64', 'x/better_sqlite3.node')).toBe(
      'Verkeerde SQLite-module voor dit installatiebestand: x/better_sqlite3.node is ELF voor Linux x64, maar het doel is Windows x64 (PE voor Windows x64). ' +
        'Haal de module voor dat systeem op (npm run dist:win) of bouw het installatiebestand op dat systeem.',
    );
    expect(nativeMismatch(readBinaryFormat(macho(0x01000007)), 'darwin', 'arm64', 'm.node')).toMatch(/m\.node is Mach-O voor macOS x64, maar het doel is macOS arm64/);
    expect(nativeMismatch(readBinaryFormat(pe(0x8664)), 'linux', 'x64', 'w.node')).toMatch(/PE voor Windows x64, maar het doel is Linux x64 \(ELF voor Linux x64\).*dist:linux/);
    expect(nativeMismatch(null, 'linux', 'x64', 'kapot.node')).toMatch(/kapot\.node is geen ELF-, PE- of Mach-O-bestand; verwacht is ELF voor Linux x64/);
  });

  it('reads only the header of the file on disk, and says when the file is missing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'better_sqlite3.node');
    fs.writeFileSync(file, Buffer.concat([pe(0x8664), Buffer.alloc(10_000)]));
    expect(() => assertNativeModule(file, 'win32', 'x64')).not.toThrow();
    expect(() => assertNativeModule(file, 'linux', 'x64')).toThrow(/is PE voor Windows x64, maar het doel is Linux x64/);
    expect(() => assertNativeModule(path.join(dir, 'weg.node'), 'linux', 'x64')).toThrow(/De SQLite-module voor Linux x64 ontbreekt/);
  });
});
