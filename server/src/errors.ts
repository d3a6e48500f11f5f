/**
 * Typed application errors. Every error a user can cause has a code here; the HTTP layer maps
 * codes to statuses once (http/error-handler.ts), so services never think about HTTP.
 */
import type { Msg } from '../../common/contracts/messages.ts';
import { msg } from '../../common/contracts/messages.ts';

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  EMAIL_NOT_VERIFIED: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOKEN_INVALID: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  /** A stored file this instance cannot find (a files folder not shared between instances). */
  FILE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldProblem {
  field: string;
  message: Msg;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: Msg,
    readonly details: { fields?: FieldProblem[]; retryAfterSeconds?: number } = {},
  ) {
    super(userMessage.en);
  }
}

/** The one answer for a record that does not exist or is not the caller's: never reveal which. */
export const notFound = () =>
  new AppError(
    'NOT_FOUND',
    msg('Data tidak ditemukan atau Anda tidak berhak melihatnya.', 'Not found, or you may not see it.'),
  );

/** A validation error for one or more named fields, raised by services after schema checks pass. */
export const fieldError = (field: string, message: Msg) =>
  new AppError('VALIDATION_FAILED', msg('Periksa kembali isian Anda.', 'Please check your input.'), {
    fields: [{ field, message }],
  });
