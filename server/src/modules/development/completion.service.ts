/**
 * Completing a training (issue 12; RULES.md §3): a batch's meetings and who attended them — by
 * scanning the rotating QR on the facilitator's screen (also later, from an offline queue, at the
 * scan's own time) or marked by the facilitator —, pre/post-test scores and the assignment, the
 * programme's completion rule, numbered certificates issued in bulk (a PDF whose QR opens the
 * public check, "dicabut" once revoked), and one feedback per attendee. Completing posts the
 * programme's JP to the ledger once. Every change is audited.
 */
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { FeedbackBody, MeetingBody, ScoresBody } from '../../../../common/contracts/development.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { formatCalendarDate, formatWitaDate, formatWitaDateTime } from '../../../../common/rules/wita.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import { createLinkSigner } from '../../platform/documents/signed-links.ts';
import type { Notifier } from '../../platform/notifications.ts';
import type { StepRunner } from '../../platform/process.ts';
import { writeSheet } from '../../platform/sheets.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { renderTrainingCertificate } from './certificate.pdf.ts';
import { completionRepository as repo } from './completion.repository.ts';
import { developmentRepository as people, trainingRepository as training } from './development.repository.ts';
import { scopeOf } from './development.policy.ts';
import { attendanceToken, NOT_A_TOKEN, parseToken, tokenProblem, WINDOW_SECONDS, windowEndsAt, windowOf } from './domain/attendance.ts';
import { attendancePercent, batchGain, batchNotOverProblems, certificateNumber, completionYear, type CompletionRule, completionProblems, feedbackSummary, testGain } from './domain/completion.ts';
import { enrollmentMachine } from './domain/training.ts';

export interface CompletionDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  steps: StepRunner;
  notifier: Notifier;
  identity: Pick<IdentityService, 'emailsOfAccounts'>;
  publicUrl: string;
  /** Signs certificate links (the QR). */
  cardSecret: string;
  /** Keys the attendance QR tokens. */
  attendanceSecret: string;
}

const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
const invalid = (field: string, id: string, en: string) => new AppError('VALIDATION_FAILED', msg(id, en), { fields: [{ field, message: msg(id, en) }] });
const conflict = (id: string, en: string) => new AppError('CONFLICT', msg(id, en));
const notLinked = () => new AppError('NOT_FOUND', msg('Akun Anda belum terhubung ke data pegawai. Hubungi BKPSDM untuk menautkan NIP Anda.', 'Your account is not linked to an employee record yet. Ask BKPSDM to link your NIP.'));
/** Offline scans are taken up to a week after they were made; a scan "from the future" is refused. */
const OFFLINE_MAX_MS = 7 * 86_400_000;
const CLOCK_SKEW_MS = 2 * 60_000;
const SEATED = new Set(['enrolled', 'completed', 'not_completed']);
/** The facilitator's QR is shown from an hour before a meeting to an hour after it (the home says so too). */
export const qrOpen = (now: Date, m: { starts_at: Date | string; ends_at: Date | string }) => now.getTime() >= new Date(m.starts_at).getTime() - 3_600_000 && now.getTime() <= new Date(m.ends_at).getTime() + 3_600_000;

export const ruleOf = (p: { min_attendance_pct: number; post_test_pass: number | null; assignment_required: boolean }): CompletionRule => ({ minAttendancePct: p.min_attendance_pct, postTestPass: p.post_test_pass, assignmentRequired: p.assignment_required });

