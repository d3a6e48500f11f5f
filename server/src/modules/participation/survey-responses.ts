/** Answering a questionnaire: one per respondent per unit and period, stored in batches at a desk's rush hour. */
import { createHmac } from 'node:crypto';
import type { z } from 'zod';
import { msg } from '../../../../common/contracts/messages.ts';
import type { SurveyBody } from '../../../../common/contracts/participation.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { batched } from '../../db/batched.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { type PeriodKind, surveyPeriodOf, type Unsur } from './domain/ikm.ts';
import { HOUR, PUBLIC_ACTOR } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';
import { type PendingResponse, type SurveysContext, unitOrThrow } from './surveys.shared.ts';

/** The digest that makes "one respondent, one questionnaire per period" checkable without keeping who. */
const respondentDigest = (key: string, unitId: string, ref: string) =>
  createHmac('sha256', key).update(`${unitId}:${ref}`).digest('base64url');

type StoreCtx = Omit<SurveysContext, 'store' | 'unitCache'>;
type Outcomes = Map<PendingResponse, AppError | true>;

/** Refuses the batch's questionnaires over the per-network limit or with a replayed challenge; returns the rest. */
async function admitBatch(ctx: StoreCtx, trx: Executor, batch: readonly PendingResponse[], now: Date, out: Outcomes) {
  const refused = await repo.reserveThrottles(
    trx,
    batch.map((p) => `survey:ip:${p.source}`),
    ctx.limits.perSourcePerHour,
    new Date(now.getTime() - HOUR),
    now,
  );
  const passed = batch.filter((p, i) => {
    if (refused[i])
      out.set(
        p,
        new AppError(
          'TOO_MANY_REQUESTS',
          msg(
            'Terlalu banyak kiriman dari jaringan ini. Coba lagi nanti.',
            'Too many submissions from this network. Try again later.',
          ),
          { retryAfterSeconds: 3600 },
        ),
      );
    return !refused[i];
  });
  const fresh = await repo.spendChallenges(
    trx,
    passed.flatMap((p) => (p.spent ? [p.spent] : [])),
  );
  const unspent = passed.filter((p) => {
    const ok = !p.spent || fresh.has(p.spent.nonce);
    if (!ok)
      out.set(
        p,
        new AppError(
          'VALIDATION_FAILED',
          msg(
            'Pemeriksaan anti-spam ini sudah dipakai. Muat ulang halaman lalu kirim lagi.',
            'This anti-spam check was already used. Reload the page and send again.',
          ),
          { fields: [{ field: 'challenge', message: msg('Muat ulang halaman.', 'Reload the page.') }] },
        ),
      );
    return ok;
  });
  return unspent;
}

/** Stores the admitted questionnaires; one already answered this period by the same respondent is refused. */
async function insertAdmitted(
  trx: Executor,
  respondentKey: string,
  unspent: readonly PendingResponse[],
  out: Outcomes,
) {
  const storedIds = await repo.insertResponses(
    trx,
    unspent.map((p) => ({
      id: p.id,
      unit_id: p.unitId,
      period: p.period,
      respondent_key: respondentDigest(respondentKey, p.unitId, p.ref),
      scores: JSON.stringify(p.body.scores),
      gender: p.body.gender,
      age_band: p.body.ageBand,
      education: p.body.education,
      occupation: p.body.occupation,
      suggestion: p.body.suggestion,
      created_at: p.now,
    })),
  );
  for (const p of unspent) {
    if (!storedIds.has(p.id))
      out.set(
        p,
        new AppError(
          'CONFLICT',
          msg(
            `Anda sudah mengisi survei ${p.unitName} untuk periode ${p.period}. Terima kasih!`,
            `You already answered the ${p.unitName} survey for period ${p.period}. Thank you!`,
          ),
        ),
      );
    else out.set(p, true);
  }
}

