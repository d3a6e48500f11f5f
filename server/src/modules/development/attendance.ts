/** A batch's meetings and who attended: the rotating QR, a participant's scan (also queued offline), the facilitator's marks, the table and its sheet. */
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { MeetingBody } from '../../../../common/contracts/development.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { AppError, notFound } from '../../errors.ts';
import { writeSheet } from '../../platform/sheets.ts';
import type { Actor } from '../identity/index.ts';
import { completionRepository as repo } from './completion.repository.ts';
import {
  CLOCK_SKEW_MS,
  type CompletionContext,
  meetingOf,
  OFFLINE_MAX_MS,
  progress,
  qrOpen,
} from './completion.shared.ts';
import { trainingRepository as training } from './development.repository.ts';
import { actorOf, conflict, invalid, reach, SEATED } from './development.shared.ts';
import {
  attendanceToken,
  NOT_A_TOKEN,
  parseToken,
  tokenProblem,
  WINDOW_SECONDS,
  windowEndsAt,
  windowOf,
} from './domain/attendance.ts';

/** A batch's meetings in order. */
export async function listMeetings(ctx: CompletionContext, _actor: Actor, batchId: string) {
  const rows = await repo.meetings(ctx.db, batchId);
  return rows.map((m) => ({
    id: m.id,
    seq: m.seq,
    title: m.title,
    startsAt: new Date(m.starts_at).toISOString(),
    endsAt: new Date(m.ends_at).toISOString(),
  }));
}

/** Adds a meeting at the end of a batch's list. */
export async function addMeeting(
  ctx: CompletionContext,
  actor: Actor,
  batchId: string,
  body: z.infer<typeof MeetingBody>,
) {
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    const batch = await training.lockBatch(trx, batchId);
    if (!batch) throw notFound();
    const seq = await repo.nextMeetingSeq(trx, batchId);
    await repo.insertMeeting(trx, {
      id,
      batch_id: batchId,
      seq,
      title: body.title,
      starts_at: body.startsAt,
      ends_at: body.endsAt,
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'training.meeting.create',
      subjectType: 'training_meeting',
      subjectId: id,
      after: { batchId, seq, ...body },
    });
  });
  return { id };
}

