/**
 * The IP ASN instrument as versioned data (issue 26 §2): BKPSDM sees every version with every cell,
 * its source and its provisional mark; edits by saving a NEW version based on an old one (a
 * version is never changed — least of all one results rest on); and assigns the version that
 * measures a year. Every change is audited in its transaction.
 */
import type { z } from 'zod';
import type { AssignYearBody, SaveInstrumentBody } from '../../../../common/contracts/ip-asn.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError, notFound } from '../../errors.ts';
import { activeStaffAccounts, type Actor } from '../identity/index.ts';
import { type InstrumentBody, provisionalCount, validateInstrumentEdit } from './domain/ip-asn-edit.ts';
import { actorOf, ensureDefaultInstrument, invalid, type IpAsnContext, today } from './ip-asn.shared.ts';
import { ipAsnRepository as repo } from './ip-asn-tables.repository.ts';

/** Every instrument version (oldest first) with whether results use it, and the version of each year. */
export async function listInstruments(ctx: IpAsnContext) {
  await ensureDefaultInstrument(ctx);
  const [rows, inUse, years, staff] = await Promise.all([
    repo.instruments(ctx.db),
    repo.instrumentsInUse(ctx.db),
    repo.years(ctx.db),
    activeStaffAccounts(ctx.db),
  ]);
  const nameOf = new Map(staff.map((a) => [a.id, a.full_name]));
  const versionOf = new Map(rows.map((r) => [r.id, r.version]));
  return {
    instruments: rows.map((r) => {
      const body = r.body as unknown as InstrumentBody;
      return {
        id: r.id,
        version: r.version,
        basedOn: r.based_on,
        basedOnVersion: r.based_on ? (versionOf.get(r.based_on) ?? null) : null,
        note: r.note,
        createdAt: new Date(r.created_at).toISOString(),
        createdBy: r.created_by ? (nameOf.get(r.created_by) ?? null) : null,
        inUse: inUse.has(r.id),
        years: years.filter((y) => y.instrument_id === r.id).map((y) => y.year),
        provisionalCells: provisionalCount(body),
        body,
      };
    }),
    years: years.map((y) => ({
      year: y.year,
      instrumentId: y.instrument_id,
      version: y.version,
      results: Number(y.results ?? 0),
    })),
    currentYear: today(ctx).year,
  };
}

/**
 * Saves an edited instrument as a new version based on an existing one. Nothing is changed in
 * place, so a result keeps the numbers it was computed with; bad cells are refused one message per
 * field, and nothing is saved.
 */
export async function saveInstrument(ctx: IpAsnContext, actor: Actor, body: z.infer<typeof SaveInstrumentBody>) {
  const problems = validateInstrumentEdit(body.version, body.note, body.body);
  if (problems.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      msg(
        'Instrumen belum dapat disimpan: perbaiki isian yang ditandai.',
        'The instrument cannot be saved yet: fix the marked entries.',
      ),
      { fields: problems },
    );
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    const base = await repo.instrument(trx, body.basedOn);
    if (!base)
      throw invalid('basedOn', 'Versi dasar tidak ditemukan; muat ulang halaman.', 'Base version not found; reload.');
    if (await repo.instrumentByVersion(trx, body.version))
      throw new AppError(
        'CONFLICT',
        msg(
          `Versi "${body.version}" sudah ada. Versi tidak pernah diubah; beri nama baru, mis. ${body.version}-2.`,
          `Version "${body.version}" exists. Versions never change; give a new name, e.g. ${body.version}-2.`,
        ),
        {
          fields: [
            {
              field: 'version',
              message: msg(`Nama versi "${body.version}" sudah dipakai.`, `Version name "${body.version}" is taken.`),
            },
          ],
        },
      );
    await repo.insertInstrument(trx, {
      id,
      version: body.version,
      body: JSON.stringify(body.body),
      based_on: base.id,
      note: body.note,
      created_by: actor.accountId,
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'ip_asn.instrument.create',
      subjectType: 'ip_asn_instrument',
      subjectId: id,
      before: { version: base.version, body: base.body },
      after: { version: body.version, basedOn: base.version, note: body.note, body: body.body },
    });
  });
  return { id, version: body.version };
}

/** Assigns the version that measures a year (recomputing is a separate, explicit step). */
export async function assignYear(ctx: IpAsnContext, actor: Actor, year: number, body: z.infer<typeof AssignYearBody>) {
  const now = today(ctx);
  if (year > now.year + 1)
    throw invalid(
      'year',
      `Tahun ${year} terlalu jauh ke depan; tetapkan paling jauh ${now.year + 1}.`,
      `${year} is too far ahead; assign at most ${now.year + 1}.`,
    );
  await ctx.db.transaction().execute(async (trx) => {
    const inst = await repo.instrument(trx, body.instrumentId);
    if (!inst) throw notFound();
    const before = await repo.yearAssignment(trx, year);
    await repo.assignYear(trx, {
      year,
      instrument_id: inst.id,
      updated_by: actor.accountId,
      updated_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'ip_asn.year.assign',
      subjectType: 'ip_asn_year',
      subjectId: String(year),
      before: before ? { instrumentId: before.instrument_id } : null,
      after: { instrumentId: inst.id, version: inst.version },
    });
  });
  return { year, instrumentId: body.instrumentId };
}
