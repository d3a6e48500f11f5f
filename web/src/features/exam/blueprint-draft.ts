/** The blueprint editor's draft: form strings ⇄ the API's Blueprint (pure, unit-tested). */
import type { Blueprint, ExamType, Subtest } from './api.ts';

export interface BlueprintDraft {
  examType: ExamType;
  name: string;
  durationMinutes: string;
  accommodatedMinutes: string;
  /** Empty: the server's default cap. */
  maxGrantMinutes: string;
  thresholdsRef: string;
  sections: { subtest: Subtest; category: string; count: string }[];
}

export const freshBlueprint = (): BlueprintDraft => ({
  examType: 'SKD',
  name: '',
  durationMinutes: '100',
  accommodatedMinutes: '130',
  maxGrantMinutes: '',
  thresholdsRef: 'KepMenPANRB 321/2024',
  sections: [
    { subtest: 'TWK', category: '', count: '30' },
    { subtest: 'TIU', category: '', count: '35' },
    { subtest: 'TKP', category: '', count: '45' },
  ],
});

export const blueprintDraft = (b: Blueprint): BlueprintDraft => ({
  examType: b.examType,
  name: b.name,
  durationMinutes: String(b.durationMinutes),
  accommodatedMinutes: String(b.accommodatedMinutes),
  maxGrantMinutes: b.maxGrantMinutes === undefined ? '' : String(b.maxGrantMinutes),
  thresholdsRef: b.thresholdsRef,
  sections: b.sections.map((s) => ({ subtest: s.subtest, category: s.category ?? '', count: String(s.count) })),
});

export const blueprintBody = (d: BlueprintDraft): Blueprint => ({
  examType: d.examType,
  name: d.name.trim(),
  durationMinutes: Number(d.durationMinutes),
  accommodatedMinutes: Number(d.accommodatedMinutes),
  // Saving the editor keeps the cap it was given (it used to drop it).
  ...(d.maxGrantMinutes.trim() === '' ? {} : { maxGrantMinutes: Number(d.maxGrantMinutes) }),
  thresholdsRef: d.thresholdsRef.trim(),
  sections: d.sections.map((s) => ({ subtest: s.subtest, category: s.category || null, count: Number(s.count) })),
});