export function createCompletionService(deps: CompletionDeps) {
  const { db, clock, ids, audit, steps, notifier } = deps;
  const certificateLinks = createLinkSigner(deps.cardSecret, 'training-cert');
  const verifyUrl = (id: string) => `${deps.publicUrl}/sertifikat/${id}?s=${certificateLinks.sign(id)}`;

  // A hall scans one meeting 1,500 times a minute: its row (never edited once made) is read once.
  const meetingCache = new Map<string, NonNullable<Awaited<ReturnType<typeof repo.meeting>>>>();
  async function meetingOf(id: string) {
    const hit = meetingCache.get(id);
    if (hit) return hit;
    const m = await repo.meeting(db, id);
    if (m) {
      if (meetingCache.size >= 1000) meetingCache.clear();
      meetingCache.set(id, m);
    }
    return m;
  }

  async function reach(actor: Actor): Promise<string[] | null> {
    const scope = scopeOf(actor);
    if (scope === 'all') return null;
    const own = await people.employeeOfAccount(db, actor.accountId);
    if (!own) return [];
    return scope === 'unit' ? people.unitIds(db, own.id) : [own.id];
  }

  async function tell(trx: Kysely<DB>, accountId: string | null, fullName: string, title: string, body: string, path = '/pelatihan/saya') {
    if (!accountId) return;
    const email = (await deps.identity.emailsOfAccounts([accountId], trx)).get(accountId);
    if (email) await notifier.notify(trx, { accountId, email, fullName }, { title, body, path });
  }

  /** Each enrolment's completion state in a batch: attendance, scores, gain, what is missing. */
  async function progress(ex: Kysely<DB>, batchId: string) {
    const rule = await repo.completionRule(ex, batchId);
    const facts = await repo.facts(ex, batchId);
    const meetings = await repo.meetingCount(ex, batchId);
    const r = ruleOf(rule);
    return {
      rule: r,
      meetings,
      byEnrollment: new Map(facts.map((f) => {
        const attended = Number(f.attended ?? 0);
        const problems = completionProblems(r, { attended, meetings, postTestScore: f.post_test_score, assignmentDone: f.assignment_done });
        return [f.id, { status: f.status, attended, attendancePct: attendancePercent(attended, meetings), preTest: f.pre_test_score, postTest: f.post_test_score, gain: testGain(f.pre_test_score, f.post_test_score), assignmentDone: f.assignment_done, problems }];
      })),
    };
  }

  return {
    progress: (batchId: string) => progress(db, batchId),

    /**
     * Participants waiting for a certificate: in a batch that is over (last meeting held or end
     * date reached, the rule `issueCertificates` applies), not cancelled, with no certificate yet,
     * and completed or meeting every requirement. `batchId` is set when they are all in one batch.
     */
    async certificatesToIssue(): Promise<{ count: number; batchId: string | null }> {
      const now = clock.now();
      const over = [];
      for (const b of await training.batches(db)) {
        if (b.status === 'cancelled' || b.starts_on > localDate(now)) continue;
        const meetings = (await repo.meetings(db, b.id)).map((m) => ({ seq: m.seq, title: m.title, endsAt: new Date(m.ends_at) }));
        if (batchNotOverProblems({ endsOn: b.ends_on, meetings }, now).length === 0) over.push(b.id);
      }
      const waiting = await Promise.all(over.map(async (batchId) => {
        const [p, certs, list] = await Promise.all([progress(db, batchId), repo.certificatesOfBatch(db, batchId), training.enrollments(db, batchId)]);
        const certified = new Set(certs.map((c) => c.enrollment_id));
        const n = list.filter((e) => !certified.has(e.id) && (e.status === 'completed' || (e.status === 'enrolled' && p.byEnrollment.get(e.id)?.problems.length === 0))).length;
        return { batchId, n };
      }));
      const open = waiting.filter((w) => w.n > 0);
      return { count: open.reduce((a, w) => a + w.n, 0), batchId: open.length === 1 ? open[0]!.batchId : null };
    },

    // ── meetings and the rotating QR ──
    async meetings(actor: Actor, batchId: string) {
      const rows = await repo.meetings(db, batchId);
      return rows.map((m) => ({ id: m.id, seq: m.seq, title: m.title, startsAt: new Date(m.starts_at).toISOString(), endsAt: new Date(m.ends_at).toISOString() }));
    },

    async addMeeting(actor: Actor, batchId: string, body: z.infer<typeof MeetingBody>) {
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        const batch = await training.lockBatch(trx, batchId);
        if (!batch) throw notFound();
        const seq = await repo.nextMeetingSeq(trx, batchId);
        await repo.insertMeeting(trx, { id, batch_id: batchId, seq, title: body.title, starts_at: body.startsAt, ends_at: body.endsAt });
        await audit.record(trx, { actor: actorOf(actor), action: 'training.meeting.create', subjectType: 'training_meeting', subjectId: id, after: { batchId, seq, ...body } });
      });
      return { id };
    },

    /** What the facilitator's screen shows: the current code as a QR (SVG) and when it changes. */
    async meetingQr(meetingId: string) {
      const m = await repo.meeting(db, meetingId);
      if (!m) throw notFound();
      const now = clock.now();
      const token = attendanceToken(deps.attendanceSecret, m.batch_id, m.id, now);
      const url = `${deps.publicUrl}/hadir?t=${encodeURIComponent(token)}`;
      const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      const open = qrOpen(now, m);
      return { meeting: { id: m.id, seq: m.seq, title: m.title, batchId: m.batch_id, batchName: m.batch_name, programTitle: m.program_title, startsAt: new Date(m.starts_at).toISOString(), endsAt: new Date(m.ends_at).toISOString() }, token, url, svg, expiresAt: windowEndsAt(windowOf(now)).toISOString(), windowSeconds: WINDOW_SECONDS, open };
    },

    /**
     * A signed-in participant's scan: the token must be genuine for its meeting and valid at the
     * scan's time (now, or the original time of a scan queued offline); the person must be seated
     * in that meeting's batch. A second scan of the same meeting is fine and changes nothing.
     */
    async scan(actor: Actor, body: { token: string; scannedAt?: string | undefined }) {
      const now = clock.now();
      const scannedAt = body.scannedAt ? new Date(body.scannedAt) : now;
      if (scannedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid('scannedAt', 'Waktu pindai ada di masa depan; periksa jam di ponsel Anda.', 'The scan time is in the future; check your phone’s clock.');
      if (scannedAt.getTime() < now.getTime() - OFFLINE_MAX_MS) throw invalid('scannedAt', 'Pindaian ini tersimpan lebih dari 7 hari dan tidak dapat dicatat lagi. Minta fasilitator mencatat kehadiran Anda.', 'This scan was stored more than 7 days ago and can no longer be recorded. Ask the facilitator to mark you.');
      const parsed = parseToken(body.token);
      if (!parsed) throw new AppError('VALIDATION_FAILED', NOT_A_TOKEN, { fields: [{ field: 'token', message: NOT_A_TOKEN }] });
      const m = await meetingOf(parsed.meetingId);
      if (!m) throw new AppError('VALIDATION_FAILED', NOT_A_TOKEN, { fields: [{ field: 'token', message: NOT_A_TOKEN }] });
      const problem = tokenProblem(deps.attendanceSecret, parsed, { id: m.id, batchId: m.batch_id, startsAt: new Date(m.starts_at), endsAt: new Date(m.ends_at) }, scannedAt);
      if (problem) throw new AppError('VALIDATION_FAILED', problem, { fields: [{ field: 'token', message: problem }] });
      const seat = await repo.seatOfAccount(db, m.batch_id, actor.accountId);
      if (!seat || !SEATED.has(seat.status)) throw new AppError('FORBIDDEN', msg(`Anda tidak terdaftar sebagai peserta ${m.program_title} (${m.batch_name}); kode ini untuk angkatan lain.`, `You are not a participant of ${m.program_title} (${m.batch_name}); this code is for another batch.`));
      const recorded = await db.transaction().execute(async (trx) => {
        const fresh = await repo.recordAttendance(trx, { meeting_id: m.id, enrollment_id: seat.id, method: 'scan', attended_at: scannedAt, recorded_at: now, recorded_by: actor.accountId });
        if (fresh) await audit.record(trx, { actor: actorOf(actor), action: 'training.attendance.scan', subjectType: 'enrollment', subjectId: seat.id, after: { meetingId: m.id, attendedAt: scannedAt.toISOString(), offline: body.scannedAt !== undefined } });
        return fresh;
      });
      return { recorded, already: !recorded, meeting: { seq: m.seq, title: m.title }, batch: { id: m.batch_id, name: m.batch_name, programTitle: m.program_title }, attendedAt: scannedAt.toISOString() };
    },

    /** The facilitator marks someone present (or takes a mark back). */
    async mark(actor: Actor, meetingId: string, body: { enrollmentId: string; present: boolean }) {
      const m = await repo.meeting(db, meetingId);
      if (!m) throw notFound();
      return db.transaction().execute(async (trx) => {
        const e = await training.enrollment(trx, body.enrollmentId);
        if (!e || e.batch_id !== m.batch_id) throw invalid('enrollmentId', 'Bukan peserta angkatan ini.', 'Not a participant of this batch.');
        if (!SEATED.has(e.status)) throw conflict('Hanya peserta terdaftar (bukan daftar tunggu atau yang batal) yang dicatat kehadirannya.', 'Only seated participants (not waitlisted or cancelled) have attendance.');
        const now = clock.now();
        const changed = body.present
          ? await repo.recordAttendance(trx, { meeting_id: m.id, enrollment_id: e.id, method: 'manual', attended_at: now, recorded_at: now, recorded_by: actor.accountId })
          : await repo.removeAttendance(trx, m.id, e.id);
        if (changed) await audit.record(trx, { actor: actorOf(actor), action: body.present ? 'training.attendance.mark' : 'training.attendance.unmark', subjectType: 'enrollment', subjectId: e.id, after: { meetingId: m.id } });
        return { changed };
      });
    },

    /** Attendance per meeting and per participant (a supervisor sees their unit's people only). */
    async attendance(actor: Actor, batchId: string) {
      if (!(await training.batches(db)).some((b) => b.id === batchId)) throw notFound();
      const only = await reach(actor);
      const [meetings, marks, list, p] = await Promise.all([repo.meetings(db, batchId), repo.attendanceOfBatch(db, batchId), training.enrollments(db, batchId), progress(db, batchId)]);
      const seated = list.filter((e) => SEATED.has(e.status) && (!only || only.includes(e.employee_id)));
      const seatedIds = new Set(seated.map((e) => e.id));
      const byKey = new Map(marks.map((a) => [`${a.meeting_id}:${a.enrollment_id}`, a]));
      return {
        minAttendancePct: p.rule.minAttendancePct,
        meetings: meetings.map((m) => ({ id: m.id, seq: m.seq, title: m.title, startsAt: new Date(m.starts_at).toISOString(), endsAt: new Date(m.ends_at).toISOString(), present: marks.filter((a) => a.meeting_id === m.id && seatedIds.has(a.enrollment_id)).length })),
        participants: seated.map((e) => ({
          enrollmentId: e.id,
          nip: e.nip,
          fullName: e.full_name,
          attended: p.byEnrollment.get(e.id)?.attended ?? 0,
          percent: p.byEnrollment.get(e.id)?.attendancePct ?? null,
          marks: meetings.map((m) => {
            const a = byKey.get(`${m.id}:${e.id}`);
            return a ? { meetingId: m.id, method: a.method, at: new Date(a.attended_at).toISOString() } : { meetingId: m.id, method: null, at: null };
          }),
        })),
      };
    },

    /** The attendance table as XLSX: one column per meeting, the method and time in each cell, the percent. */
    async attendanceSheet(actor: Actor, batchId: string) {
      const a = await this.attendance(actor, batchId);
      await audit.record(db, { actor: actorOf(actor), action: 'training.attendance.export', subjectType: 'training_batch', subjectId: batchId, after: { rows: a.participants.length } });
      return writeSheet({
        name: 'Kehadiran',
        columns: [{ name: 'nip', width: 22 }, { name: 'nama', width: 32 }, ...a.meetings.map((m) => ({ name: `pertemuan_${m.seq}`, width: 22 })), { name: 'hadir', width: 8 }, { name: 'persen', width: 8 }],
        rows: a.participants.map((p) => [p.nip, p.fullName, ...p.marks.map((k) => (k.at ? `${k.method === 'scan' ? 'pindai' : 'fasilitator'} ${formatWitaDateTime(k.at)}` : '')), p.attended, p.percent ?? '']),
      }, 'xlsx');
    },

    // ── tests and the assignment ──
    async setScores(actor: Actor, enrollmentId: string, body: z.infer<typeof ScoresBody>) {
      await db.transaction().execute(async (trx) => {
        const e = await training.enrollment(trx, enrollmentId);
        if (!e) throw notFound();
        if (!SEATED.has(e.status)) throw conflict('Nilai hanya untuk peserta terdaftar (bukan daftar tunggu atau yang batal).', 'Scores are only for seated participants (not waitlisted or cancelled).');
        // A phase on the CAT engine keeps the engine's score; the form sends it back unchanged.
        const engine = await repo.enginePhases(trx, e.batch_id);
        if (engine.has('pre') && body.preTest !== e.pre_test_score) throw conflict('Pre-test angkatan ini dikerjakan di Merit (CAT); nilainya tidak diisi manual.', 'This batch’s pre-test is taken in Merit (CAT); its score is not entered by hand.');
        if (engine.has('post') && body.postTest !== e.post_test_score) throw conflict('Post-test angkatan ini dikerjakan di Merit (CAT); nilainya tidak diisi manual.', 'This batch’s post-test is taken in Merit (CAT); its score is not entered by hand.');
        await repo.setScores(trx, e.id, { pre_test_score: body.preTest, post_test_score: body.postTest, assignment_done: body.assignmentDone, updated_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'training.scores', subjectType: 'enrollment', subjectId: e.id, before: { preTest: e.pre_test_score, postTest: e.post_test_score, assignmentDone: e.assignment_done }, after: body });
      });
      return { gain: testGain(body.preTest, body.postTest) };
    },

    // ── certificates ──
    /**
     * Issues certificates for a batch, all or none: each listed participant must have completed
     * (an enrolled participant who meets the programme's rule is completed now, posting the JP once);
     * anyone who has not is refused with what they miss. Already certified ones are skipped.
     */
    async issueCertificates(actor: Actor, batchId: string, enrollmentIds: string[]) {
      return db.transaction().execute(async (trx) => {
        const batch = await training.lockBatch(trx, batchId);
        if (!batch) throw notFound();
        const b = (await training.batches(trx)).find((x) => x.id === batchId)!;
        const p = await progress(trx, batchId);
        const rule = await repo.completionRule(trx, batchId);
        const existing = new Map((await repo.certificatesOfBatch(trx, batchId)).map((c) => [c.enrollment_id, c]));
        const list = new Map((await training.enrollments(trx, batchId)).map((e) => [e.id, e]));
        const now = clock.now();
        const notOver = batchNotOverProblems({ endsOn: b.ends_on, meetings: (await repo.meetings(trx, batchId)).map((m) => ({ seq: m.seq, title: m.title, endsAt: new Date(m.ends_at) })) }, now);
        // JP and the certificate number count for the year it is issued (Palu), not the batch's end.
        const year = completionYear(now);
        const toIssue: { id: string; employeeId: string; fullName: string }[] = [];
        let already = 0;
        for (const id of new Set(enrollmentIds)) {
          const e = list.get(id);
          const state = p.byEnrollment.get(id);
          if (!e || !state) throw invalid('enrollmentIds', 'Ada yang bukan peserta angkatan ini.', 'Someone listed is not a participant of this batch.');
          const cert = existing.get(id);
          if (cert?.revoked_at) throw conflict(`Sertifikat ${e.full_name} (${cert.number}) sudah dicabut dan tidak diterbitkan ulang.`, `${e.full_name}'s certificate (${cert.number}) was revoked and is not reissued.`);
          if (cert) {
            already++;
            continue;
          }
          if (e.status === 'enrolled') {
            const missing = [...notOver, ...state.problems];
            if (missing.length > 0) {
              const why = missing.map((x) => x.id).join(' ');
              throw new AppError('VALIDATION_FAILED', msg(`${e.full_name} belum memenuhi syarat selesai, sertifikat tidak diterbitkan: ${why}`, `${e.full_name} has not completed, no certificate issued: ${missing.map((x) => x.en).join(' ')}`), { fields: [{ field: 'enrollmentIds', message: missing[0]! }] });
            }
            await steps(trx, { machine: enrollmentMachine, subject: { type: 'enrollment', id, status: 'enrolled' }, event: 'complete', actor: actorOf(actor), apply: (s) => training.setEnrollmentStatus(trx, id, s, now), audit: { action: 'training.complete', after: { via: 'certificate' } } });
          } else if (e.status !== 'completed') {
            throw conflict(`${e.full_name} tidak menyelesaikan pelatihan ini (status: ${e.status === 'not_completed' ? 'tidak selesai' : e.status === 'waitlisted' ? 'daftar tunggu' : 'batal'}); sertifikat tidak diterbitkan.`, `${e.full_name} did not complete this training; no certificate issued.`);
          }
          // Completion posts the programme's JP once (a participant finished earlier already has it).
          await training.postJp(trx, { id: ids.uuid(), employee_id: e.employee_id, year, jp: batch.jp, source: 'training', enrollment_id: id, title: `${batch.title} (${batch.name})`, recorded_at: now });
          toIssue.push({ id, employeeId: e.employee_id, fullName: e.full_name });
        }
        const first = toIssue.length > 0 ? await repo.reserveNumbers(trx, rule.program_id, year, toIssue.length) : 0;
        const issued: { id: string; enrollmentId: string; number: string; fullName: string }[] = [];
        for (const [i, t] of toIssue.entries()) {
          const certId = ids.uuid();
          const number = certificateNumber(rule.code, year, first + i);
          await repo.insertCertificate(trx, { id: certId, enrollment_id: t.id, number, full_name: t.fullName, program_title: batch.title, batch_name: batch.name, partner_name: rule.partner_name, jp: batch.jp, starts_on: b.starts_on, ends_on: b.ends_on, issued_at: now, issued_by: actor.accountId });
          await audit.record(trx, { actor: actorOf(actor), action: 'training.certificate.issue', subjectType: 'training_certificate', subjectId: certId, after: { enrollmentId: t.id, number } });
          const who = (await training.employeeForEnrollment(trx, t.employeeId))!;
          await tell(trx, who.account_id, who.full_name, `Sertifikat terbit: ${batch.title}`, `Sertifikat ${number} untuk ${batch.title} (${batch.name}) dapat diunduh di Pelatihan saya.`);
          issued.push({ id: certId, enrollmentId: t.id, number, fullName: t.fullName });
        }
        return { issued, already };
      });
    },

    /** Revokes a certificate with a reason shown on its public page; once. */
    async revokeCertificate(actor: Actor, id: string, reason: string) {
      await db.transaction().execute(async (trx) => {
        const c = await repo.lockCertificate(trx, id);
        if (!c) throw notFound();
        if (c.revoked_at) throw conflict(`Sertifikat ${c.number} sudah dicabut.`, `Certificate ${c.number} is already revoked.`);
        const now = clock.now();
        await repo.revokeCertificate(trx, id, { revoked_at: now, revoked_by: actor.accountId, revoke_reason: reason });
        // The certificate proved the completion: without it the participant has not completed, and
        // the JP it posted no longer counts towards the 20 JP (RULES §3.3).
        await steps(trx, { machine: enrollmentMachine, subject: { type: 'enrollment', id: c.enrollment_id, status: 'completed' }, event: 'revoke', actor: actorOf(actor), apply: (s) => training.setEnrollmentStatus(trx, c.enrollment_id, s, now), audit: { action: 'training.completion.revoke', after: { certificate: c.number } } });
        const withdrawn = await training.withdrawJp(trx, c.enrollment_id);
        await audit.record(trx, { actor: actorOf(actor), action: 'training.certificate.revoke', subjectType: 'training_certificate', subjectId: id, before: { revoked: false, jp: withdrawn?.jp ?? 0 }, after: { revoked: true, reason, jpWithdrawn: withdrawn?.jp ?? 0, year: withdrawn?.year ?? null } });
        const holder = await repo.certificate(trx, id);
        if (holder?.account_id) await tell(trx, holder.account_id, holder.full_name, `Sertifikat dicabut: ${holder.program_title}`, `Sertifikat ${c.number} dicabut dengan alasan: ${reason}. JP pelatihan ini tidak lagi dihitung. Hubungi BKPSDM bila ada yang keliru.`);
      });
    },

    /** The certificate PDF, for its holder and BKPSDM. */
    async certificatePdf(actor: Actor, id: string) {
      const c = await repo.certificate(db, id);
      if (!c || (scopeOf(actor) !== 'all' && c.account_id !== actor.accountId)) throw notFound();
      if (c.revoked_at) throw conflict(`Sertifikat ${c.number} sudah dicabut: ${c.revoke_reason}`, `Certificate ${c.number} was revoked: ${c.revoke_reason}`);
      return {
        number: c.number,
        pdf: await renderTrainingCertificate({ number: c.number, fullName: c.full_name, nip: c.nip, programTitle: c.program_title, batchName: c.batch_name, partnerName: c.partner_name, jp: c.jp, datesText: `${formatCalendarDate(c.starts_on)} – ${formatCalendarDate(c.ends_on)}`, issuedText: formatWitaDate(new Date(c.issued_at)), verifyUrl: verifyUrl(c.id) }, { now: new Date(c.issued_at) }),
      };
    },

    verifyUrl,

    /** The public QR check: what the paper says, and whether it was revoked — no NIP, no birth date. */
    async verifyCertificate(id: string, signature: string) {
      if (!certificateLinks.verify(id, signature)) throw notFound();
      const c = await repo.certificate(db, id);
      if (!c) throw notFound();
      return { number: c.number, fullName: c.full_name, programTitle: c.program_title, batchName: c.batch_name, partnerName: c.partner_name, jp: c.jp, startsOn: c.starts_on, endsOn: c.ends_on, issuedAt: new Date(c.issued_at).toISOString(), revoked: c.revoked_at ? { at: new Date(c.revoked_at).toISOString(), reason: c.revoke_reason! } : null };
    },

    /** Certificates of a batch (staff). */
    async certificates(batchId: string) {
      return (await repo.certificatesOfBatch(db, batchId)).map((c) => ({ id: c.id, enrollmentId: c.enrollment_id, number: c.number, fullName: c.full_name, issuedAt: new Date(c.issued_at).toISOString(), revoked: c.revoked_at ? { at: new Date(c.revoked_at).toISOString(), reason: c.revoke_reason! } : null, verifyUrl: verifyUrl(c.id) }));
    },

    /** The signed-in employee's certificates and which enrolments still await their feedback. */
    async mine(accountId: string) {
      const own = await people.employeeOfAccount(db, accountId);
      if (!own) return { certificates: [], feedbackGiven: new Set<string>(), attended: new Set<string>() };
      const certs = await repo.certificatesOfEmployee(db, own.id);
      const enrollments = await training.enrollmentsOfEmployee(db, own.id);
      return {
        certificates: certs.map((c) => ({ id: c.id, enrollmentId: c.enrollment_id, number: c.number, issuedAt: new Date(c.issued_at).toISOString(), revoked: c.revoked_at ? { at: new Date(c.revoked_at).toISOString(), reason: c.revoke_reason! } : null, verifyUrl: verifyUrl(c.id) })),
        feedbackGiven: await repo.feedbackGiven(db, enrollments.map((e) => e.id)),
        attended: await repo.attendedOf(db, enrollments.map((e) => e.id)),
      };
    },

    // ── feedback ──
    /** An attendee's feedback on their batch, once. */
    async giveFeedback(actor: Actor, enrollmentId: string, body: z.infer<typeof FeedbackBody>) {
      const e = await repo.enrollmentOfEmployee(db, enrollmentId);
      if (!e || e.account_id !== actor.accountId) throw notFound();
      if (!SEATED.has(e.status) || !(await repo.attendedAny(db, e.id))) throw conflict('Umpan balik hanya dari peserta yang hadir di pelatihan ini.', 'Feedback is only from participants who attended this training.');
      await db.transaction().execute(async (trx) => {
        const fresh = await repo.insertFeedback(trx, { enrollment_id: e.id, facilitator: body.facilitator, material: body.material, venue: body.venue, usefulness: body.usefulness, comment: body.comment, submitted_at: clock.now() });
        if (!fresh) throw conflict('Anda sudah memberi umpan balik untuk pelatihan ini; umpan balik hanya sekali.', 'You already gave feedback on this training; feedback is given once.');
        await audit.record(trx, { actor: actorOf(actor), action: 'training.feedback', subjectType: 'enrollment', subjectId: e.id, after: { facilitator: body.facilitator, material: body.material, venue: body.venue, usefulness: body.usefulness } });
      });
    },

    /** A batch's feedback: the mean and spread per aspect, and the comments (anonymous). */
    async feedback(batchId: string) {
      if (!(await training.batches(db)).some((b) => b.id === batchId)) throw notFound();
      const rows = await repo.feedbackOfBatch(db, batchId);
      return { responses: rows.length, aspects: feedbackSummary(rows), comments: rows.map((r) => r.comment).filter((c) => c.trim().length > 0) };
    },

    /** Feedback per partner institution over all its batches: responses, batches and each aspect's mean. */
    async feedbackByPartner() {
      const rows = await repo.feedbackByPartner(db);
      const by = new Map<string, { partnerId: string | null; name: string | null; batches: Set<string>; rows: typeof rows }>();
      for (const r of rows) {
        const key = r.partner_id ?? '';
        const g = by.get(key) ?? { partnerId: r.partner_id, name: r.partner_name, batches: new Set<string>(), rows: [] };
        g.batches.add(r.batch_id);
        g.rows.push(r);
        by.set(key, g);
      }
      return {
        partners: [...by.values()]
          .map((g) => ({ partner: g.partnerId ? { id: g.partnerId, name: g.name ?? g.partnerId } : null, batches: g.batches.size, responses: g.rows.length, aspects: feedbackSummary(g.rows) }))
          .sort((a, b) => (a.partner?.name ?? '').localeCompare(b.partner?.name ?? '')),
      };
    },

    /** A batch's pre/post-test means and gain. */
    gainOf: (rows: { pre: number | null; post: number | null }[]) => batchGain(rows),
  };
}

export type CompletionService = ReturnType<typeof createCompletionService>;
