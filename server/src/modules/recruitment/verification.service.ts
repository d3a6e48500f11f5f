/**
 * Administrative verification and what follows it (RULES.md §1.5–1.8): the verifier queue, per-document
 * MS/TMS with standard reasons, a second person's review, two-person publication with notices,
 * one sanggah per applicant within its window, re-announcement, exam sites, sessions and cards.
 */
import type { Kysely } from 'kysely';
import { msg, type Msg } from '../../../../common/contracts/messages.ts';
import type { Profile, VerifyFileBody } from '../../../../common/contracts/recruitment.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { ANOTHER_COMMITTEE_MEMBER, assertSecondPerson } from '../../platform/approvals.ts';
import type { Notifier } from '../../platform/notifications.ts';
import type { StepRunner } from '../../platform/process.ts';
import { renderExamCard } from '../../platform/pdf/cards.ts';
import { checkUpload } from '../../platform/upload-check.ts';
import type { Actor } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import {
  type RecruitmentRuleSet,
  TMS_REASONS,
  sanggahLimits,
  type TimelineKind,
  applicationMachine,
  assignSessions,
  participantNumber,
} from './domain/index.ts';
import { addDays, localDate, windowEndInstant } from '../../../../common/rules/calendar.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';
import { cardLinks, stageOpen, windowClosed } from './recruitment.service.ts';
import { formatWitaDate, formatWitaDateTime, formatWitaTime } from '../../../../common/rules/wita.ts';

export interface VerificationDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  steps: StepRunner;
  files: FileStore;
  notifier: Notifier;
  publicUrl: string;
  cardSecret: string;
}

const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
const conflict = (m: Msg) => new AppError('CONFLICT', m);
const reasonLabel = (code: string | null) => TMS_REASONS.find((r) => r.code === code);