/** What the facilitator's screen shows: the current code as a QR (SVG) and when it changes. */
export async function meetingQr(ctx: CompletionContext, meetingId: string) {
  const m = await repo.meeting(ctx.db, meetingId);
  if (!m) throw notFound();
  const now = ctx.clock.now();
  const token = attendanceToken(ctx.attendanceSecret, m.batch_id, m.id, now);
  const url = `${ctx.publicUrl}/hadir?t=${encodeURIComponent(token)}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const open = qrOpen(now, m);
  return {
    meeting: {
      id: m.id,
      seq: m.seq,
      title: m.title,
      batchId: m.batch_id,
      batchName: m.batch_name,
      programTitle: m.program_title,
      startsAt: new Date(m.starts_at).toISOString(),
      endsAt: new Date(m.ends_at).toISOString(),
    },
    token,
    url,
    svg,
    expiresAt: windowEndsAt(windowOf(now)).toISOString(),
    windowSeconds: WINDOW_SECONDS,
    open,
  };
}

/**
 * A signed-in participant's scan: the token must be genuine for its meeting and valid at the
 * scan's time (now, or the original time of a scan queued offline); the person must be seated
 * in that meeting's batch. A second scan of the same meeting is fine and changes nothing.
 */
export async function scan(
  ctx: CompletionContext,
  actor: Actor,
  body: { token: string; scannedAt?: string | undefined },
) {
  const now = ctx.clock.now();
  const scannedAt = body.scannedAt ? new Date(body.scannedAt) : now;
  if (scannedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw invalid(
      'scannedAt',
      'Waktu pindai ada di masa depan; periksa jam di ponsel Anda.',
      'The scan time is in the future; check your phone’s clock.',
    );
  if (scannedAt.getTime() < now.getTime() - OFFLINE_MAX_MS)
    throw invalid(
      'scannedAt',
      'Pindaian ini tersimpan lebih dari 7 hari dan tidak dapat dicatat lagi. Minta fasilitator mencatat kehadiran Anda.',
      'This scan was stored more than 7 days ago and can no longer be recorded. Ask the facilitator to mark you.',
    );
  const parsed = parseToken(body.token);
  if (!parsed)
    throw new AppError('VALIDATION_FAILED', NOT_A_TOKEN, { fields: [{ field: 'token', message: NOT_A_TOKEN }] });
  const m = await meetingOf(ctx, parsed.meetingId);
  if (!m) throw new AppError('VALIDATION_FAILED', NOT_A_TOKEN, { fields: [{ field: 'token', message: NOT_A_TOKEN }] });
  const problem = tokenProblem(
    ctx.attendanceSecret,
    parsed,
    { id: m.id, batchId: m.batch_id, startsAt: new Date(m.starts_at), endsAt: new Date(m.ends_at) },
    scannedAt,
  );
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { fields: [{ field: 'token', message: problem }] });
  const seat = await repo.seatOfAccount(ctx.db, m.batch_id, actor.accountId);
  if (!seat || !SEATED.has(seat.status))
    throw new AppError(
      'FORBIDDEN',
      msg(
        `Anda tidak terdaftar sebagai peserta ${m.program_title} (${m.batch_name}); kode ini untuk angkatan lain.`,
        `You are not a participant of ${m.program_title} (${m.batch_name}); this code is for another batch.`,
      ),
    );
  const recorded = await ctx.db.transaction().execute(async (trx) => {
    const fresh = await repo.recordAttendance(trx, {
      meeting_id: m.id,
      enrollment_id: seat.id,
      method: 'scan',
      attended_at: scannedAt,
      recorded_at: now,
      recorded_by: actor.accountId,
    });
    if (fresh)
      await ctx.audit.record(trx, {
        actor: actorOf(actor),
        action: 'training.attendance.scan',
        subjectType: 'enrollment',
        subjectId: seat.id,
        after: { meetingId: m.id, attendedAt: scannedAt.toISOString(), offline: body.scannedAt !== undefined },
      });
    return fresh;
  });
  return {
    recorded,
    already: !recorded,
    meeting: { seq: m.seq, title: m.title },
    batch: { id: m.batch_id, name: m.batch_name, programTitle: m.program_title },
    attendedAt: scannedAt.toISOString(),
  };
}

/** The facilitator marks someone present (or takes a mark back). */
export async function markAttendance(
  ctx: CompletionContext,
  actor: Actor,
  meetingId: string,
  body: { enrollmentId: string; present: boolean },
) {
  const m = await repo.meeting(ctx.db, meetingId);
  if (!m) throw notFound();
  return ctx.db.transaction().execute(async (trx) => {
    const e = await training.enrollment(trx, body.enrollmentId);
    if (!e || e.batch_id !== m.batch_id)
      throw invalid('enrollmentId', 'Bukan peserta angkatan ini.', 'Not a participant of this batch.');
    if (!SEATED.has(e.status))
      throw conflict(
        'Hanya peserta terdaftar (bukan daftar tunggu atau yang batal) yang dicatat kehadirannya.',
        'Only seated participants (not waitlisted or cancelled) have attendance.',
      );
    const now = ctx.clock.now();
    const changed = body.present
      ? await repo.recordAttendance(trx, {
          meeting_id: m.id,
          enrollment_id: e.id,
          method: 'manual',
          attended_at: now,
          recorded_at: now,
          recorded_by: actor.accountId,
        })
      : await repo.removeAttendance(trx, m.id, e.id);
    if (changed)
      await ctx.audit.record(trx, {
        actor: actorOf(actor),
        action: body.present ? 'training.attendance.mark' : 'training.attendance.unmark',
        subjectType: 'enrollment',
        subjectId: e.id,
        after: { meetingId: m.id },
      });
    return { changed };
  });
}

/** Attendance per meeting and per participant (a supervisor sees their unit's people only). */
export async function attendanceReport(ctx: CompletionContext, actor: Actor, batchId: string) {
  const { db } = ctx;
  if (!(await training.batches(db)).some((b) => b.id === batchId)) throw notFound();
  const only = await reach(ctx, actor);
  const [meetings, marks, list, p] = await Promise.all([
    repo.meetings(db, batchId),
    repo.attendanceOfBatch(db, batchId),
    training.enrollments(db, batchId),
    progress(db, batchId),
  ]);
  const seated = list.filter((e) => SEATED.has(e.status) && (!only || only.includes(e.employee_id)));
  const seatedIds = new Set(seated.map((e) => e.id));
  const byKey = new Map(marks.map((a) => [`${a.meeting_id}:${a.enrollment_id}`, a]));
  return {
    minAttendancePct: p.rule.minAttendancePct,
    meetings: meetings.map((m) => ({
      id: m.id,
      seq: m.seq,
      title: m.title,
      startsAt: new Date(m.starts_at).toISOString(),
      endsAt: new Date(m.ends_at).toISOString(),
      present: marks.filter((a) => a.meeting_id === m.id && seatedIds.has(a.enrollment_id)).length,
    })),
    participants: seated.map((e) => ({
      enrollmentId: e.id,
      nip: e.nip,
      fullName: e.full_name,
      attended: p.byEnrollment.get(e.id)?.attended ?? 0,
      percent: p.byEnrollment.get(e.id)?.attendancePct ?? null,
      marks: meetings.map((m) => {
        const a = byKey.get(`${m.id}:${e.id}`);
        return a
          ? { meetingId: m.id, method: a.method, at: new Date(a.attended_at).toISOString() }
          : { meetingId: m.id, method: null, at: null };
      }),
    })),
  };
}

/** The attendance table as XLSX: one column per meeting, the method and time in each cell, the percent. */
export async function attendanceSheet(ctx: CompletionContext, actor: Actor, batchId: string) {
  const a = await attendanceReport(ctx, actor, batchId);
  await ctx.audit.record(ctx.db, {
    actor: actorOf(actor),
    action: 'training.attendance.export',
    subjectType: 'training_batch',
    subjectId: batchId,
    after: { rows: a.participants.length },
  });
  return writeSheet(
    {
      name: 'Kehadiran',
      columns: [
        { name: 'nip', width: 22 },
        { name: 'nama', width: 32 },
        ...a.meetings.map((m) => ({ name: `pertemuan_${m.seq}`, width: 22 })),
        { name: 'hadir', width: 8 },
        { name: 'persen', width: 8 },
      ],
      rows: a.participants.map((p) => [
        p.nip,
        p.fullName,
        ...p.marks.map((k) =>
          k.at ? `${k.method === 'scan' ? 'pindai' : 'fasilitator'} ${formatWitaDateTime(k.at)}` : '',
        ),
        p.attended,
        p.percent ?? '',
      ]),
    },
    'xlsx',
  );
}
