/**
 * Per-request identity: the language (cookie `merit_lang`, else Accept-Language, else id), the
 * actor behind the `merit_session` cookie, and the route's declared access, enforced before the
 * body is even parsed.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type Lang, msg } from '../../../common/contracts/messages.ts';
import type { IdentityService } from '../modules/identity/identity.service.ts';
import type { PeriodCommitteeService } from '../modules/recruitment/index.ts';
import { sendError } from './error-handler.ts';
import './types.ts';

export const SESSION_COOKIE = 'merit_session';
export const LANG_COOKIE = 'merit_lang';

export function detectLang(cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  if (cookie === 'en' || cookie === 'id') return cookie;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

export function setSessionCookie(reply: FastifyReply, token: string, opts: { secure: boolean; maxAgeSeconds: number }) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
    maxAge: opts.maxAgeSeconds,
  });
  // The CSRF token is bound to the session: the new session gets its own at once.
  reply.rebindCsrf(token);
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.rebindCsrf(null);
}

export function registerLanguage(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('lang', 'id');

  // Runs first: everything after it (CSRF, errors) answers in the right language.
  app.addHook('onRequest', async (req) => {
    req.lang = detectLang(req.cookies[LANG_COOKIE], req.headers['accept-language']);
  });
}

/**
 * Registered after CSRF so a forged request is refused before any session lookup. A route that
 * declares `period` is, for committee accounts, limited to the periods whose committee they sit on.
 */
export function registerAccessControl(
  app: FastifyInstance,
  identity: IdentityService,
  periodCommittee: Pick<PeriodCommitteeService, 'mayAct'>,
) {
  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.actor = await identity.authenticate(token);
      req.sessionToken = req.actor ? token : null;
      if (!req.actor) clearSessionCookie(reply);
    }
    const access = req.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    if (!req.actor) {
      return sendError(reply, req, 'UNAUTHENTICATED', msg('Silakan masuk terlebih dahulu.', 'Please sign in first.'));
    }
    if (access !== 'signed-in' && !access.includes(req.actor.role)) {
      return sendError(reply, req, 'NOT_FOUND', msg('Halaman atau data tidak ditemukan.', 'Not found.'));
    }
    const scope = req.routeOptions.config?.period;
    const id = (req.params as { id?: unknown } | undefined)?.id;
    if (scope && typeof id === 'string' && !(await periodCommittee.mayAct(req.actor, scope, id))) {
      return sendError(
        reply,
        req,
        'NOT_FOUND',
        msg(
          'Data tidak ditemukan atau Anda bukan anggota panitia periode ini.',
          'Not found, or you are not on this period’s committee.',
        ),
      );
    }
  });
}
