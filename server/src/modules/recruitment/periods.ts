/** Recruitment periods: opening one with its yearly rule set, its stage windows and rules, and the lists other modules read. */
import type { z } from 'zod';
import type { CreatePeriodBody } from '../../../../common/contracts/recruitment.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import type { Stages } from '../../db/schema.ts';
import { fieldError } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import type { RecruitmentRuleSet } from './domain/index.ts';
import { actorOf, ruleSetFor } from './application-workflow.ts';
import { periodOrThrow, presentPeriod, type RecruitmentContext } from './recruitment.shared.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

type Ctx = Pick<RecruitmentContext, 'db' | 'clock' | 'ids' | 'audit'>;

/** Opens a period with the newest seeded rule set for its year and type; its code is unique. */
export async function createPeriod(ctx: Ctx, actor: Actor, body: z.infer<typeof CreatePeriodBody>) {
  const id = ctx.ids.uuid();
  const ruleSet = ruleSetFor(body.year, body.type);
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.periodCodeTaken(trx, body.code)) {
      throw fieldError('code', msg('Kode periode sudah dipakai.', 'Period code already used.'));
    }
    await repo.insertPeriod(trx, {
      id,
      code: body.code,
      name: body.name,
      year: body.year,
      type: body.type,
      rule_set: JSON.stringify(ruleSet),
      stages: JSON.stringify(body.stages),
      age_cutoff_date: body.ageCutoffDate,
      created_by: actor.accountId,
    });
    // Whoever opens a period sits on its committee; the admin adds the others.
    if (actor.role === 'committee') await repo.addCommitteeMember(trx, id, actor.accountId, actor.accountId);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'period.create',
      subjectType: 'recruitment_period',
      subjectId: id,
      after: { ...body, ruleSet },
    });
  });
  return presentPeriod((await repo.period(ctx.db, id))!);
}

/** Replaces a period's stage windows; the change is audited with the windows before. */
export async function updateStages(ctx: Ctx, actor: Actor, periodId: string, stages: Stages) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await periodOrThrow(trx, periodId);
    await repo.updatePeriod(trx, periodId, { stages: JSON.stringify(stages), updated_at: ctx.clock.now() });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'period.update_stages',
      subjectType: 'recruitment_period',
      subjectId: periodId,
      before: before.stages,
      after: stages,
    });
  });
  return presentPeriod((await repo.period(ctx.db, periodId))!);
}

/** Replaces a period's rule set (upload and age limits, sanggah window …): yearly rules are data. */
export async function updateRuleSet(ctx: Ctx, actor: Actor, periodId: string, ruleSet: RecruitmentRuleSet) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await periodOrThrow(trx, periodId);
    if (ruleSet.year !== before.year || ruleSet.type !== before.type) {
      throw fieldError(
        'ruleSet',
        msg(
          `Aturan harus untuk ${before.type} tahun ${before.year}.`,
          `The rules must be for ${before.type} ${before.year}.`,
        ),
      );
    }
    await repo.updatePeriod(trx, periodId, { rule_set: JSON.stringify(ruleSet), updated_at: ctx.clock.now() });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'period.update_rule_set',
      subjectType: 'recruitment_period',
      subjectId: periodId,
      before: before.rule_set,
      after: ruleSet,
    });
  });
  return presentPeriod((await repo.period(ctx.db, periodId))!);
}

/** Every period; for a committee account only those whose committee it sits on. */
export async function listPeriods(ctx: Pick<RecruitmentContext, 'db'>, actor?: Actor) {
  const all = await repo.periods(ctx.db);
  if (actor?.role !== 'committee') return all.map(presentPeriod);
  const mine = new Set(await repo.committeePeriodIds(ctx.db, actor.accountId));
  return all.filter((p) => mine.has(p.id)).map(presentPeriod);
}

/** One period, or NOT_FOUND. */
export async function getPeriod(ctx: Pick<RecruitmentContext, 'db'>, id: string) {
  return presentPeriod(await periodOrThrow(ctx.db, id));
}

/** A period's formations by code, for other modules (selection's files and optimalisasi). */
export async function periodFormations(ctx: Pick<RecruitmentContext, 'db'>, periodId: string) {
  return (await repo.periodFormations(ctx.db, periodId)).map((f) => ({
    id: f.id,
    code: f.code,
    needType: f.need_type,
    quota: f.quota,
    jabatan: f.jabatan,
    organizationId: f.organization_id,
    educationLevels: f.education_levels,
    majors: f.majors,
  }));
}

/** Whether a formation exists (other modules check ids they are handed). */
export async function formationExists(ctx: Pick<RecruitmentContext, 'db'>, id: string) {
  return (await repo.formation(ctx.db, id)) !== undefined;
}
