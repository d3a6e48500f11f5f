/**
 * Checks an uploaded document before it is stored: not empty, within the size limit, really the
 * type the rule allows (judged by its bytes — the file name and the browser's declared type are
 * ignored, so a PDF renamed `.jpg` is caught), structurally sound, and not password-protected.
 * Upload rules (`{ mime, maxBytes }` per document) are period data, see RULES.md §1.4.
 */
import { fileTypeFromBuffer } from 'file-type';
import { PDFDocument } from 'pdf-lib';
import { msg, type Msg } from '../../../common/contracts/messages.ts';

export type UploadMime = 'image/jpeg' | 'image/png' | 'application/pdf';

export interface UploadRule {
  mime: UploadMime[];
  maxBytes: number;
}

export type UploadCheckCode = 'empty' | 'too_large' | 'wrong_type' | 'corrupt' | 'encrypted';

export type UploadCheckResult =
  /** `data` is what to store: for a JPEG, the bytes up to its end marker (trailing data dropped). */
  { ok: true; mime: string; size: number; data: Buffer } | { ok: false; code: UploadCheckCode; message: Msg };

const MIME_NAMES: Record<string, string> = {
  'image/jpeg': 'JPG/JPEG',
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WEBP',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'image/bmp': 'BMP',
  'image/tiff': 'TIFF',
  'application/zip': 'ZIP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/x-cfb': 'Word/Excel (lama)',
};

/** Kilobytes as shown to people (1 KB = 1024 bytes); sizes round up so 200 KB + 1 byte reads 201 KB. */
const kb = (bytes: number) => Math.ceil(bytes / 1024);
const kbLimit = (bytes: number) => Math.floor(bytes / 1024);

const fail = (code: UploadCheckCode, message: Msg): UploadCheckResult => ({ ok: false, code, message });

/**
 * Validates `data` against `rule`; returns the detected MIME type or a coded, bilingual reason
 * that tells the applicant how to fix the file. Never throws for bad input.
 */
