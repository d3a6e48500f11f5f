/**
 * CSRF protection by signed double-submit (OWASP), bound to the session: every response that
 * needs one sets a readable cookie `merit_csrf` = nonce.HMAC(secret, nonce + the session it
 * belongs to); every unsafe request must echo it in `x-csrf-token`, and it is valid only with the
 * session cookie it was made for (a token read or planted before a sign-in is worthless after
 * it). Signing in or out issues a fresh token at once. An unsafe request whose `Origin` names
 * another site is refused whatever the token says. Another site can make the browser send the
 * cookie, but cannot read it to set the header.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { msg } from '../../../common/contracts/messages.ts';
import { sendError } from './error-handler.ts';

export const CSRF_COOKIE = 'merit_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const SESSION_COOKIE = 'merit_session';

declare module 'fastify' {
  interface FastifyReply {
    /** Issues a CSRF token for the session the response is about to set (null: signed out). */
    rebindCsrf(sessionToken: string | null): void;
  }
}

/** What a token is bound to: a short hash of the session cookie, or "anon". */
const bindingOf = (sessionToken: string | null | undefined) =>
  sessionToken ? createHash('sha256').update(sessionToken).digest('base64url').slice(0, 22) : 'anon';

const signWith = (secret: string, nonce: string, binding: string) =>
  createHmac('sha256', secret).update(`csrf:${nonce}:${binding}`).digest('base64url');

/** A valid CSRF token for a session (tools that hold the secret: bench:exam's thousands of participants). */
export function csrfTokenFor(
  secret: string,
  sessionToken: string | null,
  nonce = randomBytes(18).toString('base64url'),
): string {
  return `${nonce}.${signWith(secret, nonce, bindingOf(sessionToken))}`;
}

export function registerCsrf(app: FastifyInstance, opts: { secret: string; secure: boolean; publicUrl?: string }) {
  const sign = (nonce: string, binding: string) => signWith(opts.secret, nonce, binding);
  // A browser sends the same cookies with every request: remember the pairs already checked (an
  // HMAC per request was measurable when a whole hall loads the exam at once).
  const checked = new Set<string>();
  const isValid = (token: string, binding: string) => {
    const key = `${binding}|${token}`;
    if (checked.has(key)) return true;
    const [nonce, mac] = token.split('.');
    if (!nonce || !mac) return false;
    const expected = Buffer.from(sign(nonce, binding));
    const given = Buffer.from(mac);
    const valid = expected.length === given.length && timingSafeEqual(expected, given);
    if (valid) {
      if (checked.size >= 100_000) checked.clear();
      checked.add(key);
    }
    return valid;
  };
  const issue = (reply: FastifyReply, binding: string) => {
    const nonce = randomBytes(18).toString('base64url');
    reply.setCookie(CSRF_COOKIE, `${nonce}.${sign(nonce, binding)}`, {
      path: '/',
      sameSite: 'strict',
      secure: opts.secure,
      httpOnly: false,
    });
  };
  const publicOrigin = opts.publicUrl ? new URL(opts.publicUrl).origin : null;
  /** Same site: the Origin is the public URL's, or the very host the request was sent to. */
  const isOwnOrigin = (req: FastifyRequest, origin: string) => {
    if (origin === publicOrigin) return true;
    const host = req.headers.host;
    return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
  };

  app.decorateReply('rebindCsrf', function (this: FastifyReply, sessionToken: string | null) {
    issue(this, bindingOf(sessionToken));
  });

  app.addHook('onRequest', async (req, reply) => {
    const cookie = req.cookies[CSRF_COOKIE];
    const hasValidCookie = typeof cookie === 'string' && isValid(cookie, bindingOf(req.cookies[SESSION_COOKIE]));
    if (!hasValidCookie) issue(reply, bindingOf(req.cookies[SESSION_COOKIE]));
    if (SAFE.has(req.method) || !req.url.startsWith('/api/')) return;
    const origin = req.headers.origin;
    const header = req.headers[CSRF_HEADER];
    const foreign =
      (typeof origin === 'string' && origin !== 'null' && !isOwnOrigin(req, origin)) ||
      origin === 'null' ||
      req.headers['sec-fetch-site'] === 'cross-site';
    if (foreign || !hasValidCookie || typeof header !== 'string' || header !== cookie) {
      return sendError(
        reply,
        req,
        'CSRF_FAILED',
        msg(
          'Sesi formulir tidak valid. Muat ulang halaman lalu coba lagi.',
          'Form session is invalid. Reload the page and try again.',
        ),
      );
    }
  });
}
