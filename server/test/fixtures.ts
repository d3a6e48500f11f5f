/** Small real files for tests: a one-page PDF, a tiny JPEG and a PNG, made on the fly. */
import jpeg from 'jpeg-js';
import QRCode from 'qrcode';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export async function makePdf(text = 'Ijazah Sarjana — Universitas Tadulako', pad = 0): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text.replace('—', '-'), {
    x: 50,
    y: 780,
    size: 14,
    font: await doc.embedFont(StandardFonts.Helvetica),
  });
  if (pad > 0) doc.setSubject('x'.repeat(pad));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export function makeJpeg(width = 40, height = 50, noisy = false): Buffer {
  const data = Buffer.alloc(width * height * 4);
  let x = 12345;
  for (let i = 0; i < width * height; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff; // noise does not compress: a big file for size tests
    data.set(noisy ? [x & 255, (x >> 8) & 255, (x >> 16) & 255, 255] : [200, 30, 40, 255], i * 4);
  }
  return jpeg.encode({ data, width, height }, 80).data;
}

/** A real PNG (a QR code drawn by the `qrcode` package, which the PDFs use too). */
export function makePng(text = 'merit'): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', margin: 1, width: 96 });
}

/** A multipart/form-data body with one file field and optional text fields. */
export function multipart(
  file: { name: string; data: Buffer; type?: string } | null,
  fields: Record<string, string> = {},
) {
  const boundary = `----merit${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
