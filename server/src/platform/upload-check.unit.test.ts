import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../../test/fixtures.ts';
import { checkUpload, isStructurallyValidJpeg, pngEnd, type UploadRule } from './upload-check.ts';

const JPEG_ONLY: UploadRule = { mime: ['image/jpeg'], maxBytes: 200 * 1024 };
const PDF_ONLY: UploadRule = { mime: ['application/pdf'], maxBytes: 300 * 1024 };
// Made with `qpdf --encrypt user owner 256` / `--encrypt "" owner 128 --use-aes=y` /
// `--object-streams=generate --encrypt u o 256` from a one-page pdf-lib document.
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

function makeJpeg(width = 32, height = 24): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = 200; // red background, as pas foto requires
    data[i * 4 + 1] = (i * 7) % 256;
    data[i * 4 + 2] = (i * 13) % 256;
    data[i * 4 + 3] = 255;
  }
  return jpeg.encode({ data, width, height }, 80).data;
}

async function makePdf(pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++)
    doc.addPage([300, 200]).drawText('Surat lamaran — Kota Palu', { x: 20, y: 100, size: 12, font });
  return Buffer.from(await doc.save());
}

let validJpeg: Buffer;
let validPdf: Buffer;
beforeAll(async () => {
  validJpeg = makeJpeg();
  validPdf = await makePdf();
});

describe('checkUpload accepts', () => {
  it('a small valid JPEG under a JPEG rule', async () => {
    expect(await checkUpload(validJpeg, JPEG_ONLY)).toEqual({
      ok: true,
      mime: 'image/jpeg',
      size: validJpeg.length,
      data: validJpeg,
    });
  });

  it('a valid PDF under a PDF rule', async () => {
    expect(await checkUpload(validPdf, PDF_ONLY)).toEqual({
      ok: true,
      mime: 'application/pdf',
      size: validPdf.length,
      data: validPdf,
    });
  });

  it('either type when the rule allows both', async () => {
    const both: UploadRule = { mime: ['image/jpeg', 'application/pdf'], maxBytes: 800 * 1024 };
    expect((await checkUpload(validJpeg, both)).ok).toBe(true);
    expect((await checkUpload(validPdf, both)).ok).toBe(true);
  });

  it('a JPEG with a script after its end marker, keeping only the picture (polyglot)', async () => {
    const polyglot = Buffer.concat([validJpeg, Buffer.from('<script>alert(document.cookie)</script>')]);
    const r = await checkUpload(polyglot, JPEG_ONLY);
    expect(r).toMatchObject({ ok: true, mime: 'image/jpeg', size: validJpeg.length });
    expect(r.ok && r.data.equals(validJpeg)).toBe(true);
    expect(r.ok && r.data.includes('<script>')).toBe(false);
  });

  it('a file exactly at the size limit', async () => {
    expect((await checkUpload(validJpeg, { mime: ['image/jpeg'], maxBytes: validJpeg.length })).ok).toBe(true);
  });
});

