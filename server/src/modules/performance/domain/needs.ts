/**
 * Training needs from performance (issue 13): from the latest final evaluation's predikat, its
 * rating per BerAKHLAK value and the hasil kerja below expectation, and from the jabatan's
 * competency areas, the catalog programmes to recommend, each with the reasons shown to the
 * employee ("Di Bawah Ekspektasi pada Kolaboratif, Triwulan II"). Pure: the evaluation and the
 * catalog are parameters; the keyword tables below are the one place the mapping lives.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import {
  BERAKHLAK,
  BERAKHLAK_LABELS,
  type BehaviourValue,
  PERIOD_LABELS,
  PREDIKAT_LABELS,
  type Period,
  type Predikat,
  type Rating,
} from './predikat.ts';

/** Words in a programme's competency area that answer a weak value (lower case, matched as substrings). */
export const VALUE_AREAS: Record<BehaviourValue, readonly string[]> = {
  berorientasi_pelayanan: ['pelayanan'],
  akuntabel: ['akuntab', 'nilai dasar', 'integritas'],
  kompeten: [], // the jabatan's own areas
  harmonis: ['nilai dasar', 'komunikasi'],
  loyal: ['nilai dasar', 'bela negara'],
  adaptif: ['teknologi', 'inovasi', 'digital'],
  kolaboratif: ['kepemimpinan', 'kerja sama', 'kolabor'],
};

/** A jabatan's competency areas, read from its name and kind (Palu's catalog areas). */
const JABATAN_RULES: { words: readonly string[]; areas: readonly string[] }[] = [
  { words: ['pranata komputer', 'informatika', 'statistisi', 'sandiman', 'siber'], areas: ['teknologi'] },
  { words: ['kebencanaan', 'kedaruratan', 'bencana', 'logistik', 'bpbd'], areas: ['kebencanaan'] },
  { words: ['operator', 'pelayanan', 'layanan', 'pengadministrasi'], areas: ['pelayanan'] },
  { words: ['analis', 'perencana', 'auditor'], areas: ['akuntab', 'perencanaan'] },
];

export function jabatanAreas(jabatan: { kind: string; name: string }): string[] {
  const name = jabatan.name.toLowerCase();
  const areas = new Set<string>();
  for (const r of JABATAN_RULES) if (r.words.some((w) => name.includes(w))) r.areas.forEach((a) => areas.add(a));
  if (jabatan.kind === 'struktural') areas.add('kepemimpinan');
  return [...areas];
}

export interface EvaluationForNeeds {
  period: Period;
  predikat: Predikat;
  behaviourRatings: Partial<Record<BehaviourValue, Rating>>;
  results: readonly { title: string; rating: Rating | null }[];
}

export interface CatalogProgram {
  id: string;
  title: string;
  competencyArea: string;
  /** The employee meets the programme's eligibility. */
  eligible: boolean;
  /** Already enrolled in or completed: not recommended again. */
  taken: boolean;
}

export interface Recommendation {
  programId: string;
  reasons: Msg[];
}

const matches = (area: string, words: readonly string[]) => {
  const a = area.toLowerCase();
  return words.some((w) => a.includes(w));
};

/**
 * The recommended programmes for an employee, most reasons first; none when there is no final
 * evaluation or nothing is below expectation. Only eligible programmes not already taken.
 */
