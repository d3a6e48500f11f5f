/**
 * Reading one uploaded file from a multipart request, for every route that takes a file: a
 * missing file, a wrong content type and a file over the route's cap each get their own clear
 * message (413 with the limit for the last).
 */
import type { FastifyRequest } from 'fastify';
import { msg } from '../../../common/contracts/messages.ts';
import { AppError } from '../errors.ts';

export interface UploadedFile {
  data: Buffer;
  filename: string | null;
}

/** The one file of a multipart body, at most `maxBytes`; `what` names it in messages ("berkas XLSX atau CSV"). */
export async function readUploadedFile(req: FastifyRequest, opts: { maxBytes: number; what: { id: string; en: string } }): Promise<UploadedFile> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', msg(`Kirim ${opts.what.id} sebagai multipart/form-data.`, `Send the ${opts.what.en} as multipart/form-data.`));
  const part = await req.file({ limits: { fileSize: opts.maxBytes, files: 1 } });
  if (!part) throw new AppError('VALIDATION_FAILED', msg(`Pilih ${opts.what.id}.`, `Choose the ${opts.what.en}.`), { fields: [{ field: 'file', message: msg(`Pilih ${opts.what.id}.`, `Choose the ${opts.what.en}.`) }] });
  const data = await part.toBuffer();
  if (part.file.truncated) {
    const mb = (opts.maxBytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 });
    throw new AppError('PAYLOAD_TOO_LARGE', msg(`Berkas terlalu besar: paling besar ${mb} MB.`, `The file is too large: at most ${(opts.maxBytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB.`));
  }
  return { data, filename: part.filename || null };
}

/** XLSX unless the file is named *.csv (the readers check the bytes either way). */
export const sheetFormatOf = (file: UploadedFile): 'xlsx' | 'csv' => (file.filename?.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');
