/** Cascading an evaluator's hasil kerja to their direct reports (PermenPANRB 6/2022: direct or indirect cascading). */
import type { z } from 'zod';
import type { CascadeBody } from '../../../../common/contracts/performance.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import {
  actorOf,
  conflict,
  ensurePlans,
  indicatorRows,
  invalid,
  linkedEmployee,
  type PerformanceContext,
  tell,
} from './performance.shared.ts';
import { performanceRepository as repo, type PersonRow } from './performance.repository.ts';

/**
 * Who receives a cascade: the direct reports named (all or nothing: someone of another OPD or not
 * a direct report refuses the whole request) or, without names, every direct report in the
 * evaluator's OPD.
 */
async function cascadeTargets(ctx: PerformanceContext, me: PersonRow, employeeIds: readonly string[] | undefined) {
  const reports = await repo.directReports(ctx.db, me.id);
  if (!employeeIds) return reports.filter((r) => r.organization_id === me.organization_id);
  const wanted = [...new Set(employeeIds)];
  const found = await repo.persons(ctx.db, wanted);
  const foreign = found.filter((p) => p.organization_id !== me.organization_id);
  if (foreign.length > 0)
    throw invalid(
      'employeeIds',
      msg(
        `Hasil kerja tidak dapat diturunkan ke pegawai perangkat daerah lain (${foreign.map((f) => `${f.full_name}, ${f.organization_name}`).join('; ')}).`,
        `Results cannot be cascaded to employees of another agency (${foreign.map((f) => `${f.full_name}, ${f.organization_name}`).join('; ')}).`,
      ),
    );
  const direct = new Set(reports.map((r) => r.id));
  const strangers = wanted.filter((id) => !direct.has(id));
  if (strangers.length > 0)
    throw invalid(
      'employeeIds',
      msg(
        'Hasil kerja hanya diturunkan ke bawahan langsung Anda (Anda pejabat penilainya).',
        'Results are cascaded only to your direct reports (you are their evaluator).',
      ),
    );
  return reports.filter((r) => wanted.includes(r.id));
}

/**
 * Cascades one of the evaluator's own hasil kerja to direct reports: the ones named (all or
 * nothing: someone of another OPD or not a direct report refuses the whole request) or the
 * whole unit (every direct report in the evaluator's OPD; agreed plans and those already
 * holding this result are skipped and reported).
 */
export async function cascade(
  ctx: PerformanceContext,
  actor: Actor,
  resultId: string,
  body: z.infer<typeof CascadeBody>,
) {
  const me = await linkedEmployee(ctx, actor);
  const parent = await repo.result(ctx.db, resultId);
  if (!parent || parent.employee_id !== me.id) throw notFound();
  const targets = await cascadeTargets(ctx, me, body.employeeIds);
  if (targets.length === 0)
    throw invalid(
      'employeeIds',
      msg(
        'Belum ada bawahan langsung di unit Anda untuk menerima hasil kerja ini.',
        'You have no direct reports in your unit to receive this result.',
      ),
    );
  return ctx.db.transaction().execute(async (trx) => {
    const planIds = await ensurePlans(ctx, trx, targets, parent.year);
    const parentIndicators =
      body.indicators ??
      (await repo.indicators(trx, [parent.id])).map((i) => ({
        description: i.description,
        kind: i.kind,
        target: i.target,
        unit: i.unit,
      }));
    const all = [...planIds.values()].map((p) => p.id);
    const already = await repo.plansWithChild(trx, parent.id, all);
    const skipped: { employeeId: string; reason: 'agreed' | 'already' }[] = [];
    const receivers = targets.filter((t) => {
      const p = planIds.get(t.id)!;
      if (already.has(p.id)) skipped.push({ employeeId: t.id, reason: 'already' });
      else if (p.status !== 'draft') skipped.push({ employeeId: t.id, reason: 'agreed' });
      else return true;
      return false;
    });
    if (body.employeeIds && skipped.length > 0) {
      const names = skipped.map((s) => targets.find((t) => t.id === s.employeeId)!.full_name).join(', ');
      throw conflict(
        `Tidak diturunkan: SKP ${names} sudah disepakati atau sudah memuat hasil kerja ini.`,
        `Not cascaded: the SKP of ${names} is agreed or already holds this result.`,
      );
    }
    const positions = await repo.nextPositions(
      trx,
      receivers.map((r) => planIds.get(r.id)!.id),
    );
    const results = receivers.map((r) => {
      const planId = planIds.get(r.id)!.id;
      return {
        id: ctx.ids.uuid(),
        plan_id: planId,
        parent_id: parent.id,
        cascade_kind: body.kind,
        title: body.title || parent.title,
        perspective: parent.perspective,
        is_main: parent.is_main,
        proposed_by: 'evaluator' as const,
        position: positions.get(planId) ?? 0,
      };
    });
    await repo.insertResults(trx, results);
    await repo.insertIndicators(
      trx,
      results.flatMap((r) => indicatorRows(ctx, r.id, parentIndicators)),
    );
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'skp.result.cascade',
      subjectType: 'skp_result',
      subjectId: parent.id,
      after: { kind: body.kind, to: receivers.map((r) => r.id), skipped: skipped.length, unit: body.unit === true },
    });
    for (const r of receivers)
      await tell(ctx, trx, r.account_id, r.full_name, {
        title: `Hasil kerja baru di SKP ${parent.year}`,
        body: `${me.full_name} menurunkan hasil kerja "${body.title || parent.title}" ke SKP Anda. Periksa indikator dan targetnya, lalu nyatakan persetujuan Anda.`,
        path: '/skp/saya',
      });
    return { cascaded: receivers.length, skipped };
  });
}
