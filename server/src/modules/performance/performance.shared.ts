/**
 * What the performance (SKP) use-cases share: their context, the plan a person may see and who
 * they are to it, the year's matrix and the OPD's predikat, the plans opened from the supervisor
 * tree, a plan's presentation with the evaluator's distribution, and telling people by notice.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { IndicatorBody } from '../../../../common/contracts/performance.ts';
import { type Msg, msg } from '../../../../common/contracts/messages.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AppContext } from '../../platform/context.ts';
import type { TrainingService } from '../development/index.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import type { indexTrainingNeeds } from '../professionalism/index.ts';
import {
  countPredikats,
  DEFAULT_MATRIX,
  distributionWarnings,
  matrixProblems,
  type OrgPredikat,
  type Period,
  type PredikatMatrix,
} from './domain/predikat.ts';
import { presentPlanView } from './performance.presenter.ts';
import { isBkpsdm, type PlanViewer, viewerOf } from './performance.policy.ts';
import { performanceRepository as repo } from './performance.repository.ts';

export type PerformanceContext = Pick<AppContext, 'db' | 'clock' | 'ids' | 'audit' | 'steps' | 'notifier' | 'files'> & {
  identity: Pick<IdentityService, 'emailsOfAccounts'>;
  training: Pick<TrainingService, 'programs' | 'enroll' | 'mine' | 'jpReport'>;
  /** The IP ASN index's named read (professionalism), handed in so the two modules do not import each other. */
  ipAsn: { indexTrainingNeeds: typeof indexTrainingNeeds };
};

/** Evidence files: PDF or JPEG up to 2 MB (checked by their bytes, platform/upload-check.ts). */
export const EVIDENCE_RULE = {
  mime: ['application/pdf', 'image/jpeg'] as ('application/pdf' | 'image/jpeg')[],
  maxBytes: 2 * 1024 * 1024,
};

export const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
export const conflict = (id: string, en: string) => new AppError('CONFLICT', msg(id, en));
export const invalid = (field: string, m: Msg) =>
  new AppError('VALIDATION_FAILED', m, { fields: [{ field, message: m }] });
const NOT_LINKED = msg(
  'Akun Anda belum terhubung ke data pegawai. Hubungi BKPSDM untuk menautkan NIP Anda.',
  'Your account is not linked to an employee record yet. Ask BKPSDM to link your NIP.',
);
type Indicator = z.infer<typeof IndicatorBody>;
export type PlanRow = NonNullable<Awaited<ReturnType<typeof repo.plan>>>;
export type Programme = Awaited<ReturnType<PerformanceContext['training']['programs']>>[number];

/** The actor's own employee record, or undefined when their account is not linked to one. */
export const own = (ctx: Pick<PerformanceContext, 'db'>, actor: Actor, ex: Kysely<DB> = ctx.db) =>
  repo.personOfAccount(ex, actor.accountId);

/** The actor's own employee record; an account not linked to one gets NOT_FOUND saying how to link it. */
export async function linkedEmployee(ctx: Pick<PerformanceContext, 'db'>, actor: Actor) {
  const me = await own(ctx, actor);
  if (!me) throw new AppError('NOT_FOUND', NOT_LINKED);
  return me;
}

/** The OPD a report covers: BKPSDM the one asked for (or the city); anyone else their own OPD. */
export async function reportScope(ctx: Pick<PerformanceContext, 'db'>, actor: Actor, organizationId?: string) {
  if (isBkpsdm(actor)) return organizationId;
  return (await linkedEmployee(ctx, actor)).organization_id;
}

/** The year's predikat matrix, or the default when none (or a broken one) is set. */
export async function matrixOf(ex: Kysely<DB>, year: number): Promise<PredikatMatrix> {
  const r = await repo.ruleSet(ex, year);
  return r && matrixProblems(r.matrix).length === 0 ? (r.matrix as PredikatMatrix) : DEFAULT_MATRIX;
}
async function orgPredikatOf(
  ex: Kysely<DB>,
  organizationId: string,
  year: number,
): Promise<{ predikat: OrgPredikat; set: boolean }> {
  const r = await repo.orgPredikat(ex, organizationId, year);
  return r ? { predikat: r.predikat, set: true } : { predikat: 'baik', set: false };
}

/** An in-app notice (and e-mail) to an employee's account, when they have one. */
export async function tell(
  ctx: Pick<PerformanceContext, 'identity' | 'notifier'>,
  trx: Kysely<DB>,
  accountId: string | null,
  fullName: string,
  notice: { title: string; body: string; path: string },
) {
  if (!accountId) return;
  const email = (await ctx.identity.emailsOfAccounts([accountId], trx)).get(accountId);
  if (email) await ctx.notifier.notify(trx, { accountId, email, fullName }, notice);
}

