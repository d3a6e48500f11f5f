/**
 * The Panitia Seleksi Daerah of each period, as its SK names it. A committee account acts only on
 * the periods whose committee it sits on: whoever opens a period joins it, and the admin adds or
 * removes members (a committee member cannot co-opt a second "member" to pass the two-person
 * rule alone). `mayAct` is what the access hook asks for every period-scoped committee route.
 */
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError, notFound } from '../../errors.ts';
import type { PeriodScope } from '../../http/types.ts';
import type { Actor } from '../identity/index.ts';
import { actorOf } from './application-workflow.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Ctx = Pick<RecruitmentContext, 'db' | 'audit' | 'resolvers'>;

/** Records other modules keep per period (observer accreditations, findings) name their period here. */
export function registerScope(ctx: Ctx, kind: PeriodScope, periodOf: (id: string) => Promise<string | undefined>) {
  ctx.resolvers.set(kind, periodOf);
}

/**
 * Whether the actor may use a route on the record `id` names. Only committee accounts are
 * scoped; a malformed or unknown id passes (the route's own validation and 404 answer it).
 */
export async function mayAct(ctx: Ctx, actor: Actor, kind: PeriodScope, id: string): Promise<boolean> {
  const { db } = ctx;
  if (actor.role !== 'committee' || !UUID.test(id)) return true;
  const resolve = ctx.resolvers.get(kind);
  const periodId = resolve ? await resolve(id) : await repo.periodOf(db, kind, id);
  return periodId === undefined || (await repo.isCommitteeMember(db, periodId, actor.accountId));
}

/** Period ids a committee account sits on; null for everyone else (not scoped). */
export async function periodsOf(ctx: Ctx, actor: Actor): Promise<string[] | null> {
  const { db } = ctx;
  return actor.role === 'committee' ? repo.committeePeriodIds(db, actor.accountId) : null;
}

/** The committee members of a period, with whether each account is still active. */
export async function members(ctx: Ctx, periodId: string) {
  const { db } = ctx;
  if (!(await repo.period(db, periodId))) throw notFound();
  return (await repo.committeeMembers(db, periodId)).map((m) => ({
    id: m.id,
    fullName: m.full_name,
    email: m.email,
    active: m.disabled_at === null,
    assignedAt: new Date(m.assigned_at).toISOString(),
  }));
}

/** The admin adds an active committee account to a period's committee. */
export async function addMember(ctx: Ctx, actor: Actor, periodId: string, accountId: string) {
  const { db, audit } = ctx;
  await db.transaction().execute(async (trx) => {
    if (!(await repo.period(trx, periodId))) throw notFound();
    const account = await repo.accountRole(trx, accountId);
    if (account?.role !== 'committee' || account.disabled_at !== null) {
      throw new AppError(
        'VALIDATION_FAILED',
        msg('Akun tersebut bukan akun panitia yang aktif.', 'That account is not an active committee account.'),
        {
          fields: [
            {
              field: 'accountId',
              message: msg('Pilih akun panitia yang aktif.', 'Choose an active committee account.'),
            },
          ],
        },
      );
    }
    await repo.addCommitteeMember(trx, periodId, accountId, actor.accountId);
    await audit.record(trx, {
      actor: actorOf(actor),
      action: 'period.add_committee_member',
      subjectType: 'recruitment_period',
      subjectId: periodId,
      after: { accountId },
    });
  });
}

/** The admin removes a member from a period's committee. */
export async function removeMember(ctx: Ctx, actor: Actor, periodId: string, accountId: string) {
  const { db, audit } = ctx;
  await db.transaction().execute(async (trx) => {
    const removed = await repo.removeCommitteeMember(trx, periodId, accountId);
    if (Number(removed.numDeletedRows) === 0) throw notFound();
    await audit.record(trx, {
      actor: actorOf(actor),
      action: 'period.remove_committee_member',
      subjectType: 'recruitment_period',
      subjectId: periodId,
      after: { accountId },
    });
  });
}

/** Active committee accounts the admin can add (name and e-mail only). */
export async function committeeAccounts(ctx: Ctx) {
  const { db } = ctx;
  return (await repo.committeeAccounts(db)).map((r) => ({ id: r.id, fullName: r.full_name, email: r.email }));
}
