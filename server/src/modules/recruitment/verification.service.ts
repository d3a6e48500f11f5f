/**
 * Administrative verification (RULES.md §1.5): verifiers assigned to a period, the queue and
 * claiming files from it, per-document MS/TMS with standard reasons, the file's proposed verdict,
 * and a second person's review before anything can be announced.
 */
import type { Kysely } from 'kysely';
import { msg, type Msg } from '../../../../common/contracts/messages.ts';
import type { Profile, VerifyFileBody } from '../../../../common/contracts/recruitment.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { StepRunner } from '../../platform/process.ts';
import type { Actor } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { type RecruitmentRuleSet, TMS_REASONS, applicationMachine, tmsReasonLabel } from './domain/index.ts';
import { actorOf, assertPeriodAccess, conflict, createQueueCountCache, submittedApplication } from './application-workflow.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

export interface VerificationDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditService;
  steps: StepRunner;
}

type Verdict = { verdict: 'ms' | 'tms'; reasonCode: string | null; reasonText: string | null };

export function createVerificationService(deps: VerificationDeps) {
  const { db, clock, audit } = deps;
  const counts = createQueueCountCache(db);

  /** The file, when it is open for this verifier's marks: claimed by them, no verdict yet. */
  async function openOwnFile(trx: Executor, actor: Actor, id: string) {
    const a = await submittedApplication(trx, id, actor);
    if (a.status !== 'submitted' || a.proposed_verdict !== null) throw conflict(msg('Berkas ini sudah diberi keputusan; minta peninjau mengembalikannya bila perlu diubah.', 'This file already has a verdict; ask the reviewer to return it to change it.'));
    if (a.verifier_id !== actor.accountId) throw conflict(msg('Ambil berkas ini ke antrean Anda terlebih dahulu.', 'Claim this file into your queue first.'));
    return a;
  }

  /** Marks one document MS/TMS (TMS needs a standard reason); `field` names it in a one-pass error. */
  async function markOne(trx: Executor, actor: Actor, id: string, kind: string, body: Verdict, field = 'reasonCode') {
    if (body.verdict === 'tms' && !tmsReasonLabel(body.reasonCode)) {
      throw new AppError('VALIDATION_FAILED', msg('Pilih alasan TMS dari daftar baku.', 'Choose a TMS reason from the standard list.'), { fields: [{ field, message: msg('Alasan TMS wajib dipilih.', 'A TMS reason is required.') }] });
    }
    const doc = await repo.document(trx, id, kind);
    if (!doc) throw notFound();
    await repo.setDocumentVerdict(trx, id, kind, { verdict: body.verdict, reason_code: body.verdict === 'tms' ? body.reasonCode : null, reason_text: body.reasonText, verified_by: actor.accountId, verified_at: clock.now() });
    await audit.record(trx, { actor: actorOf(actor), action: 'document.verify', subjectType: 'application', subjectId: id, before: { kind, verdict: doc.verdict }, after: { kind, verdict: body.verdict, reasonCode: body.reasonCode } });
  }

  /** Stores the file's proposed verdict once every document is marked. */
  async function proposeOne(trx: Executor, actor: Actor, id: string, body: Verdict) {
    const docs = await repo.documents(trx, id);
    if (docs.some((d) => d.verdict === null)) throw conflict(msg('Periksa semua dokumen (MS/TMS) sebelum memberi keputusan.', 'Mark every document MS/TMS first.'));
    const anyTms = docs.some((d) => d.verdict === 'tms');
    if (body.verdict === 'ms' && anyTms) throw conflict(msg('Ada dokumen TMS: keputusan berkas harus TMS.', 'A document is TMS: the file must be TMS.'));
    if (body.verdict === 'tms' && !anyTms && !tmsReasonLabel(body.reasonCode)) {
      throw new AppError('VALIDATION_FAILED', msg('Keputusan TMS memerlukan alasan dari daftar baku.', 'A TMS verdict needs a reason from the standard list.'), { fields: [{ field: 'reasonCode', message: msg('Alasan TMS wajib dipilih.', 'A TMS reason is required.') }] });
    }
    const reasons = body.reasonCode || body.reasonText ? [{ code: body.reasonCode, text: body.reasonText }] : [];
    await repo.updateApplication(trx, id, { proposed_verdict: body.verdict, proposed_reasons: JSON.stringify(reasons), proposed_at: clock.now(), updated_at: clock.now() });
    await audit.record(trx, { actor: actorOf(actor), action: 'verification.propose', subjectType: 'application', subjectId: id, after: { verdict: body.verdict, reasons } });
  }

  return {
    /** Drops this instance's cached queue counts; announcements and sanggah call it when they change files. */
    invalidate: counts.invalidate,

    tmsReasons: () => TMS_REASONS,

    /** The committee assigns verifiers to a period. */
    async assignVerifier(actor: Actor, periodId: string, accountId: string) {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.period(trx, periodId))) throw notFound();
        const account = await repo.accountRole(trx, accountId);
        if (account?.role !== 'verifier') throw new AppError('VALIDATION_FAILED', msg('Akun tersebut bukan verifikator.', 'That account is not a verifier.'), { fields: [{ field: 'accountId', message: msg('Pilih akun verifikator.', 'Choose a verifier account.') }] });
        await repo.addPeriodVerifier(trx, periodId, accountId, actor.accountId);
        await audit.record(trx, { actor: actorOf(actor), action: 'period.assign_verifier', subjectType: 'recruitment_period', subjectId: periodId, after: { accountId } });
      });
    },

    async unassignVerifier(actor: Actor, periodId: string, accountId: string) {
      await db.transaction().execute(async (trx) => {
        await repo.removePeriodVerifier(trx, periodId, accountId);
        await audit.record(trx, { actor: actorOf(actor), action: 'period.unassign_verifier', subjectType: 'recruitment_period', subjectId: periodId, after: { accountId } });
      });
    },

    /** Verifier accounts the committee can assign (name and e-mail only). */
    async verifierAccounts() {
      return (await repo.verifierAccounts(db)).map((r) => ({ id: r.id, fullName: r.full_name, email: r.email }));
    },

    async periodVerifiers(periodId: string) {
      return (await repo.periodVerifiers(db, periodId)).map((r) => ({ id: r.id, fullName: r.full_name, email: r.email }));
    },

    /** Counts per state and one page of the queue for a period. */
    async queue(actor: Actor, periodId: string, filter: { status?: string | undefined; mine?: boolean | undefined; page: number; pageSize: number }) {
      await assertPeriodAccess(db, actor, periodId);
      const byStatus = await counts.get(periodId);
      const scope = { status: filter.status, verifierId: filter.mine ? actor.accountId : undefined };
      // The period-wide totals come from the (cached) counts; only "mine" needs its own, indexed count.
      const visible = byStatus.filter((c) => c.status !== 'draft' && c.status !== 'withdrawn' && (!filter.status || c.status === filter.status));
      const total = filter.mine ? await repo.queueTotal(db, periodId, scope) : visible.reduce((sum, c) => sum + Number(c.n), 0);
      const rows = await repo.queuePage(db, periodId, { ...scope, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize });
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
    },

    /** Assigns the oldest unassigned submitted applications to the verifier (skipping locked rows). */
    async claim(actor: Actor, periodId: string, count: number) {
      counts.invalidate(); // this instance's queue counts change with it
      return db.transaction().execute(async (trx) => {
        await assertPeriodAccess(trx, actor, periodId);
        const picked = await repo.lockClaimable(trx, periodId, count);
        if (picked.length === 0) return { claimed: 0 };
        await repo.assignFiles(trx, picked, actor.accountId, clock.now());
        await audit.record(trx, { actor: actorOf(actor), action: 'verification.claim', subjectType: 'recruitment_period', subjectId: periodId, after: { ids: picked } });
        return { claimed: picked.length };
      });
    },

    /** Everything a verifier needs for one file; the NIK is shown because matching it is the job. */
    async detail(actor: Actor, id: string) {
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
      await audit.record(db, { actor: actorOf(actor), action: 'application.view', subjectType: 'application', subjectId: id });
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
        applicant: { fullName: account.full_name, nik: account.nik, birthPlace: account.birth_place, birthDate: account.birth_date, gender: account.gender, email: account.email, phone: account.phone },
        biodata: a.biodata as Profile | null,
        formation: { id: formation!.id, code: formation!.code, jabatan: formation!.jabatan, organizationName: formation!.organization_name, educationLevels: formation!.education_levels, majors: formation!.majors, needType: formation!.need_type },
        documents: docs.map((d) => ({ kind: d.kind, label: limits[d.kind]?.label ?? { id: d.kind, en: d.kind }, mime: d.mime, size: d.size_bytes, verdict: d.verdict, reasonCode: d.reason_code, reasonText: d.reason_text })),
        objection: objection ? { id: objection.id, status: objection.status, reason: objection.reason, hasEvidence: objection.evidence_key !== null, deadlineAt: new Date(objection.deadline_at).toISOString(), response: objection.response } : null,
      };
    },

    async markDocument(actor: Actor, id: string, kind: string, body: Verdict) {
      await db.transaction().execute(async (trx) => {
        await openOwnFile(trx, actor, id);
        await markOne(trx, actor, id, kind, body);
      });
    },

    /** The verifier's verdict on the whole file: MS only when every document is MS; TMS needs a reason. */
    async proposeVerdict(actor: Actor, id: string, body: Verdict) {
      counts.invalidate(); // this instance's queue counts change with it
      await db.transaction().execute(async (trx) => {
        await openOwnFile(trx, actor, id);
        await proposeOne(trx, actor, id, body);
      });
    },

    /**
     * One pass over a file: every document's MS/TMS and the file's verdict in one transaction, so
     * a file is either fully judged or untouched. Each document must be named once.
     */
    async verifyFile(actor: Actor, id: string, body: VerifyFileBody) {
      counts.invalidate();
      const kinds = body.documents.map((d) => d.kind);
      if (new Set(kinds).size !== kinds.length) throw new AppError('VALIDATION_FAILED', msg('Setiap dokumen dinilai satu kali.', 'Judge each document once.'));
      await db.transaction().execute(async (trx) => {
        await openOwnFile(trx, actor, id);
        const docs = await repo.documents(trx, id);
        const missing = docs.filter((d) => !kinds.includes(d.kind));
        if (missing.length > 0) {
          throw new AppError('VALIDATION_FAILED', msg('Nilai semua dokumen (MS/TMS) sebelum menyimpan keputusan berkas.', 'Judge every document (MS/TMS) before saving the file verdict.'), {
            fields: missing.map((d) => ({ field: d.kind, message: msg('Pilih MS atau TMS.', 'Choose MS or TMS.') })),
          });
        }
        for (const d of body.documents) await markOne(trx, actor, id, d.kind, d, d.kind);
        await proposeOne(trx, actor, id, body);
      });
    },

    /** A second verifier or the committee confirms (or returns) the verdict before it can be published. */
    async review(actor: Actor, id: string, body: { approve: boolean; note: string | null }) {
      counts.invalidate(); // this instance's queue counts change with it
      await db.transaction().execute(async (trx) => {
        const a = await submittedApplication(trx, id, actor);
        if (a.status !== 'submitted' || a.proposed_verdict === null) throw conflict(msg('Belum ada keputusan verifikator untuk ditinjau.', 'There is no verdict to review yet.'));
        if (a.verifier_id === actor.accountId) throw conflict(msg('Peninjau harus orang lain, bukan verifikator berkas ini.', 'The reviewer must be someone other than the file’s verifier.'));
        if (body.approve) {
          await deps.steps(trx, {
            machine: applicationMachine,
            subject: { type: 'application', id, status: a.status },
            event: a.proposed_verdict === 'ms' ? 'verify_ms' : 'verify_tms',
            actor: actorOf(actor),
            apply: (status) => repo.updateApplication(trx, id, { status, reviewed_by: actor.accountId, reviewed_at: clock.now(), updated_at: clock.now() }),
            audit: { action: 'verification.approve', after: { verdict: a.proposed_verdict, note: body.note } },
          });
        } else {
          await repo.updateApplication(trx, id, { proposed_verdict: null, proposed_reasons: null, proposed_at: null, updated_at: clock.now() });
          await audit.record(trx, { actor: actorOf(actor), action: 'verification.return', subjectType: 'application', subjectId: id, after: { verdict: a.proposed_verdict, note: body.note } });
        }
      });
    },
  };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