export async function checkUpload(
  data: Buffer,
  rule: UploadRule,
  opts: { label?: string; size?: number } = {},
): Promise<UploadCheckResult> {
  // `size`: the whole file's size when `data` is not the whole file (an upload over the route's cap).
  const size = Math.max(data.length, opts.size ?? 0);
  const idName = opts.label ? `Berkas ${opts.label}` : 'Berkas';
  const enName = opts.label ? `The ${opts.label} file` : 'The file';
  const allowed = rule.mime.map((m) => MIME_NAMES[m] ?? m).join(' atau ');
  const allowedEn = rule.mime.map((m) => MIME_NAMES[m] ?? m).join(' or ');

  if (size === 0) {
    return fail(
      'empty',
      msg(
        `${idName} kosong (0 byte). Pilih berkas ${allowed} yang benar, lalu unggah lagi.`,
        `${enName} is empty (0 bytes). Choose the correct ${allowedEn} file and upload it again.`,
      ),
    );
  }

  if (size > rule.maxBytes) {
    const hint = rule.mime.every((m) => m === 'image/jpeg')
      ? ['kecilkan resolusi atau kompres foto', 'reduce the resolution or compress the photo']
      : [
          'pindai ulang dengan resolusi lebih rendah (mis. 150 dpi) atau kompres PDF',
          'rescan at a lower resolution (e.g. 150 dpi) or compress the PDF',
        ];
    return fail(
      'too_large',
      msg(
        `Ukuran ${idName.charAt(0).toLowerCase()}${idName.slice(1)} ${kb(size)} KB melebihi batas ${kbLimit(rule.maxBytes)} KB. ` +
          `Perkecil berkas (${hint[0]}), lalu unggah lagi.`,
        `${enName} is ${kb(size)} KB, over the ${kbLimit(rule.maxBytes)} KB limit. ` +
          `Make it smaller (${hint[1]}) and upload it again.`,
      ),
    );
  }

  const detected = await fileTypeFromBuffer(data).catch(() => undefined);
  const mime = detected?.mime;
  if (!mime || !(rule.mime as string[]).includes(mime)) {
    const seen = mime ? (MIME_NAMES[mime] ?? mime) : undefined;
    return fail(
      'wrong_type',
      msg(
        `${idName} harus berformat ${allowed}` +
          (seen ? `, tetapi isinya berformat ${seen}.` : ', tetapi isinya tidak dikenali sebagai format tersebut.') +
          ` Mengganti nama atau ekstensi berkas tidak mengubah isinya: simpan atau ekspor berkas sebagai ${allowed}, lalu unggah lagi.`,
        `${enName} must be ${allowedEn}` +
          (seen ? `, but its content is ${seen}.` : ', but its content is not recognised as that format.') +
          ` Renaming the file does not change its content: save or export it as ${allowedEn} and upload it again.`,
      ),
    );
  }

  const corrupt = () =>
    fail(
      'corrupt',
      msg(
        `${idName} rusak atau tidak lengkap sehingga tidak dapat dibuka. Buka berkas itu di perangkat Anda untuk memeriksa, simpan atau pindai ulang, lalu unggah lagi.`,
        `${enName} is damaged or incomplete and cannot be opened. Open it on your device to check, save or scan it again, then upload it again.`,
      ),
    );

  if (mime === 'image/jpeg') {
    // Bytes after EOI are no part of the picture: a polyglot hides a script or an archive there.
    const end = jpegEnd(data);
    if (end === null) return corrupt();
    const image = end === data.length ? data : Buffer.from(data.subarray(0, end));
    return { ok: true, mime, size: image.length, data: image };
  }

  if (mime === 'image/png') {
    // As for JPEG: nothing after IEND is part of the picture.
    const end = pngEnd(data);
    if (end === null) return corrupt();
    const image = end === data.length ? data : Buffer.from(data.subarray(0, end));
    return { ok: true, mime, size: image.length, data: image };
  }

  if (mime === 'application/pdf') {
    const verdict = await inspectPdf(data);
    if (verdict === 'encrypted') {
      return fail(
        'encrypted',
        msg(
          `${idName} dilindungi kata sandi atau dikunci sehingga tidak dapat diperiksa petugas. Buka berkas itu, simpan ulang tanpa kata sandi (mis. Cetak → Simpan sebagai PDF), lalu unggah lagi.`,
          `${enName} is password-protected or locked, so officers cannot check it. Open it, save a copy without a password (e.g. Print → Save as PDF), and upload it again.`,
        ),
      );
    }
    return verdict === 'ok' ? { ok: true, mime, size: data.length, data } : corrupt();
  }

  return { ok: true, mime, size: data.length, data };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The offset just past a well-formed PNG's IEND chunk, or null: the signature, then chunks of
 * (length, type, data, CRC) starting with IHDR, each within the file, until IEND. CRCs are not
 * recomputed (a decoder would reject a bad one; this only finds where the picture ends).
 */
export function pngEnd(buf: Uint8Array): number | null {
  if (buf.length < 8 + 12 || PNG_SIGNATURE.some((b, i) => buf[i] !== b)) return null;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let i = 8;
  let first = true;
  while (i + 12 <= buf.length) {
    const length = view.getUint32(i);
    const type = String.fromCharCode(buf[i + 4]!, buf[i + 5]!, buf[i + 6]!, buf[i + 7]!);
    if (first && type !== 'IHDR') return null;
    first = false;
    const next = i + 12 + length;
    if (length > 0x7fffffff || next > buf.length) return null;
    if (type === 'IEND') return next;
    i = next;
  }
  return null;
}

/**
 * Walks the JPEG marker segments: SOI, then length-prefixed segments, a frame header (SOF) before
 * the first scan, entropy-coded scan data, and EOI. Catches truncated files and a JPEG header
 * glued to garbage without decoding pixels (uploads are small, but decoding is not needed to
 * know the file is a well-formed JPEG).
 */
export function isStructurallyValidJpeg(buf: Uint8Array): boolean {
  return jpegEnd(buf) !== null;
}

/**
 * The offset just past a well-formed JPEG's EOI marker (see isStructurallyValidJpeg), or null when
 * the bytes are not one. Whatever follows that offset is not part of the image.
 */
export function jpegEnd(buf: Uint8Array): number | null {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return null;
  let i = 2;
  let sawFrame = false;
  let sawScan = false;
  while (i < buf.length) {
    if (buf[i] !== 0xff) return null;
    while (i < buf.length && buf[i] === 0xff) i++; // fill bytes
    if (i >= buf.length) return null;
    const marker = buf[i]!;
    i++;
    if (marker === 0xd9) return sawFrame && sawScan ? i : null; // EOI
    if (marker === 0xd8 || marker === 0x00) return null;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no payload
    if (i + 2 > buf.length) return null;
    const len = (buf[i]! << 8) | buf[i + 1]!;
    if (len < 2 || i + len > buf.length) return null;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (len < 8) return null;
      const height = (buf[i + 3]! << 8) | buf[i + 4]!;
      const width = (buf[i + 5]! << 8) | buf[i + 6]!;
      const components = buf[i + 7]!;
      if (width === 0 || components < 1 || components > 4 || len !== 8 + 3 * components) return null;
      // height 0 is legal only with a later DNL marker; real uploads never use it
      if (height === 0) return null;
      sawFrame = true;
    }
    if (marker === 0xda) {
      if (!sawFrame) return null;
      const ns = buf[i + 2]!;
      if (ns < 1 || ns > 4 || len !== 6 + 2 * ns) return null;
      sawScan = true;
      i += len;
      // entropy-coded data: runs until a marker that is not a stuffed 0x00 or a restart marker
      while (i < buf.length) {
        if (buf[i] === 0xff) {
          const next = buf[i + 1];
          if (next === undefined) return null;
          if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
            i += next === 0xff ? 1 : 2;
            continue;
          }
          break;
        }
        i++;
      }
      continue;
    }
    i += len;
  }
  return null; // ran off the end without EOI: truncated
}

/** `ok`, `encrypted` or `corrupt` for a buffer that starts with `%PDF`. */
async function inspectPdf(buf: Buffer): Promise<'ok' | 'encrypted' | 'corrupt'> {
  // The file must end with %%EOF (ISO 32000-1 §7.5.5, within the last 1024 bytes); a cut-off
  // upload lacks it even when the objects before the cut still parse.
  const tail = buf.subarray(Math.max(0, buf.length - 1024)).toString('latin1');
  if (!tail.includes('%%EOF')) return 'corrupt';
  // The trailer (or cross-reference stream) dictionary stays plaintext in an encrypted file;
  // checking the bytes too covers files whose encrypted object streams pdf-lib cannot parse.
  const hasEncryptEntry = /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(buf.toString('latin1'));
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(buf, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    return hasEncryptEntry ? 'encrypted' : 'corrupt';
  }
  if (doc.isEncrypted || hasEncryptEntry) return 'encrypted';
  try {
    return doc.getPageCount() > 0 ? 'ok' : 'corrupt';
  } catch {
    return 'corrupt';
  }
}
