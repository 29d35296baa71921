/**
 * The zip container of an .xlsx, read and written without a library: the central directory (the
 * list of parts) is read from the bytes, each part is unpacked as a stream within a real-size
 * budget (the sizes a zip declares can lie), and a new workbook's parts are packed with Node's
 * zlib. Reading and writing are both in one pass over the bytes.
 */
import zlib from 'node:zlib';
import { now } from '../../clock';

export interface ZipEntry {
  name: string;
  unpacked: number;
  packed: number;
  method: number;
  flags: number;
  localOffset: number;
}

/** Why a zip cannot be read; book.ts turns it into a Dutch message naming the file. */
export class ZipError extends Error {
  constructor(readonly reason: 'truncated' | 'encrypted' | 'unsupported' | 'tooBig') {
    super(reason);
  }
}

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** The parts of a zip, from its central directory. */
export function zipEntries(buf: Buffer): ZipEntry[] {
  const from = Math.max(0, buf.length - 65_557);
  const eocd = buf.length >= 22 ? buf.lastIndexOf(EOCD, buf.length - 22) : -1;
  if (eocd < 0 || eocd < from) throw new ZipError('truncated');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize > eocd) throw new ZipError('truncated');
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError('truncated');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const packed = buf.readUInt32LE(p + 20);
    const unpacked = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (flags & 0x1) throw new ZipError('encrypted');
    if (localOffset >= cdOffset) throw new ZipError('truncated');
    out.push({ name, unpacked, packed, method, flags, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The packed bytes of one part. */
function packedData(buf: Buffer, e: ZipEntry): Buffer {
  const lh = e.localOffset;
  if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) throw new ZipError('truncated');
  const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
  if (start + e.packed > buf.length) throw new ZipError('truncated');
  if (e.method !== 0 && e.method !== 8) throw new ZipError('unsupported');
  return buf.subarray(start, start + e.packed);
}

/** A shared allowance of unpacked bytes for one file. */
export class Budget {
  constructor(public left: number) {}
  take(n: number): void {
    this.left -= n;
    if (this.left < 0) throw new ZipError('tooBig');
  }
}

/** Unpacks one part whole (small parts: workbook, relations, styles). */
export function unpack(buf: Buffer, e: ZipEntry, budget: Budget): Buffer {
  const data = packedData(buf, e);
  if (e.method === 0) {
    budget.take(data.length);
    return data;
  }
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget.left) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw new ZipError('tooBig');
    throw new ZipError('truncated');
  }
  budget.take(out.length);
  return out;
}

/**
 * Unpacks one part as a stream of chunks, so a large sheet is never in memory at once; stops with
 * 'tooBig' as soon as the budget is spent.
 */
export async function* unpackStream(buf: Buffer, e: ZipEntry, budget: Budget, chunkSize = 1 << 18): AsyncGenerator<Buffer> {
  const data = packedData(buf, e);
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += chunkSize) {
      const part = data.subarray(i, i + chunkSize);
      budget.take(part.length);
      yield part;
    }
    return;
  }
  const inflate = zlib.createInflateRaw({ chunkSize });
  inflate.end(data);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      budget.take(chunk.length);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError('truncated');
  } finally {
    inflate.destroy();
  }
}

// ---- Writing ----------------------------------------------------------------------------------

/** DOS date and time of a moment, as a zip stores it (local clock, 2-second steps). */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Packs parts into one zip. Parts are deflated (level 6, what Excel itself uses roughly). */
export function zip(parts: readonly { name: string; data: Buffer | string }[], at: Date = now()): Buffer {
  const { time, date } = dosTime(at);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data;
    const packed = zlib.deflateRawSync(raw, { level: 6 });
    const crc = zlib.crc32(raw);
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt16LE(time, 12);
    cd.writeUInt16LE(date, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(packed.length, 20);
    cd.writeUInt32LE(raw.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, packed);
    central.push(cd, name);
    offset += local.length + name.length + packed.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