/** The plan and who the actor is to it; someone with no part in it gets NOT_FOUND. */
export async function planFor(
  ctx: Pick<PerformanceContext, 'db'>,
  actor: Actor,
  planId: string,
  ex: Kysely<DB> = ctx.db,
): Promise<{ plan: PlanRow; viewer: PlanViewer; me: string | null }> {
  const plan = await repo.plan(ex, planId);
  if (!plan) throw notFound();
  const me = (await own(ctx, actor, ex))?.id ?? null;
  const viewer = viewerOf(actor, me, plan);
  if (!viewer) throw notFound();
  return { plan, viewer, me };
}
/** Refuses anyone but the plan's evaluator (or its employee), naming who may. */
export const mustBe = (viewer: PlanViewer, who: PlanViewer, plan: PlanRow) => {
  if (viewer === who) return;
  if (who === 'evaluator')
    throw new AppError(
      'FORBIDDEN',
      msg(
        `Hanya pejabat penilai SKP ini (${plan.evaluator_name ?? 'belum tercatat'}) yang dapat melakukannya.`,
        `Only this SKP's evaluator (${plan.evaluator_name ?? 'not recorded'}) can do this.`,
      ),
    );
  throw new AppError(
    'FORBIDDEN',
    msg(`Hanya ${plan.full_name} sendiri yang dapat melakukannya.`, `Only ${plan.full_name} can do this.`),
  );
};
/** An agreed plan's results and expectations are fixed until the evaluator reopens it. */
export const mustBeDraft = (status: string) => {
  if (status !== 'draft')
    throw conflict(
      'SKP ini sudah disepakati; hasil kerja dan ekspektasinya tidak dapat diubah kecuali pejabat penilai membukanya kembali.',
      'This SKP is agreed; its results and expectations cannot change unless the evaluator reopens it.',
    );
};

/** Plan rows for people who have none for the year yet: evaluator = their supervisor, atasan = the supervisor's supervisor (RULES.md §4.6). */
export async function ensurePlans(
  ctx: Pick<PerformanceContext, 'clock' | 'ids'>,
  trx: Kysely<DB>,
  persons: readonly { id: string; organization_id: string; supervisor_id: string | null }[],
  year: number,
  status: 'draft' | 'agreed' = 'draft',
) {
  const supervisors = await repo.persons(trx, [
    ...new Set(persons.map((p) => p.supervisor_id).filter((x): x is string => x !== null)),
  ]);
  const up = new Map(supervisors.map((s) => [s.id, s.supervisor_id]));
  const now = ctx.clock.now();
  return repo.ensurePlans(
    trx,
    persons.map((p) => ({
      id: ctx.ids.uuid(),
      employee_id: p.id,
      year,
      organization_id: p.organization_id,
      evaluator_id: p.supervisor_id,
      evaluator_supervisor_id: p.supervisor_id ? (up.get(p.supervisor_id) ?? null) : null,
      status,
      ...(status === 'agreed' ? { agreed_at: now } : {}),
      updated_at: now,
    })),
    year,
  );
}

/** Indicator rows of one hasil kerja, in the order given. */
export const indicatorRows = (ctx: Pick<PerformanceContext, 'ids'>, resultId: string, list: readonly Indicator[]) =>
  list.map((i, n) => ({
    id: ctx.ids.uuid(),
    result_id: resultId,
    description: i.description,
    kind: i.kind,
    target: i.target,
    unit: i.unit,
    position: n,
  }));

/** One plan as `viewer` sees it; the evaluator also sees the distribution of each draft evaluation's period. */
export async function presentPlan(ex: Kysely<DB>, plan: PlanRow, viewer: PlanViewer) {
  const [results, behaviours, evaluations] = await Promise.all([
    repo.results(ex, [plan.id]),
    repo.behaviours(ex, plan.id),
    repo.evaluations(ex, plan.id),
  ]);
  const [indicators, notes] = await Promise.all([
    repo.indicators(
      ex,
      results.map((r) => r.id),
    ),
    repo.notes(
      ex,
      results.map((r) => r.id),
    ),
  ]);
  const drafts = viewer === 'evaluator' ? evaluations.filter((e) => e.status === 'draft') : [];
  const distributions = Object.fromEntries(
    await Promise.all(drafts.map(async (e) => [e.period, await distributionFor(ex, plan, e.period)] as const)),
  );
  return presentPlanView({ plan, viewer, results, indicators, notes, behaviours, evaluations, distributions });
}

/** The evaluator's unit distribution for a period (their drafts and finals) and the warnings of RULES.md §4.5. */
export async function distributionFor(
  ex: Kysely<DB>,
  plan: { evaluator_id: string | null; organization_id: string; year: number },
  period: Period,
) {
  const org = await orgPredikatOf(ex, plan.organization_id, plan.year);
  const counts = countPredikats(
    plan.evaluator_id ? await repo.unitPredikats(ex, plan.evaluator_id, plan.year, period) : [],
  );
  return {
    organizationPredikat: org.predikat,
    organizationPredikatSet: org.set,
    counts,
    warnings: distributionWarnings(org.predikat, counts),
  };
}

/** Whether an employee meets a programme's eligibility (status, jabatan kind, OPD). */
export function eligible(p: Programme, who: { status: string; jabatan_kind: string; organization_id: string }) {
  const e = p.eligibility;
  return (
    (!e.statuses?.length || e.statuses.includes(who.status)) &&
    (!e.jabatanKinds?.length || e.jabatanKinds.includes(who.jabatan_kind)) &&
    (!e.organizationIds?.length || e.organizationIds.includes(who.organization_id))
  );
}
