/** What the IP ASN report use-cases share: their context, who sees which OPD, and a year's results under its instrument. */
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AppContext } from '../../platform/context.ts';
import { organizationOfAccount } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import type { IpAsnInstrument } from './domain/ip-asn.ts';
import { pointOf, provisionalCells, type ResultPoint, type Tally, tallyOfRow } from './ip-report-figures.ts';
import { ipReportRepository as repo } from './ip-report.repository.ts';

export type IpReportContext = Pick<AppContext, 'db' | 'clock' | 'ids' | 'audit'>;

/** BKPSDM (admin, training admin) see the city; a supervisor sees their own OPD. */
export const isBkpsdm = (actor: Actor) => actor.role === 'admin' || actor.role === 'training_admin';

export const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });

/**
 * The OPD an actor's report covers: BKPSDM the one asked for (or the city, undefined); a supervisor
 * the OPD of their own employee record, as the performance dashboard decides "my team" — asking
 * for another OPD is answered 404, as if it did not exist.
 */
export async function scopeOf(ctx: Pick<IpReportContext, 'db'>, actor: Actor, asked?: string) {
  if (isBkpsdm(actor)) return asked;
  const own = await organizationOfAccount(ctx.db, actor.accountId);
  if (!own)
    throw new AppError(
      'NOT_FOUND',
      msg(
        'Akun Anda belum terhubung ke data pegawai, jadi OPD Anda belum diketahui. Hubungi BKPSDM untuk menautkan NIP Anda.',
        'Your account is not linked to an employee record, so your OPD is unknown. Ask BKPSDM to link your NIP.',
      ),
    );
  if (asked && asked !== own) throw notFound();
  return own;
}

export interface YearData {
  year: number;
  instrument: { id: string; version: string; body: IpAsnInstrument } | null;
  points: ResultPoint[];
}

/** The instrument as the report states it: version, maxima and every provisional cell. */
export const instrumentInfo = (i: NonNullable<YearData['instrument']>) => ({
  id: i.id,
  version: i.version,
  maxima: i.body.maxima,
  provisionalCells: provisionalCells(i.body),
});

/** A year and the instrument version that counts for it (see the repository's yearInstruments). */
type Chosen = Awaited<ReturnType<typeof repo.yearInstruments>>;

/**
 * The years with results (newest first), the year shown (the one asked for, else the newest) and
 * each year's instrument version — read once and handed on to yearData/yearTallies.
 */
export async function yearsOf(ctx: Pick<IpReportContext, 'db' | 'clock'>, asked?: number) {
  const chosen = await repo.yearInstruments(ctx.db);
  const years = chosen.map((c) => c.year).sort((a, b) => b - a);
  const year = asked ?? years[0] ?? Number(ctx.clock.now().toISOString().slice(0, 4));
  return { years, year, chosen };
}

async function instrumentOfYear(ctx: Pick<IpReportContext, 'db'>, year: number, chosen?: Chosen) {
  const pick = (chosen ?? (await repo.yearInstruments(ctx.db))).find((y) => y.year === year);
  const inst = pick ? await repo.instrument(ctx.db, pick.instrument_id) : undefined;
  return inst ? { id: inst.id, version: inst.version, body: inst.body as unknown as IpAsnInstrument } : null;
}

/** A year's results, one point per person, under the instrument version that counts for it. */
export async function yearData(
  ctx: Pick<IpReportContext, 'db'>,
  year: number,
  organizationId?: string,
  chosen?: Chosen,
): Promise<YearData> {
  const instrument = await instrumentOfYear(ctx, year, chosen);
  if (!instrument) return { year, instrument: null, points: [] };
  const rows = await repo.results(ctx.db, year, instrument.id, organizationId);
  return { year, instrument, points: rows.map(pointOf) };
}

/** A year's results added up by the database (per OPD, group, jabatan type, band): what figures need. */
export async function yearTallies(
  ctx: Pick<IpReportContext, 'db'>,
  year: number,
  organizationId?: string,
  chosen?: Chosen,
): Promise<{ year: number; instrument: YearData['instrument']; tallies: Tally[] }> {
  const instrument = await instrumentOfYear(ctx, year, chosen);
  if (!instrument) return { year, instrument: null, tallies: [] };
  const rows = await repo.tallies(ctx.db, year, instrument.id, organizationId);
  return { year, instrument, tallies: rows.map(tallyOfRow) };
}
