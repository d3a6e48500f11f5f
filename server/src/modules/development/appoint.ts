/** Recording appointees, one by one or by sheet: the CPNS/PPPK record, the account's new role, and the Latsar or orientation seat. */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppointBody } from '../../../../common/contracts/development.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { parseNip } from '../../../../common/rules/nip.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { readSheet, type SheetFormat } from '../../platform/sheets.ts';
import type { Actor } from '../identity/index.ts';
import type { AppointmentContext } from './appointment-candidates.ts';
import { appointmentRepository as repo } from './appointment.repository.ts';
import { trainingRepository as training } from './development.repository.ts';
import { actorOf, tell } from './development.shared.ts';
import { appointmentProblems, probation } from './domain/appointment.ts';
import { APPOINTMENT_SHEET_COLUMNS, validateAppointmentSheet } from './domain/appointment-sheet.ts';
import { type Eligibility, eligibilityProblems, placement } from './domain/training.ts';

type Who = Awaited<ReturnType<AppointmentContext['selection']['appointees']>>['rows'][number];
type Entry = {
  nip: string;
  tmt: string;
  unit: string;
  jabatanKind: 'struktural' | 'fungsional' | 'pelaksana';
  jenjang: string;
  golongan: string;
  supervisorNip: string | null;
};

/** Refuses a NIP or an account already recorded, and an unknown supervisor NIP; answers the supervisor. */
async function checkClashes(trx: Kysely<DB>, who: Who, body: Entry) {
  const clash = await repo.clash(trx, { nip: body.nip, accountId: who.accountId, applicationId: who.applicationId });
  if (clash?.application_id === who.applicationId)
    throw new AppError(
      'CONFLICT',
      msg(
        `${who.fullName} sudah tercatat sebagai pegawai dengan NIP ${clash.nip}.`,
        `${who.fullName} is already recorded with NIP ${clash.nip}.`,
      ),
    );
  if (clash?.nip === body.nip)
    throw new AppError(
      'VALIDATION_FAILED',
      msg(`NIP ${body.nip} sudah dipakai ${clash.full_name}.`, `NIP ${body.nip} is already ${clash.full_name}'s.`),
      { fields: [{ field: 'nip', message: msg('NIP sudah dipakai.', 'NIP taken.') }] },
    );
  if (clash)
    throw new AppError(
      'CONFLICT',
      msg(
        `Akun ${who.fullName} sudah terhubung ke pegawai NIP ${clash.nip}.`,
        `${who.fullName}'s account is already linked to NIP ${clash.nip}.`,
      ),
    );
  const supervisor = body.supervisorNip ? await repo.employeeByNip(trx, body.supervisorNip) : null;
  if (body.supervisorNip && !supervisor)
    throw new AppError(
      'VALIDATION_FAILED',
      msg(
        `Tidak ada pegawai dengan NIP atasan ${body.supervisorNip}.`,
        `No employee has the supervisor NIP ${body.supervisorNip}.`,
      ),
      {
        fields: [{ field: 'supervisorNip', message: msg('NIP atasan tidak ditemukan.', 'Supervisor NIP not found.') }],
      },
    );
  return supervisor;
}

