/** What the education and competency history use-cases share: their context, who is BKPSDM, and naming a record's person. */
import { type Msg, msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AppContext } from '../../platform/context.ts';
import { type EmployeeRef, employeeOfAccountRef, employeesByIds } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';

export type RecordsContext = Pick<AppContext, 'db' | 'clock' | 'ids' | 'audit' | 'files'>;

export const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
export const invalid = (field: string, m: Msg) =>
  new AppError('VALIDATION_FAILED', m, { fields: [{ field, message: m }] });

/** BKPSDM keeps the ASN records: the admin and the training admin. */
export const isBkpsdm = (actor: Actor) => actor.role === 'admin' || actor.role === 'training_admin';

/** An ijazah or a correction's evidence: a PDF, judged by its bytes, at most 2 MB. */
export const RECORD_PDF_RULE = { mime: ['application/pdf' as const], maxBytes: 2 * 1024 * 1024 };

/** The person a record is about; an id outside the city's records answers NOT_FOUND. */
export async function personOf(ctx: Pick<RecordsContext, 'db'>, employeeId: string): Promise<EmployeeRef> {
  const [person] = await employeesByIds(ctx.db, [employeeId]);
  if (!person) throw notFound();
  return person;
}

/** The signed-in person's own ASN record; an account not linked to one answers NOT_FOUND with what to do. */
export async function ownPerson(ctx: Pick<RecordsContext, 'db'>, actor: Actor): Promise<EmployeeRef> {
  const person = await employeeOfAccountRef(ctx.db, actor.accountId);
  if (!person)
    throw new AppError(
      'NOT_FOUND',
      msg(
        'Akun Anda belum terhubung ke data pegawai. Hubungi BKPSDM untuk menautkan NIP Anda.',
        'Your account is not linked to an employee record yet. Ask BKPSDM to link your NIP.',
      ),
    );
  return person;
}

/** The Palu calendar year and day of now (a record cannot be from the future). */
export const todayOf = (ctx: Pick<RecordsContext, 'clock'>) => {
  const day = localDate(ctx.clock.now());
  return { day, year: Number(day.slice(0, 4)) };
};
