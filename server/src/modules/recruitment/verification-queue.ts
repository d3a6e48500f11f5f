/** Verifiers of a period and their queue: assigning them, the queue with its counts, claiming files, and one file's detail. */
import { msg, type Msg } from '../../../../common/contracts/messages.ts';
import type { Profile } from '../../../../common/contracts/recruitment.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import type { RecruitmentRuleSet } from './domain/index.ts';
import { actorOf, assertPeriodAccess } from './application-workflow.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

type Ctx = Pick<RecruitmentContext, 'db' | 'clock' | 'audit' | 'counts'>;

/** The committee assigns verifiers to a period. */
export async function assignVerifier(ctx: Ctx, actor: Actor, periodId: string, accountId: string) {
  const { db, audit } = ctx;
  await db.transaction().execute(async (trx) => {
    if (!(await repo.period(trx, periodId))) throw notFound();
    const account = await repo.accountRole(trx, accountId);
    if (account?.role !== 'verifier')
      throw new AppError(
        'VALIDATION_FAILED',
        msg('Akun tersebut bukan verifikator.', 'That account is not a verifier.'),
        { fields: [{ field: 'accountId', message: msg('Pilih akun verifikator.', 'Choose a verifier account.') }] },
      );
    await repo.addPeriodVerifier(trx, periodId, accountId, actor.accountId);
    await audit.record(trx, {
      actor: actorOf(actor),
      action: 'period.assign_verifier',
      subjectType: 'recruitment_period',
      subjectId: periodId,
      after: { accountId },
    });
  });
}

/** The committee withdraws a verifier from a period. */
export async function unassignVerifier(ctx: Ctx, actor: Actor, periodId: string, accountId: string) {
  const { db, audit } = ctx;
  await db.transaction().execute(async (trx) => {
    await repo.removePeriodVerifier(trx, periodId, accountId);
    await audit.record(trx, {
      actor: actorOf(actor),
      action: 'period.unassign_verifier',
      subjectType: 'recruitment_period',
      subjectId: periodId,
      after: { accountId },
    });
  });
}

/** Verifier accounts the committee can assign (name and e-mail only). */
export async function verifierAccounts(ctx: Ctx) {
  const { db } = ctx;
  return (await repo.verifierAccounts(db)).map((r) => ({ id: r.id, fullName: r.full_name, email: r.email }));
}

/** The verifiers assigned to a period. */
export async function periodVerifiers(ctx: Ctx, periodId: string) {
  const { db } = ctx;
  return (await repo.periodVerifiers(db, periodId)).map((r) => ({ id: r.id, fullName: r.full_name, email: r.email }));
}

/** Counts per state and one page of the queue for a period. */
export async function queue(
  ctx: Ctx,
  actor: Actor,
  periodId: string,
  filter: { status?: string | undefined; mine?: boolean | undefined; page: number; pageSize: number },
) {
  const { db, counts } = ctx;
  await assertPeriodAccess(db, actor, periodId);
  const byStatus = await counts.get(periodId);
  const scope = { status: filter.status, verifierId: filter.mine ? actor.accountId : undefined };
  // The period-wide totals come from the (cached) counts; only "mine" needs its own, indexed count.
  const visible = byStatus.filter(
    (c) => c.status !== 'draft' && c.status !== 'withdrawn' && (!filter.status || c.status === filter.status),
  );
  const total = filter.mine
    ? await repo.queueTotal(db, periodId, scope)
    : visible.reduce((sum, c) => sum + Number(c.n), 0);
  const rows = await repo.queuePage(db, periodId, {
    ...scope,
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  return {
    total,
    counts: {
      byStatus: Object.fromEntries(byStatus.map((c) => [c.status, Number(c.n)])),
      unassigned: byStatus.reduce((s, c) => s + Number(c.unassigned), 0),
      awaitingReview: byStatus.reduce((s, c) => s + Number(c.awaiting_review), 0),
    },
    applications: rows.map((r) => ({
      id: r.id,
      registrationNo: r.registration_no,
      status: r.status,
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      assignedToMe: r.verifier_id === actor.accountId,
      assigned: r.verifier_id !== null,
      proposedVerdict: r.proposed_verdict,
      reviewed: r.reviewed_by !== null,
      published: r.published_result !== null,
      jabatan: r.jabatan,
      formationCode: r.formation_code,
      fullName: r.full_name,
    })),
  };
}

/** Assigns the oldest unassigned submitted applications to the verifier (skipping locked rows). */
export async function claim(ctx: Ctx, actor: Actor, periodId: string, count: number) {
  const { db, clock, audit, counts } = ctx;
  counts.invalidate(); // this instance's queue counts change with it
  return db.transaction().execute(async (trx) => {
    await assertPeriodAccess(trx, actor, periodId);
    const picked = await repo.lockClaimable(trx, periodId, count);
    if (picked.length === 0) return { claimed: 0 };
    await repo.assignFiles(trx, picked, actor.accountId, clock.now());
    await audit.record(trx, {
      actor: actorOf(actor),
      action: 'verification.claim',
      subjectType: 'recruitment_period',
      subjectId: periodId,
      after: { ids: picked },
    });
    return { claimed: picked.length };
  });
}

/** Everything a verifier needs for one file; the NIK is shown because matching it is the job. */
export async function detail(ctx: Ctx, actor: Actor, id: string) {
  const { db, audit } = ctx;
  const a = await repo.application(db, id);
  if (!a || a.status === 'draft' || a.status === 'withdrawn') throw notFound();
  await assertPeriodAccess(db, actor, a.period_id);
  const [formation, account, docs, objection, period] = await Promise.all([
    repo.formation(db, a.formation_id),
    repo.accountForVerifier(db, a.applicant_id),
    repo.documents(db, id),
    repo.objectionOf(db, id),
    repo.period(db, a.period_id),
  ]);
  await audit.record(db, {
    actor: actorOf(actor),
    action: 'application.view',
    subjectType: 'application',
    subjectId: id,
  });
  const limits = (period!.rule_set as RecruitmentRuleSet).uploadLimits as Record<string, { label: Msg }>;
  return {
    id: a.id,
    registrationNo: a.registration_no,
    status: a.status,
    verifierId: a.verifier_id,
    proposedVerdict: a.proposed_verdict,
    proposedReasons: a.proposed_reasons,
    reviewedBy: a.reviewed_by,
    publishedResult: a.published_result,
    applicant: {
      fullName: account.full_name,
      nik: account.nik,
      birthPlace: account.birth_place,
      birthDate: account.birth_date,
      gender: account.gender,
      email: account.email,
      phone: account.phone,
    },
    biodata: a.biodata as Profile | null,
    formation: {
      id: formation!.id,
      code: formation!.code,
      jabatan: formation!.jabatan,
      organizationName: formation!.organization_name,
      educationLevels: formation!.education_levels,
      majors: formation!.majors,
      needType: formation!.need_type,
    },
    documents: docs.map((d) => ({
      kind: d.kind,
      label: limits[d.kind]?.label ?? { id: d.kind, en: d.kind },
      mime: d.mime,
      size: d.size_bytes,
      verdict: d.verdict,
      reasonCode: d.reason_code,
      reasonText: d.reason_text,
    })),
    objection: objection
      ? {
          id: objection.id,
          status: objection.status,
          reason: objection.reason,
          hasEvidence: objection.evidence_key !== null,
          deadlineAt: new Date(objection.deadline_at).toISOString(),
          response: objection.response,
        }
      : null,
  };
}