export function recommendPrograms(
  evaluation: EvaluationForNeeds | null,
  jabatan: { kind: string; name: string },
  catalog: readonly CatalogProgram[],
): Recommendation[] {
  if (!evaluation) return [];
  const period = PERIOD_LABELS[evaluation.period];
  const own = jabatanAreas(jabatan);
  const needs: { words: readonly string[]; reason: Msg }[] = [];
  for (const v of BERAKHLAK) {
    if (evaluation.behaviourRatings[v] !== 'below') continue;
    const words = v === 'kompeten' ? own : VALUE_AREAS[v];
    needs.push({
      words,
      reason: msg(
        `Di Bawah Ekspektasi pada ${BERAKHLAK_LABELS[v]}, ${period.id}`,
        `Below expectation on ${BERAKHLAK_LABELS[v]}, ${period.en}`,
      ),
    });
  }
  for (const r of evaluation.results) {
    if (r.rating === 'below')
      needs.push({
        words: own,
        reason: msg(
          `Hasil kerja "${r.title}" Di Bawah Ekspektasi, ${period.id}`,
          `Result "${r.title}" below expectation, ${period.en}`,
        ),
      });
  }
  const p = evaluation.predikat;
  if (p === 'butuh_perbaikan' || p === 'sangat_kurang')
    needs.push({
      words: own,
      reason: msg(`Predikat ${PREDIKAT_LABELS[p].id}, ${period.id}`, `Predikat ${PREDIKAT_LABELS[p].en}, ${period.en}`),
    });
  if (p === 'kurang' || p === 'sangat_kurang')
    needs.push({
      words: ['nilai dasar', 'integritas'],
      reason: msg(
        `Predikat ${PREDIKAT_LABELS[p].id}: perilaku kerja perlu dibina, ${period.id}`,
        `Predikat ${PREDIKAT_LABELS[p].en}: work behaviour needs coaching, ${period.en}`,
      ),
    });

  const out: Recommendation[] = [];
  for (const program of catalog) {
    if (!program.eligible || program.taken) continue;
    const reasons = needs.filter((n) => matches(program.competencyArea, n.words)).map((n) => n.reason);
    const unique = reasons.filter((r, i) => reasons.findIndex((x) => x.id === r.id) === i);
    if (unique.length > 0) out.push({ programId: program.id, reasons: unique });
  }
  const title = new Map(catalog.map((c) => [c.id, c.title]));
  return out.sort(
    (a, b) => b.reasons.length - a.reasons.length || title.get(a.programId)!.localeCompare(title.get(b.programId)!),
  );
}

export interface PlanProgramme {
  id: string;
  jp: number;
  costRupiah: number;
}

export interface CompetencyPlanRow {
  programId: string;
  employees: number;
  jp: number;
  costRupiah: number;
  /** The reasons behind it, most frequent first, with how many employees each (period dropped). */
  reasons: { reason: Msg; count: number }[];
}

/** The reason without its period ("…, Triwulan II"), so one weakness counts once across quarters. */
const withoutPeriod = (m: Msg): Msg => ({
  id: m.id.replace(/, (Triwulan [IV]+|Tahunan)$/, ''),
  en: m.en.replace(/, (Quarter [IV]+|Annual)$/, ''),
});

/**
 * An OPD's draft annual competency development plan (rencana pengembangan kompetensi, PerLAN
 * 5/2018): per recommended programme, how many employees need it, the JP and the cost that
 * implies (programme JP and cost per participant), and why — most needed first.
 */
export function competencyPlan(
  perEmployee: readonly (readonly Recommendation[])[],
  programmes: readonly PlanProgramme[],
): { rows: CompetencyPlanRow[]; jp: number; costRupiah: number } {
  const byId = new Map(programmes.map((p) => [p.id, p]));
  const rows = new Map<string, { employees: number; reasons: Map<string, { reason: Msg; count: number }> }>();
  for (const recs of perEmployee) {
    for (const r of recs) {
      if (!byId.has(r.programId)) continue;
      const row = rows.get(r.programId) ?? { employees: 0, reasons: new Map() };
      row.employees += 1;
      for (const reason of r.reasons.map(withoutPeriod)) {
        const seen = row.reasons.get(reason.id) ?? { reason, count: 0 };
        seen.count += 1;
        row.reasons.set(reason.id, seen);
      }
      rows.set(r.programId, row);
    }
  }
  const out = [...rows]
    .map(([programId, r]) => {
      const p = byId.get(programId)!;
      return {
        programId,
        employees: r.employees,
        jp: r.employees * p.jp,
        costRupiah: r.employees * p.costRupiah,
        reasons: [...r.reasons.values()].sort((a, b) => b.count - a.count || a.reason.id.localeCompare(b.reason.id)),
      };
    })
    .sort((a, b) => b.employees - a.employees || a.programId.localeCompare(b.programId));
  return { rows: out, jp: out.reduce((a, r) => a + r.jp, 0), costRupiah: out.reduce((a, r) => a + r.costRupiah, 0) };
}
