/** What the IP ASN report use-cases share: their context, who sees which OPD, and a year's results under its instrument. */
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AppContext } from '../../platform/context.ts';
import { organizationOfAccount } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import type { IpAsnInstrument } from './domain/ip-asn.ts';
import { pointOf, provisionalCells, type ResultPoint } from './ip-report-figures.ts';
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

/** The years with results (newest first) and the year shown: the one asked for, else the newest. */
export async function yearsOf(ctx: Pick<IpReportContext, 'db' | 'clock'>, asked?: number) {
  const years = await repo.years(ctx.db);
  const year = asked ?? years[0] ?? Number(ctx.clock.now().toISOString().slice(0, 4));
  return { years, year };
}

/** A year's results under the instrument version that counts for it (ip_asn_years, else the newest with results). */
export async function yearData(
  ctx: Pick<IpReportContext, 'db'>,
  year: number,
  organizationId?: string,
): Promise<YearData> {
  const chosen = (await repo.yearInstruments(ctx.db)).find((y) => y.year === year);
  if (!chosen) return { year, instrument: null, points: [] };
  const inst = await repo.instrument(ctx.db, chosen.instrument_id);
  const rows = await repo.results(ctx.db, year, chosen.instrument_id, organizationId);
  return {
    year,
    instrument: inst ? { id: inst.id, version: inst.version, body: inst.body as unknown as IpAsnInstrument } : null,
    points: rows.map(pointOf),
  };
}
