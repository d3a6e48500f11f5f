/**
 * Maps every error to one JSON shape: { error: { code, message, fields?, requestId } }.
 * Messages are in the request's language; unknown errors reveal nothing but the request id.
 */
import { FileNotFoundError } from '../platform/file-store.ts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { issueText } from '../../../common/contracts/issue-text.ts';
import { type Lang, type Msg, msg } from '../../../common/contracts/messages.ts';
import { AppError, ERROR_STATUS, type ErrorCode } from '../errors.ts';

/** fastify-type-provider-zod's shape: the zod issue's code as keyword, the rest under params. */
interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

const issueMessage = (issue: ValidationIssue, lang: Lang): string =>
  issueText({ ...issue.params, code: issue.keyword, message: issue.message }, lang);

function issueField(issue: ValidationIssue): string {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (path) return path;
  const keys = issue.params.keys;
  return Array.isArray(keys) ? keys.join(',') : '';
}

const FASTIFY_CODES: Record<string, [ErrorCode, Msg]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [
    'VALIDATION_FAILED',
    msg('Data yang dikirim rusak (JSON tidak valid).', 'The request body is not valid JSON.'),
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['VALIDATION_FAILED', msg('Data yang dikirim kosong.', 'The request body is empty.')],
  FST_ERR_CTP_BODY_TOO_LARGE: [
    'PAYLOAD_TOO_LARGE',
    msg('Data yang dikirim terlalu besar.', 'The request body is too large.'),
  ],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    'UNSUPPORTED_MEDIA_TYPE',
    msg('Jenis data tidak didukung. Kirim JSON.', 'Unsupported content type. Send JSON.'),
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    'VALIDATION_FAILED',
    msg('Panjang data tidak sesuai.', 'Content length mismatch.'),
  ],
  // @fastify/multipart: a file over the route's cap (toBuffer throws), too many files or fields.
  FST_REQ_FILE_TOO_LARGE: [
    'PAYLOAD_TOO_LARGE',
    msg(
      'Berkas terlalu besar. Perkecil berkas, lalu unggah lagi.',
      'The file is too large. Make it smaller and upload it again.',
    ),
  ],
  FST_FILES_LIMIT: ['VALIDATION_FAILED', msg('Kirim satu berkas saja.', 'Send one file only.')],
  FST_PARTS_LIMIT: ['VALIDATION_FAILED', msg('Terlalu banyak bagian dalam formulir.', 'Too many form parts.')],
  FST_FIELDS_LIMIT: ['VALIDATION_FAILED', msg('Terlalu banyak isian dalam formulir.', 'Too many form fields.')],
};

export function sendError(
  reply: FastifyReply,
  req: FastifyRequest,
  code: ErrorCode,
  message: Msg,
  fields?: { field: string; message: string }[],
) {
  return reply.status(ERROR_STATUS[code]).send({
    error: {
      code,
      message: message[req.lang ?? 'id'],
      ...(fields && fields.length > 0 ? { fields } : {}),
      requestId: req.id,
    },
  });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = req.lang ?? 'id';
    if (err instanceof AppError) {
      if (err.details.retryAfterSeconds) reply.header('retry-after', String(err.details.retryAfterSeconds));
      const fields = err.details.fields?.map((f) => ({ field: f.field, message: f.message[lang] }));
      return sendError(reply, req, err.code, err.userMessage, fields);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = (err.validation as unknown as ValidationIssue[]).map((i) => ({
        field: [err.validationContext === 'body' ? '' : err.validationContext, issueField(i)].filter(Boolean).join('.'),
        message: issueMessage(i, lang),
      }));
      return sendError(
        reply,
        req,
        'VALIDATION_FAILED',
        msg('Periksa kembali isian yang ditandai.', 'Please check the marked fields.'),
        fields,
      );
    }
    if ((err as unknown) instanceof FileNotFoundError) {
      // The row exists but this instance's store lacks the file: say so, not a bare 500 (issue 24 §6).
      req.log.error({ err }, 'stored file missing on this instance');
      return sendError(
        reply,
        req,
        'FILE_UNAVAILABLE',
        msg(
          `Berkas ini tidak ada di penyimpanan server yang melayani Anda; penyimpanan berkas mungkin tidak dibagi antar-server. Coba lagi nanti, atau sebutkan kode ${req.id} kepada admin BKPSDM.`,
          `This file is missing from the storage of the server that answered; the file storage may not be shared between servers. Try again later, or quote ${req.id} to the BKPSDM admin.`,
        ),
      );
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return sendError(reply, req, known[0], known[1]);
    if (err.statusCode === 429) {
      return sendError(
        reply,
        req,
        'TOO_MANY_REQUESTS',
        msg(
          'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.',
          'Too many requests. Wait a moment and retry.',
        ),
      );
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(reply, req, 'VALIDATION_FAILED', msg('Permintaan tidak valid.', 'Invalid request.'));
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(
      reply,
      req,
      'INTERNAL',
      msg(
        `Terjadi kesalahan pada server. Sebutkan kode ${req.id} saat menghubungi BKPSDM.`,
        `Server error. Quote ${req.id} when contacting BKPSDM.`,
      ),
    );
  });
}
