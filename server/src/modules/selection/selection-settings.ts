/** The admin's passing grades per year and a period's selection settings (optimalisasi). */
import type { Actor } from '../identity/index.ts';
import type { NeedType, ThresholdRuleSet } from './domain/thresholds.ts';
import { selectionRepository as repo } from './selection.repository.ts';
import { actorOf, period, type SelectionContext } from './selection.shared.ts';

/** Every year's edited passing grades, for the public thresholds page. */
export async function listThresholds(ctx: SelectionContext) {
  const rows = await repo.thresholdRuleSets(ctx.db);
  return rows.map((r) => ({
    year: r.year,
    regulation: r.regulation,
    rules: r.rules as ThresholdRuleSet['rules'],
    uncertain: r.uncertain as NeedType[],
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** Sets a year's passing grades (they then rule the ranking, the CAT result page and certificates); audited with the grades before. */
export async function setThresholds(
  ctx: SelectionContext,
  actor: Actor,
  year: number,
  body: { regulation: string; rules: unknown; uncertain: string[] },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.thresholdRuleSet(trx, year);
    await repo.saveThresholds(trx, year, {
      regulation: body.regulation,
      rules: JSON.stringify(body.rules),
      uncertain: JSON.stringify(body.uncertain),
      updated_by: actor.accountId,
      updated_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'thresholds.set',
      subjectType: 'threshold_rule_set',
      subjectId: String(year),
      before: before ? { regulation: before.regulation, rules: before.rules } : undefined,
      after: body,
    });
  });
}

/** A period's selection settings (NOT_FOUND for an unknown period). */
export async function selectionSettings(ctx: SelectionContext, periodId: string) {
  await period(ctx, periodId);
  return { optimalisasi: await repo.optimalisasi(ctx.db, periodId) };
}

/** Turns optimalisasi (filling empty formations) on or off for a period; audited. */
export async function setSelectionSettings(
  ctx: SelectionContext,
  actor: Actor,
  periodId: string,
  body: { optimalisasi: boolean },
) {
  await period(ctx, periodId);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveSettings(trx, periodId, {
      optimalisasi: body.optimalisasi,
      updated_by: actor.accountId,
      updated_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'selection.settings',
      subjectType: 'recruitment_period',
      subjectId: periodId,
      after: body,
    });
  });
}
