/**
 * What recruitment's use-cases share: their one context, the period/formation presenters, and the
 * lookups and refusals several use-cases make. Internal to recruitment.
 */
import type { z } from 'zod';
import type { FormationBody } from '../../../../common/contracts/recruitment.ts';
import { msg, type Msg } from '../../../../common/contracts/messages.ts';
import type { Executor } from '../../db/database.ts';
import type { Stages } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../identity/index.ts';
import type { PeriodScope } from '../../http/types.ts';
import type { QueueCounts, createQueueCountCache } from './application-workflow.ts';
import type { FormationRow } from './formation-sheet.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

/**
 * The context every recruitment use-case takes (each names the part it uses): the platform's
 * adapters plus the module's extras, built once in the factories.
 */
export type RecruitmentContext = Pick<
  AppContext,
  'db' | 'clock' | 'ids' | 'audit' | 'steps' | 'files' | 'notifier' | 'publicUrl'
> & {
  /** Signs the QR links on cards so that registration numbers cannot be enumerated. */
  cardSecret: string;
  /** The verification queue's cached counts: announcements and sanggah drop them when they change files. */
  queue: QueueCounts;
  /** Verification's own cache of the queue counts (built once in its factory). */
  counts: ReturnType<typeof createQueueCountCache>;
  /** Period resolvers other modules register for their period-scoped records (built once in the committee factory). */
  resolvers: Map<PeriodScope, (id: string) => Promise<string | undefined>>;
};

/** A formation row as the contract's FormationOut (applicants counted by the catalog query, 0 elsewhere). */
export const presentFormation = (f: {
  id: string;
  period_id: string;
  code: string;
  organization_id: string;
  organization_name: string;
  jabatan: string;
  education_levels: string[];
  majors: string[];
  need_type: string;
  quota: number;
  placement: string | null;
  applicants?: number | string | null;
}) => ({
  id: f.id,
  periodId: f.period_id,
  code: f.code,
  organizationId: f.organization_id,
  organizationName: f.organization_name,
  jabatan: f.jabatan,
  educationLevels: f.education_levels as z.infer<typeof FormationBody>['educationLevels'],
  majors: f.majors,
  needType: f.need_type as z.infer<typeof FormationBody>['needType'],
  quota: f.quota,
  placement: f.placement,
  applicants: Number(f.applicants ?? 0),
});

/** A period row as the contract's Period. */
export const presentPeriod = (p: {
  id: string;
  code: string;
  name: string;
  year: number;
  type: 'CPNS' | 'PPPK';
  age_cutoff_date: string;
  stages: Stages;
  rule_set: unknown;
}) => ({
  id: p.id,
  code: p.code,
  name: p.name,
  year: p.year,
  type: p.type,
  ageCutoffDate: p.age_cutoff_date,
  stages: p.stages as Record<string, { start: string; end: string }>,
  ruleSet: p.rule_set,
});

/** The timeline notes of the applicant's own steps (draft, submitted). */
export const STATUS_NOTES: Record<string, Msg> = {
  draft: msg(
    'Lamaran dibuat (draf). Lengkapi dokumen lalu kirim sebelum pendaftaran ditutup.',
    'Application created (draft). Upload the documents and submit before registration closes.',
  ),
  submitted: msg(
    'Lamaran dikirim dan dikunci. Menunggu verifikasi administrasi.',
    'Application submitted and locked. Awaiting administrative verification.',
  ),
};

/** The period, or NOT_FOUND. */
export async function periodOrThrow(ex: Executor, id: string) {
  const p = await repo.period(ex, id);
  if (!p) throw notFound();
  return p;
}

/** The applicant's own application; anyone else's answers NOT_FOUND. */
export async function ownApplication(ex: Executor, actor: Actor, id: string) {
  const a = await repo.applicationOf(ex, actor.accountId, id);
  if (!a) throw notFound();
  return a;
}

/** Inserts one formation of a period (form or sheet row) and returns its id. */
export async function insertFormation(
  ctx: Pick<RecruitmentContext, 'ids'>,
  trx: Executor,
  periodId: string,
  f: FormationRow,
) {
  const id = ctx.ids.uuid();
  await repo.insertFormation(trx, {
    id,
    period_id: periodId,
    code: f.code,
    organization_id: f.organizationId,
    jabatan: f.jabatan,
    education_levels: f.educationLevels,
    majors: f.majors,
    need_type: f.needType,
    quota: f.quota,
    placement: f.placement,
  });
  return id;
}

/** One NIK, one formation per period (RULES.md §1.3). */
export const duplicateApplication = () =>
  new AppError(
    'CONFLICT',
    msg(
      'Anda sudah memiliki lamaran di periode ini. Satu NIK hanya boleh melamar satu formasi per periode.',
      'You already applied in this period. One NIK, one formation per period.',
    ),
  );
/** A submitted application is locked; the applicant can no longer change it. */
export const locked = () =>
  new AppError(
    'CONFLICT',
    msg(
      'Lamaran sudah dikirim dan dikunci; isinya tidak dapat diubah lagi.',
      'The application is submitted and locked; it can no longer change.',
    ),
  );
