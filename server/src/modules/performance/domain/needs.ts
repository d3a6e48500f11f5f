/**
 * Training needs from performance (issue 13): from the latest final evaluation's predikat, its
 * rating per BerAKHLAK value and the hasil kerja below expectation, and from the jabatan's
 * competency areas, the catalog programmes to recommend, each with the reasons shown to the
 * employee ("Di Bawah Ekspektasi pada Kolaboratif, Triwulan II"). Pure: the evaluation and the
 * catalog are parameters; the keyword tables below are the one place the mapping lives.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { BERAKHLAK, BERAKHLAK_LABELS, type BehaviourValue, PERIOD_LABELS, PREDIKAT_LABELS, type Period, type Predikat, type Rating } from './predikat.ts';

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
export function recommendPrograms(evaluation: EvaluationForNeeds | null, jabatan: { kind: string; name: string }, catalog: readonly CatalogProgram[]): Recommendation[] {
  if (!evaluation) return [];
  const period = PERIOD_LABELS[evaluation.period];
  const own = jabatanAreas(jabatan);
  const needs: { words: readonly string[]; reason: Msg }[] = [];
  for (const v of BERAKHLAK) {
    if (evaluation.behaviourRatings[v] !== 'below') continue;
    const words = v === 'kompeten' ? own : VALUE_AREAS[v];
    needs.push({ words, reason: msg(`Di Bawah Ekspektasi pada ${BERAKHLAK_LABELS[v]}, ${period.id}`, `Below expectation on ${BERAKHLAK_LABELS[v]}, ${period.en}`) });
  }
  for (const r of evaluation.results) {
    if (r.rating === 'below') needs.push({ words: own, reason: msg(`Hasil kerja "${r.title}" Di Bawah Ekspektasi, ${period.id}`, `Result "${r.title}" below expectation, ${period.en}`) });
  }
  const p = evaluation.predikat;
  if (p === 'butuh_perbaikan' || p === 'sangat_kurang') needs.push({ words: own, reason: msg(`Predikat ${PREDIKAT_LABELS[p].id}, ${period.id}`, `Predikat ${PREDIKAT_LABELS[p].en}, ${period.en}`) });
  if (p === 'kurang' || p === 'sangat_kurang') needs.push({ words: ['nilai dasar', 'integritas'], reason: msg(`Predikat ${PREDIKAT_LABELS[p].id}: perilaku kerja perlu dibina, ${period.id}`, `Predikat ${PREDIKAT_LABELS[p].en}: work behaviour needs coaching, ${period.en}`) });

  const out: Recommendation[] = [];
  for (const program of catalog) {
    if (!program.eligible || program.taken) continue;
    const reasons = needs.filter((n) => matches(program.competencyArea, n.words)).map((n) => n.reason);
    const unique = reasons.filter((r, i) => reasons.findIndex((x) => x.id === r.id) === i);
    if (unique.length > 0) out.push({ programId: program.id, reasons: unique });
  }
  const title = new Map(catalog.map((c) => [c.id, c.title]));
  return out.sort((a, b) => b.reasons.length - a.reasons.length || title.get(a.programId)!.localeCompare(title.get(b.programId)!));
}
