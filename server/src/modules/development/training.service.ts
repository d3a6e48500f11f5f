/**
 * Training with partner institutions (RULES.md §3): programmes with their JP and eligibility,
 * batches (angkatan) with capacity, enrolment by BKPSDM or by a supervisor's nomination with a
 * waitlist that moves up when a seat frees, completion that posts JP to the employee's ledger, and
 * the yearly 20 JP report. Status changes run the enrolment machine through the process step;
 * people hear about their seat in the app and by e-mail.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { BatchBody, BatchScheduleBody, JpClaimBody, PartnerBody, ProgramBody } from '../../../../common/contracts/development.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import type { Notifier } from '../../platform/notifications.ts';
import type { StepRunner } from '../../platform/process.ts';
import { writeSheet } from '../../platform/sheets.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { developmentRepository as people, trainingRepository as repo } from './development.repository.ts';
import { scopeOf } from './development.policy.ts';
import { completionRepository as completion } from './completion.repository.ts';
import { attendancePercent, batchGain, batchNotOverProblems, completionProblems, completionYear, testGain } from './domain/completion.ts';
import { batchStatus, type Eligibility, claimMachine, compliance, complianceByOrganization, eligibilityProblems, enrollmentMachine, jpOfMinutes, placement, promotions } from './domain/training.ts';

export interface TrainingDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  steps: StepRunner;
  notifier: Notifier;
  identity: Pick<IdentityService, 'emailsOfAccounts'>;
}

const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
const conflict = (id: string, en: string) => new AppError('CONFLICT', msg(id, en));

export function createTrainingService(deps: TrainingDeps) {
  const { db, clock, ids, audit, steps, notifier } = deps;

  /** The employees an actor acts for: null = all (BKPSDM), else their unit or themselves. */
  async function reach(actor: Actor): Promise<string[] | null> {
    const scope = scopeOf(actor);
    if (scope === 'all') return null;
    const own = await people.employeeOfAccount(db, actor.accountId);
    if (!own) return [];
    return scope === 'unit' ? people.unitIds(db, own.id) : [own.id];
  }

  /** Tells an employee with a Merit account about their seat (in the transaction that gave it). */
  async function tell(trx: Kysely<DB>, employee: { account_id: string | null; full_name: string }, title: string, body: string) {
    if (!employee.account_id) return;
    const email = (await deps.identity.emailsOfAccounts([employee.account_id], trx)).get(employee.account_id);
    if (email) await notifier.notify(trx, { accountId: employee.account_id, email, fullName: employee.full_name }, { title, body, path: '/pelatihan/saya' });
  }

  const presentBatch = (b: Awaited<ReturnType<typeof repo.batches>>[number]) => ({
    id: b.id, programId: b.program_id, programTitle: b.program_title, jp: b.jp, name: b.name, startsOn: b.starts_on, endsOn: b.ends_on, venue: b.venue, facilitators: b.facilitators, capacity: b.capacity, status: batchStatus(b.status, b.ends_on, localDate(clock.now())), seated: Number(b.seated ?? 0), waiting: Number(b.waiting ?? 0),
  });
  const presentProgram = (p: NonNullable<Awaited<ReturnType<typeof repo.program>>>) => ({
    id: p.id, code: p.code, title: p.title, kind: p.kind, competencyArea: p.competency_area, jp: p.jp, modality: p.modality, partner: p.partner_id ? { id: p.partner_id, name: p.partner_name ?? p.partner_id } : null, eligibility: p.eligibility as Eligibility, costRupiah: p.cost_rupiah, description: p.description,
    completion: { minAttendancePct: p.min_attendance_pct, postTestPass: p.post_test_pass, assignmentRequired: p.assignment_required },
  });

  return {
    // ── catalog ──
    async partners() {
      return (await repo.partners(db)).map((p) => ({ id: p.id, name: p.name, kind: p.kind }));
    },

    async createPartner(actor: Actor, body: z.infer<typeof PartnerBody>) {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.insertPartner(trx, body))) throw conflict(`Kode mitra "${body.id}" sudah dipakai.`, `Partner code "${body.id}" is taken.`);
        await audit.record(trx, { actor: actorOf(actor), action: 'training.partner.create', subjectType: 'training_partner', subjectId: body.id, after: body });
      });
      return { id: body.id };
    },

    async programs() {
      const [programs, batches] = await Promise.all([repo.programs(db), repo.batches(db)]);
      return programs.map((p) => ({ ...presentProgram(p), batches: batches.filter((b) => b.program_id === p.id).map(presentBatch) }));
    },

    async createProgram(actor: Actor, body: z.infer<typeof ProgramBody>) {
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        if (await repo.programByCode(trx, body.code)) throw new AppError('VALIDATION_FAILED', msg(`Kode program "${body.code}" sudah dipakai.`, `Programme code "${body.code}" is taken.`), { fields: [{ field: 'code', message: msg('Kode sudah dipakai.', 'Code taken.') }] });
        if (body.partnerId && !(await repo.partner(trx, body.partnerId))) throw new AppError('VALIDATION_FAILED', msg('Mitra pelaksana tidak dikenal.', 'Unknown partner.'), { fields: [{ field: 'partnerId', message: msg('Pilih mitra dari daftar.', 'Choose a partner from the list.') }] });
        await repo.insertProgram(trx, { id, code: body.code, title: body.title, kind: body.kind, competency_area: body.competencyArea, jp: body.jp, modality: body.modality, partner_id: body.partnerId, eligibility: JSON.stringify(body.eligibility), cost_rupiah: body.costRupiah, description: body.description, created_by: actor.accountId, min_attendance_pct: body.completion.minAttendancePct, post_test_pass: body.completion.postTestPass, assignment_required: body.completion.assignmentRequired });
        await audit.record(trx, { actor: actorOf(actor), action: 'training.program.create', subjectType: 'training_program', subjectId: id, after: body });
      });
      return { id };
    },

    async createBatch(actor: Actor, programId: string, body: z.infer<typeof BatchBody>) {
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.program(trx, programId))) throw notFound();
        if (await repo.batchExists(trx, programId, body.name)) throw new AppError('VALIDATION_FAILED', msg(`Angkatan "${body.name}" sudah ada di program ini.`, `Batch "${body.name}" already exists in this programme.`), { fields: [{ field: 'name', message: msg('Nama angkatan sudah dipakai.', 'Batch name taken.') }] });
        await repo.insertBatch(trx, { id, program_id: programId, name: body.name, starts_on: body.startsOn, ends_on: body.endsOn, venue: body.venue, facilitators: body.facilitators, capacity: body.capacity, status: 'open' });
        await audit.record(trx, { actor: actorOf(actor), action: 'training.batch.create', subjectType: 'training_batch', subjectId: id, after: { programId, ...body } });
      });
      return { id };
    },

    /**
     * Moves a batch's dates (its schedule changed); every meeting must start inside them. Audited
     * with the reason; the batch's status, completion and certificates follow the new end date.
     */
    async reschedule(actor: Actor, batchId: string, body: z.infer<typeof BatchScheduleBody>) {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.lockBatch(trx, batchId))) throw notFound();
        const before = (await repo.batches(trx)).find((b) => b.id === batchId)!;
        // A meeting belongs to the day it starts (an evening session may run past midnight).
        const outside = (await completion.meetings(trx, batchId)).find((m) => localDate(new Date(m.starts_at)) < body.startsOn || localDate(new Date(m.starts_at)) > body.endsOn);
        if (outside) {
          const day = localDate(new Date(outside.starts_at));
          const why = msg(`Pertemuan ke-${outside.seq} (${formatCalendarDate(day)}) berada di luar tanggal baru; pilih tanggal yang mencakup semua pertemuan.`, `Meeting ${outside.seq} (${formatCalendarDate(day, 'en')}) falls outside the new dates; choose dates that cover every meeting.`);
          throw new AppError('VALIDATION_FAILED', why, { fields: [{ field: day < body.startsOn ? 'startsOn' : 'endsOn', message: why }] });
        }
        await repo.setBatchDates(trx, batchId, { starts_on: body.startsOn, ends_on: body.endsOn });
        await audit.record(trx, { actor: actorOf(actor), action: 'training.batch.reschedule', subjectType: 'training_batch', subjectId: batchId, before: { startsOn: before.starts_on, endsOn: before.ends_on }, after: body });
      });
    },

    /** A batch with its programme and participants; a supervisor sees only their unit's people in it. */
    async batch(actor: Actor, batchId: string) {
      const b = (await repo.batches(db)).find((x) => x.id === batchId);
      if (!b) throw notFound();
      const only = await reach(actor);
      const list = (await repo.enrollments(db, batchId)).filter((e) => !only || only.includes(e.employee_id));
      const program = (await repo.program(db, b.program_id))!;
      const [facts, meetings] = await Promise.all([completion.facts(db, batchId), completion.meetingCount(db, batchId)]);
      const rule = { minAttendancePct: program.min_attendance_pct, postTestPass: program.post_test_pass, assignmentRequired: program.assignment_required };
      const factOf = new Map(facts.map((f) => [f.id, f]));
      const progressOf = (id: string) => {
        const f = factOf.get(id)!;
        const attended = Number(f.attended ?? 0);
        return { attended, attendancePct: attendancePercent(attended, meetings), preTest: f.pre_test_score, postTest: f.post_test_score, gain: testGain(f.pre_test_score, f.post_test_score), assignmentDone: f.assignment_done, problems: completionProblems(rule, { attended, meetings, postTestScore: f.post_test_score, assignmentDone: f.assignment_done }) };
      };
      const seated = list.filter((e) => e.status === 'enrolled' || e.status === 'completed' || e.status === 'not_completed');
      return {
        batch: presentBatch(b),
        program: presentProgram(program),
        meetings,
        gain: batchGain(seated.map((e) => ({ pre: factOf.get(e.id)!.pre_test_score, post: factOf.get(e.id)!.post_test_score }))),
        enrollments: list.map((e) => ({ id: e.id, employeeId: e.employee_id, nip: e.nip, fullName: e.full_name, organization: { id: e.organization_id, name: e.organization_name }, status: e.status, source: e.source, requestedAt: new Date(e.requested_at).toISOString(), progress: progressOf(e.id) })),
      };
    },

    // ── enrolment ──
    /**
     * Enrols an employee: BKPSDM anyone, a supervisor someone of their unit (a nomination). A seat
     * when one is free, else the waitlist; eligibility and a batch still open are required.
     */
    async enroll(actor: Actor, batchId: string, employeeId: string) {
      const only = await reach(actor);
      if (only && !only.includes(employeeId)) throw notFound();
      return db.transaction().execute(async (trx) => {
        const batch = await repo.lockBatch(trx, batchId);
        if (!batch) throw notFound();
        const status = batchStatus(batch.status, batch.ends_on, localDate(clock.now()));
        if (status === 'finished') throw conflict(`Angkatan ini sudah selesai (berakhir ${formatCalendarDate(batch.ends_on)}); daftarkan di angkatan yang masih berjalan atau yang akan datang.`, `This batch has finished (it ended on ${formatCalendarDate(batch.ends_on, 'en')}); enrol in a running or coming batch.`);
        if (status !== 'open') throw conflict('Pendaftaran angkatan ini sudah ditutup.', 'Enrolment for this batch is closed.');
        const employee = await repo.employeeForEnrollment(trx, employeeId);
        if (!employee) throw notFound();
        const problems = eligibilityProblems(batch.eligibility as Eligibility, { status: employee.status, jabatanKind: employee.jabatan_kind, organizationId: employee.organization_id });
        if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]!, { fields: problems.map((p) => ({ field: 'employeeId', message: p })) });
        const existing = await repo.enrollmentOf(trx, batchId, employeeId);
        if (existing && existing.status !== 'cancelled') throw conflict(`${employee.full_name} sudah terdaftar di angkatan ini.`, `${employee.full_name} is already enrolled in this batch.`);
        if (existing) throw conflict(`Pendaftaran ${employee.full_name} di angkatan ini pernah dibatalkan; daftarkan di angkatan lain.`, `${employee.full_name}'s enrolment in this batch was cancelled; enrol them in another batch.`);
        const seat = placement(batch.capacity, await repo.seatedCount(trx, batchId));
        const id = ids.uuid();
        const now = clock.now();
        await repo.insertEnrollment(trx, { id, batch_id: batchId, employee_id: employeeId, status: seat, source: scopeOf(actor) === 'all' ? 'bkpsdm' : 'nomination', requested_at: now, requested_by: actor.accountId, updated_at: now });
        await audit.record(trx, { actor: actorOf(actor), action: 'training.enroll', subjectType: 'enrollment', subjectId: id, after: { batchId, employeeId, status: seat } });
        await tell(trx, employee, seat === 'enrolled' ? `Terdaftar: ${batch.title}` : `Daftar tunggu: ${batch.title}`, seat === 'enrolled'
          ? `Anda terdaftar sebagai peserta ${batch.title} (${batch.name}).`
          : `Kuota ${batch.title} (${batch.name}) penuh; Anda masuk daftar tunggu dan otomatis menjadi peserta bila ada kursi kosong.`);
        return { id, status: seat };
      });
    },

    /** Cancels an enrolment; a freed seat goes to the earliest on the waitlist, in the same transaction. */
    async cancel(actor: Actor, enrollmentId: string) {
      const only = await reach(actor);
      return db.transaction().execute(async (trx) => {
        const current = await repo.enrollment(trx, enrollmentId);
        if (!current || (only && !only.includes(current.employee_id))) throw notFound();
        const batch = (await repo.lockBatch(trx, current.batch_id))!;
        const e = (await repo.enrollment(trx, enrollmentId))!;
        const now = clock.now();
        await steps(trx, { machine: enrollmentMachine, subject: { type: 'enrollment', id: e.id, status: e.status }, event: 'cancel', actor: actorOf(actor), apply: (s) => repo.setEnrollmentStatus(trx, e.id, s, now), audit: { action: 'training.cancel' } });
        const free = batch.capacity - (await repo.seatedCount(trx, batch.id));
        const promoted = promotions((await repo.waitlist(trx, batch.id)).map((w) => ({ ...w, requestedAt: new Date(w.requested_at) })), free);
        for (const p of promoted) {
          await steps(trx, { machine: enrollmentMachine, subject: { type: 'enrollment', id: p.id, status: p.status }, event: 'promote', actor: actorOf(actor), apply: (s) => repo.setEnrollmentStatus(trx, p.id, s, now), audit: { action: 'training.promote', after: { freedBy: e.id } } });
          const who = (await repo.employeeForEnrollment(trx, p.employee_id))!;
          await tell(trx, who, `Kursi tersedia: ${batch.title}`, `Ada kursi kosong di ${batch.title} (${batch.name}); Anda kini terdaftar sebagai peserta.`);
        }
        return { promoted: promoted.map((p) => p.id) };
      });
    },

    /**
     * Marks enrolled participants as having completed (once the batch is over, posting the
     * programme's JP to their ledger for the year it is recorded, in Palu) or not; BKPSDM only.
     */
    async finish(actor: Actor, batchId: string, body: { enrollmentIds: string[]; passed: boolean }) {
      return db.transaction().execute(async (trx) => {
        const batch = await repo.lockBatch(trx, batchId);
        if (!batch) throw notFound();
        const now = clock.now();
        const rule = await completion.completionRule(trx, batchId);
        const facts = await completion.facts(trx, batchId);
        const meetings = await completion.meetingCount(trx, batchId);
        const factOf = new Map(facts.map((f) => [f.id, f]));
        const notOver = batchNotOverProblems({ endsOn: batch.ends_on, meetings: (await completion.meetings(trx, batchId)).map((m) => ({ seq: m.seq, title: m.title, endsAt: new Date(m.ends_at) })) }, now);
        for (const id of new Set(body.enrollmentIds)) {
          const e = await repo.enrollment(trx, id);
          if (!e || e.batch_id !== batchId) throw new AppError('VALIDATION_FAILED', msg('Ada peserta yang bukan peserta angkatan ini.', 'Someone listed is not a participant of this batch.'), { fields: [{ field: 'enrollmentIds', message: msg('Bukan peserta angkatan ini.', 'Not in this batch.') }] });
          const f = factOf.get(id)!;
          // "Selesai" only by the programme's own rule (attendance, post-test, assignment).
          const problems = body.passed && e.status === 'enrolled' ? [...notOver, ...completionProblems({ minAttendancePct: rule.min_attendance_pct, postTestPass: rule.post_test_pass, assignmentRequired: rule.assignment_required }, { attended: Number(f.attended ?? 0), meetings, postTestScore: f.post_test_score, assignmentDone: f.assignment_done })] : [];
          if (problems.length > 0) {
            const who = (await repo.employeeForEnrollment(trx, e.employee_id))!;
            throw new AppError('VALIDATION_FAILED', msg(`${who.full_name} belum memenuhi syarat selesai: ${problems.map((p) => p.id).join(' ')}`, `${who.full_name} has not completed: ${problems.map((p) => p.en).join(' ')}`), { fields: [{ field: 'enrollmentIds', message: problems[0]! }] });
          }
          await steps(trx, { machine: enrollmentMachine, subject: { type: 'enrollment', id, status: e.status }, event: body.passed ? 'complete' : 'fail', actor: actorOf(actor), apply: (s) => repo.setEnrollmentStatus(trx, id, s, now), audit: { action: body.passed ? 'training.complete' : 'training.not_complete' } });
          if (body.passed) await repo.postJp(trx, { id: ids.uuid(), employee_id: e.employee_id, year: completionYear(now), jp: batch.jp, source: 'training', enrollment_id: id, title: `${batch.title} (${batch.name})`, recorded_at: now });
        }
        return { finished: new Set(body.enrollmentIds).size };
      });
    },

    // ── the 20 JP a year ──
    /** Each employee's JP for a year against the 20 JP right, per OPD, and who is short by how much. */
    async jpReport(actor: Actor, year: number, organizationId?: string) {
      const only = await reach(actor);
      const rows = (await repo.jpTotals(db, year, only, organizationId)).map((r) => ({ employeeId: r.id, nip: r.nip, fullName: r.full_name, organization: { id: r.organization_id, name: r.organization_name }, unit: r.unit, ...compliance(Number(r.jp)) }));
      const names = new Map(rows.map((r) => [r.organization.id, r.organization.name]));
      return {
        year,
        required: rows[0]?.required ?? 20,
        employees: rows.length,
        met: rows.filter((r) => r.met).length,
        byOrganization: complianceByOrganization(rows.map((r) => ({ organizationId: r.organization.id, jp: r.jp }))).map((o) => ({ ...o, name: names.get(o.organizationId) ?? o.organizationId })),
        short: rows.filter((r) => !r.met).sort((a, b) => b.short - a.short || a.fullName.localeCompare(b.fullName)),
      };
    },

    /** Every employee's JP for the year as XLSX, for the annual competency development plan; audited. */
    async jpSheet(actor: Actor, year: number) {
      const only = await reach(actor);
      const rows = await repo.jpTotals(db, year, only);
      await audit.record(db, { actor: actorOf(actor), action: 'training.jp.export', subjectType: 'jp_ledger', subjectId: null, after: { year, rows: rows.length } });
      return writeSheet({
        name: `JP ${year}`,
        columns: [{ name: 'nip', width: 22 }, { name: 'nama', width: 32 }, { name: 'perangkat_daerah', width: 40 }, { name: 'unit', width: 28 }, { name: 'jp', width: 8 }, { name: 'wajib', width: 8 }, { name: 'kurang', width: 8 }, { name: 'memenuhi', width: 10 }],
        rows: rows
          .map((r) => ({ r, c: compliance(Number(r.jp)) }))
          .sort((a, b) => a.r.organization_name.localeCompare(b.r.organization_name) || b.c.short - a.c.short || a.r.full_name.localeCompare(b.r.full_name))
          .map(({ r, c }) => [r.nip, r.full_name, r.organization_name, r.unit, c.jp, c.required, c.short, c.met ? 'ya' : 'tidak']),
      }, 'xlsx');
    },

    /** Reminds every employee (with a Merit account) still short of the year's 20 JP, by how much; audited. */
    async remindShort(actor: Actor, year: number) {
      const short = (await repo.jpTotals(db, year, null)).map((r) => ({ r, c: compliance(Number(r.jp)) })).filter((x) => !x.c.met && x.r.account_id);
      await db.transaction().execute(async (trx) => {
        for (const { r, c } of short) await tell(trx, r, `Hak 20 JP ${year}: kurang ${c.short} JP`, `Catatan Anda ${c.jp} dari ${c.required} JP pada ${year}. Bicarakan pelatihan yang sesuai dengan atasan Anda atau laporkan kegiatan pengembangan lain di Pelatihan saya.`);
        await audit.record(trx, { actor: actorOf(actor), action: 'training.jp.remind', subjectType: 'jp_ledger', subjectId: null, after: { year, employees: short.map((x) => x.r.nip) } });
      });
      return { reminded: short.length };
    },

    // ── outside activities (RULES.md §3.3) ──
    /** An employee reports an activity outside Merit's training; it counts only once approved. */
    async submitClaim(actor: Actor, body: z.infer<typeof JpClaimBody>) {
      const own = await people.employeeOfAccount(db, actor.accountId);
      if (!own) throw new AppError('NOT_FOUND', msg('Akun Anda belum terhubung ke data pegawai. Hubungi BKPSDM untuk menautkan NIP Anda.', 'Your account is not linked to an employee record yet. Ask BKPSDM to link your NIP.'));
      if (body.heldOn > localDate(clock.now())) throw new AppError('VALIDATION_FAILED', msg('Kegiatan yang dilaporkan harus sudah terlaksana.', 'The activity must already have taken place.'), { fields: [{ field: 'heldOn', message: msg('Tanggal tidak boleh di masa depan.', 'The date cannot be in the future.') }] });
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        await repo.insertClaim(trx, { id, employee_id: own.id, kind: body.kind, title: body.title, organizer: body.organizer, held_on: body.heldOn, minutes: body.minutes, evidence_url: body.evidenceUrl, status: 'submitted', submitted_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'jp_claim.submit', subjectType: 'jp_claim', subjectId: id, after: { kind: body.kind, minutes: body.minutes } });
      });
      return { id, jp: jpOfMinutes(body.minutes) };
    },

    /** Claims waiting (or decided) for the people an actor decides for: a supervisor's unit but not their own, BKPSDM all. */
    async claims(actor: Actor, status: 'submitted' | 'approved' | 'rejected') {
      const only = await reach(actor);
      const own = await people.employeeOfAccount(db, actor.accountId);
      const rows = await repo.claims(db, only ? only.filter((id) => id !== own?.id) : null, status);
      return rows.map((c) => ({ id: c.id, employee: { id: c.employee_id, nip: c.nip, fullName: c.full_name }, kind: c.kind, title: c.title, organizer: c.organizer, heldOn: c.held_on, minutes: c.minutes, jp: jpOfMinutes(c.minutes), evidenceUrl: c.evidence_url, status: c.status, submittedAt: new Date(c.submitted_at).toISOString(), decisionNote: c.decision_note }));
    },

    /** Approves (posting the JP for the year it was held) or rejects a claim, once; not one's own. */
    async decideClaim(actor: Actor, claimId: string, body: { approve: boolean; note: string | null }) {
      const only = await reach(actor);
      const own = await people.employeeOfAccount(db, actor.accountId);
      await db.transaction().execute(async (trx) => {
        const c = await repo.claim(trx, claimId);
        if (!c || (only && !only.includes(c.employee_id))) throw notFound();
        if (own && c.employee_id === own.id) throw conflict('Klaim JP Anda sendiri diputuskan oleh atasan Anda atau BKPSDM.', 'Your own JP claim is decided by your supervisor or BKPSDM.');
        if (!body.approve && !body.note) throw new AppError('VALIDATION_FAILED', msg('Tuliskan alasan penolakan agar pegawai tahu yang perlu diperbaiki.', 'Give a reason for the rejection so the employee knows what to fix.'), { fields: [{ field: 'note', message: msg('Alasan wajib diisi.', 'A reason is required.') }] });
        const now = clock.now();
        await steps(trx, {
          machine: claimMachine,
          subject: { type: 'jp_claim', id: c.id, status: c.status },
          event: body.approve ? 'approve' : 'reject',
          actor: actorOf(actor),
          apply: (status) => repo.decideClaim(trx, c.id, { status, decided_by: actor.accountId, decided_at: now, decision_note: body.note }),
          audit: { action: body.approve ? 'jp_claim.approve' : 'jp_claim.reject' },
        });
        if (body.approve) await repo.postJp(trx, { id: ids.uuid(), employee_id: c.employee_id, year: Number(c.held_on.slice(0, 4)), jp: jpOfMinutes(c.minutes), source: 'claim', claim_id: c.id, title: `${c.title} (${c.organizer})`, recorded_at: now });
        const who = (await repo.employeeForEnrollment(trx, c.employee_id))!;
        await tell(trx, who, body.approve ? `Klaim JP disetujui: ${c.title}` : `Klaim JP ditolak: ${c.title}`, body.approve ? `${jpOfMinutes(c.minutes)} JP masuk catatan Anda.` : `Alasan: ${body.note}`);
      });
    },

    /** The signed-in employee's trainings and JP for the year. */
    async mine(actor: Actor, year: number) {
      const own = await people.employeeOfAccount(db, actor.accountId);
      if (!own) throw new AppError('NOT_FOUND', msg('Akun Anda belum terhubung ke data pegawai. Hubungi BKPSDM untuk menautkan NIP Anda.', 'Your account is not linked to an employee record yet. Ask BKPSDM to link your NIP.'));
      const [enrollments, ledger, claims] = await Promise.all([repo.enrollmentsOfEmployee(db, own.id), repo.ledgerOf(db, own.id), repo.claims(db, [own.id], null)]);
      const jp = ledger.filter((l) => l.year === year).reduce((a, l) => a + l.jp, 0);
      return {
        year,
        compliance: compliance(jp),
        enrollments: enrollments.map((e) => ({ id: e.id, status: e.status, batchId: e.batch_id, batchName: e.batch_name, title: e.title, kind: e.kind, jp: e.jp, startsOn: e.starts_on, endsOn: e.ends_on, venue: e.venue, dates: `${formatCalendarDate(e.starts_on)} – ${formatCalendarDate(e.ends_on)}` })),
        ledger: ledger.map((l) => ({ id: l.id, year: l.year, jp: l.jp, source: l.source, title: l.title, recordedAt: new Date(l.recorded_at).toISOString() })),
        claims: claims.map((c) => ({ id: c.id, kind: c.kind, title: c.title, organizer: c.organizer, heldOn: c.held_on, jp: jpOfMinutes(c.minutes), status: c.status, decisionNote: c.decision_note })),
      };
    },
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
