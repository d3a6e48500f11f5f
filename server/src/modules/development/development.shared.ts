/**
 * What the development use-cases share: their one context (the platform's plus the other modules'
 * services, secrets and caches development needs), who an actor acts for, and telling an employee.
 */
import type { Kysely } from 'kysely';
import { msg } from '../../../../common/contracts/messages.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../platform/context.ts';
import type { LinkSigner } from '../../platform/documents/signed-links.ts';
import type { AssessmentService } from '../exam/index.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import type { SelectionService } from '../selection/index.ts';
import type { completionRepository } from './completion.repository.ts';
import { developmentRepository as people } from './development.repository.ts';
import { scopeOf } from './development.policy.ts';

/** A meeting row as the scan reads it (never edited once made, so it may be cached). */
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof completionRepository.meeting>>>;

/**
 * The development module's context. Each facade takes the part it needs (`Pick<DevelopmentContext, …>`);
 * `certificateLinks` and `meetingCache` are built once by the completion facade from `cardSecret`.
 */
export type DevelopmentContext = Pick<
  AppContext,
  'db' | 'clock' | 'ids' | 'audit' | 'steps' | 'notifier' | 'publicUrl'
> & {
  identity: Pick<IdentityService, 'emailsOfAccounts' | 'accountIdsByEmail' | 'appointEmployee' | 'forgetSessionsOf'>;
  selection: Pick<SelectionService, 'appointees' | 'periodsWithFinal'>;
  assessment: AssessmentService;
  /** Signs certificate links (the QR). */
  cardSecret: string;
  /** Keys the attendance QR tokens. */
  attendanceSecret: string;
  certificateLinks: LinkSigner;
  /** A hall scans one meeting 1,500 times a minute: its row is read once (bounded, see meetingOf). */
  meetingCache: Map<string, MeetingRow>;
};

/** The audit actor of a signed-in person. */
export const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
/** A CONFLICT with its message in both languages. */
export const conflict = (id: string, en: string) => new AppError('CONFLICT', msg(id, en));
/** A VALIDATION_FAILED naming the field, so the form shows the message beside it. */
export const invalid = (field: string, id: string, en: string) =>
  new AppError('VALIDATION_FAILED', msg(id, en), { fields: [{ field, message: msg(id, en) }] });
/** The signed-in account has no employee record yet: what to ask BKPSDM. */
export const notLinked = () =>
  new AppError(
    'NOT_FOUND',
    msg(
      'Akun Anda belum terhubung ke data pegawai. Hubungi BKPSDM untuk menautkan NIP Anda.',
      'Your account is not linked to an employee record yet. Ask BKPSDM to link your NIP.',
    ),
  );
/** Enrolment statuses that hold a seat (attendance, scores, feedback are theirs). */
export const SEATED = new Set(['enrolled', 'completed', 'not_completed']);

/** The employees an actor acts for: null = all (BKPSDM), else their unit or themselves. */
export async function reach(ctx: Pick<DevelopmentContext, 'db'>, actor: Actor): Promise<string[] | null> {
  const scope = scopeOf(actor);
  if (scope === 'all') return null;
  const own = await people.employeeOfAccount(ctx.db, actor.accountId);
  if (!own) return [];
  return scope === 'unit' ? people.unitIds(ctx.db, own.id) : [own.id];
}

/** Tells someone with a Merit account, in the app and by e-mail, inside the transaction that made the news. */
export async function tell(
  ctx: Pick<DevelopmentContext, 'notifier'> & { identity: Pick<DevelopmentContext['identity'], 'emailsOfAccounts'> },
  trx: Kysely<DB>,
  accountId: string | null,
  fullName: string,
  title: string,
  body: string,
  path = '/pelatihan/saya',
) {
  if (!accountId) return;
  const email = (await ctx.identity.emailsOfAccounts([accountId], trx)).get(accountId);
  if (email) await ctx.notifier.notify(trx, { accountId, email, fullName }, { title, body, path });
}
