/** What the selection use-cases share: their context, the passing grades, the period's people, and the latest published files. */
import { createHash } from 'node:crypto';
import { msg } from '../../../../common/contracts/messages.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import type { ExamScheduleService, RecruitmentService } from '../recruitment/index.ts';
import { InputError } from './domain/csv.ts';
import { THRESHOLD_RULE_SETS, type ThresholdRuleSet } from './domain/thresholds.ts';
import { selectionRepository as repo } from './selection.repository.ts';

export type SelectionContext = Pick<AppContext, 'db' | 'clock' | 'ids' | 'audit'> & {
  /** Periods and formations are recruitment's; selection reads them through its service. */
  recruitment: Pick<RecruitmentService, 'getPeriod' | 'periodFormations' | 'formationExists'>;
  examSchedule: Pick<ExamScheduleService, 'sessionPlaces'>;
  identity: Pick<IdentityService, 'listOrganizations'>;
};

export const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
export const conflict = (id: string, en: string) => new AppError('CONFLICT', msg(id, en));
export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
export const utf8 = (s: string) => new TextEncoder().encode(s);
/** Free text in an open-data column: no commas, quotes or control characters (the CSVs are unquoted). */
export const plain = (s: string) =>
  s
    .replace(/[",\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const SKD_FILES = ['formations.csv', 'skd.csv', 'ranking.csv', 'thresholds.json'] as const;
export const FINAL_FILES = ['skb.csv', 'final.csv', 'optimalisasi.csv'] as const;

/** SKD result codes as BKN announces them (RULES.md §1.7). */
export const skdCode = (status: string, advances: boolean) => (status === 'P' ? (advances ? 'P/L' : 'P') : status);

/**
 * The passing grades of a recruitment year: the admin's edited rule set, else the seeded
 * regulation's. The one source for the ranking, the CAT result page and the certificate.
 */
export async function ruleSet(
  ctx: Pick<SelectionContext, 'db'>,
  year: number,
  ex: Executor = ctx.db,
): Promise<ThresholdRuleSet> {
  const row = await repo.thresholdRuleSet(ex, year);
  if (row)
    return {
      year: row.year,
      regulation: row.regulation,
      rules: row.rules as ThresholdRuleSet['rules'],
      uncertain: row.uncertain as ThresholdRuleSet['uncertain'],
    };
  const seeded = THRESHOLD_RULE_SETS[year];
  if (seeded) return seeded;
  throw conflict(
    `Nilai ambang batas tahun ${year} belum ditetapkan. Admin perlu mengisinya lebih dulu.`,
    `No passing grades for ${year} yet. An admin must set them first.`,
  );
}

/** The period (NOT_FOUND when it does not exist). */
export const period = (ctx: SelectionContext, periodId: string) => ctx.recruitment.getPeriod(periodId);

export const formations = (ctx: SelectionContext, periodId: string) => ctx.recruitment.periodFormations(periodId);
export type PeriodFormations = Awaited<ReturnType<typeof formations>>;

/** Every participant of the period (those given a participant number), with their SKD score. */
export const participants = (ctx: Pick<SelectionContext, 'db'>, periodId: string) =>
  repo.participants(ctx.db, periodId);
export type Participants = Awaited<ReturnType<typeof participants>>;

/**
 * Participants with neither an SKD score nor a recorded absence, with the exam session they are
 * seated in and whether their CAT attempt is still open: publishing now would call them "TH".
 */
export const unscored = (ctx: Pick<SelectionContext, 'db'>, periodId: string) => repo.unscored(ctx.db, periodId);

/** The latest published publication of a stage with its files by name, or null. */
export async function latestPublished(ctx: Pick<SelectionContext, 'db'>, periodId: string, stage: 'skd' | 'final') {
  const pub = await repo.latestPublished(ctx.db, periodId, stage);
  if (!pub) return null;
  const files = await repo.files(ctx.db, pub.id);
  return { pub, files: new Map(files.map((f) => [f.name, f])) };
}

/** Participant numbers marked as advancing to the SKB (`…,Y`) in a published ranking.csv. */
export const advancingIn = (rankingText: string) =>
  new Set(
    rankingText
      .split('\n')
      .slice(1)
      .filter((l) => l.endsWith(',Y'))
      .map((l) => l.split(',')[1]!),
  );

/** A CSV parse error as the field-level validation error the pages show; anything else is rethrown. */
export function asInputProblem(err: unknown): never {
  if (err instanceof InputError)
    throw new AppError('VALIDATION_FAILED', msg(err.message, err.message), {
      fields: [{ field: err.file, message: msg(err.message, err.message) }],
    });
  throw err;
}
