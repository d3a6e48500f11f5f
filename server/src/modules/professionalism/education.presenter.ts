/** Rows of the education and competency history → their contract shapes (a whitelist: no file keys leave). */
import type { z } from 'zod';
import {
  type CompetencyView,
  type CorrectionView,
  EDUCATION_LEVEL_NAMES,
  type EducationLevelValue,
  type EducationView,
} from '../../../../common/contracts/records.ts';
import type { DB } from '../../db/schema.ts';
import type { Selectable } from 'kysely';
import type { EmployeeRef } from '../development/index.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/** An education record as staff and its person see it. */
export const presentEducation = (r: Selectable<DB['education_records']>): z.input<typeof EducationView> => ({
  id: r.id,
  level: r.level as EducationLevelValue,
  institution: r.institution,
  major: r.major,
  graduationYear: r.graduation_year,
  isHighest: r.is_highest,
  hasIjazah: r.ijazah_file_key !== null,
  source: r.source as 'import' | 'bkpsdm',
  updatedAt: iso(r.updated_at),
});

/** A competency record as staff and its person see it. */
export const presentCompetency = (r: Selectable<DB['competency_records']>): z.input<typeof CompetencyView> => ({
  id: r.id,
  kind: r.kind as 'teknis',
  leadershipLevel: r.leadership_level as 'pka' | null,
  matchesJabatan: r.matches_jabatan,
  title: r.title,
  organizer: r.organizer,
  startedOn: r.started_on,
  completedOn: r.completed_on,
  jp: r.jp,
  source: r.source as 'import' | 'bkpsdm',
});

/** "S-1 · Universitas Tadulako · 2012": the record a correction points to, in words. */
export const educationSummary = (r: { level: string; institution: string; graduation_year: number }) =>
  `${EDUCATION_LEVEL_NAMES[r.level as EducationLevelValue] ?? r.level} · ${r.institution} · ${r.graduation_year}`;

/** A proposed correction with its person and the record it points to (the evidence key stays inside). */
export const presentCorrection = (
  r: Selectable<DB['education_corrections']>,
  person: EmployeeRef | undefined,
  record: { level: string; institution: string; graduation_year: number } | undefined,
): z.input<typeof CorrectionView> => ({
  id: r.id,
  employee: {
    id: r.employee_id,
    nip: person?.nip ?? '',
    fullName: person?.fullName ?? '',
    organizationName: person?.organizationName ?? '',
  },
  educationRecordId: r.education_record_id,
  recordSummary: record ? educationSummary(record) : null,
  proposal: r.proposal,
  status: r.status as 'submitted',
  submittedAt: iso(r.submitted_at),
  decidedAt: r.decided_at ? iso(r.decided_at) : null,
  decisionNote: r.decision_note,
});
