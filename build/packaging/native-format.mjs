// @ts-check
/**
 * Reads which operating system and processor a native module (.node) was built for, from its
 * header: ELF (Linux), PE (Windows) or Mach-O (macOS), and the machine field. Packaging refuses a
 * module that does not match the target, so a Linux build never ends up in a Windows installer.
 */
import fs from 'node:fs';

/** @typedef {'linux' | 'win32' | 'darwin'} Platform */
/** @typedef {'x64' | 'arm64' | 'ia32' | 'armv7l'} Arch */
/** @typedef {{ format: 'ELF' | 'PE' | 'Mach-O', platform: Platform, archs: string[] }} BinaryFormat */

const ELF_MACHINES = /** @type {Record<number, string>} */ ({ 0x03: 'ia32', 0x28: 'armv7l', 0x3e: 'x64', 0xb7: 'arm64' });
const PE_MACHINES = /** @type {Record<number, string>} */ ({ 0x014c: 'ia32', 0x01c4: 'armv7l', 0x8664: 'x64', 0xaa64: 'arm64' });
// Mach-O cpu types (CPU_ARCH_ABI64 = 0x01000000).
const MACHO_CPUS = /** @type {Record<number, string>} */ ({ 0x00000007: 'ia32', 0x01000007: 'x64', 0x0000000c: 'armv7l', 0x0100000c: 'arm64' });

const FORMAT_OF = /** @type {Record<Platform, BinaryFormat['format']>} */ ({ linux: 'ELF', win32: 'PE', darwin: 'Mach-O' });
const SYSTEM_NAME = /** @type {Record<string, string>} */ ({ linux: 'Linux', win32: 'Windows', darwin: 'macOS' });

/** @param {number} n */
const hex = (n) => '0x' + n.toString(16);

/**
 * @param {Buffer} buf the first bytes of the file (4 KiB is plenty)
 * @returns {BinaryFormat | null} null when the bytes are none of the three formats
 */
export function readBinaryFormat(buf) {
  if (buf.length >= 20 && buf[0] === 0x7f && buf.toString('latin1', 1, 4) === 'ELF') {
    const littleEndian = buf[5] === 1;
    const machine = littleEndian ? buf.readUInt16LE(18) : buf.readUInt16BE(18);
    return { format: 'ELF', platform: 'linux', archs: [ELF_MACHINES[machine] ?? `onbekend (${hex(machine)})`] };
  }
  if (buf.length >= 0x40 && buf.toString('latin1', 0, 2) === 'MZ') {
    const peOffset = buf.readUInt32LE(0x3c);
    if (peOffset + 6 <= buf.length && buf.toString('latin1', peOffset, peOffset + 4) === 'PE\0\0') {
      const machine = buf.readUInt16LE(peOffset + 4);
      return { format: 'PE', platform: 'win32', archs: [PE_MACHINES[machine] ?? `onbekend (${hex(machine)})`] };
    }
    return null;
  }
  if (buf.length >= 8) {
    const magicLE = buf.readUInt32LE(0);
    if (magicLE === 0xfeedfacf || magicLE === 0xfeedface) {
      const cpu = buf.readUInt32LE(4);
      return { format: 'Mach-O', platform: 'darwin', archs: [MACHO_CPUS[cpu] ?? `onbekend (${hex(cpu)})`] };
    }
    // A universal ("fat") binary: big-endian header, then one entry of 20 bytes per architecture.
    if (buf.readUInt32BE(0) === 0xcafebabe) {
      const count = buf.readUInt32BE(4);
      // Java class files share the magic; their "count" is a version number far above any real count.
      if (count > 0 && count < 8 && buf.length >= 8 + count * 20) {
        const archs = [];
        for (let i = 0; i < count; i++) {
          const cpu = buf.readUInt32BE(8 + i * 20);
          archs.push(MACHO_CPUS[cpu] ?? `onbekend (${hex(cpu)})`);
        }
        return { format: 'Mach-O', platform: 'darwin', archs };
      }
    }
  }
  return null;
}

/**
 * Why the module cannot go into a package for this target, in Dutch, or null when it fits.
 * @param {BinaryFormat | null} found
 * @param {string} platform target platform (linux, win32, darwin)
 * @param {string} arch target architecture (x64, arm64, ia32, armv7l)
 * @param {string} file for the message
 */
export function nativeMismatch(found, platform, arch, file) {
  const wanted = `${FORMAT_OF[/** @type {Platform} */ (platform)] ?? platform} voor ${SYSTEM_NAME[platform] ?? platform} ${arch}`;
  if (!found) {
    return `De SQLite-module ${file} is geen ELF-, PE- of Mach-O-bestand; verwacht is ${wanted}. Verwijder het bestand zodat het opnieuw wordt opgehaald.`;
  }
  const desc = `${found.format} voor ${SYSTEM_NAME[found.platform]} ${found.archs.join(' + ')}`;
  if (found.platform !== platform || !found.archs.includes(arch)) {
    return (
      `Verkeerde SQLite-module voor dit installatiebestand: ${file} is ${desc}, maar het doel is ${SYSTEM_NAME[platform] ?? platform} ${arch} (${wanted}). ` +
      `Haal de module voor dat systeem op (npm run dist:${platform === 'win32' ? 'win' : platform === 'darwin' ? 'mac' : 'linux'}) of bouw het installatiebestand op dat systeem.`
    );
  }
  return null;
}

/**
 * Throws with the Dutch explanation when the file does not fit the target.
 * @param {string} file
 * @param {string} platform
 * @param {string} arch
 */
export function assertNativeModule(file, platform, arch) {
  if (!fs.existsSync(file)) {
    throw new Error(`De SQLite-module voor ${SYSTEM_NAME[platform] ?? platform} ${arch} ontbreekt: ${file}. Voer "npm run dist" uit; dat haalt of bouwt hem eerst.`);
  }
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(4096);
  const n = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const problem = nativeMismatch(readBinaryFormat(head.subarray(0, n)), platform, arch, file);
  if (problem) throw new Error(problem);
}