/** Seats a new CPNS in the next Latsar (a PPPK in orientation) batch that takes them: a seat, else the earliest one's waitlist. */
async function seatInFirstBatch(
  ctx: AppointmentContext,
  trx: Kysely<DB>,
  actor: Actor,
  who: Who,
  employeeId: string,
  status: 'CPNS' | 'PPPK',
  jabatanKind: Entry['jabatanKind'],
  now: Date,
) {
  const kind = status === 'CPNS' ? 'latsar' : 'orientasi_pppk';
  const batches = (await repo.nextBatchesOfKind(trx, kind, localDate(now))).filter(
    (b) =>
      eligibilityProblems(b.eligibility as Eligibility, { status, jabatanKind, organizationId: who.organizationId })
        .length === 0,
  );
  let chosen: { b: (typeof batches)[number]; seat: 'enrolled' | 'waitlisted' } | null = null;
  for (const b of batches) {
    const locked = (await training.lockBatch(trx, b.id))!;
    if (placement(locked.capacity, await training.seatedCount(trx, b.id)) === 'enrolled') {
      chosen = { b, seat: 'enrolled' };
      break;
    }
  }
  if (!chosen && batches[0]) chosen = { b: batches[0], seat: 'waitlisted' }; // every batch full: the earliest one's waitlist
  if (!chosen) return null;
  const { b, seat } = chosen;
  const id = ctx.ids.uuid();
  await training.insertEnrollment(trx, {
    id,
    batch_id: b.id,
    employee_id: employeeId,
    status: seat,
    source: 'appointment',
    requested_at: now,
    requested_by: actor.accountId,
    updated_at: now,
  });
  await ctx.audit.record(trx, {
    actor: actorOf(actor),
    action: 'training.enroll',
    subjectType: 'enrollment',
    subjectId: id,
    after: { batchId: b.id, employeeId, status: seat, source: 'appointment' },
  });
  return { id, batchId: b.id, batchName: b.name, programTitle: b.title, startsOn: b.starts_on, status: seat };
}

/** One appointee's record, account and Latsar/orientation seat, in the caller's transaction (the NIP checks are done). */
async function recordAppointee(ctx: AppointmentContext, trx: Kysely<DB>, actor: Actor, who: Who, body: Entry) {
  const parts = (parseNip(body.nip) as { ok: true; parts: { birthDate: string; gender: 'L' | 'P' } }).parts;
  const status = who.periodType === 'CPNS' ? ('CPNS' as const) : ('PPPK' as const);
  const employeeId = ctx.ids.uuid();
  const supervisor = await checkClashes(trx, who, body);
  const now = ctx.clock.now();
  await repo.insertEmployee(trx, {
    id: employeeId,
    nip: body.nip,
    status,
    full_name: who.fullName,
    gender: parts.gender,
    birth_date: parts.birthDate,
    tmt: body.tmt,
    organization_id: who.organizationId,
    unit: body.unit,
    jabatan_kind: body.jabatanKind,
    jabatan: who.jabatan,
    jenjang: body.jenjang,
    golongan: body.golongan,
    supervisor_id: supervisor?.id ?? null,
    account_id: who.accountId,
    application_id: who.applicationId,
    created_at: now,
    updated_at: now,
  });
  await ctx.audit.record(trx, {
    actor: actorOf(actor),
    action: 'employee.appoint',
    subjectType: 'employees',
    subjectId: employeeId,
    after: { applicationId: who.applicationId, participantNo: who.participantNo, nip: body.nip, status, tmt: body.tmt },
  });
  await ctx.identity.appointEmployee(trx, actor, who.accountId, who.organizationId);
  const enrollment = await seatInFirstBatch(ctx, trx, actor, who, employeeId, status, body.jabatanKind, now);
  const label = status === 'CPNS' ? 'CPNS' : 'PPPK';
  await tell(
    ctx,
    trx,
    who.accountId,
    who.fullName,
    `Selamat: Anda tercatat sebagai ${label}`,
    enrollment
      ? `NIP ${body.nip}, TMT ${body.tmt}. ${enrollment.status === 'enrolled' ? 'Anda terdaftar' : 'Anda masuk daftar tunggu'} ${enrollment.programTitle} (${enrollment.batchName}) mulai ${enrollment.startsOn}. Masuk kembali untuk membuka halaman pegawai.`
      : `NIP ${body.nip}, TMT ${body.tmt}. BKPSDM akan mendaftarkan Anda ke ${status === 'CPNS' ? 'Latsar' : 'orientasi PPPK'} saat angkatan dibuka. Masuk kembali untuk membuka halaman pegawai.`,
    '/pelatihan/saya',
  );
  return { employeeId, status, enrollment };
}

