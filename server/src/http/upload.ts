/**
 * Reading one uploaded file from a multipart request, for every route that takes a file: a
 * missing file, a wrong content type and a file over the route's cap each get their own clear
 * message (413 with the limit for the last); a file name no column can hold answers 400 before
 * anything is stored.
 */
import type { FastifyRequest } from 'fastify';
import { msg } from '../../../common/contracts/messages.ts';
import { AppError } from '../errors.ts';
import { unstorablePath } from './text-input.ts';

export interface UploadedFile {
  data: Buffer;
  filename: string | null;
}

const unstorableName = (field: string, isFileName = true) =>
  new AppError('VALIDATION_FAILED', msg('Periksa kembali isian yang ditandai.', 'Please check the marked fields.'), {
    fields: [
      {
        field,
        message: isFileName
          ? msg(
              'Nama berkas memuat karakter yang tidak sah (NUL atau karakter Unicode yang rusak). Ganti nama berkas lalu unggah kembali.',
              'The file name contains an invalid character (NUL or broken Unicode). Rename the file and upload it again.',
            )
          : msg(
              'Memuat karakter yang tidak sah (NUL atau karakter Unicode yang rusak).',
              'Contains an invalid character (NUL or broken Unicode).',
            ),
      },
    ],
  });

/** The one file of a multipart body, at most `maxBytes`; `what` names it in messages ("berkas XLSX atau CSV"). */
export async function readUploadedFile(
  req: FastifyRequest,
  opts: { maxBytes: number; what: { id: string; en: string } },
): Promise<UploadedFile> {
  if (!req.isMultipart())
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      msg(`Kirim ${opts.what.id} sebagai multipart/form-data.`, `Send the ${opts.what.en} as multipart/form-data.`),
    );
  const part = await req.file({ limits: { fileSize: opts.maxBytes, files: 1 } });
  if (!part)
    throw new AppError('VALIDATION_FAILED', msg(`Pilih ${opts.what.id}.`, `Choose the ${opts.what.en}.`), {
      fields: [{ field: 'file', message: msg(`Pilih ${opts.what.id}.`, `Choose the ${opts.what.en}.`) }],
    });
  // A name no column can hold (NUL, broken Unicode) is refused before anything is read or stored.
  if (unstorablePath(part.filename) !== null) throw unstorableName(part.fieldname);
  const data = await part.toBuffer();
  if (part.file.truncated) {
    const mb = (opts.maxBytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 });
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      msg(
        `Berkas terlalu besar: paling besar ${mb} MB.`,
        `The file is too large: at most ${(opts.maxBytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB.`,
      ),
    );
  }
  return { data, filename: part.filename || null };
}

/** XLSX unless the file is named *.csv (the readers check the bytes either way). */
export const sheetFormatOf = (file: UploadedFile): 'xlsx' | 'csv' =>
  file.filename?.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';

/**
 * A multipart form: one optional file and text fields, with a hard cap on the file. A file over
 * the cap comes back empty with `overBytes` (its size as the request declares it), so a rule set
 * can answer with its own size message (413) as for a file just over the rule's limit. Names and
 * text that no column can hold (NUL, lone surrogates) answer 400 naming the field.
 */
export async function readMultipartForm(
  req: FastifyRequest,
  opts: { maxBytes: number },
): Promise<{ fields: Record<string, string>; file: (UploadedFile & { overBytes?: number }) | null }> {
  if (!req.isMultipart())
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      msg('Kirim berkas sebagai multipart/form-data.', 'Send the file as multipart/form-data.'),
    );
  const fields: Record<string, string> = {};
  let file: (UploadedFile & { overBytes?: number }) | null = null;
  const unstorable = (field: string, value: unknown, isFileName: boolean) => {
    if (unstorablePath(value) !== null) throw unstorableName(field, isFileName);
  };
  for await (const part of req.parts({
    limits: { fileSize: opts.maxBytes, files: 1, fields: 10, fieldSize: 10_000 },
  })) {
    if (part.type === 'file') {
      unstorable(part.fieldname, part.filename, true);
      try {
        file = { data: await part.toBuffer(), filename: part.filename || null };
      } catch (err) {
        if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
        file = {
          data: Buffer.alloc(0),
          filename: part.filename || null,
          overBytes: Math.max(opts.maxBytes + 1, Number(req.headers['content-length']) || 0),
        };
        break;
      }
    } else {
      unstorable(part.fieldname, part.value, false);
      fields[part.fieldname] = String(part.value);
    }
  }
  return { fields, file };
}
