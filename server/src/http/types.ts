/** Request decorations and per-route access declarations shared by every module's routes. */
import type { Lang } from '../../../common/contracts/messages.ts';
import type { Actor } from '../modules/identity/identity.policy.ts';
import type { Role } from '../db/schema.ts';

/**
 * Who may call a route: 'public' (anyone), 'signed-in' (any role), or the list of roles.
 * Declared on every route (a test fails on a route without it) and enforced in one hook:
 * no session → 401; a role not listed → 404, so a route's existence is not a hint.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

/**
 * What a route's `:id` names, for routes a committee member may use only on the periods whose
 * committee they sit on (the access hook resolves the period and refuses others with 404).
 */
export type PeriodScope =
  | 'period'
  | 'formation'
  | 'application'
  | 'announcement'
  | 'objection'
  | 'exam-site'
  | 'exam-session'
  | 'publication'
  | 'accreditation'
  | 'finding';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    lang: Lang;
  }
  interface FastifyContextConfig {
    access?: Access;
    period?: PeriodScope;
  }
}
