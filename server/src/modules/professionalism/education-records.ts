/**
 * Education history per ASN (issue 26 §1): BKPSDM lists, adds, edits and deletes a person's formal
 * education, keeps its ijazah (PDF, through the upload check) and marks the highest one — exactly
 * one whenever the person has any record, switched in one transaction. Every change is audited.
 */
import type { z } from 'zod';
import type { EducationBody, EducationCreateBody } from '../../../../common/contracts/records.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { notFound } from '../../errors.ts';
import type { Executor } from '../../db/database.ts';
import { putRecorded } from '../../platform/file-store.ts';
import { checkUpload } from '../../platform/upload-check.ts';
import { meritCompetencyOf } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import { EDUCATION_LEVELS, type EducationLevel } from './domain/ip-asn.ts';
import { presentCompetency, presentEducation } from './education.presenter.ts';
import { recordsRepository as repo } from './education.repository.ts';
import {
  actorOf,
  invalid,
  isBkpsdm,
  ownPerson,
  personOf,
  RECORD_PDF_RULE,
  type RecordsContext,
  todayOf,
} from './education.shared.ts';
import { correctionsOfPerson } from './education-corrections.ts';

/** A person's education, competency, Merit's own training and their corrections, for BKPSDM or themselves. */
async function recordsOf(ctx: RecordsContext, employeeId: string) {
  const [education, competency, merit, corrections] = await Promise.all([
    repo.education(ctx.db, employeeId),
    repo.competency(ctx.db, employeeId),
    meritCompetencyOf(ctx.db, employeeId),
    correctionsOfPerson(ctx, employeeId),
  ]);
  return {
    education: education.map(presentEducation),
    competency: competency.map(presentCompetency),
    merit,
    corrections,
  };
}

const personView = (p: Awaited<ReturnType<typeof personOf>>) => ({
  id: p.id,
  nip: p.nip,
  fullName: p.fullName,
  organizationName: p.organizationName,
  jabatan: p.jabatan,
});

/** One ASN's histories for BKPSDM; an id outside the city's records answers NOT_FOUND. */
export async function personRecords(ctx: RecordsContext, actor: Actor, employeeId: string) {
  if (!isBkpsdm(actor)) throw notFound();
  const person = await personOf(ctx, employeeId);
  return { employee: personView(person), ...(await recordsOf(ctx, person.id)) };
}

/** The signed-in person's own histories (never anyone else's). */
export async function myRecords(ctx: RecordsContext, actor: Actor) {
  const person = await ownPerson(ctx, actor);
  return { employee: personView(person), ...(await recordsOf(ctx, person.id)) };
}

function checkYear(ctx: RecordsContext, year: number) {
  const { year: thisYear } = todayOf(ctx);
  if (year > thisYear)
    throw invalid(
      'graduationYear',
      msg(
        `Tahun lulus ${year} belum terjadi (tahun ini ${thisYear}).`,
        `Graduation year ${year} is in the future (this year is ${thisYear}).`,
      ),
    );
}

/**
 * Keeps "exactly one highest" for a person who has records: when none is marked (the first record,
 * or the highest was deleted), the highest jenjang — the latest of equals — becomes it.
 */
export async function ensureHighest(ex: Executor, employeeId: string, at: Date) {
  const rows = await repo.education(ex, employeeId);
  if (rows.length === 0 || rows.some((r) => r.is_highest)) return;
  const rank = (l: string) => EDUCATION_LEVELS.indexOf(l as EducationLevel);
  const top = [...rows].sort((a, b) => rank(b.level) - rank(a.level) || b.graduation_year - a.graduation_year)[0]!;
  await repo.updateEducation(ex, top.id, { is_highest: true, updated_at: at });
}

/** Adds a formal education; `isHighest` unmarks the old highest in the same transaction. */
export async function addEducation(
  ctx: RecordsContext,
  actor: Actor,
  employeeId: string,
  body: z.infer<typeof EducationCreateBody>,
) {
  if (!isBkpsdm(actor)) throw notFound();
  const person = await personOf(ctx, employeeId);
  checkYear(ctx, body.graduationYear);
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    if (body.isHighest) await repo.clearHighest(trx, person.id, now);
    await repo.insertEducation(trx, {
      id,
      employee_id: person.id,
      level: body.level,
      institution: body.institution,
      major: body.major,
      graduation_year: body.graduationYear,
      is_highest: body.isHighest,
      source: 'bkpsdm',
      recorded_by: actor.accountId,
      created_at: now,
      updated_at: now,
    });
    await ensureHighest(trx, person.id, now);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'education.add',
      subjectType: 'education_record',
      subjectId: id,
      after: { employeeId: person.id, ...body },
    });
  });
  return { id };
}