/** Stored questionnaires and refused ones (limit, replayed challenge, a second answer) are all logged. */
async function auditOutcomes(ctx: StoreCtx, trx: Executor, batch: readonly PendingResponse[], out: Outcomes) {
  await ctx.audit.recordMany(
    trx,
    batch.map((p) => {
      const o = out.get(p);
      const actorOfP = p.actor ? { id: p.actor.accountId, role: p.actor.role } : PUBLIC_ACTOR;
      return o === true
        ? {
            actor: actorOfP,
            action: 'survey.respond',
            subjectType: 'service_unit',
            subjectId: p.unitId,
            after: { period: p.period },
          }
        : {
            actor: actorOfP,
            action: 'survey.refused',
            subjectType: 'service_unit',
            subjectId: p.unitId,
            after: { period: p.period, reason: o instanceof AppError ? o.code : 'unknown' },
          };
    }),
  );
}

/**
 * Questionnaires that arrive together are stored in one transaction with one audit append
 * (db/batched.ts): at a desk's rush hour each would otherwise queue for the audit chain's lock
 * and its own commit. Each keeps its own outcome; a refusal (limit, replayed challenge, second
 * questionnaire) refuses only that one — its limit count and spent challenge stay, as for any
 * refused attempt. Built once per service (the batch queue is per instance).
 */
export function createResponseStore(ctx: StoreCtx) {
  const { db, clock } = ctx;
  return batched<PendingResponse, AppError | true>(
    async (batch) => {
      const out: Outcomes = new Map();
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const unspent = await admitBatch(ctx, trx, batch, now, out);
        await insertAdmitted(trx, ctx.respondentKey, unspent, out);
        await auditOutcomes(ctx, trx, batch, out);
      });
      return out;
    },
    { oneAtATime: true, maxBatchSize: 200 },
  );
}

/** The questionnaire's unit (its unsur, period kind), read at most once a minute per instance: a desk's QR sends every respondent to the same few units. */
async function unitForAnswer(ctx: SurveysContext, id: string) {
  const now = ctx.clock.now().getTime();
  const hit = ctx.unitCache.get(id);
  if (hit && now - hit.at <= 60_000 && now >= hit.at) return hit.unit;
  const unit = await unitOrThrow(ctx, id);
  ctx.unitCache.set(id, { at: now, unit });
  return unit;
}

/** Stores one questionnaire for the current period; a second one from the same respondent is refused. */
export async function respondToSurvey(
  ctx: SurveysContext,
  actor: Actor | null,
  unitId: string,
  body: z.infer<typeof SurveyBody>,
  source: string,
) {
  const u = await unitForAnswer(ctx, unitId);
  if (!u.active)
    throw new AppError('CONFLICT', msg('Survei unit ini sedang ditutup.', 'This unit’s survey is closed.'));
  const unsur = u.unsur as Unsur[];
  if (body.scores.length !== unsur.length)
    throw new AppError(
      'VALIDATION_FAILED',
      msg(`Jawab semua ${unsur.length} pertanyaan (nilai 1–4).`, `Answer all ${unsur.length} questions (1–4).`),
      {
        fields: [
          { field: 'scores', message: msg('Ada pertanyaan yang belum dijawab.', 'Some questions are unanswered.') },
        ],
      },
    );
  const spent = actor ? null : ctx.challenges.check('survey', body.challenge);
  const ref = actor
    ? `account:${actor.accountId}`
    : body.respondentRef
      ? `ref:${body.respondentRef.toUpperCase().replace(/[^0-9A-Z]/g, '')}`
      : null;
  if (!ref || ref === 'ref:')
    throw new AppError(
      'VALIDATION_FAILED',
      msg(
        'Tuliskan nomor tiket/antrean layanan atau nomor HP Anda: satu orang mengisi sekali per periode. Nomor itu tidak disimpan.',
        'Enter your service ticket or phone number: one questionnaire per person per period. The number is not stored.',
      ),
      {
        fields: [
          {
            field: 'respondentRef',
            message: msg('Nomor tiket atau HP wajib diisi.', 'A ticket or phone number is required.'),
          },
        ],
      },
    );
  const now = ctx.clock.now();
  const period = surveyPeriodOf(localDate(now), u.period_kind as PeriodKind);
  const id = ctx.ids.uuid();
  const outcome = await ctx.store({ id, actor, unitId, unitName: u.name, period, ref, spent, body, source, now });
  if (outcome instanceof AppError) throw outcome;
  return { id, period };
}
