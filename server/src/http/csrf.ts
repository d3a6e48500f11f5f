/**
 * CSRF protection by signed double-submit (OWASP): every response sets a readable cookie
 * `merit_csrf` = nonce.HMAC(secret, nonce); every unsafe request must echo it in `x-csrf-token`.
 * Another site can make the browser send the cookie, but cannot read it to set the header.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { msg } from '../../../common/contracts/messages.ts';
import { sendError } from './error-handler.ts';

export const CSRF_COOKIE = 'merit_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerCsrf(app: FastifyInstance, opts: { secret: string; secure: boolean }) {
  const sign = (nonce: string) => createHmac('sha256', opts.secret).update(`csrf:${nonce}`).digest('base64url');
  // A browser sends the same cookie with every request: remember the ones already checked (an
  // HMAC per request was measurable when a whole hall loads the exam at once).
  const checked = new Set<string>();
  const isValid = (token: string) => {
    if (checked.has(token)) return true;
    const [nonce, mac] = token.split('.');
    if (!nonce || !mac) return false;
    const expected = Buffer.from(sign(nonce));
    const given = Buffer.from(mac);
    const valid = expected.length === given.length && timingSafeEqual(expected, given);
    if (valid) {
      if (checked.size >= 100_000) checked.clear();
      checked.add(token);
    }
    return valid;
  };

  app.addHook('onRequest', async (req, reply) => {
    const cookie = req.cookies[CSRF_COOKIE];
    const hasValidCookie = typeof cookie === 'string' && isValid(cookie);
    if (!hasValidCookie) {
      const nonce = randomBytes(18).toString('base64url');
      reply.setCookie(CSRF_COOKIE, `${nonce}.${sign(nonce)}`, { path: '/', sameSite: 'strict', secure: opts.secure, httpOnly: false });
    }
    if (SAFE.has(req.method) || !req.url.startsWith('/api/')) return;
    const header = req.headers[CSRF_HEADER];
    if (!hasValidCookie || typeof header !== 'string' || header !== cookie) {
      return sendError(
        reply,
        req,
        'CSRF_FAILED',
        msg('Sesi formulir tidak valid. Muat ulang halaman lalu coba lagi.', 'Form session is invalid. Reload the page and try again.'),
      );
    }
  });
}
