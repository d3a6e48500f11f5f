/** Formations of a period: one by form, a whole sheet imported or exported, and the public catalog. */
import type { z } from 'zod';
import type { CatalogQuery, FormationBody } from '../../../../common/contracts/recruitment.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { fieldError } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { actorOf } from './application-workflow.ts';
import { parseFormationSheet, writeFormationSheet } from './formation-sheet.ts';
import { insertFormation, periodOrThrow, presentFormation, type RecruitmentContext } from './recruitment.shared.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

type Ctx = Pick<RecruitmentContext, 'db' | 'ids' | 'audit'>;

/** Adds one formation; its code is unique in the period and its OPD must exist. */
export async function createFormation(ctx: Ctx, actor: Actor, periodId: string, body: z.infer<typeof FormationBody>) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    await periodOrThrow(trx, periodId);
    if ((await repo.formationCodes(trx, periodId)).has(body.code))
      throw fieldError(
        'code',
        msg('Kode formasi sudah ada di periode ini.', 'Formation code already exists in this period.'),
      );
    if (!(await repo.organizationExists(trx, body.organizationId))) {
      throw fieldError('organizationId', msg('OPD tidak dikenal.', 'Unknown organisation.'));
    }
    const fid = await insertFormation(ctx, trx, periodId, body);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'formation.create',
      subjectType: 'formation',
      subjectId: fid,
      after: body,
    });
    return fid;
  });
  return presentFormation((await repo.formation(ctx.db, id))!);
}

/** Imports a whole sheet or nothing: the committee fixes the reported rows and tries again. */
export async function importFormations(ctx: Ctx, actor: Actor, periodId: string, data: Buffer, format: 'xlsx' | 'csv') {
  await periodOrThrow(ctx.db, periodId);
  const organizationIds = await repo.organizationIds(ctx.db);
  const parsed = await parseFormationSheet(data, format, {
    organizationIds,
    existingCodes: await repo.formationCodes(ctx.db, periodId),
  });
  if (!parsed.ok) return { imported: 0, report: parsed.report };
  await ctx.db.transaction().execute(async (trx) => {
    for (const row of parsed.rows) await insertFormation(ctx, trx, periodId, row);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'formation.import',
      subjectType: 'recruitment_period',
      subjectId: periodId,
      after: { count: parsed.rows.length, codes: parsed.rows.map((r) => r.code) },
    });
  });
  return { imported: parsed.rows.length, report: parsed.report };
}

/** A period's formations as a sheet in the import's own format, so an export re-imports. */
export async function exportFormations(ctx: Pick<RecruitmentContext, 'db'>, periodId: string, format: 'xlsx' | 'csv') {
  await periodOrThrow(ctx.db, periodId);
  const rows = await repo.periodFormations(ctx.db, periodId);
  return writeFormationSheet(
    rows.map((f) => ({
      code: f.code,
      organizationId: f.organization_id,
      jabatan: f.jabatan,
      educationLevels: f.education_levels,
      majors: f.majors,
      needType: f.need_type,
      quota: f.quota,
      placement: f.placement,
    })),
    format,
  );
}

/** One page of the public catalog with each formation's applicant count. */
export async function catalog(ctx: Pick<RecruitmentContext, 'db'>, query: z.infer<typeof CatalogQuery>) {
  const { total, rows } = await repo.catalog(ctx.db, {
    ...query,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { total, page: query.page, pageSize: query.pageSize, formations: rows.map(presentFormation) };
}
