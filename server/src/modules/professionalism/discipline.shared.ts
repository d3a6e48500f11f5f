/**
 * What the hukuman disiplin use-cases share: their context, the record as the API shows it, the
 * register's facts about employees (through development's named read), and the audit actor. The
 * person reading their own record is audited as acting for themself, so the public log never
 * names whose discipline record was read.
 */
import type { Selectable } from 'kysely';
import type { DisciplineRecord } from '../../../../common/contracts/discipline.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { msg, type Msg } from '../../../../common/contracts/messages.ts';
import type { AppContext } from '../../platform/context.ts';
import { employeeCards } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import { isActive, objectionRoute, PUNISHMENTS, type PunishmentKind } from './domain/discipline.ts';
import type { TermFacts } from './domain/discipline-checks.ts';

export type DisciplineContext = Pick<AppContext, 'db' | 'clock' | 'ids' | 'audit' | 'files'>;
export type DisciplineRow = Selectable<DB['discipline_records']>;
export type EmployeeCard = Awaited<ReturnType<typeof employeeCards>>[number];

/** The SK as a PDF, within 2 MB, judged by its bytes. */
export const SK_RULE = { mime: ['application/pdf' as const], maxBytes: 2 * 1024 * 1024 };

/** BKPSDM staff act in office; an employee reading their own record acts for themself (pseudonymised). */
export const auditActor = (a: Actor) =>
  a.role === 'employee'
    ? { id: a.accountId, role: a.role, capacity: 'person' as const }
    : { id: a.accountId, role: a.role };

/** A 400 naming each field with its message; nothing has been saved. */
export const invalidFields = (fields: { field: string; message: Msg }[]) =>
  new AppError('VALIDATION_FAILED', msg('Periksa kembali isian yang ditandai.', 'Please check the marked fields.'), {
    fields,
  });

/** Employee facts by id, for naming records. */
export async function cardsById(ex: Executor, ids: readonly string[]) {
  const cards = await employeeCards(ex, { ids: [...new Set(ids)] });
  return new Map(cards.map((c) => [c.id, c]));
}

/** A stored record as the checks see it. */
export const factsOf = (r: DisciplineRow): TermFacts => ({
  id: r.id,
  kind: r.kind as PunishmentKind,
  skNumber: r.sk_number,
  skDate: r.sk_date,
  start: r.start_on,
  end: r.end_on,
  cancelled: r.cancelled,
});

/** A record as BKPSDM and the person see it, `active` judged on today's Palu date. */
export function viewOf(ctx: Pick<AppContext, 'clock'>, r: DisciplineRow, card: EmployeeCard): DisciplineRecord {
  const kind = r.kind as PunishmentKind;
  return {
    id: r.id,
    employee: {
      id: card.id,
      nip: card.nip,
      fullName: card.full_name,
      organization: { id: card.organization_id, name: card.organization_name },
    },
    kind,
    kindName: PUNISHMENTS[kind].name,
    level: PUNISHMENTS[kind].level,
    reason: r.reason,
    skNumber: r.sk_number,
    skDate: r.sk_date,
    imposedBy: r.imposed_by,
    start: r.start_on,
    end: r.end_on,
    hasSk: r.sk_file_key !== null,
    objection: {
      route: objectionRoute(kind),
      status: r.objection_status as DisciplineRecord['objection']['status'],
      filedOn: r.objection_filed_on,
      decidedOn: r.objection_decided_on,
      note: r.objection_note,
    },
    cancelled: r.cancelled,
    active: isActive({ start: r.start_on, end: r.end_on, cancelled: r.cancelled }, localDate(ctx.clock.now())),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Views of rows, naming each employee (rows of a record no longer in the register are left out). */
export async function viewsOf(ctx: DisciplineContext, ex: Executor, rows: readonly DisciplineRow[]) {
  const cards = await cardsById(
    ex,
    rows.map((r) => r.employee_id),
  );
  return rows.flatMap((r) => {
    const card = cards.get(r.employee_id);
    return card ? [viewOf(ctx, r, card)] : [];
  });
}
