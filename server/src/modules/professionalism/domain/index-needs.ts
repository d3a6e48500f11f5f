/**
 * Index-driven training needs (issue 26 §3): from each measured person's IP ASN result, the
 * kompetensi gaps training can close — diklat kepemimpinan matching the jabatan, diklat fungsional
 * of the JF, diklat teknis ≥ 20 JP in the window, a seminar/workshop/kursus — grouped per OPD as
 * needs ("12 pegawai belum diklat teknis ≥ 20 JP — +15 poin Kompetensi masing-masing"), and for a
 * planned training the expected gain: the people it would cover × their points and the change in
 * the OPD's average index. The gaps come from whatWouldRaise and the gains from computeIpAsn with
 * the training added, so nothing here re-derives a point table. An estimate: it assumes everyone
 * covered completes the training and nothing else changes; provisional where the cells are.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import {
  type CompetencyRecord,
  type Cell,
  computeIpAsn,
  type IpAsnInput,
  type IpAsnInstrument,
  type IpAsnResult,
  type JabatanType,
  LEADERSHIP_FOR,
  LEADERSHIP_LABELS,
  type LeadershipLevel,
  round2,
  whatWouldRaise,
} from './ip-asn.ts';

/** The raises a training closes (education, SKP and missing records are not training needs). */
export const TRAINING_ACTIONS = ['kepemimpinan', 'fungsional', 'teknis', 'seminar'] as const;
export type TrainingAction = (typeof TRAINING_ACTIONS)[number];

/** One measured person: the input the year's result was computed from, and that result. */
export interface MeasuredPerson {
  input: IpAsnInput;
  result: IpAsnResult;
}

export interface IndexNeed {
  action: TrainingAction;
  /** For kepemimpinan: the course level the jabatan needs. */
  level: LeadershipLevel | null;
  /** People with this gap. */
  people: number;
  /** Points each of them would gain. */
  gainEach: number;
  /** The cell behind the gain is not settled by a source (PROFESSIONALISM.md §1.3). */
  provisional: boolean;
  text: Msg;
}

/** The instrument cell a kompetensi action earns for a jabatan type, or null when it does not apply. */
export function cellFor(inst: IpAsnInstrument, jabatan: JabatanType | null, action: TrainingAction): Cell | null {
  if (!jabatan) return null;
  const k = inst.kompetensi;
  if (jabatan === 'pelaksana') return action === 'teknis' || action === 'seminar' ? k.pelaksana[action] : null;
  if (jabatan === 'fungsional') return action === 'kepemimpinan' ? null : k.fungsional[action];
  return action === 'fungsional' ? null : k.structural[action];
}

const isTrainingAction = (a: string): a is TrainingAction => (TRAINING_ACTIONS as readonly string[]).includes(a);

function needText(
  inst: IpAsnInstrument,
  action: TrainingAction,
  level: LeadershipLevel | null,
  n: number,
  gain: number,
) {
  const each = { id: `+${gain} poin Kompetensi masing-masing`, en: `+${gain} competence points each` };
  const months = inst.teknisWindowMonths.points;
  switch (action) {
    case 'teknis':
      return msg(
        `${n} pegawai belum diklat teknis ≥ ${inst.teknisMinJp.points} JP dalam ${months} bulan terakhir — ${each.id}`,
        `${n} employees without technical training of ≥ ${inst.teknisMinJp.points} JP in the last ${months} months — ${each.en}`,
      );
    case 'fungsional':
      return msg(
        `${n} pejabat fungsional belum diklat fungsional sesuai JF-nya — ${each.id}`,
        `${n} functional officials without the functional training of their JF — ${each.en}`,
      );
    case 'kepemimpinan': {
      const course = LEADERSHIP_LABELS[level ?? 'pkp'];
      return msg(
        `${n} pejabat belum ${course} sesuai jabatannya — ${each.id}`,
        `${n} officials without ${course} for their position — ${each.en}`,
      );
    }
    case 'seminar':
      return msg(
        `${n} pegawai belum seminar, workshop atau kursus dalam ${inst.seminarWindowMonths.points} bulan terakhir — ${each.id}`,
        `${n} employees without a seminar, workshop or course in the last ${inst.seminarWindowMonths.points} months — ${each.en}`,
      );
  }
}

