/** Service units and their results: the admin's units and IKM bands, the public questionnaire, the index per period, the desk's QR poster. */
import type { z } from 'zod';
import { msg } from '../../../../common/contracts/messages.ts';
import type { ServiceUnitBody } from '../../../../common/contracts/participation.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { DEFAULT_SLA } from './domain/complaints.ts';
import {
  type Band,
  bandProblems,
  DEFAULT_BANDS,
  DEFAULT_UNSUR,
  ikmFromSums,
  isSurveyPeriod,
  type Unsur,
  unsurProblems,
} from './domain/ikm.ts';
import { actorOf } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';
import { renderSurveyPoster } from './survey-poster.ts';
import { bandsOf, presentUnit, type SurveysContext, unitOrThrow } from './surveys.shared.ts';

/** The admin adds a unit with its unsur (the nine of PermenPANRB 14/2017 by default); its code is unique. */
export async function createUnit(ctx: SurveysContext, actor: Actor, body: z.infer<typeof ServiceUnitBody>) {
  const unsur: Unsur[] = body.unsur ?? DEFAULT_UNSUR.map((u) => ({ ...u }));
  const problems = unsurProblems(unsur);
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', msg(problems[0]!, problems[0]!), {
      fields: problems.map((p) => ({ field: 'unsur', message: msg(p, p) })),
    });
  if (!(await repo.organizationExists(ctx.db, body.organizationId)))
    throw new AppError('VALIDATION_FAILED', msg('Perangkat daerah tidak dikenal.', 'Unknown OPD.'), {
      fields: [{ field: 'organizationId', message: msg('Pilih OPD dari daftar.', 'Choose an OPD from the list.') }],
    });
  await ctx.db.transaction().execute(async (trx) => {
    const made = await repo.insertUnit(trx, {
      id: body.id,
      name: body.name,
      organization_id: body.organizationId,
      desk: body.desk,
      period_kind: body.periodKind,
      unsur: JSON.stringify(unsur),
      population: body.population,
    });
    if (!made)
      throw new AppError('CONFLICT', msg(`Kode unit "${body.id}" sudah dipakai.`, `Unit code "${body.id}" is taken.`));
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'survey.unit.create',
      subjectType: 'service_unit',
      subjectId: body.id,
      after: { ...body, unsur },
    });
  });
  return { id: body.id };
}

/** Every unit with the count of its current period's questionnaires. */
export async function listUnits(ctx: SurveysContext) {
  const rows = await repo.units(ctx.db);
  return Promise.all(
    rows.map(async (u) => {
      const v = presentUnit(ctx, u);
      return { ...v, responses: await repo.responseCount(ctx.db, u.id, v.currentPeriod) };
    }),
  );
}

/** One unit's questionnaire. */
export const getUnit = async (ctx: SurveysContext, id: string) => presentUnit(ctx, await unitOrThrow(ctx, id));

/** The index of a unit for a period (default: the current one), per unsur, with the respondent profile. */
export async function surveyResults(ctx: SurveysContext, unitId: string, period?: string) {
  const { db } = ctx;
  const u = await unitOrThrow(ctx, unitId);
  const view = presentUnit(ctx, u);
  const p = period ?? view.currentPeriod;
  if (!isSurveyPeriod(p, view.periodKind))
    throw new AppError(
      'VALIDATION_FAILED',
      msg(
        `Periode "${p}" bukan periode ${view.periodKind} (contoh: ${view.currentPeriod}).`,
        `"${p}" is not a ${view.periodKind} period (e.g. ${view.currentPeriod}).`,
      ),
      { fields: [{ field: 'period', message: msg('Periode tidak sesuai.', 'Wrong period.') }] },
    );
  const unsur = u.unsur as Unsur[];
  const sumsRows = await repo.scoreSums(db, unitId, p);
  const n = await repo.responseCount(db, unitId, p);
  const sums = unsur.map((_, j) => sumsRows.find((r) => r.pos === j)?.total ?? 0);
  const ikm = ikmFromSums(sums, n, unsur, await bandsOf(ctx));
  const profile = async (column: 'gender' | 'age_band' | 'education' | 'occupation') =>
    (await repo.profile(db, unitId, p, column)).map((r) => ({ value: r.value, count: Number(r.n) }));
  return {
    unit: view,
    period: p,
    periods: [...new Set([view.currentPeriod, ...(await repo.periodsOf(db, unitId))])].sort().reverse(),
    respondents: n,
    sampleNeeded: view.sampleNeeded,
    sampleMet: n >= view.sampleNeeded,
    ikm: ikm.ikm,
    converted: ikm.convertedHundredths === null ? null : ikm.convertedHundredths / 100,
    band: ikm.band ? { grade: ikm.band.grade, label: ikm.band.label } : null,
    unsur: ikm.unsur,
    bands: (await bandsOf(ctx)).map((b) => ({ grade: b.grade, min: b.minHundredths / 100, label: b.label })),
    profile: {
      gender: await profile('gender'),
      ageBand: await profile('age_band'),
      education: await profile('education'),
      occupation: await profile('occupation'),
    },
    updatedAt: ctx.clock.now().toISOString(),
  };
}

/** The desk's A4 QR poster (PDF) that opens the unit's questionnaire. */
export async function surveyPoster(ctx: SurveysContext, unitId: string) {
  const u = await unitOrThrow(ctx, unitId);
  return renderSurveyPoster(
    {
      unitName: u.name,
      organizationName: u.organization_name,
      desk: u.desk,
      url: `${ctx.publicUrl}/survei/${u.id}`,
      unsurCount: (u.unsur as Unsur[]).length,
    },
    { now: ctx.clock.now() },
  );
}

/** The admin sets the IKM bands (A–D); they must cover the scale without gaps. */
export async function saveBands(ctx: SurveysContext, actor: Actor, next: Band[]) {
  const problems = bandProblems(next);
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', msg(problems[0]!, problems[0]!), {
      fields: problems.map((p) => ({ field: 'bands', message: msg(p, p) })),
    });
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.settings(trx);
    const before = (row?.bands as Band[] | undefined) ?? DEFAULT_BANDS;
    await repo.saveSettings(trx, {
      sla: JSON.stringify(row?.sla ?? DEFAULT_SLA),
      bands: JSON.stringify(next),
      updated_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'participation.bands',
      subjectType: 'participation_settings',
      subjectId: 'default',
      before,
      after: next,
    });
  });
  return next;
}
