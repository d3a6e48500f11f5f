/**
 * Builds XLSX decompression bombs in memory for tests (issue 24 §3): a ZIP whose worksheet is a
 * small block of repetitive XML deflated once and repeated, so ~1 MB of archive inflates to about
 * a gigabyte without the test ever holding the inflated bytes. `declared` lets the central
 * directory lie about the inflated size, as a hostile archive would.
 */
import { deflateRawSync, constants } from 'node:zlib';

/** A deflate stream of `head` then `body` repeated `times` (each block byte-aligned, dictionary reset), then a final empty block. */
function repeatedDeflate(head: string, body: string, times: number): { data: Buffer; inflated: number } {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const h = deflateRawSync(Buffer.from(head), flush);
  const b = deflateRawSync(Buffer.from(body), flush);
  const parts = [h];
  for (let i = 0; i < times; i++) parts.push(b);
  parts.push(Buffer.from([0x03, 0x00])); // final, empty, fixed-Huffman block
  return { data: Buffer.concat(parts), inflated: Buffer.byteLength(head) + Buffer.byteLength(body) * times };
}

interface ZipEntry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  inflated: number;
}

/** A plain ZIP (no data descriptors, CRC left 0: the guard refuses before anything checks it). */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const loc = Buffer.alloc(30);
    loc.writeUInt32LE(0x04034b50, 0);
    loc.writeUInt16LE(20, 4);
    loc.writeUInt16LE(e.method, 8);
    loc.writeUInt32LE(e.data.length, 18);
    loc.writeUInt32LE(Math.min(e.inflated, 0xfffffffe), 22);
    loc.writeUInt16LE(name.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(e.method, 10);
    cen.writeUInt32LE(e.data.length, 20);
    cen.writeUInt32LE(Math.min(e.inflated, 0xfffffffe), 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    locals.push(loc, name, e.data);
    centrals.push(cen, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

/**
 * An XLSX of about `targetBytes` whose first sheet inflates to roughly 1000× that. `kind: 'rows'`
 * fills it with rows; `'cell'` with one endless cell (no row count to stop at). `declared` sets
 * the inflated size the directory claims ('true' = the real one).
 */
export function xlsxBomb(
  opts: { targetBytes?: number; kind?: 'rows' | 'cell'; declared?: 'true' | 'small' } = {},
): Buffer {
  const target = opts.targetBytes ?? 1024 * 1024;
  const body =
    opts.kind === 'cell'
      ? 'A'.repeat(1024 * 1024)
      : '<row><c t="inlineStr"><is><t>AAAAAAAAAAAAAAAA</t></is></c></row>'.repeat(20_000);
  const one = deflateRawSync(Buffer.from(body), { finishFlush: constants.Z_FULL_FLUSH, level: 9 }).length;
  const head = opts.kind === 'cell' ? `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>` : SHEET_HEAD;
  const sheet = repeatedDeflate(head, body, Math.max(1, Math.floor(target / one)));
  const types = Buffer.from(TYPES);
  return zip([
    { name: '[Content_Types].xml', data: types, method: 0, inflated: types.length },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: sheet.data,
      method: 8,
      inflated: opts.declared === 'small' ? sheet.data.length * 3 : sheet.inflated,
    },
  ]);
}

/** A plain (not hostile) XLSX-shaped archive whose sheet has `rows` rows of varied text: compresses like a real sheet. */
export function xlsxWithRows(rows: number): Buffer {
  const parts = [SHEET_HEAD];
  for (let r = 1; r <= rows; r++)
    parts.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${((r * 2654435761) % 4294967296).toString(36)}</t></is></c></row>`,
    );
  parts.push('</sheetData></worksheet>');
  const xml = Buffer.from(parts.join(''));
  const types = Buffer.from(TYPES);
  return zip([
    { name: '[Content_Types].xml', data: types, method: 0, inflated: types.length },
    { name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(xml), method: 8, inflated: xml.length },
  ]);
}