const ACTION_ORDER: Record<TrainingAction, number> = { teknis: 0, kepemimpinan: 1, fungsional: 2, seminar: 3 };

/**
 * A unit's index-driven needs: the training gaps of whatWouldRaise over its measured people,
 * grouped by gap, course level and points (a pelaksana's diklat teknis is worth more than an
 * official's), most people first. A result whose kompetensi is incomplete has no training gap
 * (its jabatan type is missing: a record to complete, not a course).
 */
export function indexNeeds(inst: IpAsnInstrument, people: readonly MeasuredPerson[]): IndexNeed[] {
  const groups = new Map<string, Omit<IndexNeed, 'text'>>();
  for (const p of people) {
    for (const r of whatWouldRaise(inst, p.input, p.result)) {
      if (!isTrainingAction(r.action) || r.gain <= 0) continue;
      const level = r.action === 'kepemimpinan' ? (LEADERSHIP_FOR[p.input.jabatan!] ?? null) : null;
      const key = `${r.action}|${level ?? ''}|${r.gain}`;
      const cell = cellFor(inst, p.input.jabatan, r.action);
      const g = groups.get(key) ?? { action: r.action, level, people: 0, gainEach: r.gain, provisional: false };
      g.people += 1;
      g.provisional ||= cell ? !cell.verified : false;
      groups.set(key, g);
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.people - a.people || ACTION_ORDER[a.action] - ACTION_ORDER[b.action] || b.gainEach - a.gainEach)
    .map((g) => ({ ...g, text: needText(inst, g.action, g.level, g.people, g.gainEach) }));
}

export interface ExpectedGain {
  /** People whose index the training would raise. */
  covered: number;
  /** The points they would gain together. */
  points: number;
  /** People with a complete index: the unit's average is over them. */
  measured: number;
  /** The expected change of the unit's average index (sum of the complete people's gains / measured); null without any. */
  averageChange: number | null;
  /** Some gained points rest on a provisional cell. */
  provisional: boolean;
}

/**
 * The expected gain of one planned training for a unit: each measured person's kompetensi points
 * with the training's record added (dated on their measurement date, so it falls in every
 * window) against without it — a person gains only where the course closes a gap of theirs
 * (a PKA does not count for a Pengawas; 8 JP teknis counts once it completes someone's 20 JP).
 * `record` null (induction, not competency development) gains nothing. At most `seats` people are
 * covered, the largest gains first; null for no limit.
 */
export function expectedGain(
  inst: IpAsnInstrument,
  people: readonly MeasuredPerson[],
  record: Omit<CompetencyRecord, 'date'> | null,
  seats: number | null = null,
): ExpectedGain {
  const measured = people.filter((p) => p.result.complete).length;
  const gains: { points: number; complete: boolean; provisional: boolean }[] = [];
  if (record)
    for (const p of people) {
      const before = computeIpAsn(inst, p.input).dimensions.kompetensi;
      const withIt = computeIpAsn(inst, {
        ...p.input,
        competencies: [...p.input.competencies, { ...record, date: p.input.asOf }],
      }).dimensions.kompetensi;
      const points = round2(withIt.points - before.points);
      if (points <= 0) continue;
      const provisional = withIt.lines.some((l, i) => l.points > (before.lines[i]?.points ?? 0) && !l.verified);
      gains.push({ points, complete: p.result.complete, provisional });
    }
  gains.sort((a, b) => b.points - a.points);
  const taken = seats === null ? gains : gains.slice(0, Math.max(0, seats));
  const sumOf = (xs: typeof taken) => round2(xs.reduce((a, g) => a + g.points, 0));
  return {
    covered: taken.length,
    points: sumOf(taken),
    measured,
    averageChange: measured > 0 ? round2(sumOf(taken.filter((g) => g.complete)) / measured) : null,
    provisional: taken.some((g) => g.provisional),
  };
}
