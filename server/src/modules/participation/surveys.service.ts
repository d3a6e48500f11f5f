/**
 * Community satisfaction surveys (SKM, PermenPANRB 14/2017, RULES.md §5.2): service units with
 * their unsur (the nine by default, or their own weighted ones) and survey period (triwulan,
 * semester, tahunan); one questionnaire per respondent per period — a signed-in account, or the
 * service ticket/phone number they type, kept only as a keyed digest; the index per unit and
 * period with its band, the Krejcie–Morgan sample the unit needs, and a QR poster per desk.
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { msg } from '../../../../common/contracts/messages.ts';
import type { ServiceUnitBody, SurveyBody } from '../../../../common/contracts/participation.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { batched } from '../../db/batched.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import type { Actor } from '../identity/index.ts';
import type { AuditActor, AuditService } from '../transparency/index.ts';
import type { Challenges } from './challenge.ts';
import { type Band, bandProblems, DEFAULT_BANDS, DEFAULT_UNSUR, ikmFromSums, isSurveyPeriod, krejcieMorganSample, type PeriodKind, surveyPeriodOf, type Unsur, unsurProblems } from './domain/ikm.ts';
import { DEFAULT_SLA } from './domain/complaints.ts';
import { participationRepository as repo } from './participation.repository.ts';
import { renderSurveyPoster } from './survey-poster.ts';

export interface SurveyLimits {
  /** Questionnaires per source address per hour (a desk's kiosk or a shared network sends many). */
  perSourcePerHour: number;
}
export const DEFAULT_SURVEY_LIMITS: SurveyLimits = { perSourcePerHour: 300 };

export interface SurveyDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  challenges: Challenges;
  /** Keys the respondent digests (derived from SESSION_SECRET: the same on every instance). */
  respondentKey: string;
  publicUrl: string;
  limits?: Partial<SurveyLimits>;
}

const HOUR = 3_600_000;
const PUBLIC_ACTOR: AuditActor = { id: null, role: 'public' };