describe('checkUpload rejects', () => {
  it('an empty file', async () => {
    const r = await checkUpload(Buffer.alloc(0), JPEG_ONLY, { label: 'pas foto' });
    expect(r).toMatchObject({ ok: false, code: 'empty' });
    if (!r.ok) expect(r.message.id).toMatch(/pas foto kosong.*unggah lagi/);
  });

  it('a file over the limit, stating both sizes in KB and what to do', async () => {
    const big = Buffer.concat([validJpeg, Buffer.alloc(245 * 1024 - validJpeg.length)]);
    const r = await checkUpload(big, JPEG_ONLY, { label: 'pas foto' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('too_large');
    expect(r.message.id).toContain('Ukuran berkas pas foto 245 KB melebihi batas 200 KB. Perkecil');
    expect(r.message.en).toContain('245 KB, over the 200 KB limit');
  });

  it('rounds a size just over the limit up, so the message never reads "200 KB exceeds 200 KB"', async () => {
    const r = await checkUpload(Buffer.alloc(200 * 1024 + 1, 1), JPEG_ONLY);
    expect(r.ok || r.message.id).toContain('201 KB melebihi batas 200 KB');
  });

  it('a PDF renamed .jpg (content decides, not the name)', async () => {
    const r = await checkUpload(validPdf, JPEG_ONLY, { label: 'foto.jpg' });
    expect(r).toMatchObject({ ok: false, code: 'wrong_type' });
    if (!r.ok) {
      expect(r.message.id).toContain('harus berformat JPG/JPEG, tetapi isinya berformat PDF');
      expect(r.message.id).toMatch(/unggah lagi/);
    }
  });

  it('a JPEG where only PDF is allowed', async () => {
    expect(await checkUpload(validJpeg, PDF_ONLY)).toMatchObject({ ok: false, code: 'wrong_type' });
  });

  it('random bytes', async () => {
    const noise = randomBytes(4096);
    noise[0] = 0x00; // make sure no magic number happens by chance
    expect(await checkUpload(noise, JPEG_ONLY)).toMatchObject({ ok: false, code: 'wrong_type' });
    expect(await checkUpload(noise, PDF_ONLY)).toMatchObject({ ok: false, code: 'wrong_type' });
  });

  it('a PNG presented as a photo', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const r = await checkUpload(png, JPEG_ONLY);
    expect(r).toMatchObject({ ok: false, code: 'wrong_type' });
    if (!r.ok) expect(r.message.id).toContain('isinya berformat PNG');
  });

  it('a JPEG header followed by garbage', async () => {
    const junk = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
      Buffer.from('JFIF\0'),
      randomBytes(2000),
    ]);
    const r = await checkUpload(junk, JPEG_ONLY, { label: 'KTP' });
    expect(r).toMatchObject({ ok: false, code: 'corrupt' });
    if (!r.ok) expect(r.message.id).toMatch(/KTP rusak.*unggah lagi/);
  });

  it('a JPEG cut off anywhere before its end marker', async () => {
    for (const cut of [3, 20, Math.floor(validJpeg.length / 2), validJpeg.length - 2, validJpeg.length - 1]) {
      expect(await checkUpload(validJpeg.subarray(0, cut), JPEG_ONLY), `cut at ${cut}`).toMatchObject({ ok: false });
    }
  });

  it('a truncated PDF', async () => {
    const r = await checkUpload(validPdf.subarray(0, Math.floor(validPdf.length * 0.6)), PDF_ONLY);
    expect(r).toMatchObject({ ok: false, code: 'corrupt' });
  });

  it('a PDF whose body is garbage but ends with %%EOF', async () => {
    const fake = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(500), Buffer.from('\n%%EOF\n')]);
    expect(await checkUpload(fake, PDF_ONLY)).toMatchObject({ ok: false, code: 'corrupt' });
  });

  it('a PDF with zero pages', async () => {
    // pdf-lib would add a blank page on save unless told not to
    const empty = Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }));
    expect(await checkUpload(empty, PDF_ONLY)).toMatchObject({ ok: false, code: 'corrupt' });
  });

  it.each(['encrypted-aes256.pdf', 'encrypted-owner-only.pdf', 'encrypted-xref-stream.pdf'])(
    'a password-protected PDF (%s)',
    async (name) => {
      const r = await checkUpload(fixture(name), PDF_ONLY, { label: 'ijazah' });
      expect(r).toMatchObject({ ok: false, code: 'encrypted' });
      if (!r.ok) expect(r.message.id).toMatch(/ijazah dilindungi kata sandi.*simpan ulang tanpa kata sandi/);
    },
  );
});

describe('isStructurallyValidJpeg', () => {
  it('accepts encoder output and tolerates bytes after EOI', () => {
    expect(isStructurallyValidJpeg(validJpeg)).toBe(true);
    expect(isStructurallyValidJpeg(Buffer.concat([validJpeg, Buffer.from('trailing')]))).toBe(true);
  });

  it('rejects a file with no frame or scan before EOI', () => {
    expect(isStructurallyValidJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBe(false);
  });

  it('rejects a segment length pointing past the end', () => {
    expect(isStructurallyValidJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x7f, 0xff, 0x00]))).toBe(false);
  });

  it('is what jpeg-js can decode: every prefix it calls valid decodes', () => {
    for (let cut = 2; cut <= validJpeg.length; cut += 37) {
      const part = validJpeg.subarray(0, cut);
      if (isStructurallyValidJpeg(part)) expect(() => jpeg.decode(part)).not.toThrow();
    }
  });
});

describe('PNG', () => {
  const rule: UploadRule = { mime: ['image/jpeg', 'image/png'], maxBytes: 300 * 1024 };

  it('accepts a real PNG and stores it without what follows IEND', async () => {
    const png = await makePng();
    expect(pngEnd(png)).toBe(png.length);
    const polyglot = Buffer.concat([png, Buffer.from('<script>alert(1)</script>')]);
    const r = await checkUpload(polyglot, rule, { label: 'gambar soal' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.mime).toBe('image/png');
      expect(r.data.equals(png)).toBe(true);
    }
  });

  it('rejects a truncated PNG as damaged, and a PNG where only JPEG is allowed', async () => {
    const png = await makePng();
    const cut = await checkUpload(png.subarray(0, png.length - 20), rule, { label: 'gambar soal' });
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.code).toBe('corrupt');
    const jpegOnly = await checkUpload(png, { mime: ['image/jpeg'], maxBytes: 300 * 1024 });
    expect(jpegOnly.ok).toBe(false);
    if (!jpegOnly.ok) expect(jpegOnly.message.id).toContain('isinya berformat PNG');
  });

  it('finds no end in a signature followed by a chunk that is not IHDR or runs past the end', () => {
    const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunk = (type: string, length: number, body = 0) =>
      Buffer.concat([Buffer.from([0, 0, 0, length]), Buffer.from(type), Buffer.alloc(body), Buffer.alloc(4)]);
    expect(pngEnd(Buffer.concat([sig, chunk('IDAT', 0), chunk('IEND', 0)]))).toBeNull();
    expect(pngEnd(Buffer.concat([sig, chunk('IHDR', 13, 2)]))).toBeNull();
    expect(pngEnd(Buffer.concat([sig, chunk('IHDR', 2, 2), chunk('IEND', 0)]))).toBe(8 + 14 + 12);
  });
});
