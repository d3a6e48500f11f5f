/** What the IP ASN use-cases share: their context, the measurement date, and the instrument of a year. */
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../identity/index.ts';
import { IP_ASN_2019, type IpAsnInstrument } from './domain/ip-asn.ts';
import { type InstrumentBody, instrumentFromBody, instrumentToBody } from './domain/ip-asn-edit.ts';
import { ipAsnRepository as repo } from './ip-asn-tables.repository.ts';

export type IpAsnContext = Pick<AppContext, 'db' | 'clock' | 'ids' | 'audit'> & {
  /** Set once the default instrument is known to be stored (built once in the factory). */
  state: { defaultInstrumentId: string | null };
};

export const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
export const isBkpsdm = (a: Actor) => a.role === 'admin' || a.role === 'training_admin';

export const invalid = (field: string, id: string, en: string) =>
  new AppError('VALIDATION_FAILED', msg(id, en), { fields: [{ field, message: msg(id, en) }] });

/** The Palu date today and its year. */
export function today(ctx: Pick<AppContext, 'clock'>) {
  const date = localDate(ctx.clock.now());
  return { date, year: Number(date.slice(0, 4)) };
}

/** The measurement date of a year: 31 December, or today for the running year; a future year is refused. */
export function measurementDate(ctx: Pick<AppContext, 'clock'>, year: number): string {
  const now = today(ctx);
  if (year > now.year)
    throw invalid(
      'year',
      `Tahun ${year} belum berjalan; pilih tahun ${now.year} atau sebelumnya.`,
      `${year} has not started; choose ${now.year} or earlier.`,
    );
  return year === now.year ? now.date : `${year}-12-31`;
}

/**
 * The 2019 instrument as a stored row, created on first use (not by a migration or the seed):
 * every database — a test's, a fresh install's, one restored from before issue 26 — gets it the
 * first time anything asks, the insert is idempotent (unique version, on conflict nothing), and
 * the domain constant stays the one source of its cells.
 */
export async function ensureDefaultInstrument(ctx: IpAsnContext): Promise<string> {
  // Outside any transaction: a rolled-back caller must not leave a cached id that is not stored.
  const ex = ctx.db;
  if (ctx.state.defaultInstrumentId) return ctx.state.defaultInstrumentId;
  let row = await repo.instrumentByVersion(ex, IP_ASN_2019.version);
  if (!row) {
    await repo.insertInstrument(ex, {
      id: ctx.ids.uuid(),
      version: IP_ASN_2019.version,
      body: JSON.stringify(instrumentToBody(IP_ASN_2019)),
      based_on: null,
      note: 'Perban BKN 8/2019 sebagaimana dibaca PROFESSIONALISM.md §1.3; sel tanpa sumber ditandai sementara.',
      created_by: null,
    });
    row = await repo.instrumentByVersion(ex, IP_ASN_2019.version);
  }
  ctx.state.defaultInstrumentId = row!.id;
  return row!.id;
}

export interface YearInstrument {
  id: string;
  version: string;
  instrument: IpAsnInstrument;
  /** false: no version is assigned to the year yet; the default measures it. */
  assigned: boolean;
}

/** The instrument that measures a year: its assigned version, else the 2019 default. */
export async function instrumentOfYear(ctx: IpAsnContext, ex: Executor, year: number): Promise<YearInstrument> {
  const assignment = await repo.yearAssignment(ex, year);
  const id = assignment?.instrument_id ?? (await ensureDefaultInstrument(ctx));
  const row = (await repo.instrument(ex, id))!;
  return {
    id,
    version: row.version,
    instrument: instrumentFromBody(row.version, row.body as unknown as InstrumentBody),
    assigned: assignment !== undefined,
  };
}
