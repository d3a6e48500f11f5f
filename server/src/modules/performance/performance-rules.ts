/** The year's rules: the predikat matrix (its source is uncertain, so it is editable) and each OPD's organisation predikat. */
import { msg } from '../../../../common/contracts/messages.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { matrixProblems, type OrgPredikat, type PredikatMatrix } from './domain/predikat.ts';
import { actorOf, invalid, matrixOf, type PerformanceContext } from './performance.shared.ts';
import { performanceRepository as repo } from './performance.repository.ts';

/** The year's predikat matrix (custom or the default), with the note on its uncertain source and the OPDs' predikat. */
export async function getRules(ctx: Pick<PerformanceContext, 'db'>, year: number) {
  const r = await repo.ruleSet(ctx.db, year);
  return {
    year,
    matrix: await matrixOf(ctx.db, year),
    note: r?.note ?? '',
    custom: r !== undefined,
    uncertain: msg(
      'Matriks predikat bersumber dari implementasi publik PermenPANRB 6/2022 (keyakinan sedang); periksa terhadap Lampiran resmi sebelum dipakai.',
      'The predikat matrix comes from public implementations of PermenPANRB 6/2022 (medium confidence); check it against the official Lampiran before use.',
    ),
    organizations: (await repo.orgPredikats(ctx.db, year)).map((o) => ({
      organizationId: o.organization_id,
      predikat: o.predikat,
    })),
  };
}

/** Sets the year's matrix (audited); a matrix with a missing or unknown cell is refused. */
export async function setRules(
  ctx: PerformanceContext,
  actor: Actor,
  year: number,
  body: { matrix: PredikatMatrix; note: string },
) {
  const problems = matrixProblems(body.matrix);
  if (problems.length > 0) throw invalid('matrix', problems[0]!);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.ruleSet(trx, year);
    await repo.upsertRuleSet(trx, {
      year,
      matrix: JSON.stringify(body.matrix),
      note: body.note,
      updated_by: actor.accountId,
      updated_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'performance.rules.set',
      subjectType: 'performance_rule_set',
      subjectId: String(year),
      before: before ? { matrix: before.matrix } : null,
      after: { matrix: body.matrix, note: body.note },
    });
  });
  return getRules(ctx, year);
}

/** Sets an OPD's organisation predikat for the year (the distribution pattern its evaluators are warned against). */
export async function setOrganizationPredikat(
  ctx: PerformanceContext,
  actor: Actor,
  year: number,
  organizationId: string,
  predikat: OrgPredikat,
) {
  if (!(await repo.organizationExists(ctx.db, organizationId))) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertOrgPredikat(trx, {
      organization_id: organizationId,
      year,
      predikat,
      updated_by: actor.accountId,
      updated_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'performance.organization_predikat.set',
      subjectType: 'organization',
      subjectId: organizationId,
      after: { year, predikat },
    });
  });
  return { organizationId, year, predikat };
}
