/**
 * Named reads other parts of professionalism may call: the punishments of employees in the shape
 * the IP ASN rules take (domain/ip-asn.ts PunishmentRecord). No audit here: the caller computes an
 * index from them and never shows the records themselves.
 */
import type { Executor } from '../../db/database.ts';
import type { PunishmentRecord } from './domain/ip-asn.ts';
import type { DisciplineLevel } from './domain/ip-asn.ts';
import { disciplineRepository as repo } from './discipline.repository.ts';

/** Employee id → their punishments (level, SK date, term, cancelled); an employee without any maps to []. */
export async function punishmentsFor(
  db: Executor,
  employeeIds: readonly string[],
): Promise<Map<string, PunishmentRecord[]>> {
  const out = new Map<string, PunishmentRecord[]>(employeeIds.map((id) => [id, []]));
  for (const r of await repo.ofEmployees(db, [...new Set(employeeIds)]))
    out.get(r.employee_id)!.push({
      level: r.level as DisciplineLevel,
      skDate: r.sk_date,
      start: r.start_on,
      end: r.end_on,
      cancelled: r.cancelled,
    });
  return out;
}
