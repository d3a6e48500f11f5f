/**
 * Exam blueprints (kisi-kisi): how many items of which subtest and category a form holds and how
 * long the exam runs (RULES.md §2.1 for SKD, §2.7 for PPPK).
 */
import type { ExamType, Subtest } from './items.ts';

export interface BlueprintSection {
  subtest: Subtest;
  /** null = any category of the subtest. */
  category: string | null;
  count: number;
}

export interface Blueprint {
  examType: ExamType;
  name: string;
  durationMinutes: number;
  /** Total minutes for participants with the disability accommodation (replaces durationMinutes). */
  accommodatedMinutes: number;
  sections: BlueprintSection[];
  /** The regulation whose passing grades apply, e.g. 'KepMenPANRB 321/2024'. */
  thresholdsRef: string;
  /** Most minutes proctors may grant one attempt in total (absent: DEFAULT_MAX_GRANT_MINUTES). */
  maxGrantMinutes?: number | undefined;
}

/** Merit's default cap on proctors' time grants per attempt: a hall's outage, not a second exam. */
export const DEFAULT_MAX_GRANT_MINUTES = 30;

const section = (subtest: Subtest, category: string | null, count: number): BlueprintSection =>
  Object.freeze({ subtest, category, count });

function frozen(b: Blueprint): Blueprint {
  Object.freeze(b.sections);
  return Object.freeze(b);
}

/**
 * SKD CPNS: 110 items (TWK 30, TIU 35, TKP 45), 100 minutes, 130 with the disability accommodation
 * (RULES.md §2.1; 2021→2024 unchanged). The per-category split is Merit's own even spread: BKN does
 * not publish category counts.
 */
export const SKD_BLUEPRINT: Blueprint = frozen({
  examType: 'SKD',
  name: 'SKD CPNS',
  durationMinutes: 100,
  accommodatedMinutes: 130,
  sections: [
    section('TWK', 'nasionalisme', 6),
    section('TWK', 'integritas', 6),
    section('TWK', 'bela_negara', 6),
    section('TWK', 'pilar_negara', 6),
    section('TWK', 'bahasa_indonesia', 6),
    section('TIU', 'verbal', 12),
    section('TIU', 'numerik', 12),
    section('TIU', 'figural', 11),
    section('TKP', 'pelayanan_publik', 8),
    section('TKP', 'jejaring_kerja', 7),
    section('TKP', 'sosial_budaya', 8),
    section('TKP', 'tik', 7),
    section('TKP', 'profesionalisme', 8),
    section('TKP', 'anti_radikalisme', 7),
  ],
  thresholdsRef: 'KepMenPANRB 321/2024',
});

/**
 * PPPK seleksi kompetensi 2024: teknis 90, manajerial 25, sosio-kultural 20, wawancara 10 = 145
 * items; 120 + 10 minutes, 150 + 15 with the disability accommodation; no passing grade in 2024
 * (KepMenPANRB 347/2024, RULES.md §2.7).
 */
export const PPPK_BLUEPRINT: Blueprint = frozen({
  examType: 'PPPK',
  name: 'Seleksi Kompetensi PPPK',
  durationMinutes: 130,
  accommodatedMinutes: 165,
  sections: [
    section('TEKNIS', null, 90),
    section('MANAJERIAL', null, 25),
    section('SOSIO_KULTURAL', null, 20),
    section('WAWANCARA', null, 10),
  ],
  thresholdsRef: 'KepMenPANRB 347/2024',
});

export { BlueprintSchema, BlueprintSectionSchema } from '../../../../../common/contracts/exam-requests.ts';

/** Number of items a form built from the blueprint holds: the sum of its section counts. */
export function blueprintItemCount(b: Blueprint): number {
  return b.sections.reduce((n, s) => n + s.count, 0);
}

/** Subtests in the order a form presents them: order of first appearance in the sections (SKD: TWK, TIU, TKP as CAT BKN). */
export function blueprintSubtests(b: Blueprint): Subtest[] {
  const out: Subtest[] = [];
  for (const s of b.sections) if (!out.includes(s.subtest)) out.push(s.subtest);
  return out;
}
