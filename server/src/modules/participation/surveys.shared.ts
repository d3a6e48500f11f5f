/**
 * What the survey use-cases share: their context (the participation context with the anti-spam
 * challenges, the respondent digest key, the public address, the limits and the per-instance unit
 * cache and batch writer), the unit presenter and reads, and the bands in force.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { msg } from '../../../../common/contracts/messages.ts';
import type { SurveyBody } from '../../../../common/contracts/participation.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../identity/index.ts';
import type { Challenges } from './challenge.ts';
import {
  type Band,
  DEFAULT_BANDS,
  krejcieMorganSample,
  type PeriodKind,
  surveyPeriodOf,
  type Unsur,
} from './domain/ikm.ts';
import type { ParticipationContext } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';

export interface SurveyLimits {
  /** Questionnaires per source address per hour (a desk's kiosk or a shared network sends many). */
  perSourcePerHour: number;
}
export const DEFAULT_SURVEY_LIMITS: SurveyLimits = { perSourcePerHour: 300 };

export type UnitRow = NonNullable<Awaited<ReturnType<typeof repo.unit>>>;

/** One questionnaire waiting for the batch writer (survey-responses.ts). */
export interface PendingResponse {
  id: string;
  actor: Actor | null;
  unitId: string;
  unitName: string;
  period: string;
  ref: string;
  spent: { nonce: string; expiresAt: Date } | null;
  body: z.infer<typeof SurveyBody>;
  source: string;
  now: Date;
}

export type SurveysContext = ParticipationContext &
  Pick<AppContext, 'publicUrl'> & {
    challenges: Challenges;
    /** Keys the respondent digests (derived from SESSION_SECRET: the same on every instance). */
    respondentKey: string;
    limits: SurveyLimits;
    /** The questionnaire's unit, read at most once a minute per instance. */
    unitCache: Map<string, { at: number; unit: UnitRow }>;
    /** Stores questionnaires that arrive together in one transaction (built once by the factory). */
    store: (p: PendingResponse) => Promise<AppError | true | undefined>;
  };

/** The IKM bands in force (the defaults until an admin saves them). */
export async function bandsOf(ctx: Pick<SurveysContext, 'db'>, ex: Kysely<DB> = ctx.db): Promise<readonly Band[]> {
  return ((await repo.settings(ex))?.bands as Band[] | undefined) ?? DEFAULT_BANDS;
}

/** A unit as the contract shows it, with its current period and the sample it needs. */
export function presentUnit(ctx: Pick<SurveysContext, 'clock'>, u: UnitRow) {
  const unsur = u.unsur as Unsur[];
  const currentPeriod = surveyPeriodOf(localDate(ctx.clock.now()), u.period_kind as PeriodKind);
  return {
    id: u.id,
    name: u.name,
    organization: { id: u.organization_id, name: u.organization_name },
    desk: u.desk,
    periodKind: u.period_kind as PeriodKind,
    unsur: unsur.map((x) => ({ code: x.code, label: x.label, weight: x.weight })),
    population: u.population,
    sampleNeeded: krejcieMorganSample(u.population),
    currentPeriod,
    active: u.active,
  };
}

/** A unit by its code, or NOT_FOUND naming a service unit. */
export async function unitOrThrow(ctx: Pick<SurveysContext, 'db'>, id: string) {
  const u = await repo.unit(ctx.db, id);
  if (!u) throw new AppError('NOT_FOUND', msg('Unit layanan tidak ditemukan.', 'Service unit not found.'));
  return u;
}
