/**
 * The checks a hukuman disiplin record must pass before it is saved, shared by the form and the
 * sheet import so both refuse the same things with the same words (issue 26 §5): the term after
 * the SK, end not before start, a term for the kinds that have one, no overlap with another
 * punishment of the same kind for the person, and no SK number used twice for the person.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { PUNISHMENTS, type PunishmentKind } from './discipline.ts';

/** A punishment as the checks see it; `id` tells a record apart from its own earlier version. */
export interface TermFacts {
  id?: string;
  kind: PunishmentKind;
  skNumber: string;
  skDate: string;
  start: string;
  end: string | null;
  cancelled?: boolean;
}

export interface RecordProblem {
  field: 'skNumber' | 'start' | 'end';
  message: Msg;
}

const FOREVER = '9999-12-31';

/**
 * The last day a punishment occupies for the overlap check: its end; a discharge (PDHTAPS) runs
 * for ever; a teguran or pernyataan (no term) occupies its start day only.
 */
export const spanEnd = (p: Pick<TermFacts, 'kind' | 'start' | 'end'>): string =>
  p.end ?? (p.kind === 'pdhtaps' ? FOREVER : p.start);

/** Whether two punishments of the same kind share a day (cancelled ones never overlap). */
export function overlaps(a: TermFacts, b: TermFacts): boolean {
  if (a.kind !== b.kind || a.cancelled || b.cancelled) return false;
  return a.start <= spanEnd(b) && b.start <= spanEnd(a);
}

/** SK numbers compared as people write them: case and spaces do not make a new number. */
export const sameSk = (a: string, b: string) =>
  a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

const day = (d: string) => d.split('-').reverse().join('/');

/**
 * Every problem of `p` against the person's other punishments (`others`; `p`'s own stored version,
 * same `id`, is skipped). Empty when it may be saved. Dates are YYYY-MM-DD and already valid days.
 */
export function recordProblems(p: TermFacts, others: readonly TermFacts[]): RecordProblem[] {
  const out: RecordProblem[] = [];
  const def = PUNISHMENTS[p.kind];
  if (p.start < p.skDate)
    out.push({
      field: 'start',
      message: msg(
        `Mulai hukuman (${day(p.start)}) tidak boleh sebelum tanggal SK (${day(p.skDate)}). Periksa tanggal SK atau tanggal mulai.`,
        `The punishment cannot start (${day(p.start)}) before the SK date (${day(p.skDate)}). Check the SK date or the start.`,
      ),
    });
  if (p.end !== null && p.end < p.start)
    out.push({
      field: 'end',
      message: msg(
        `Akhir hukuman (${day(p.end)}) tidak boleh sebelum mulainya (${day(p.start)}).`,
        `The punishment cannot end (${day(p.end)}) before it starts (${day(p.start)}).`,
      ),
    });
  if (p.end === null && def.months !== null)
    out.push({
      field: 'end',
      message: msg(
        `Isi akhir hukuman: ${def.name.id} berlaku ${def.months} bulan.`,
        `Enter the end of the punishment: ${def.name.en} runs for ${def.months} months.`,
      ),
    });
  const rest = others.filter((o) => o.id === undefined || o.id !== p.id);
  const clash = rest.find((o) => overlaps(p, o));
  if (clash)
    out.push({
      field: 'start',
      message: msg(
        `Bertumpang tindih dengan hukuman ${def.name.id} lain untuk pegawai ini (SK ${clash.skNumber}, mulai ${day(clash.start)}). Satu jenis hukuman tidak dapat berjalan dua kali pada waktu yang sama.`,
        `Overlaps another ${def.name.en} for this employee (SK ${clash.skNumber}, from ${day(clash.start)}). One kind of punishment cannot run twice at the same time.`,
      ),
    });
  if (rest.some((o) => sameSk(o.skNumber, p.skNumber)))
    out.push({
      field: 'skNumber',
      message: msg(
        `Nomor SK ${p.skNumber} sudah tercatat untuk pegawai ini. Periksa nomornya, atau ubah catatan yang sudah ada.`,
        `SK number ${p.skNumber} is already recorded for this employee. Check the number, or edit the existing record.`,
      ),
    });
  return out;
}
