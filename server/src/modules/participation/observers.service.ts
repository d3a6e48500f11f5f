/**
 * Civil-society oversight of recruitment (issue 14): organisations (NGOs, universities, the press,
 * Ombudsman RI Sulteng) apply with a letter for accreditation on one recruitment period; the
 * committee approves with an expiry or refuses, always with a reason. An approved, unexpired
 * observer sees read-only process views — counts only, so no person appears — and files findings
 * (temuan) that the committee must answer within working days (Palu's calendar). Answered or
 * overdue findings, answers and lateness are public.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { msg } from '../../../../common/contracts/messages.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import type { AccreditationQuery, FindingBody } from '../../../../common/contracts/participation.ts';
import { dayNumber, localDate } from '../../../../common/rules/calendar.ts';
import { redactPhrase } from '../../../../common/rules/mask-personal-data.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import { type FileStore, putRecorded } from '../../platform/file-store.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import type { Notifier } from '../../platform/notifications.ts';
import { checkUpload } from '../../platform/upload-check.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import { type PeriodCommitteeService, tmsReasonLabel } from '../recruitment/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { dueAfter } from './domain/complaints.ts';
import { presentAccreditation as presentAccreditationRow, presentFinding as presentFindingRow, publicText } from './participation.presenter.ts';
import { participationRepository as repo } from './participation.repository.ts';

export interface ObserverLimits {
  /** Working days the committee has to answer a finding. */
  findingAnswerDays: number;
  letterMaxBytes: number;
  evidenceMaxBytes: number;
}
export const DEFAULT_OBSERVER_LIMITS: ObserverLimits = { findingAnswerDays: 5, letterMaxBytes: 5 * 1024 * 1024, evidenceMaxBytes: 5 * 1024 * 1024 };

export interface ObserverDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  files: FileStore;
  notifier: Notifier;
  identity: Pick<IdentityService, 'emailsOfAccounts'>;
  /** The periods whose committee a committee account sits on (null: not scoped), from recruitment. */
  committee: Pick<PeriodCommitteeService, 'periodsOf'>;
  limits?: Partial<ObserverLimits>;
}

const isCommittee = (a: Actor) => a.role === 'committee' || a.role === 'admin';
const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
const reasonLabel = (code: string | null) => tmsReasonLabel(code)?.id ?? code ?? 'Lainnya';

/** The coordinator typed words that the public text does not hold. */
export const notInText = () =>
  new AppError('VALIDATION_FAILED', msg('Kata itu tidak ada di teks publik. Tulis nama persis seperti di teks (huruf besar/kecil boleh berbeda).', 'Those words are not in the public text. Type the name exactly as in the text (case may differ).'), {
    fields: [{ field: 'phrase', message: msg('Tidak ditemukan di teks publik.', 'Not found in the public text.') }],
  });