/** Edits a formal education's facts (the highest mark moves only through `markHighest`). */
export async function editEducation(
  ctx: RecordsContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof EducationBody>,
) {
  if (!isBkpsdm(actor)) throw notFound();
  checkYear(ctx, body.graduationYear);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.educationRecord(trx, id);
    if (!before) throw notFound();
    await repo.updateEducation(trx, id, {
      level: body.level,
      institution: body.institution,
      major: body.major,
      graduation_year: body.graduationYear,
      updated_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'education.edit',
      subjectType: 'education_record',
      subjectId: id,
      before: {
        level: before.level,
        institution: before.institution,
        major: before.major,
        graduationYear: before.graduation_year,
      },
      after: body,
    });
  });
  return { ok: true as const };
}

/** Deletes a formal education (its ijazah file too); if it was the highest, the next highest takes over. */
export async function deleteEducation(ctx: RecordsContext, actor: Actor, id: string) {
  if (!isBkpsdm(actor)) throw notFound();
  const fileKey = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.educationRecord(trx, id);
    if (!before) throw notFound();
    await repo.deleteEducation(trx, id);
    await ensureHighest(trx, before.employee_id, ctx.clock.now());
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'education.delete',
      subjectType: 'education_record',
      subjectId: id,
      before: {
        employeeId: before.employee_id,
        level: before.level,
        institution: before.institution,
        graduationYear: before.graduation_year,
        wasHighest: before.is_highest,
      },
    });
    return before.ijazah_file_key;
  });
  // The row is gone for good; a file left behind would be unreachable, so remove it (best effort).
  if (fileKey) await ctx.files.delete(fileKey).catch(() => {});
  return { ok: true as const };
}

/** Marks one education as the highest and unmarks the old one, in one transaction. */
export async function markHighest(ctx: RecordsContext, actor: Actor, id: string) {
  if (!isBkpsdm(actor)) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.educationRecord(trx, id);
    if (!row) throw notFound();
    if (row.is_highest) return;
    const now = ctx.clock.now();
    const old = (await repo.education(trx, row.employee_id)).find((r) => r.is_highest);
    await repo.clearHighest(trx, row.employee_id, now);
    await repo.updateEducation(trx, id, { is_highest: true, updated_at: now });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'education.highest',
      subjectType: 'education_record',
      subjectId: id,
      before: { highest: old?.id ?? null },
      after: { highest: id, employeeId: row.employee_id },
    });
  });
  return { ok: true as const };
}

/** Stores the ijazah PDF of a record (checked by its bytes), replacing an older one. */
export async function uploadIjazah(ctx: RecordsContext, actor: Actor, id: string, data: Buffer) {
  if (!isBkpsdm(actor)) throw notFound();
  const check = await checkUpload(data, RECORD_PDF_RULE, { label: 'ijazah' });
  if (!check.ok) throw invalid('file', check.message);
  const old = await putRecorded(ctx.files, check.data, { contentType: check.mime }, (stored) =>
    ctx.db.transaction().execute(async (trx) => {
      const row = await repo.educationRecord(trx, id);
      if (!row) throw notFound();
      await repo.updateEducation(trx, id, { ijazah_file_key: stored.key, updated_at: ctx.clock.now() });
      await ctx.audit.record(trx, {
        actor: actorOf(actor),
        action: 'education.ijazah',
        subjectType: 'education_record',
        subjectId: id,
        after: { size: check.size, sha256: stored.sha256 },
      });
      return row.ijazah_file_key;
    }),
  );
  if (old) await ctx.files.delete(old).catch(() => {});
  return { ok: true as const };
}

/** The ijazah PDF, for BKPSDM or the person it belongs to; anyone else gets NOT_FOUND. */
export async function ijazahFile(ctx: RecordsContext, actor: Actor, id: string) {
  const row = await repo.educationFile(ctx.db, id);
  if (!row?.ijazah_file_key) throw notFound();
  if (!isBkpsdm(actor) && (await ownPerson(ctx, actor).catch(() => null))?.id !== row.employee_id) throw notFound();
  return {
    data: await ctx.files.get(row.ijazah_file_key),
    mime: 'application/pdf',
    name: `ijazah-${row.level}-${id.slice(0, 8)}.pdf`,
  };
}
