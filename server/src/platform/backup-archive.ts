/**
 * The backup archive: a gzip-compressed POSIX ustar file (`tar -tzf merit-….tar.gz` lists it), written
 * and read as a stream so a backup of 100,000 documents never sits in memory. Only what Merit needs
 * of the format is here: regular files, names up to 100 bytes, entries under 8 GiB (the database is
 * written in chunks of a few MB). No package does this among the dependencies (`tar-stream` is only
 * a transitive one of exceljs), and the format is small enough to hold in one page.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

const BLOCK = 512;
const MAX_SIZE = 8 * 1024 ** 3 - 1; // 11 octal digits

export class ArchiveError extends Error {}

function header(name: string, size: number, mtime: Date): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new ArchiveError(`archive entry name too long: ${name}`);
  if (size > MAX_SIZE) throw new ArchiveError(`archive entry too large: ${name}`);
  const h = Buffer.alloc(BLOCK);
  nameBytes.copy(h, 0);
  const octal = (value: number, offset: number, width: number) =>
    h.write(value.toString(8).padStart(width - 1, '0') + '\0', offset, width, 'ascii');
  octal(0o600, 100, 8);
  octal(0, 108, 8);
  octal(0, 116, 8);
  octal(size, 124, 12);
  octal(Math.floor(mtime.getTime() / 1000), 136, 12);
  h.write('        ', 148, 8, 'ascii'); // checksum is computed with its own field as spaces
  h.write('0', 156, 1, 'ascii'); // regular file
  h.write('ustar\0' + '00', 257, 8, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return h;
}

export interface ArchiveWriter {
  /** Appends one entry; waits while the disk is behind (back-pressure). */
  add(name: string, data: Buffer): Promise<void>;
  /** Writes the end-of-archive blocks and waits until everything is on disk. */
  close(): Promise<void>;
  /** Bytes written to the archive so far, before compression. */
  readonly bytes: number;
}

/** Opens a gzip'd tar for writing at `file` (created with mode 0600: it holds personal data). */
export function createArchiveWriter(file: string, opts: { now: Date; level?: number }): ArchiveWriter {
  const out = createWriteStream(file, { mode: 0o600, flags: 'wx' });
  const gzip = createGzip({ level: opts.level ?? 6 });
  gzip.pipe(out);
  let failed: Error | null = null;
  const fail = (err: Error) => (failed ??= err);
  // A disk error ends the gzip stream too, so a writer waiting for 'drain' is released with the error.
  out.on('error', (err) => gzip.destroy(fail(err)));
  gzip.on('error', fail);
  let bytes = 0;
  const write = async (buf: Buffer) => {
    if (failed) throw failed;
    bytes += buf.length;
    if (!gzip.write(buf)) await once(gzip, 'drain');
  };
  return {
    async add(name, data) {
      await write(header(name, data.length, opts.now));
      await write(data);
      const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
      if (pad) await write(Buffer.alloc(pad));
    },
    async close() {
      await write(Buffer.alloc(BLOCK * 2));
      gzip.end();
      await finished(out);
      if (failed) throw failed;
    },
    get bytes() {
      return bytes;
    },
  };
}

/** A reader that hands out exactly n bytes at a time from a stream of chunks (one copy per take). */
class ChunkReader {
  private chunks: Buffer[] = [];
  private length = 0;
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  async take(n: number): Promise<Buffer | null> {
    while (this.length < n) {
      const r = await this.source.next();
      if (r.done) return null;
      this.chunks.push(r.value);
      this.length += r.value.length;
    }
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.length);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.length = rest.length;
    return all.subarray(0, n);
  }
}

function parseHeader(h: Buffer): { name: string; size: number; type: string } | null {
  if (h.every((b) => b === 0)) return null;
  const field = (offset: number, width: number) => h.toString('ascii', offset, offset + width).replace(/\0.*$/s, '');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  if (parseInt(field(148, 8).trim(), 8) !== sum) throw new ArchiveError('archive header checksum mismatch');
  const prefix = field(345, 155);
  const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
  return {
    name: prefix ? `${prefix}/${name}` : name,
    size: parseInt(field(124, 12).trim() || '0', 8),
    type: field(156, 1) || '0',
  };
}

/** Reads the entries of a gzip'd tar in order; a truncated or corrupt archive throws `ArchiveError`. */
export async function* readArchive(file: string): AsyncGenerator<{ name: string; data: Buffer }> {
  const gunzip = createReadStream(file).pipe(createGunzip());
  const reader = new ChunkReader(gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
  try {
    for (;;) {
      const block = await reader.take(BLOCK);
      if (!block) throw new ArchiveError('archive ends without its end marker (truncated?)');
      const h = parseHeader(block);
      if (!h) return;
      const padded = Math.ceil(h.size / BLOCK) * BLOCK;
      const body = await reader.take(padded);
      if (!body) throw new ArchiveError(`archive truncated inside ${h.name}`);
      // Only regular files carry data Merit wrote; anything else (pax headers of a re-packed archive) is skipped.
      if (h.type === '0') yield { name: h.name, data: Buffer.from(body.subarray(0, h.size)) };
    }
  } catch (err) {
    if (err instanceof ArchiveError) throw err;
    throw new ArchiveError(`archive unreadable: ${(err as Error).message}`);
  } finally {
    gunzip.destroy();
  }
}