/**
 * Records one appointee: the NIP / NI PPPK and TMT checked against the period's kind and the
 * applicant's own birth date and gender; the record, the account's new role and the Latsar or
 * orientation seat in one transaction.
 */
export async function appoint(ctx: AppointmentContext, actor: Actor, body: z.infer<typeof AppointBody>) {
  const r = await ctx.selection.appointees(body.periodId);
  const who = r.rows.find((x) => x.applicationId === body.applicationId);
  if (!who)
    throw new AppError(
      'NOT_FOUND',
      msg(
        'Pelamar ini tidak berstatus L (lulus) di hasil akhir yang diumumkan untuk periode ini.',
        'This applicant is not L (appointed) in the period’s published final result.',
      ),
    );
  const problems = appointmentProblems(
    { periodType: who.periodType, birthDate: who.birthDate, gender: who.gender },
    body.nip,
    body.tmt,
  );
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', problems[0]!, {
      fields: problems.map((p) => ({ field: p.id.startsWith('TMT') ? 'tmt' : 'nip', message: p })),
    });
  const result = await ctx.db.transaction().execute((trx) => recordAppointee(ctx, trx, actor, who, body));
  ctx.identity.forgetSessionsOf(who.accountId);
  const p =
    result.status === 'CPNS'
      ? probation(body.tmt, localDate(ctx.clock.now()), result.enrollment?.status ?? null)
      : null;
  return { ...result, probation: p ? { deadline: p.deadline, daysLeft: p.daysLeft, state: p.state } : null };
}

/** Checks (commit=false) or records (commit=true) a filled appointment sheet: every filled row or none. */
export async function importAppointmentSheet(
  ctx: AppointmentContext,
  actor: Actor,
  periodId: string,
  data: Buffer,
  format: SheetFormat,
  commit: boolean,
) {
  const read = await readSheet(data, format, {
    maxRows: 5000,
    columns: APPOINTMENT_SHEET_COLUMNS.length,
    noun: { id: 'pengangkatan', en: 'appointment' },
  });
  if (!read.ok)
    return {
      committed: false,
      ok: false,
      counts: { new: 0, later: 0, recorded: 0, error: 1 },
      report: [{ line: read.line, participantNo: null, status: 'error' as const, problems: [read.problem] }],
    };
  const r = await ctx.selection.appointees(periodId);
  const done = await repo.employeesOfApplications(
    ctx.db,
    r.rows.map((x) => x.applicationId),
  );
  const nips = await repo.allNips(ctx.db);
  const appointees = new Map(
    r.rows.map((x) => [
      x.participantNo,
      {
        participantNo: x.participantNo,
        applicationId: x.applicationId,
        periodType: x.periodType,
        birthDate: x.birthDate,
        gender: x.gender,
        recordedNip: done.get(x.applicationId)?.nip ?? null,
      },
    ]),
  );
  const checked = validateAppointmentSheet(read.records, { appointees, usedNips: nips, knownNips: nips });
  const counts = { new: 0, later: 0, recorded: 0, error: 0 };
  for (const x of checked.report) counts[x.status]++;
  if (!checked.ok || !commit || checked.rows.length === 0)
    return { committed: false, ok: checked.ok, counts, report: checked.report };
  const byApp = new Map(r.rows.map((x) => [x.applicationId, x]));
  await ctx.db.transaction().execute(async (trx) => {
    for (const row of checked.rows) await recordAppointee(ctx, trx, actor, byApp.get(row.applicationId)!, row);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'employee.appoint_import',
      subjectType: 'recruitment_period',
      subjectId: periodId,
      after: { rows: checked.rows.length, nips: checked.rows.map((x) => x.nip) },
    });
  });
  for (const row of checked.rows) ctx.identity.forgetSessionsOf(byApp.get(row.applicationId)!.accountId);
  return { committed: true, ok: true, counts, report: checked.report };
}
