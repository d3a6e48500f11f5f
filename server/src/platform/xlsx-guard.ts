/**
 * Inspects an XLSX (a ZIP archive) before any XML parser sees it, so a decompression bomb — a
 * small upload that inflates to hundreds of megabytes — is refused in well under a second with
 * bounded memory (issue 24 §3). Two passes over the archive, neither of which keeps inflated bytes:
 *
 * 1. the central directory: entry count, each entry's declared inflated size and its ratio to the
 *    compressed size, and the declared total;
 * 2. every entry is inflated as a stream and its bytes only counted: a size the directory lied
 *    about, or a total over the cap, stops the inflation at the cap; rows (`<row …>` elements) in
 *    worksheets are counted on the way, and inflation stops as soon as a sheet has more rows than
 *    the import allows.
 *
 * Only then does exceljs parse the workbook, which is then known to be small.
 */
import { createInflateRaw } from 'node:zlib';

/** What an XLSX may be; a legitimate 20,000-row × 15-column sheet inflates to about 27 MB. */
export const XLSX_LIMITS = {
  /** Entries (files and folders) in the archive; Excel writes about fifteen. */
  maxEntries: 1000,
  /** Total inflated size of all entries, in bytes. */
  maxInflatedBytes: 50 * 1024 * 1024,
  /** Inflated ÷ compressed size per entry, checked for entries above `ratioFromBytes`; XML sheets compress about 5–20×. */
  maxRatio: 100,
  ratioFromBytes: 1024 * 1024,
} as const;

export type XlsxInspection =
  | { ok: true }
  | { ok: false; reason: 'not-zip' | 'entries' | 'inflated' | 'ratio' | 'damaged' }
  | { ok: false; reason: 'rows'; rows: number };

interface Entry {
  name: string;
  method: number;
  compressed: number;
  inflated: number;
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
// A row element, with or without a namespace prefix (`<row `, `<x:row>`); the prefix is bounded so
// a match never spans more than the carried tail between chunks.
const ROW_TAG = /<(?:[A-Za-z_][\w.-]{0,15}:)?row[\s>/]/g;
const CARRY = 32;

/** Reads the central directory; null when it is not a well-formed (non-Zip64) archive. */
function centralDirectory(buf: Buffer): Entry[] | 'too-many' | null {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) return null; // Zip64: Excel never needs it for a sheet this app takes
  if (count > XLSX_LIMITS.maxEntries) return 'too-many';
  if (offset + size > eocd) return null;
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CEN_SIG) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      inflated: buf.readUInt32LE(p + 24),
      name: buf.toString('latin1', p + 46, p + 46 + nameLen),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The entry's compressed bytes, located through its local header; null when out of bounds. */
function entryData(buf: Buffer, e: Entry): Buffer | null {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOC_SIG) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressed > buf.length) return null;
  return buf.subarray(start, start + e.compressed);
}

/**
 * Inflates one entry counting bytes (and rows, for a worksheet) without keeping them; stops as
 * soon as a limit is crossed. Resolves to the bytes it saw, or the reason it stopped.
 */
function inflateCounting(
  data: Buffer,
  opts: { budget: number; declared: number; countRows: boolean; maxRows: number },
): Promise<{ bytes: number; rows: number; stop?: 'inflated' | 'rows' | 'damaged' }> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let bytes = 0;
    let rows = 0;
    let carry = '';
    let done = false;
    const finish = (stop?: 'inflated' | 'rows' | 'damaged') => {
      if (done) return;
      done = true;
      inflate.removeAllListeners('data');
      inflate.destroy();
      resolve(stop ? { bytes, rows, stop } : { bytes, rows });
    };
    inflate.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      // More than declared is a lie (the damaged verdict); more than the budget is a bomb.
      if (bytes > opts.budget) return finish('inflated');
      if (bytes > opts.declared) return finish('damaged');
      if (!opts.countRows) return;
      const text = carry + chunk.toString('latin1');
      let lastEnd = 0;
      ROW_TAG.lastIndex = 0;
      for (let m = ROW_TAG.exec(text); m; m = ROW_TAG.exec(text)) {
        rows++;
        lastEnd = m.index + m[0].length;
      }
      if (rows > opts.maxRows) return finish('rows');
      carry = text.slice(Math.max(lastEnd, text.length - CARRY));
    });
    inflate.on('error', () => finish('damaged'));
    inflate.on('end', () => finish(bytes === opts.declared ? undefined : 'damaged'));
    inflate.end(data);
  });
}

/**
 * Checks an XLSX's archive against `XLSX_LIMITS` and each worksheet's rows against `maxRows`
 * (the header included), inflating nothing into memory. `ok` means exceljs may parse it.
 */
export async function inspectXlsx(buf: Buffer, maxRows: number): Promise<XlsxInspection> {
  const dir = centralDirectory(buf);
  if (dir === null) return { ok: false, reason: 'not-zip' };
  if (dir === 'too-many') return { ok: false, reason: 'entries' };
  let declaredTotal = 0;
  for (const e of dir) {
    declaredTotal += e.inflated;
    if (declaredTotal > XLSX_LIMITS.maxInflatedBytes) return { ok: false, reason: 'inflated' };
    if (e.inflated > XLSX_LIMITS.ratioFromBytes && e.inflated > e.compressed * XLSX_LIMITS.maxRatio)
      return { ok: false, reason: 'ratio' };
  }
  let total = 0;
  for (const e of dir) {
    const data = entryData(buf, e);
    if (data === null) return { ok: false, reason: 'damaged' };
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name);
    if (e.method === 0) {
      // Stored, not compressed: its size is its size; a stored sheet is still row-counted below.
      if (e.compressed !== e.inflated) return { ok: false, reason: 'damaged' };
      total += e.inflated;
      if (total > XLSX_LIMITS.maxInflatedBytes) return { ok: false, reason: 'inflated' };
      if (isSheet) {
        const rows = data.toString('latin1').match(ROW_TAG)?.length ?? 0;
        if (rows > maxRows) return { ok: false, reason: 'rows', rows };
      }
      continue;
    }
    if (e.method !== 8) return { ok: false, reason: 'damaged' };
    const r = await inflateCounting(data, {
      budget: XLSX_LIMITS.maxInflatedBytes - total,
      declared: e.inflated,
      countRows: isSheet,
      maxRows,
    });
    if (r.stop === 'rows') return { ok: false, reason: 'rows', rows: r.rows };
    if (r.stop) return { ok: false, reason: r.stop };
    total += r.bytes;
  }
  return { ok: true };
}
