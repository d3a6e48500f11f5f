/**
 * Text that no column can hold is refused at the edge, for every route: a NUL character or a lone
 * UTF-16 surrogate in any string of the body, query or path answers 400 naming the field (Postgres
 * refuses both — "invalid byte sequence" — and the request used to end in a 500).
 */
import type { FastifyInstance } from 'fastify';
import { msg } from '../../../common/contracts/messages.ts';
import { AppError } from '../errors.ts';

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path (`a.b.0`) of the first string in `value` that cannot be stored, or null; keys count too. */
export function unstorablePath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path.join('.') : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorablePath(value[i], [...path, String(i)], depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  if (Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (UNSTORABLE.test(k)) return [...path, k.replace(UNSTORABLE, '\uFFFD')].join('.');
    const found = unstorablePath(v, [...path, k], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export function registerTextHygiene(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [
      ['', req.body],
      ['query', req.query],
      ['params', req.params],
    ] as const) {
      const found = unstorablePath(value);
      if (found === null) continue;
      const field = [where, found].filter(Boolean).join('.');
      throw new AppError(
        'VALIDATION_FAILED',
        msg('Periksa kembali isian yang ditandai.', 'Please check the marked fields.'),
        {
          fields: [
            {
              field,
              message: msg(
                'Memuat karakter yang tidak sah (NUL atau karakter Unicode yang rusak). Hapus lalu ketik ulang.',
                'Contains an invalid character (NUL or broken Unicode). Remove it and type it again.',
              ),
            },
          ],
        },
      );
    }
  });
}