export function createObserversService(deps: ObserverDeps) {
  const { db, clock, ids, audit, files, notifier } = deps;
  const limits: ObserverLimits = { ...DEFAULT_OBSERVER_LIMITS, ...deps.limits };
  const today = () => localDate(clock.now());

  /** A committee list's filter: the period asked for, within the periods the member sits on (the admin: all). */
  async function committeeScope(actor: Actor, periodId?: string) {
    const periodIds = await deps.committee.periodsOf(actor);
    return { ...(periodId ? { periodId } : {}), ...(periodIds ? { periodIds } : {}) };
  }

  const presentAccreditation = (a: Parameters<typeof presentAccreditationRow>[0], forCommittee: boolean) => presentAccreditationRow(a, { forCommittee, today: today() });

  /** The observer's approved, unexpired accreditation for a period, or the refusal that says why not. */
  async function activeAccreditation(actor: Actor, periodId: string) {
    const a = await repo.liveAccreditation(db, actor.accountId, periodId);
    if (!a || a.status !== 'approved') throw new AppError('FORBIDDEN', msg('Anda belum terakreditasi sebagai pemantau untuk periode ini. Ajukan akreditasi dengan surat organisasi Anda.', 'You are not accredited as an observer for this period. Apply with your organisation’s letter.'));
    if (!a.expires_on || dayNumber(a.expires_on) < dayNumber(today())) throw new AppError('FORBIDDEN', msg(`Akreditasi pemantau Anda untuk periode ini berakhir ${a.expires_on ?? ''}. Ajukan perpanjangan kepada panitia.`, `Your observer accreditation for this period ended on ${a.expires_on ?? ''}. Ask the committee to renew it.`));
    return a;
  }

  const presentFinding = (f: Parameters<typeof presentFindingRow>[0]) => presentFindingRow(f, today());

  return {
    limits,

    /** The period an accreditation or a finding belongs to (the committee acts only on its own periods). */
    periodOfAccreditation: (id: string) => repo.accreditationPeriod(db, id),
    periodOfFinding: (id: string) => repo.findingPeriod(db, id),

    /** An observer account applies for one period with its organisation's letter (PDF). */
    async apply(actor: Actor, q: z.infer<typeof AccreditationQuery>, letter: Buffer) {
      if (!(await repo.period(db, q.periodId))) throw new AppError('VALIDATION_FAILED', msg('Periode seleksi tidak ditemukan.', 'Recruitment period not found.'), { fields: [{ field: 'periodId', message: msg('Pilih periode dari daftar.', 'Choose a period from the list.') }] });
      const check = await checkUpload(letter, { mime: ['application/pdf'], maxBytes: limits.letterMaxBytes }, { label: 'surat permohonan' });
      if (!check.ok) throw new AppError(check.code === 'too_large' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', check.message, { fields: [{ field: 'file', message: check.message }] });
      if (await repo.liveAccreditation(db, actor.accountId, q.periodId)) throw new AppError('CONFLICT', msg('Akun ini sudah mengajukan atau memiliki akreditasi untuk periode ini.', 'This account already applied for or holds an accreditation for this period.'));
      const stored = await files.put(check.data, { contentType: check.mime });
      const id = ids.uuid();
      try {
        await db.transaction().execute(async (trx) => {
          await repo.insertAccreditation(trx, { id, account_id: actor.accountId, period_id: q.periodId, organization_name: q.organizationName, organization_kind: q.organizationKind, contact_person: q.contactPerson, letter_key: stored.key, letter_sha256: stored.sha256, letter_size: check.size, status: 'pending', reason: null, decided_by: null, decided_at: null, expires_on: null, created_at: clock.now() });
          await audit.record(trx, { actor: actorOf(actor), action: 'observer.apply', subjectType: 'observer_accreditation', subjectId: id, after: { periodId: q.periodId, organizationName: q.organizationName, organizationKind: q.organizationKind, letterSha256: stored.sha256 } });
        });
      } catch (err) {
        await files.delete(stored.key);
        if (err instanceof AppError) throw err;
        throw new AppError('CONFLICT', msg('Akun ini sudah mengajukan akreditasi untuk periode ini.', 'This account already applied for this period.'));
      }
      return { id, status: 'pending' as const };
    },

    mine: async (actor: Actor) => (await repo.accreditations(db, { accountId: actor.accountId })).map((a) => presentAccreditation(a, false)),
    /** The committee's list: a member sees the periods they sit on, the admin every period. */
    list: async (actor: Actor, periodId?: string) => {
      return (await repo.accreditations(db, await committeeScope(actor, periodId))).map((a) => presentAccreditation(a, true));
    },

    async letter(id: string) {
      const a = await repo.accreditation(db, id);
      if (!a) throw notFound();
      return files.get(a.letter_key);
    },

    /** The committee approves (with an expiry on or after today) or refuses, with a reason either way. */
    async decide(actor: Actor, id: string, body: { approve: boolean; reason: string; expiresOn: string | null }) {
      if (body.approve && (!body.expiresOn || dayNumber(body.expiresOn) < dayNumber(today()))) throw new AppError('VALIDATION_FAILED', msg('Tentukan tanggal berakhir akreditasi (hari ini atau sesudahnya).', 'Set the accreditation’s end date (today or later).'), { fields: [{ field: 'expiresOn', message: msg('Tanggal berakhir wajib diisi.', 'End date required.') }] });
      await db.transaction().execute(async (trx) => {
        const a = await repo.lockAccreditation(trx, id);
        if (!a) throw notFound();
        if (a.status !== 'pending') throw new AppError('CONFLICT', msg('Permohonan ini sudah diputuskan.', 'This application is already decided.'));
        const status = body.approve ? 'approved' : 'refused';
        await repo.decideAccreditation(trx, id, { status, reason: body.reason, decided_by: actor.accountId, decided_at: clock.now(), expires_on: body.approve ? body.expiresOn : null });
        await audit.record(trx, { actor: actorOf(actor), action: body.approve ? 'observer.approve' : 'observer.refuse', subjectType: 'observer_accreditation', subjectId: id, before: { status: a.status }, after: { status, reason: body.reason, expiresOn: body.approve ? body.expiresOn : null } });
        const email = (await deps.identity.emailsOfAccounts([a.account_id], trx)).get(a.account_id);
        if (email) await notifier.notify(trx, { accountId: a.account_id, email, fullName: a.contact_person }, { title: body.approve ? 'Akreditasi pemantau disetujui' : 'Akreditasi pemantau ditolak', body: body.approve ? `Akreditasi ${a.organization_name} berlaku sampai ${formatCalendarDate(body.expiresOn)}. Alasan: ${body.reason}` : `Alasan: ${body.reason}`, path: '/pemantauan' });
      });
    },

    /**
     * What an accredited observer (or the committee) sees of a period: applications per stage,
     * verification outcomes with TMS reasons per formation, sanggah, announcements and result
     * publications. Counts only: no name, NIK or registration number appears.
     */
    async processView(actor: Actor, periodId: string) {
      if (!isCommittee(actor)) await activeAccreditation(actor, periodId);
      const period = await repo.period(db, periodId);
      if (!period) throw notFound();
      const [byStatus, outcomes, objections, announcements, publications, findings, sessions] = await Promise.all([repo.applicationsByStatus(db, periodId), repo.outcomesByFormation(db, periodId), repo.objectionsByStatus(db, periodId), repo.announcements(db, periodId), repo.publications(db, periodId), repo.findings(db, { periodId }), repo.examSessions(db, periodId)]);
      const formations = new Map<string, { formationId: string; code: string; jabatan: string; submitted: number; ms: number; tms: number; pending: number; reasons: Map<string, number> }>();
      for (const r of outcomes) {
        const f = formations.get(r.formation_id) ?? { formationId: r.formation_id, code: r.code, jabatan: r.jabatan, submitted: 0, ms: 0, tms: 0, pending: 0, reasons: new Map() };
        f.submitted++;
        if (r.published_result === 'ms') f.ms++;
        else if (r.published_result === 'tms') {
          f.tms++;
          for (const reason of (Array.isArray(r.proposed_reasons) ? r.proposed_reasons : []) as { code: string | null }[]) f.reasons.set(reasonLabel(reason.code), (f.reasons.get(reasonLabel(reason.code)) ?? 0) + 1);
        } else f.pending++;
        formations.set(r.formation_id, f);
      }
      const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
      return {
        period: { id: period.id, name: period.name, year: period.year },
        generatedAt: clock.now().toISOString(),
        applicationsByStatus: byStatus.map((r) => ({ status: r.status, count: Number(r.n) })),
        formations: [...formations.values()].map((f) => ({ ...f, reasons: [...f.reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count) })),
        objections: objections.map((o) => ({ status: o.status, count: Number(o.n), announced: Number(o.announced) })),
        examSessions: sessions.map((x) => ({ id: x.id, site: x.site_name, startsAt: new Date(x.starts_at).toISOString(), capacity: x.capacity, assigned: Number(x.assigned ?? 0), started: Number(x.started ?? 0), submitted: Number(x.submitted ?? 0), state: x.closed_at ? ('closed' as const) : x.opened_at ? ('open' as const) : ('scheduled' as const) })),
        announcements: announcements.map((a) => ({ stage: a.stage, status: a.status, proposedAt: iso(a.proposed_at), decidedAt: iso(a.decided_at) })),
        publications: publications.map((p) => ({ stage: p.stage, version: p.version, status: p.status, proposedAt: iso(p.proposed_at), decidedAt: iso(p.decided_at) })),
        findings: { total: findings.length, open: findings.filter((f) => f.status === 'open').length, overdue: findings.map(presentFinding).filter((f) => f.status === 'open' && f.late).length },
        auditPath: '/audit',
      };
    },

    /** An accredited observer files a finding; the committee's answer is due in working days. */
    async fileFinding(actor: Actor, periodId: string, body: z.infer<typeof FindingBody>) {
      let a;
      try {
        a = await activeAccreditation(actor, periodId);
      } catch (err) {
        await db.transaction().execute((trx) => audit.record(trx, { actor: actorOf(actor), action: 'observer.finding.refused', subjectType: 'recruitment_period', subjectId: periodId }));
        throw err;
      }
      const id = ids.uuid();
      const filedOn = today();
      const dueOn = dueAfter(filedOn, limits.findingAnswerDays, await loadHolidays(db));
      await db.transaction().execute(async (trx) => {
        await repo.insertFinding(trx, { id, accreditation_id: a.id, period_id: periodId, stage: body.stage, title: body.title, body: body.body, evidence_key: null, evidence_mime: null, evidence_sha256: null, status: 'open', filed_at: clock.now(), filed_on: filedOn, due_on: dueOn, answer: null, answered_by: null, answered_at: null, answered_on: null });
        await audit.record(trx, { actor: actorOf(actor), action: 'observer.finding.file', subjectType: 'observer_finding', subjectId: id, after: { periodId, stage: body.stage, dueOn } });
      });
      return { id, dueOn };
    },

    /** Evidence for an open finding of the observer's own (PDF or JPG, checked by its bytes). */
    async addEvidence(actor: Actor, findingId: string, data: Buffer) {
      const [f] = await repo.findings(db, { id: findingId });
      const a = f ? await repo.accreditation(db, f.accreditation_id) : undefined;
      if (!f || !a || a.account_id !== actor.accountId) throw notFound();
      await activeAccreditation(actor, f.period_id);
      if (f.status !== 'open' || f.evidence_key) throw new AppError('CONFLICT', msg('Bukti hanya dapat dilampirkan sekali, sebelum temuan dijawab.', 'Evidence can be attached once, before the finding is answered.'));
      const check = await checkUpload(data, { mime: ['application/pdf', 'image/jpeg'], maxBytes: limits.evidenceMaxBytes }, { label: 'bukti temuan' });
      if (!check.ok) throw new AppError(check.code === 'too_large' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', check.message, { fields: [{ field: 'file', message: check.message }] });
      const stored = await putRecorded(files, check.data, { contentType: check.mime }, async (stored) => {
        await db.transaction().execute(async (trx) => {
          await repo.answerFinding(trx, findingId, { evidence_key: stored.key, evidence_mime: check.mime, evidence_sha256: stored.sha256 });
          await audit.record(trx, { actor: actorOf(actor), action: 'observer.finding.evidence', subjectType: 'observer_finding', subjectId: findingId, after: { sha256: stored.sha256 } });
        });
        return stored;
      });
      return { sha256: stored.sha256 };
    },

    async evidence(actor: Actor, findingId: string) {
      const [f] = await repo.findings(db, { id: findingId });
      if (!f?.evidence_key) throw notFound();
      if (!isCommittee(actor)) {
        const a = await repo.accreditation(db, f.accreditation_id);
        if (a?.account_id !== actor.accountId) throw notFound();
      }
      return { data: await files.get(f.evidence_key), mime: f.evidence_mime ?? 'application/octet-stream' };
    },

    /** Observers see their own findings; the committee the findings of the periods they sit on. */
    async findings(actor: Actor, periodId?: string) {
      if (isCommittee(actor)) {
        return (await repo.findings(db, await committeeScope(actor, periodId))).map(presentFinding);
      }
      const rows = await repo.findings(db, periodId ? { periodId } : {});
      const mine = new Set((await repo.accreditations(db, { accountId: actor.accountId })).map((a) => a.id));
      return rows.filter((f) => mine.has(f.accreditation_id)).map(presentFinding);
    },

    async answerFinding(actor: Actor, id: string, answer: string) {
      await db.transaction().execute(async (trx) => {
        const f = await repo.lockFinding(trx, id);
        if (!f) throw notFound();
        if (f.status !== 'open') throw new AppError('CONFLICT', msg('Temuan ini sudah dijawab.', 'This finding is already answered.'));
        const on = today();
        await repo.answerFinding(trx, id, { status: 'answered', answer, answered_by: actor.accountId, answered_at: clock.now(), answered_on: on });
        await audit.record(trx, { actor: actorOf(actor), action: 'observer.finding.answer', subjectType: 'observer_finding', subjectId: id, before: { status: 'open' }, after: { status: 'answered', late: dayNumber(on) > dayNumber(f.due_on) } });
        const a = (await repo.accreditation(trx, f.accreditation_id))!;
        const email = (await deps.identity.emailsOfAccounts([a.account_id], trx)).get(a.account_id);
        if (email) await notifier.notify(trx, { accountId: a.account_id, email, fullName: a.contact_person }, { title: `Temuan dijawab: ${f.title}`, body: answer.slice(0, 300), path: '/pemantauan' });
      });
    },

    /**
     * A committee member (or admin) takes a name out of a finding's public answer: every occurrence
     * becomes "[disamarkan]" on the public page and in open data; the original stays for staff and
     * the observer. Audited without the name (the audit log is public).
     */
    async redactAnswer(actor: Actor, id: string, phrase: string) {
      return db.transaction().execute(async (trx) => {
        const f = await repo.lockFinding(trx, id);
        if (!f) throw notFound();
        if (f.answer === null) throw new AppError('CONFLICT', msg('Temuan ini belum dijawab: samarkan nama setelah jawabannya tersimpan.', 'This finding has no answer yet: redact names once the answer is saved.'));
        const r = redactPhrase(publicText(f.answer, f.answer_public), phrase);
        if (r.count === 0) throw notInText();
        await repo.answerFinding(trx, id, { answer_public: r.text });
        await audit.record(trx, { actor: actorOf(actor), action: 'observer.finding.redact', subjectType: 'observer_finding', subjectId: id, after: { replaced: r.count } });
        return { publicText: r.text, count: r.count };
      });
    },

    /** Findings the public sees: answered ones, and open ones past their due day (flagged late); the answer in its public version. */
    publicFindings: async (periodId?: string) => (await repo.findings(db, { ...(periodId ? { periodId } : {}), publicOn: today() })).map(presentFinding).map(({ hasEvidence: _e, publicAnswer, ...f }) => ({ ...f, answer: publicAnswer })),
  };
}

export type ObserversService = ReturnType<typeof createObserversService>;