export function createVerificationService(deps: VerificationDeps) {
  const { db, clock, ids, audit, files, notifier } = deps;

  // Counting a whole period's files costs a scan per request; verifiers paging through a queue of
  // 100,000 files share one count per period for a few seconds instead.
  const countCache = new Map<string, { at: number; rows: ReturnType<typeof repo.queueCounts> }>();
  function queueCounts(periodId: string) {
    const now = performance.now(); // an operational cache: real elapsed time, not the domain clock
    const hit = countCache.get(periodId);
    if (hit && now - hit.at < 5000) return hit.rows;
    // Concurrent requests share one query (and a failed one is not kept).
    const rows = repo.queueCounts(db, periodId);
    countCache.set(periodId, { at: now, rows });
    rows.catch(() => countCache.delete(periodId));
    return rows;
  }

  /** Verifiers see only the periods they are assigned to; to anyone else those files do not exist. */
  async function assertPeriodAccess(ex: Executor, actor: Actor, periodId: string) {
    if (actor.role === 'verifier' && !(await repo.isPeriodVerifier(ex, periodId, actor.accountId))) throw notFound();
    if (actor.role === 'committee' && !(await repo.isCommitteeMember(ex, periodId, actor.accountId))) throw notFound();
  }

  async function submittedApplication(ex: Executor, id: string, actor: Actor) {
    const a = await repo.lockApplication(ex, id);
    if (!a || a.status === 'draft' || a.status === 'withdrawn') throw notFound();
    await assertPeriodAccess(ex, actor, a.period_id);
    return a;
  }

  async function event(ex: Executor, applicationId: string, status: TimelineKind, note: Msg) {
    await repo.addEvent(ex, { application_id: applicationId, occurred_at: clock.now(), status, note_id: note.id, note_en: note.en });
  }

  async function notifyApplicant(ex: Executor, applicantId: string, title: string, body: string) {
    const account = await ex.selectFrom('accounts').select(['email', 'full_name']).where('id', '=', applicantId).executeTakeFirstOrThrow();
    await notifier.notify(ex, { accountId: applicantId, email: account.email, fullName: account.full_name }, { title, body, path: '/lamaran' });
  }

  /** The file, when it is open for this verifier's marks: claimed by them, no verdict yet. */
  async function openOwnFile(trx: Executor, actor: Actor, id: string) {
    const a = await submittedApplication(trx, id, actor);
    if (a.status !== 'submitted' || a.proposed_verdict !== null) throw conflict(msg('Berkas ini sudah diberi keputusan; minta peninjau mengembalikannya bila perlu diubah.', 'This file already has a verdict; ask the reviewer to return it to change it.'));
    if (a.verifier_id !== actor.accountId) throw conflict(msg('Ambil berkas ini ke antrean Anda terlebih dahulu.', 'Claim this file into your queue first.'));
    return a;
  }

  /** Marks one document MS/TMS (TMS needs a standard reason); `field` names it in a one-pass error. */
  async function markOne(trx: Executor, actor: Actor, id: string, kind: string, body: { verdict: 'ms' | 'tms'; reasonCode: string | null; reasonText: string | null }, field = 'reasonCode') {
    if (body.verdict === 'tms' && !reasonLabel(body.reasonCode)) {
      throw new AppError('VALIDATION_FAILED', msg('Pilih alasan TMS dari daftar baku.', 'Choose a TMS reason from the standard list.'), { fields: [{ field, message: msg('Alasan TMS wajib dipilih.', 'A TMS reason is required.') }] });
    }
    const doc = await repo.document(trx, id, kind);
    if (!doc) throw notFound();
    await trx
      .updateTable('application_documents')
      .set({ verdict: body.verdict, reason_code: body.verdict === 'tms' ? body.reasonCode : null, reason_text: body.reasonText, verified_by: actor.accountId, verified_at: clock.now() })
      .where('application_id', '=', id)
      .where('kind', '=', kind)
      .execute();
    await audit.record(trx, { actor: actorOf(actor), action: 'document.verify', subjectType: 'application', subjectId: id, before: { kind, verdict: doc.verdict }, after: { kind, verdict: body.verdict, reasonCode: body.reasonCode } });
  }

  /** Stores the file's proposed verdict once every document is marked. */
  async function proposeOne(trx: Executor, actor: Actor, id: string, body: { verdict: 'ms' | 'tms'; reasonCode: string | null; reasonText: string | null }) {
    const docs = await repo.documents(trx, id);
    if (docs.some((d) => d.verdict === null)) throw conflict(msg('Periksa semua dokumen (MS/TMS) sebelum memberi keputusan.', 'Mark every document MS/TMS first.'));
    const anyTms = docs.some((d) => d.verdict === 'tms');
    if (body.verdict === 'ms' && anyTms) throw conflict(msg('Ada dokumen TMS: keputusan berkas harus TMS.', 'A document is TMS: the file must be TMS.'));
    if (body.verdict === 'tms' && !anyTms && !reasonLabel(body.reasonCode)) {
      throw new AppError('VALIDATION_FAILED', msg('Keputusan TMS memerlukan alasan dari daftar baku.', 'A TMS verdict needs a reason from the standard list.'), { fields: [{ field: 'reasonCode', message: msg('Alasan TMS wajib dipilih.', 'A TMS reason is required.') }] });
    }
    const reasons = body.reasonCode || body.reasonText ? [{ code: body.reasonCode, text: body.reasonText }] : [];
    await repo.updateApplication(trx, id, { proposed_verdict: body.verdict, proposed_reasons: JSON.stringify(reasons), proposed_at: clock.now(), updated_at: clock.now() });
    await audit.record(trx, { actor: actorOf(actor), action: 'verification.propose', subjectType: 'application', subjectId: id, after: { verdict: body.verdict, reasons } });
  }

  async function tmsSummary(ex: Executor, applicationId: string, reasons: unknown) {
    const docs = (await repo.documents(ex, applicationId)).filter((d) => d.verdict === 'tms');
    const lines = docs.map((d) => `- ${d.kind}: ${reasonLabel(d.reason_code)?.id ?? d.reason_code ?? ''}${d.reason_text ? ` — ${d.reason_text}` : ''}`);
    const extra = Array.isArray(reasons) ? (reasons as { code: string | null; text: string | null }[]).map((r) => `- ${reasonLabel(r.code)?.id ?? r.code ?? ''}${r.text ? ` — ${r.text}` : ''}`) : [];
    return [...lines, ...extra].join('\n');
  }

  return {
    tmsReasons: () => TMS_REASONS,

    /** The committee assigns verifiers to a period. */
    async assignVerifier(actor: Actor, periodId: string, accountId: string) {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.period(trx, periodId))) throw notFound();
        const account = await trx.selectFrom('accounts').select(['role']).where('id', '=', accountId).executeTakeFirst();
        if (account?.role !== 'verifier') throw new AppError('VALIDATION_FAILED', msg('Akun tersebut bukan verifikator.', 'That account is not a verifier.'), { fields: [{ field: 'accountId', message: msg('Pilih akun verifikator.', 'Choose a verifier account.') }] });
        await trx.insertInto('period_verifiers').values({ period_id: periodId, account_id: accountId, assigned_by: actor.accountId }).onConflict((oc) => oc.columns(['period_id', 'account_id']).doNothing()).execute();
        await audit.record(trx, { actor: actorOf(actor), action: 'period.assign_verifier', subjectType: 'recruitment_period', subjectId: periodId, after: { accountId } });
      });
    },

    async unassignVerifier(actor: Actor, periodId: string, accountId: string) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('period_verifiers').where('period_id', '=', periodId).where('account_id', '=', accountId).execute();
        await audit.record(trx, { actor: actorOf(actor), action: 'period.unassign_verifier', subjectType: 'recruitment_period', subjectId: periodId, after: { accountId } });
      });
    },

    /** Verifier accounts the committee can assign (name and e-mail only). */
    async verifierAccounts() {
      const rows = await db.selectFrom('accounts').select(['id', 'full_name', 'email']).where('role', '=', 'verifier').where('disabled_at', 'is', null).orderBy('full_name').execute();
      return rows.map((r) => ({ id: r.id, fullName: r.full_name, email: r.email }));
    },

    async periodVerifiers(periodId: string) {
      const rows = await db
        .selectFrom('period_verifiers')
        .innerJoin('accounts', 'accounts.id', 'period_verifiers.account_id')
        .select(['accounts.id', 'accounts.full_name', 'accounts.email'])
        .where('period_verifiers.period_id', '=', periodId)
        .orderBy('accounts.full_name')
        .execute();
      return rows.map((r) => ({ id: r.id, fullName: r.full_name, email: r.email }));
    },

    /** Counts per state and one page of the queue for a period. */
    async queue(actor: Actor, periodId: string, filter: { status?: string | undefined; mine?: boolean | undefined; page: number; pageSize: number }) {
      await assertPeriodAccess(db, actor, periodId);
      const counts = await queueCounts(periodId);
      let q = db
        .selectFrom('applications')
        .innerJoin('formations', 'formations.id', 'applications.formation_id')
        .innerJoin('accounts', 'accounts.id', 'applications.applicant_id')
        .where('applications.period_id', '=', periodId)
        .where('applications.status', 'not in', ['draft', 'withdrawn']);
      if (filter.status) q = q.where('applications.status', '=', filter.status as never);
      if (filter.mine) q = q.where('applications.verifier_id', '=', actor.accountId);
      // The period-wide totals come from the (cached) counts; only "mine" needs its own, indexed count.
      const visible = counts.filter((c) => c.status !== 'draft' && c.status !== 'withdrawn' && (!filter.status || c.status === filter.status));
      const total = filter.mine
        ? Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
        : visible.reduce((sum, c) => sum + Number(c.n), 0);
      const rows = await q
        .select([
          'applications.id',
          'applications.registration_no',
          'applications.status',
          'applications.submitted_at',
          'applications.verifier_id',
          'applications.proposed_verdict',
          'applications.reviewed_by',
          'applications.published_result',
          'formations.jabatan',
          'formations.code as formation_code',
          'accounts.full_name',
        ])
        .orderBy('applications.submitted_at')
        .orderBy('applications.id')
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize)
        .execute();
      return {
        total,
        counts: {
          byStatus: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
          unassigned: counts.reduce((s, c) => s + Number(c.unassigned), 0),
          awaitingReview: counts.reduce((s, c) => s + Number(c.awaiting_review), 0),
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
      countCache.clear(); // this instance's queue counts change with it
      return db.transaction().execute(async (trx) => {
        await assertPeriodAccess(trx, actor, periodId);
        const picked = await trx
          .selectFrom('applications')
          .select('id')
          .where('period_id', '=', periodId)
          .where('status', '=', 'submitted')
          .where('verifier_id', 'is', null)
          .orderBy('submitted_at')
          .limit(count)
          .forUpdate()
          .skipLocked()
          .execute();
        if (picked.length === 0) return { claimed: 0 };
        await trx.updateTable('applications').set({ verifier_id: actor.accountId, updated_at: clock.now() }).where('id', 'in', picked.map((p) => p.id)).execute();
        await audit.record(trx, { actor: actorOf(actor), action: 'verification.claim', subjectType: 'recruitment_period', subjectId: periodId, after: { ids: picked.map((p) => p.id) } });
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
        db.selectFrom('accounts').select(['full_name', 'nik', 'birth_place', 'birth_date', 'gender', 'email', 'phone']).where('id', '=', a.applicant_id).executeTakeFirstOrThrow(),
        repo.documents(db, id),
        db.selectFrom('objections').selectAll().where('application_id', '=', id).executeTakeFirst(),
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

    async markDocument(actor: Actor, id: string, kind: string, body: { verdict: 'ms' | 'tms'; reasonCode: string | null; reasonText: string | null }) {
      await db.transaction().execute(async (trx) => {
        await openOwnFile(trx, actor, id);
        await markOne(trx, actor, id, kind, body);
      });
    },

    /** The verifier's verdict on the whole file: MS only when every document is MS; TMS needs a reason. */
    async proposeVerdict(actor: Actor, id: string, body: { verdict: 'ms' | 'tms'; reasonCode: string | null; reasonText: string | null }) {
      countCache.clear(); // this instance's queue counts change with it
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
      countCache.clear();
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
      countCache.clear(); // this instance's queue counts change with it
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

    async announcements(periodId: string) {
      return (await db.selectFrom('announcements').selectAll().where('period_id', '=', periodId).orderBy('proposed_at', 'desc').execute()).map((x) => ({
        id: x.id,
        stage: x.stage,
        status: x.status,
        proposedBy: x.proposed_by,
        proposedAt: new Date(x.proposed_at).toISOString(),
        decidedBy: x.decided_by,
        decidedAt: x.decided_at ? new Date(x.decided_at).toISOString() : null,
        note: x.note,
        summary: x.summary as { ms: number; tms: number } | null,
      }));
    },

    /** A committee member proposes publishing a stage; every file must be reviewed first. */
    async proposeAnnouncement(actor: Actor, periodId: string, body: { stage: 'administration' | 'reannouncement'; note: string | null }) {
      return db.transaction().execute(async (trx) => {
        if (!(await repo.period(trx, periodId))) throw notFound();
        const pending = await trx.selectFrom('announcements').select('id').where('period_id', '=', periodId).where('status', '=', 'proposed').executeTakeFirst();
        if (pending) throw conflict(msg('Masih ada usulan pengumuman yang menunggu persetujuan.', 'Another announcement is awaiting approval.'));
        if (body.stage === 'administration') {
          const open = await trx.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).where('period_id', '=', periodId).where('status', '=', 'submitted').executeTakeFirstOrThrow();
          if (Number(open.n) > 0) throw conflict(msg(`${open.n} berkas belum selesai diverifikasi dan ditinjau.`, `${open.n} files are not yet verified and reviewed.`));
        } else {
          const open = await trx.selectFrom('objections').innerJoin('applications', 'applications.id', 'objections.application_id').select((eb) => eb.fn.countAll<number>().as('n')).where('applications.period_id', '=', periodId).where('objections.status', '=', 'filed').executeTakeFirstOrThrow();
          if (Number(open.n) > 0) throw conflict(msg(`${open.n} sanggah belum dijawab.`, `${open.n} objections are unanswered.`));
        }
        const id = ids.uuid();
        await trx.insertInto('announcements').values({ id, period_id: periodId, stage: body.stage, status: 'proposed', proposed_by: actor.accountId, proposed_at: clock.now(), note: body.note }).execute();
        await audit.record(trx, { actor: actorOf(actor), action: 'announcement.propose', subjectType: 'announcement', subjectId: id, after: body });
        return { id };
      });
    },

    /** Another committee member approves (publishes: applicants are notified with reasons) or rejects. */
    async decideAnnouncement(actor: Actor, announcementId: string, body: { approve: boolean; note: string | null }) {
      countCache.clear(); // this instance's queue counts change with it
      return db.transaction().execute(async (trx) => {
        const ann = await trx.selectFrom('announcements').selectAll().where('id', '=', announcementId).forUpdate().executeTakeFirst();
        if (!ann) throw notFound();
        assertSecondPerson(ann, actor.accountId, ANOTHER_COMMITTEE_MEMBER);
        const now = clock.now();
        if (!body.approve) {
          await trx.updateTable('announcements').set({ status: 'rejected', decided_by: actor.accountId, decided_at: now, note: body.note }).where('id', '=', announcementId).execute();
          await audit.record(trx, { actor: actorOf(actor), action: 'announcement.reject', subjectType: 'announcement', subjectId: announcementId });
          return { published: 0 };
        }
        const period = (await repo.period(trx, ann.period_id))!;
        const ruleSet = period.rule_set as RecruitmentRuleSet;
        // Which results change: every reviewed file (administration), or the sanggah outcomes.
        const targets =
          ann.stage === 'administration'
            ? await trx.selectFrom('applications').selectAll().where('period_id', '=', ann.period_id).where('status', 'in', ['ms', 'tms']).where('published_result', 'is', null).execute()
            : await trx
                .selectFrom('applications')
                .innerJoin('objections', 'objections.application_id', 'applications.id')
                .selectAll('applications')
                .where('applications.period_id', '=', ann.period_id)
                .where('objections.status', 'in', ['accepted', 'rejected'])
                .where('objections.announced_at', 'is', null)
                .execute();
        const holidays = await repo.holidays(trx);
        const lastDay = addDays(localDate(now), ruleSet.sanggah.days, ruleSet.sanggah.mode, holidays);
        const objectionEnd = windowEndInstant(lastDay);
        let ms = 0;
        let tms = 0;
        for (const a of targets) {
          const result = a.status === 'ms' ? 'ms' : 'tms';
          result === 'ms' ? ms++ : tms++;
          if (ann.stage === 'reannouncement' && result === 'tms') {
            // A rejected sanggah: the TMS stands; the applicant is told the final answer.
            await event(trx, a.id, 'tms_final', msg('Hasil pasca sanggah: tetap Tidak Memenuhi Syarat (TMS).', 'After objection: still Not Eligible (TMS).'));
            await notifyApplicant(trx, a.applicant_id, 'Pengumuman pasca sanggah', 'Sanggah Anda telah dijawab. Hasil administrasi Anda tetap TMS. Lihat jawaban panitia di Merit.');
            continue;
          }
          await repo.updateApplication(trx, a.id, { published_result: result, published_at: now, updated_at: now });
          if (result === 'ms') {
            await event(trx, a.id, 'ms', msg('Hasil seleksi administrasi: Memenuhi Syarat (MS). Tunggu jadwal ujian dan cetak kartu ujian.', 'Administrative result: Eligible (MS). Wait for the exam schedule and print your exam card.'));
            await notifyApplicant(trx, a.applicant_id, 'Hasil seleksi administrasi: MS', 'Selamat, Anda dinyatakan Memenuhi Syarat (MS) administrasi. Jadwal dan kartu ujian akan tersedia di Merit.');
          } else {
            const reasons = await tmsSummary(trx, a.id, a.proposed_reasons);
            const until = formatWitaDateTime(objectionEnd);
            await event(trx, a.id, 'tms', msg(`Hasil seleksi administrasi: Tidak Memenuhi Syarat (TMS).\n${reasons}\nAnda dapat mengajukan sanggah satu kali sampai ${until}.`, `Administrative result: Not Eligible (TMS).\n${reasons}\nYou may file one objection until ${until}.`));
            await notifyApplicant(trx, a.applicant_id, 'Hasil seleksi administrasi: TMS', `Anda dinyatakan Tidak Memenuhi Syarat (TMS) dengan alasan:\n${reasons}\n\nJika menurut Anda verifikator keliru, ajukan sanggah satu kali di Merit sampai ${until}. Sanggah bukan untuk mengganti dokumen yang salah unggah.`);
          }
        }
        if (ann.stage === 'reannouncement' && targets.length > 0) {
          await trx.updateTable('objections').set({ announced_at: now }).where('application_id', 'in', targets.map((t) => t.id)).execute();
        }
        if (ann.stage === 'administration') {
          const stages = { ...period.stages, objection: period.stages.objection ?? { start: now.toISOString(), end: objectionEnd.toISOString() } };
          await trx.updateTable('recruitment_periods').set({ stages: JSON.stringify(stages), updated_at: now }).where('id', '=', period.id).execute();
        }
        await trx.updateTable('announcements').set({ status: 'published', decided_by: actor.accountId, decided_at: now, note: body.note ?? ann.note, summary: JSON.stringify({ ms, tms }) }).where('id', '=', announcementId).execute();
        await audit.record(trx, { actor: actorOf(actor), action: 'announcement.publish', subjectType: 'announcement', subjectId: announcementId, after: { stage: ann.stage, ms, tms } });
        return { published: targets.length };
      });
    },

    /** One sanggah per applicant, only on their own published TMS, only within the window (RULES.md §1.6). */
    async fileObjection(actor: Actor, id: string, body: { reason: string; evidence: Buffer | null }) {
      countCache.clear(); // this instance's queue counts change with it
      const own = await repo.application(db, id);
      if (!own || own.applicant_id !== actor.accountId) throw notFound();
      // The period's rule set says how long a reason and how large the evidence may be.
      const limits = sanggahLimits((await repo.period(db, own.period_id))!.rule_set as RecruitmentRuleSet);
      const { min, max } = limits.reasonChars;
      const trimmed = body.reason.trim();
      if (trimmed.length < min || trimmed.length > max) {
        throw new AppError('VALIDATION_FAILED', msg(`Tuliskan alasan sanggah ${min}–${max} karakter: dokumen mana yang menurut Anda keliru dinilai dan mengapa.`, `Write ${min}–${max} characters: which document you think was misjudged and why.`), { fields: [{ field: 'reason', message: msg(`Alasan sanggah ${min}–${max} karakter.`, `Reason must be ${min}–${max} characters.`) }] });
      }
      let evidence: { key: string; mime: string } | null = null;
      if (body.evidence && body.evidence.length > 0) {
        const check = await checkUpload(body.evidence, { mime: ['application/pdf', 'image/jpeg'], maxBytes: limits.evidenceMaxBytes });
        if (!check.ok) throw new AppError('VALIDATION_FAILED', check.message, { fields: [{ field: 'evidence', message: check.message }] });
        evidence = { key: (await files.put(check.data, { contentType: check.mime })).key, mime: check.mime };
      }
      return db.transaction().execute(async (trx) => {
        const a = await repo.lockApplication(trx, id);
        if (!a || a.applicant_id !== actor.accountId) throw notFound();
        if (a.published_result !== 'tms' || a.status !== 'tms') throw conflict(msg('Sanggah hanya untuk hasil TMS Anda yang sudah diumumkan.', 'An objection is only for your announced TMS result.'));
        if (await trx.selectFrom('objections').select('id').where('application_id', '=', id).executeTakeFirst()) throw conflict(msg('Sanggah hanya dapat diajukan satu kali.', 'An objection can be filed only once.'));
        const period = (await repo.period(trx, a.period_id))!;
        const now = clock.now();
        if (!stageOpen(period.stages, 'objection', now)) throw windowClosed(msg('Masa sanggah sudah berakhir atau belum dibuka.', 'The objection window is closed.'));
        const responseWindow = period.stages.objection_response;
        const deadline = responseWindow ? new Date(responseWindow.end) : windowEndInstant(addDays(localDate(now), limits.answerWorkingDays, 'working', await repo.holidays(trx)));
        const oid = ids.uuid();
        await trx.insertInto('objections').values({ id: oid, application_id: id, filed_at: now, deadline_at: deadline, reason: trimmed, evidence_key: evidence?.key ?? null, evidence_mime: evidence?.mime ?? null, status: 'filed' }).execute();
        await deps.steps(trx, {
          machine: applicationMachine,
          subject: { type: 'application', id, status: a.status },
          event: 'file_objection',
          actor: actorOf(actor),
          apply: (status) => repo.updateApplication(trx, id, { status, updated_at: now }),
          timeline: (status) => event(trx, id, status, msg(`Sanggah diajukan. Panitia menjawab paling lambat ${formatWitaDateTime(deadline)}.`, `Objection filed. The committee answers by ${formatWitaDateTime(deadline)}.`)),
          audit: { action: 'objection.file', after: { objectionId: oid, hasEvidence: evidence !== null } },
        });
        return { id: oid, deadlineAt: deadline.toISOString() };
      });
    },

    async objections(periodId: string) {
      const rows = await db
        .selectFrom('objections')
        .innerJoin('applications', 'applications.id', 'objections.application_id')
        .innerJoin('accounts', 'accounts.id', 'applications.applicant_id')
        .select(['objections.id', 'objections.application_id', 'objections.status', 'objections.reason', 'objections.filed_at', 'objections.deadline_at', 'objections.response', 'objections.evidence_key', 'applications.registration_no', 'accounts.full_name'])
        .where('applications.period_id', '=', periodId)
        .orderBy('objections.deadline_at')
        .execute();
      const now = clock.now().getTime();
      return rows.map((o) => ({
        id: o.id,
        applicationId: o.application_id,
        registrationNo: o.registration_no,
        fullName: o.full_name,
        status: o.status,
        reason: o.reason,
        hasEvidence: o.evidence_key !== null,
        filedAt: new Date(o.filed_at).toISOString(),
        deadlineAt: new Date(o.deadline_at).toISOString(),
        overdue: o.status === 'filed' && new Date(o.deadline_at).getTime() < now,
        response: o.response,
      }));
    },

    /** The committee's answer: accept → MS (published at re-announcement), reject → TMS final. */
    async answerObjection(actor: Actor, objectionId: string, body: { accept: boolean; response: string }) {
      countCache.clear(); // this instance's queue counts change with it
      await db.transaction().execute(async (trx) => {
        const o = await trx.selectFrom('objections').selectAll().where('id', '=', objectionId).forUpdate().executeTakeFirst();
        if (!o) throw notFound();
        if (o.status !== 'filed') throw conflict(msg('Sanggah ini sudah dijawab.', 'This objection was already answered.'));
        const now = clock.now();
        await trx.updateTable('objections').set({ status: body.accept ? 'accepted' : 'rejected', response: body.response, responded_by: actor.accountId, responded_at: now }).where('id', '=', objectionId).execute();
        const application = (await repo.lockApplication(trx, o.application_id))!;
        await deps.steps(trx, {
          machine: applicationMachine,
          subject: { type: 'application', id: o.application_id, status: application.status },
          event: body.accept ? 'accept_objection' : 'reject_objection',
          actor: actorOf(actor),
          apply: (status) => repo.updateApplication(trx, o.application_id, { status, updated_at: now }),
          // The answer is a milestone of the timeline; the new status shows when it is announced.
          timeline: () =>
            event(trx, o.application_id, body.accept ? 'objection_accepted' : 'objection_rejected', body.accept
              ? msg(`Sanggah diterima: ${body.response}. Hasil MS diumumkan pada pengumuman pasca sanggah.`, `Objection accepted: ${body.response}. MS is announced in the post-objection announcement.`)
              : msg(`Sanggah ditolak: ${body.response}`, `Objection rejected: ${body.response}`)),
          audit: { action: body.accept ? 'objection.accept' : 'objection.reject', after: { objectionId, late: now > new Date(o.deadline_at) } },
        });
      });
    },

    async readObjectionEvidence(objectionId: string, actor: Actor) {
      const o = await db.selectFrom('objections').select(['evidence_key', 'evidence_mime', 'application_id']).where('id', '=', objectionId).executeTakeFirst();
      if (!o?.evidence_key) throw notFound();
      await audit.record(db, { actor: actorOf(actor), action: 'objection.view_evidence', subjectType: 'objection', subjectId: objectionId });
      return { data: await files.get(o.evidence_key), mime: o.evidence_mime ?? 'application/octet-stream' };
    },

    // ── exam scheduling ───────────────────────────────────────────────────────────────────
    async createSite(actor: Actor, periodId: string, body: { name: string; address: string; accessible: boolean }) {
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.period(trx, periodId))) throw notFound();
        await trx.insertInto('exam_sites').values({ id, period_id: periodId, ...body }).execute();
        await audit.record(trx, { actor: actorOf(actor), action: 'exam_site.create', subjectType: 'exam_site', subjectId: id, after: body });
      });
      return { id, ...body };
    },

    async createSession(actor: Actor, siteId: string, body: { startsAt: string; durationMinutes: number; capacity: number }) {
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('exam_sites').select('id').where('id', '=', siteId).executeTakeFirst())) throw notFound();
        await trx.insertInto('exam_sessions').values({ id, site_id: siteId, starts_at: new Date(body.startsAt), duration_minutes: body.durationMinutes, capacity: body.capacity }).execute();
        await audit.record(trx, { actor: actorOf(actor), action: 'exam_session.create', subjectType: 'exam_session', subjectId: id, after: body });
      });
      return { id, siteId, ...body };
    },

    async schedule(periodId: string) {
      const sites = await db.selectFrom('exam_sites').selectAll().where('period_id', '=', periodId).orderBy('name').execute();
      const sessions = sites.length
        ? await db
            .selectFrom('exam_sessions')
            .selectAll()
            .select((eb) => eb.selectFrom('exam_assignments').whereRef('exam_assignments.session_id', '=', 'exam_sessions.id').select(eb.fn.countAll<number>().as('n')).as('assigned'))
            .where('site_id', 'in', sites.map((s) => s.id))
            .orderBy('starts_at')
            .execute()
        : [];
      return sites.map((s) => ({
        id: s.id,
        name: s.name,
        address: s.address,
        accessible: s.accessible,
        sessions: sessions.filter((x) => x.site_id === s.id).map((x) => ({ id: x.id, startsAt: new Date(x.starts_at).toISOString(), durationMinutes: x.duration_minutes, capacity: x.capacity, assigned: Number(x.assigned ?? 0) })),
      }));
    },

    /** Places every published MS applicant not yet placed: balanced, within capacity, accessible sites and extra time for disabilitas. */
    async assignSessions(actor: Actor, periodId: string) {
      return db.transaction().execute(async (trx) => {
        const period = await repo.period(trx, periodId);
        if (!period) throw notFound();
        const apps = await trx
          .selectFrom('applications')
          .innerJoin('formations', 'formations.id', 'applications.formation_id')
          .leftJoin('exam_assignments', 'exam_assignments.application_id', 'applications.id')
          .select(['applications.id', 'applications.registration_no', 'applications.biodata', 'applications.participant_no', 'applications.formation_id', 'formations.need_type', 'formations.code'])
          .where('applications.period_id', '=', periodId)
          .where('applications.published_result', '=', 'ms')
          .where('exam_assignments.application_id', 'is', null)
          .orderBy('applications.registration_no')
          .execute();
        const sessions = await trx
          .selectFrom('exam_sessions')
          .innerJoin('exam_sites', 'exam_sites.id', 'exam_sessions.site_id')
          .select(['exam_sessions.id', 'exam_sessions.site_id', 'exam_sessions.starts_at', 'exam_sessions.capacity', 'exam_sites.accessible'])
          .select((eb) => eb.selectFrom('exam_assignments').whereRef('exam_assignments.session_id', '=', 'exam_sessions.id').select(eb.fn.countAll<number>().as('n')).as('taken'))
          .select((eb) => eb.selectFrom('exam_assignments').whereRef('exam_assignments.session_id', '=', 'exam_sessions.id').select((e2) => e2.fn.max('exam_assignments.seat').as('m')).as('max_seat'))
          .where('exam_sites.period_id', '=', periodId)
          .execute();
        if (sessions.length === 0) throw conflict(msg('Buat lokasi dan sesi ujian terlebih dahulu.', 'Create exam sites and sessions first.'));
        // Participant numbers are given once, in registration order, and never change:
        // formation position in the period (by code), then the applicant's order in that formation.
        const formationSeq = new Map(
          (await trx.selectFrom('formations').select('id').where('period_id', '=', periodId).orderBy('code').execute()).map((f, i) => [f.id, i + 1]),
        );
        const taken = new Map(
          (
            await trx
              .selectFrom('applications')
              .select(['formation_id', (eb) => eb.fn.count<number>('participant_no').as('n')])
              .where('period_id', '=', periodId)
              .groupBy('formation_id')
              .execute()
          ).map((r) => [r.formation_id, Number(r.n)]),
        );
        // The period's position among the year's periods keeps numbers unique across periods.
        const sameYear = await trx.selectFrom('recruitment_periods').select('id').where('year', '=', period.year).orderBy('created_at').orderBy('id').execute();
        const periodCode = String(sameYear.findIndex((x) => x.id === periodId) + 1).padStart(2, '0');
        const participants = [];
        for (const a of apps) {
          let no = a.participant_no;
          if (!no) {
            const next = (taken.get(a.formation_id) ?? 0) + 1;
            taken.set(a.formation_id, next);
            no = participantNumber({ year: period.year, periodCode, formationSeq: formationSeq.get(a.formation_id)!, applicantSeq: next });
            await repo.updateApplication(trx, a.id, { participant_no: no });
          }
          const disabled = a.need_type === 'disabilitas' || Boolean((a.biodata as Profile | null)?.hasDisability);
          // RULES.md §2.1: 130 instead of 100 minutes for the disability accommodation.
          participants.push({ id: a.id, participantNo: no, needsAccessibleSite: disabled, extraMinutes: disabled ? 30 : 0 });
        }
        const result = assignSessions(
          participants,
          sessions.map((s) => ({ id: s.id, siteId: s.site_id, startsAt: new Date(s.starts_at).toISOString(), capacity: s.capacity - Number(s.taken ?? 0), accessible: s.accessible })).filter((s) => s.capacity > 0),
        );
        const seatBase = new Map(sessions.map((s) => [s.id, Number(s.max_seat ?? 0)]));
        for (const x of result.assignments) {
          await trx.insertInto('exam_assignments').values({ application_id: x.participantId, session_id: x.sessionId, seat: seatBase.get(x.sessionId)! + x.seat, extra_minutes: x.extraMinutes }).execute();
          await event(trx, x.participantId, 'exam_scheduled', msg('Jadwal ujian tersedia. Cetak kartu ujian Anda.', 'Exam schedule available. Print your exam card.'));
        }
        await audit.record(trx, { actor: actorOf(actor), action: 'exam.assign_sessions', subjectType: 'recruitment_period', subjectId: periodId, after: { assigned: result.assignments.length, unassigned: result.unassigned.length } });
        return { assigned: result.assignments.length, unassigned: result.unassigned };
      });
    },

    async examCard(actor: Actor, id: string) {
      const a = await repo.applicationOf(db, actor.accountId, id);
      if (!a) throw notFound();
      const seat = await db
        .selectFrom('exam_assignments')
        .innerJoin('exam_sessions', 'exam_sessions.id', 'exam_assignments.session_id')
        .innerJoin('exam_sites', 'exam_sites.id', 'exam_sessions.site_id')
        .select(['exam_assignments.seat', 'exam_assignments.extra_minutes', 'exam_sessions.starts_at', 'exam_sessions.duration_minutes', 'exam_sites.name', 'exam_sites.address'])
        .where('exam_assignments.application_id', '=', id)
        .executeTakeFirst();
      if (!seat || !a.participant_no) throw conflict(msg('Kartu ujian tersedia setelah panitia menerbitkan jadwal ujian.', 'The exam card is available once the committee publishes the schedule.'));
      const [formation, period, account, photo] = await Promise.all([
        repo.formation(db, a.formation_id),
        repo.period(db, a.period_id),
        db.selectFrom('accounts').select(['full_name']).where('id', '=', a.applicant_id).executeTakeFirstOrThrow(),
        repo.document(db, id, 'pas_foto'),
      ]);
      const starts = new Date(seat.starts_at);
      const end = new Date(starts.getTime() + (seat.duration_minutes + seat.extra_minutes) * 60_000);
      return renderExamCard({
        periodName: period!.name,
        participantNo: a.participant_no,
        fullName: ((a.biodata as Profile | null)?.nameOnIjazah ?? account.full_name),
        formation: { jabatan: formation!.jabatan, organizationName: formation!.organization_name, needType: formation!.need_type, educationLevel: formation!.education_levels.join('/') },
        session: { dateText: formatWitaDate(starts), timeText: `${formatWitaTime(starts)}–${formatWitaTime(end)} WITA`, siteName: seat.name, siteAddress: seat.address, seat: String(seat.seat) },
        ...(seat.extra_minutes > 0 ? { extraTimeText: `Tambahan waktu ${seat.extra_minutes} menit (akomodasi disabilitas)` } : {}),
        ...(photo ? { photoJpeg: await files.get(photo.file_key) } : {}),
        verifyUrl: `${deps.publicUrl}/kartu/${a.registration_no}?s=${cardLinks(deps.cardSecret).sign(a.registration_no)}`,
        // The card prints BKN's standing rules itself; Palu adds none for now.
        rules: [],
      });
    },
  };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
