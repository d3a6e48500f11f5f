/**
 * Appointment feeds development (issue 12; RULES.md §3.1–3.2): from a period's published final
 * result (`L`, read through the selection module), BKPSDM enters each appointee's NIP / NI PPPK
 * and TMT; Merit makes the CPNS/PPPK record from what the application already holds (name, birth
 * date, gender, formation's OPD and jabatan), turns the applicant's account into an employee's,
 * and seats a new CPNS in the next Latsar batch (a PPPK in orientation). The one-year probation
 * is then visible to the employee, their supervisor and BKPSDM, with an alert when Latsar is at
 * risk. All in one transaction, audited.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppointBody } from '../../../../common/contracts/development.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { parseNip } from '../../../../common/rules/nip.ts';
import type { DB } from '../../db/schema.ts';
import { readSheet, type SheetFormat, writeSheet } from '../../platform/sheets.ts';
import { AppError } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import type { Notifier } from '../../platform/notifications.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import type { SelectionService } from '../selection/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { appointmentRepository as repo } from './appointment.repository.ts';
import { developmentRepository as people, trainingRepository as training } from './development.repository.ts';
import { scopeOf } from './development.policy.ts';
import { presentProbation } from './development.presenter.ts';
import { appointmentProblems, type LatsarState, probation } from './domain/appointment.ts';
import { APPOINTMENT_SHEET_COLUMNS, validateAppointmentSheet } from './domain/appointment-sheet.ts';
import { type Eligibility, eligibilityProblems, placement } from './domain/training.ts';

export interface AppointmentDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  notifier: Notifier;
  identity: Pick<IdentityService, 'emailsOfAccounts' | 'appointEmployee' | 'forgetSessionsOf'>;
  selection: Pick<SelectionService, 'appointees' | 'periodsWithFinal'>;
}

const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
const RISK_ORDER = { overdue: 0, failed: 1, at_risk: 2, on_track: 3, passed: 4 } as const;

export function createAppointmentService(deps: AppointmentDeps) {
  const { db, clock, ids, audit, notifier } = deps;

  async function tell(trx: Kysely<DB>, accountId: string | null, fullName: string, title: string, body: string, path: string) {
    if (!accountId) return;
    const email = (await deps.identity.emailsOfAccounts([accountId], trx)).get(accountId);
    if (email) await notifier.notify(trx, { accountId, email, fullName }, { title, body, path });
  }

  async function reach(actor: Actor): Promise<string[] | null> {
    const scope = scopeOf(actor);
    if (scope === 'all') return null;
    const own = await people.employeeOfAccount(db, actor.accountId);
    if (!own) return [];
    return scope === 'unit' ? people.unitIds(db, own.id) : [own.id];
  }

  async function probations(only: string[] | null) {
    const today = localDate(clock.now());
    return (await repo.cpns(db, only))
      .map((r) => {
        const [status, batchName, programTitle, batchId] = r.latsar ? r.latsar.split('|') : [];
        const p = probation(r.tmt, today, (status as LatsarState) ?? null);
        return {
          employee: { id: r.id, nip: r.nip, fullName: r.full_name, organization: { id: r.organization_id, name: r.organization_name } },
          tmt: r.tmt,
          deadline: p.deadline,
          daysLeft: p.daysLeft,
          state: p.state,
          reason: p.reason,
          latsar: status ? { status, batchId: batchId!, batchName: batchName!, programTitle: programTitle! } : null,
          accountId: r.account_id,
          supervisor: r.supervisor_account_id ? { accountId: r.supervisor_account_id, fullName: r.supervisor_name! } : null,
        };
      })
      .sort((a, b) => RISK_ORDER[a.state] - RISK_ORDER[b.state] || a.daysLeft - b.daysLeft);
  }
  type Who = Awaited<ReturnType<AppointmentDeps['selection']['appointees']>>['rows'][number];
  /** One appointee's record, account and Latsar/orientation seat, in the caller's transaction (the NIP checks are done). */
  async function record(trx: Kysely<DB>, actor: Actor, who: Who, body: { nip: string; tmt: string; unit: string; jabatanKind: 'struktural' | 'fungsional' | 'pelaksana'; jenjang: string; golongan: string; supervisorNip: string | null }) {
    const parts = (parseNip(body.nip) as { ok: true; parts: { birthDate: string; gender: 'L' | 'P' } }).parts;
    const status = who.periodType === 'CPNS' ? ('CPNS' as const) : ('PPPK' as const);
    const employeeId = ids.uuid();
      const clash = await repo.clash(trx, { nip: body.nip, accountId: who.accountId, applicationId: who.applicationId });
      if (clash?.application_id === who.applicationId) throw new AppError('CONFLICT', msg(`${who.fullName} sudah tercatat sebagai pegawai dengan NIP ${clash.nip}.`, `${who.fullName} is already recorded with NIP ${clash.nip}.`));
      if (clash?.nip === body.nip) throw new AppError('VALIDATION_FAILED', msg(`NIP ${body.nip} sudah dipakai ${clash.full_name}.`, `NIP ${body.nip} is already ${clash.full_name}'s.`), { fields: [{ field: 'nip', message: msg('NIP sudah dipakai.', 'NIP taken.') }] });
      if (clash) throw new AppError('CONFLICT', msg(`Akun ${who.fullName} sudah terhubung ke pegawai NIP ${clash.nip}.`, `${who.fullName}'s account is already linked to NIP ${clash.nip}.`));
      const supervisor = body.supervisorNip ? await repo.employeeByNip(trx, body.supervisorNip) : null;
      if (body.supervisorNip && !supervisor) throw new AppError('VALIDATION_FAILED', msg(`Tidak ada pegawai dengan NIP atasan ${body.supervisorNip}.`, `No employee has the supervisor NIP ${body.supervisorNip}.`), { fields: [{ field: 'supervisorNip', message: msg('NIP atasan tidak ditemukan.', 'Supervisor NIP not found.') }] });
      const now = clock.now();
      await repo.insertEmployee(trx, {
        id: employeeId, nip: body.nip, status, full_name: who.fullName, gender: parts.gender, birth_date: parts.birthDate, tmt: body.tmt, organization_id: who.organizationId, unit: body.unit,
        jabatan_kind: body.jabatanKind, jabatan: who.jabatan, jenjang: body.jenjang, golongan: body.golongan, supervisor_id: supervisor?.id ?? null, account_id: who.accountId, application_id: who.applicationId, created_at: now, updated_at: now,
      });
      await audit.record(trx, { actor: actorOf(actor), action: 'employee.appoint', subjectType: 'employees', subjectId: employeeId, after: { applicationId: who.applicationId, participantNo: who.participantNo, nip: body.nip, status, tmt: body.tmt } });
      await deps.identity.appointEmployee(trx, actor, who.accountId, who.organizationId);

      // The next Latsar (CPNS) or orientation (PPPK) batch that takes them: a seat, else its waitlist.
      const kind = status === 'CPNS' ? 'latsar' : 'orientasi_pppk';
      const batches = (await repo.nextBatchesOfKind(trx, kind, localDate(now))).filter((b) => eligibilityProblems(b.eligibility as Eligibility, { status, jabatanKind: body.jabatanKind, organizationId: who.organizationId }).length === 0);
      let enrollment: { id: string; batchId: string; batchName: string; programTitle: string; startsOn: string; status: 'enrolled' | 'waitlisted' } | null = null;
      let chosen: { b: (typeof batches)[number]; seat: 'enrolled' | 'waitlisted' } | null = null;
      for (const b of batches) {
        const locked = (await training.lockBatch(trx, b.id))!;
        if (placement(locked.capacity, await training.seatedCount(trx, b.id)) === 'enrolled') {
          chosen = { b, seat: 'enrolled' };
          break;
        }
      }
      if (!chosen && batches[0]) chosen = { b: batches[0], seat: 'waitlisted' }; // every batch full: the earliest one's waitlist
      if (chosen) {
        const { b, seat } = chosen;
        const id = ids.uuid();
        await training.insertEnrollment(trx, { id, batch_id: b.id, employee_id: employeeId, status: seat, source: 'appointment', requested_at: now, requested_by: actor.accountId, updated_at: now });
        await audit.record(trx, { actor: actorOf(actor), action: 'training.enroll', subjectType: 'enrollment', subjectId: id, after: { batchId: b.id, employeeId, status: seat, source: 'appointment' } });
        enrollment = { id, batchId: b.id, batchName: b.name, programTitle: b.title, startsOn: b.starts_on, status: seat };
      }
      const label = status === 'CPNS' ? 'CPNS' : 'PPPK';
      await tell(trx, who.accountId, who.fullName, `Selamat: Anda tercatat sebagai ${label}`, enrollment
        ? `NIP ${body.nip}, TMT ${body.tmt}. ${enrollment.status === 'enrolled' ? 'Anda terdaftar' : 'Anda masuk daftar tunggu'} ${enrollment.programTitle} (${enrollment.batchName}) mulai ${enrollment.startsOn}. Masuk kembali untuk membuka halaman pegawai.`
        : `NIP ${body.nip}, TMT ${body.tmt}. BKPSDM akan mendaftarkan Anda ke ${status === 'CPNS' ? 'Latsar' : 'orientasi PPPK'} saat angkatan dibuka. Masuk kembali untuk membuka halaman pegawai.`, '/pelatihan/saya');
      return { employeeId, status, enrollment };
  }

  /** A period's appointees (`L` in its published final result) and whether each is recorded yet. */
  async function candidates(periodId: string) {
    const r = await deps.selection.appointees(periodId);
    const done = await repo.employeesOfApplications(db, r.rows.map((x) => x.applicationId));
    const names = await repo.organizationNames(db);
    return {
      published: r.published,
      type: r.type,
      candidates: r.rows.map((x) => ({
        applicationId: x.applicationId, participantNo: x.participantNo, fullName: x.fullName, formationCode: x.formationCode, jabatan: x.jabatan,
        organization: { id: x.organizationId, name: names.get(x.organizationId) ?? x.organizationId },
        employee: done.get(x.applicationId) ? { id: done.get(x.applicationId)!.id, nip: done.get(x.applicationId)!.nip } : null,
      })),
    };
  }
  const publicRow = presentProbation;

  return {
    candidates,

    /**
     * Appointees of every published final result who have no ASN record yet (NIP/NI PPPK and TMT
     * not entered): the appointment page's candidates without an employee, summed over periods.
     */
    async waitingForRecord(): Promise<{ count: number; periodId: string | null }> {
      const periods = await deps.selection.periodsWithFinal();
      const waiting = await Promise.all(periods.map(async (id) => ({ id, n: (await candidates(id)).candidates.filter((c) => c.employee === null).length })));
      const open = waiting.filter((w) => w.n > 0);
      return { count: open.reduce((a, w) => a + w.n, 0), periodId: open.length === 1 ? open[0]!.id : null };
    },

    /**
     * Records one appointee: the NIP / NI PPPK and TMT checked against the period's kind and the
     * applicant's own birth date and gender; the record, the account's new role and the Latsar or
     * orientation seat in one transaction.
     */
    async appoint(actor: Actor, body: z.infer<typeof AppointBody>) {
      const r = await deps.selection.appointees(body.periodId);
      const who = r.rows.find((x) => x.applicationId === body.applicationId);
      if (!who) throw new AppError('NOT_FOUND', msg('Pelamar ini tidak berstatus L (lulus) di hasil akhir yang diumumkan untuk periode ini.', 'This applicant is not L (appointed) in the period’s published final result.'));
      const problems = appointmentProblems({ periodType: who.periodType, birthDate: who.birthDate, gender: who.gender }, body.nip, body.tmt);
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]!, { fields: problems.map((p) => ({ field: p.id.startsWith('TMT') ? 'tmt' : 'nip', message: p })) });
      const result = await db.transaction().execute((trx) => record(trx, actor, who, body));
      deps.identity.forgetSessionsOf(who.accountId);
      const p = result.status === 'CPNS' ? probation(body.tmt, localDate(clock.now()), result.enrollment?.status ?? null) : null;
      return { ...result, probation: p ? { deadline: p.deadline, daysLeft: p.daysLeft, state: p.state } : null };
    },

    /** The period's appointees as a sheet (NIP and TMT to fill in; recorded ones show theirs). */
    async sheet(periodId: string, format: SheetFormat) {
      const r = await deps.selection.appointees(periodId);
      const done = await repo.employeesOfApplications(db, r.rows.map((x) => x.applicationId));
      return writeSheet({
        name: 'Pengangkatan',
        columns: APPOINTMENT_SHEET_COLUMNS.map((name) => ({ name, width: name === 'nama' ? 32 : name === 'nip' || name === 'nip_atasan' ? 22 : 14 })),
        rows: r.rows.map((x) => [x.participantNo, x.fullName, x.formationCode, done.get(x.applicationId)?.nip ?? '', '', r.type === 'PPPK' ? '' : 'III/a', '', 'fungsional', '', '']),
      }, format);
    },

    /** Checks (commit=false) or records (commit=true) a filled appointment sheet: every filled row or none. */
    async importSheet(actor: Actor, periodId: string, data: Buffer, format: SheetFormat, commit: boolean) {
      const read = await readSheet(data, format, { maxRows: 5000, columns: APPOINTMENT_SHEET_COLUMNS.length, noun: { id: 'pengangkatan', en: 'appointment' } });
      if (!read.ok) return { committed: false, ok: false, counts: { new: 0, later: 0, recorded: 0, error: 1 }, report: [{ line: read.line, participantNo: null, status: 'error' as const, problems: [read.problem] }] };
      const r = await deps.selection.appointees(periodId);
      const done = await repo.employeesOfApplications(db, r.rows.map((x) => x.applicationId));
      const nips = await repo.allNips(db);
      const appointees = new Map(r.rows.map((x) => [x.participantNo, { participantNo: x.participantNo, applicationId: x.applicationId, periodType: x.periodType, birthDate: x.birthDate, gender: x.gender, recordedNip: done.get(x.applicationId)?.nip ?? null }]));
      const checked = validateAppointmentSheet(read.records, { appointees, usedNips: nips, knownNips: nips });
      const counts = { new: 0, later: 0, recorded: 0, error: 0 };
      for (const x of checked.report) counts[x.status]++;
      if (!checked.ok || !commit || checked.rows.length === 0) return { committed: false, ok: checked.ok, counts, report: checked.report };
      const byApp = new Map(r.rows.map((x) => [x.applicationId, x]));
      await db.transaction().execute(async (trx) => {
        for (const row of checked.rows) await record(trx, actor, byApp.get(row.applicationId)!, row);
        await audit.record(trx, { actor: actorOf(actor), action: 'employee.appoint_import', subjectType: 'recruitment_period', subjectId: periodId, after: { rows: checked.rows.length, nips: checked.rows.map((x) => x.nip) } });
      });
      for (const row of checked.rows) deps.identity.forgetSessionsOf(byApp.get(row.applicationId)!.accountId);
      return { committed: true, ok: true, counts, report: checked.report };
    },

    /** CPNS probation: BKPSDM every CPNS, a supervisor their unit's; riskiest first. */
    async probations(actor: Actor) {
      const rows = await probations(await reach(actor));
      return { atRisk: rows.filter((r) => r.state === 'at_risk' || r.state === 'overdue' || r.state === 'failed').length, rows: rows.map(publicRow) };
    },

    /** The signed-in CPNS's own probation (null for anyone else). */
    async mine(actor: Actor) {
      const own = await people.employeeOfAccount(db, actor.accountId);
      if (!own) return { probation: null };
      const [row] = await probations([own.id]);
      return { probation: row ? publicRow(row) : null };
    },

    /** Reminds each CPNS whose probation is at risk (and their supervisor) in the app and by e-mail; audited. */
    async remind(actor: Actor) {
      const risky = (await probations(null)).filter((r) => r.state === 'at_risk' || r.state === 'overdue');
      if (risky.length === 0) return { reminded: 0 };
      await db.transaction().execute(async (trx) => {
        for (const r of risky) {
          const text = `${r.employee.fullName} (NIP ${r.employee.nip}): masa percobaan berakhir ${r.deadline}. ${r.reason.id}`;
          await tell(trx, r.accountId, r.employee.fullName, 'Masa percobaan CPNS berisiko', text, '/pelatihan/saya');
          if (r.supervisor) await tell(trx, r.supervisor.accountId, r.supervisor.fullName, `Masa percobaan ${r.employee.fullName} berisiko`, text, '/pegawai/masa-percobaan');
        }
        await audit.record(trx, { actor: actorOf(actor), action: 'probation.remind', subjectType: 'employees', subjectId: null, after: { employees: risky.map((r) => r.employee.nip) } });
      });
      return { reminded: risky.length };
    },
  };
}

export type AppointmentService = ReturnType<typeof createAppointmentService>;