export function createSurveysService(deps: SurveyDeps) {
  const { db, clock, ids, audit, challenges } = deps;
  const limits: SurveyLimits = { ...DEFAULT_SURVEY_LIMITS, ...deps.limits };

  async function bands(ex: Kysely<DB> = db): Promise<readonly Band[]> {
    return ((await repo.settings(ex))?.bands as Band[] | undefined) ?? DEFAULT_BANDS;
  }

  const present = (u: NonNullable<Awaited<ReturnType<typeof repo.unit>>>) => {
    const unsur = u.unsur as Unsur[];
    const currentPeriod = surveyPeriodOf(localDate(clock.now()), u.period_kind as PeriodKind);
    return {
      id: u.id, name: u.name, organization: { id: u.organization_id, name: u.organization_name }, desk: u.desk, periodKind: u.period_kind as PeriodKind,
      unsur: unsur.map((x) => ({ code: x.code, label: x.label, weight: x.weight })), population: u.population, sampleNeeded: krejcieMorganSample(u.population), currentPeriod, active: u.active,
    };
  };

  async function unitOrThrow(id: string) {
    const u = await repo.unit(db, id);
    if (!u) throw new AppError('NOT_FOUND', msg('Unit layanan tidak ditemukan.', 'Service unit not found.'));
    return u;
  }

  // The questionnaire's unit (its unsur, period kind) is read at most once a minute per instance:
  // a desk's QR sends every respondent to the same few units.
  const unitCache = new Map<string, { at: number; unit: Awaited<ReturnType<typeof unitOrThrow>> }>();
  async function unitForAnswer(id: string) {
    const now = clock.now().getTime();
    const hit = unitCache.get(id);
    if (hit && now - hit.at <= 60_000 && now >= hit.at) return hit.unit;
    const unit = await unitOrThrow(id);
    unitCache.set(id, { at: now, unit });
    return unit;
  }

  /** The digest that makes "one respondent, one questionnaire per period" checkable without keeping who. */
  const respondentDigest = (unitId: string, ref: string) => createHmac('sha256', deps.respondentKey).update(`${unitId}:${ref}`).digest('base64url');

  interface Pending {
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
  /**
   * Questionnaires that arrive together are stored in one transaction with one audit append
   * (db/batched.ts): at a desk's rush hour each would otherwise queue for the audit chain's lock
   * and its own commit. Each keeps its own outcome; a refusal (limit, replayed challenge, second
   * questionnaire) refuses only that one — its limit count and spent challenge stay, as for any
   * refused attempt.
   */
  const store = batched<Pending, AppError | true>(async (batch) => {
    const out = new Map<Pending, AppError | true>();
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const refused = await repo.reserveThrottles(trx, batch.map((p) => `survey:ip:${p.source}`), limits.perSourcePerHour, new Date(now.getTime() - HOUR), now);
      const passed = batch.filter((p, i) => {
        if (refused[i]) out.set(p, new AppError('TOO_MANY_REQUESTS', msg('Terlalu banyak kiriman dari jaringan ini. Coba lagi nanti.', 'Too many submissions from this network. Try again later.'), { retryAfterSeconds: 3600 }));
        return !refused[i];
      });
      const fresh = await repo.spendChallenges(trx, passed.flatMap((p) => (p.spent ? [p.spent] : [])));
      const unspent = passed.filter((p) => {
        const ok = !p.spent || fresh.has(p.spent.nonce);
        if (!ok) out.set(p, new AppError('VALIDATION_FAILED', msg('Pemeriksaan anti-spam ini sudah dipakai. Muat ulang halaman lalu kirim lagi.', 'This anti-spam check was already used. Reload the page and send again.'), { fields: [{ field: 'challenge', message: msg('Muat ulang halaman.', 'Reload the page.') }] }));
        return ok;
      });
      const storedIds = await repo.insertResponses(trx, unspent.map((p) => ({ id: p.id, unit_id: p.unitId, period: p.period, respondent_key: respondentDigest(p.unitId, p.ref), scores: JSON.stringify(p.body.scores), gender: p.body.gender, age_band: p.body.ageBand, education: p.body.education, occupation: p.body.occupation, suggestion: p.body.suggestion, created_at: p.now })));
      for (const p of unspent) {
        if (!storedIds.has(p.id)) out.set(p, new AppError('CONFLICT', msg(`Anda sudah mengisi survei ${p.unitName} untuk periode ${p.period}. Terima kasih!`, `You already answered the ${p.unitName} survey for period ${p.period}. Thank you!`)));
        else out.set(p, true);
      }
      // Stored questionnaires and refused ones (limit, replayed challenge, a second answer) are all logged.
      await audit.recordMany(trx, batch.map((p) => {
        const o = out.get(p);
        const actorOfP = p.actor ? { id: p.actor.accountId, role: p.actor.role } : PUBLIC_ACTOR;
        return o === true
          ? { actor: actorOfP, action: 'survey.respond', subjectType: 'service_unit', subjectId: p.unitId, after: { period: p.period } }
          : { actor: actorOfP, action: 'survey.refused', subjectType: 'service_unit', subjectId: p.unitId, after: { period: p.period, reason: o instanceof AppError ? o.code : 'unknown' } };
      }));
    });
    return out;
  }, { oneAtATime: true, maxBatchSize: 200 });

  return {
    limits,
    challenge: () => challenges.issue('survey'),

    async createUnit(actor: Actor, body: z.infer<typeof ServiceUnitBody>) {
      const unsur: Unsur[] = body.unsur ?? DEFAULT_UNSUR.map((u) => ({ ...u }));
      const problems = unsurProblems(unsur);
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', msg(problems[0]!, problems[0]!), { fields: problems.map((p) => ({ field: 'unsur', message: msg(p, p) })) });
      if (!(await repo.organizationExists(db, body.organizationId))) throw new AppError('VALIDATION_FAILED', msg('Perangkat daerah tidak dikenal.', 'Unknown OPD.'), { fields: [{ field: 'organizationId', message: msg('Pilih OPD dari daftar.', 'Choose an OPD from the list.') }] });
      await db.transaction().execute(async (trx) => {
        const made = await repo.insertUnit(trx, { id: body.id, name: body.name, organization_id: body.organizationId, desk: body.desk, period_kind: body.periodKind, unsur: JSON.stringify(unsur), population: body.population });
        if (!made) throw new AppError('CONFLICT', msg(`Kode unit "${body.id}" sudah dipakai.`, `Unit code "${body.id}" is taken.`));
        await audit.record(trx, { actor: { id: actor.accountId, role: actor.role }, action: 'survey.unit.create', subjectType: 'service_unit', subjectId: body.id, after: { ...body, unsur } });
      });
      return { id: body.id };
    },

    async units() {
      const rows = await repo.units(db);
      return Promise.all(rows.map(async (u) => {
        const v = present(u);
        return { ...v, responses: await repo.responseCount(db, u.id, v.currentPeriod) };
      }));
    },

    unit: async (id: string) => present(await unitOrThrow(id)),

    /** Stores one questionnaire for the current period; a second one from the same respondent is refused. */
    async respond(actor: Actor | null, unitId: string, body: z.infer<typeof SurveyBody>, source: string) {
      const u = await unitForAnswer(unitId);
      if (!u.active) throw new AppError('CONFLICT', msg('Survei unit ini sedang ditutup.', 'This unit’s survey is closed.'));
      const unsur = u.unsur as Unsur[];
      if (body.scores.length !== unsur.length) throw new AppError('VALIDATION_FAILED', msg(`Jawab semua ${unsur.length} pertanyaan (nilai 1–4).`, `Answer all ${unsur.length} questions (1–4).`), { fields: [{ field: 'scores', message: msg('Ada pertanyaan yang belum dijawab.', 'Some questions are unanswered.') }] });
      const spent = actor ? null : challenges.check('survey', body.challenge);
      const ref = actor ? `account:${actor.accountId}` : body.respondentRef ? `ref:${body.respondentRef.toUpperCase().replace(/[^0-9A-Z]/g, '')}` : null;
      if (!ref || ref === 'ref:') throw new AppError('VALIDATION_FAILED', msg('Tuliskan nomor tiket/antrean layanan atau nomor HP Anda: satu orang mengisi sekali per periode. Nomor itu tidak disimpan.', 'Enter your service ticket or phone number: one questionnaire per person per period. The number is not stored.'), { fields: [{ field: 'respondentRef', message: msg('Nomor tiket atau HP wajib diisi.', 'A ticket or phone number is required.') }] });
      const now = clock.now();
      const period = surveyPeriodOf(localDate(now), u.period_kind as PeriodKind);
      const id = ids.uuid();
      const outcome = await store({ id, actor, unitId, unitName: u.name, period, ref, spent, body, source, now });
      if (outcome instanceof AppError) throw outcome;
      return { id, period };
    },

    /** The index of a unit for a period (default: the current one), per unsur, with the respondent profile. */
    async results(unitId: string, period?: string) {
      const u = await unitOrThrow(unitId);
      const view = present(u);
      const p = period ?? view.currentPeriod;
      if (!isSurveyPeriod(p, view.periodKind)) throw new AppError('VALIDATION_FAILED', msg(`Periode "${p}" bukan periode ${view.periodKind} (contoh: ${view.currentPeriod}).`, `"${p}" is not a ${view.periodKind} period (e.g. ${view.currentPeriod}).`), { fields: [{ field: 'period', message: msg('Periode tidak sesuai.', 'Wrong period.') }] });
      const unsur = u.unsur as Unsur[];
      const sumsRows = await repo.scoreSums(db, unitId, p);
      const n = await repo.responseCount(db, unitId, p);
      const sums = unsur.map((_, j) => sumsRows.find((r) => r.pos === j)?.total ?? 0);
      const ikm = ikmFromSums(sums, n, unsur, await bands());
      const profile = async (column: 'gender' | 'age_band' | 'education' | 'occupation') => (await repo.profile(db, unitId, p, column)).map((r) => ({ value: r.value, count: Number(r.n) }));
      return {
        unit: view, period: p, periods: [...new Set([view.currentPeriod, ...(await repo.periodsOf(db, unitId))])].sort().reverse(),
        respondents: n, sampleNeeded: view.sampleNeeded, sampleMet: n >= view.sampleNeeded,
        ikm: ikm.ikm, converted: ikm.convertedHundredths === null ? null : ikm.convertedHundredths / 100, band: ikm.band ? { grade: ikm.band.grade, label: ikm.band.label } : null,
        unsur: ikm.unsur,
        bands: (await bands()).map((b) => ({ grade: b.grade, min: b.minHundredths / 100, label: b.label })),
        profile: { gender: await profile('gender'), ageBand: await profile('age_band'), education: await profile('education'), occupation: await profile('occupation') },
        updatedAt: clock.now().toISOString(),
      };
    },

    async poster(unitId: string) {
      const u = await unitOrThrow(unitId);
      return renderSurveyPoster({ unitName: u.name, organizationName: u.organization_name, desk: u.desk, url: `${deps.publicUrl}/survei/${u.id}`, unsurCount: (u.unsur as Unsur[]).length }, { now: clock.now() });
    },

    async saveBands(actor: Actor, next: Band[]) {
      const problems = bandProblems(next);
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', msg(problems[0]!, problems[0]!), { fields: problems.map((p) => ({ field: 'bands', message: msg(p, p) })) });
      await db.transaction().execute(async (trx) => {
        const row = await repo.settings(trx);
        const before = (row?.bands as Band[] | undefined) ?? DEFAULT_BANDS;
        await repo.saveSettings(trx, { sla: JSON.stringify(row?.sla ?? DEFAULT_SLA), bands: JSON.stringify(next), updated_at: clock.now() });
        await audit.record(trx, { actor: { id: actor.accountId, role: actor.role }, action: 'participation.bands', subjectType: 'participation_settings', subjectId: 'default', before, after: next });
      });
      return next;
    },
  };
}

export type SurveysService = ReturnType<typeof createSurveysService>;
