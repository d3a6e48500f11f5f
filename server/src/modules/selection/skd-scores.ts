/** SKD scores: imported skd.csv, the CAT's own results, recorded absences, and the ranking preview. */
import { createHash } from 'node:crypto';
import { msg } from '../../../../common/contracts/messages.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { parseSkdCsv } from './domain/csv.ts';
import { idAt, rankFormations, type Formation } from './domain/ranking.ts';
import { selectionRepository as repo } from './selection.repository.ts';
import {
  actorOf,
  asInputProblem,
  conflict,
  formations,
  participants,
  period,
  ruleSet,
  type SelectionContext,
  skdCode,
  unscored,
} from './selection.shared.ts';

/** Imports skd.csv (`participant_no,formation_id,twk,tiu,tkp`) for a period: all rows or none. */
export async function importSkd(ctx: SelectionContext, actor: Actor, periodId: string, data: Buffer) {
  await period(ctx, periodId);
  const fs = (await formations(ctx, periodId)).map(
    (f) => ({ id: f.code, needType: f.needType, quota: f.quota }) as Formation,
  );
  let table;
  try {
    table = parseSkdCsv(new Uint8Array(data), 'skd.csv', fs);
  } catch (err) {
    asInputProblem(err);
  }
  const byNo = new Map((await participants(ctx, periodId)).map((p) => [p.participant_no!, p]));
  const rows: {
    application_id: string;
    period_id: string;
    twk: number | null;
    tiu: number | null;
    tkp: number | null;
    source: 'import';
    recorded_by: string;
    recorded_at: Date;
  }[] = [];
  for (let i = 0; i < table.count; i++) {
    const no = idAt(table.participantNo, i);
    const p = byNo.get(no);
    const code = fs[table.formation[i]!]!.id;
    if (!p)
      throw new AppError(
        'VALIDATION_FAILED',
        msg(
          `skd.csv: peserta ${no} tidak terdaftar di periode ini.`,
          `skd.csv: participant ${no} is not in this period.`,
        ),
      );
    if (p.formation_code !== code)
      throw new AppError(
        'VALIDATION_FAILED',
        msg(
          `skd.csv: peserta ${no} melamar formasi ${p.formation_code}, bukan ${code}.`,
          `skd.csv: participant ${no} applied to ${p.formation_code}, not ${code}.`,
        ),
      );
    const absent = table.twk[i]! < 0;
    rows.push({
      application_id: p.id,
      period_id: periodId,
      twk: absent ? null : table.twk[i]!,
      tiu: absent ? null : table.tiu[i]!,
      tkp: absent ? null : table.tkp[i]!,
      source: 'import' as const,
      recorded_by: actor.accountId,
      recorded_at: ctx.clock.now(),
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await repo.saveImportedSkd(trx, rows.slice(i, i + 500));
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'skd.import',
      subjectType: 'recruitment_period',
      subjectId: periodId,
      after: { rows: rows.length, sha256: createHash('sha256').update(data).digest('hex') },
    });
  });
  return { imported: rows.length };
}

/** Where each recorded score came from, with the CAT session's site and start for the ranking page. */
async function sessionLabels(ctx: SelectionContext, sessionIds: string[]) {
  const rows = await ctx.examSchedule.sessionPlaces(sessionIds);
  return new Map(rows.map((r) => [r.id, { siteName: r.siteName, startsAt: r.startsAt }]));
}

/**
 * The SKD ranking of every formation as it stands now (not yet published), each row with where
 * its score came from, and the participants who still have neither a score nor an absence.
 */
export async function rankingPreview(ctx: SelectionContext, periodId: string) {
  const p = await period(ctx, periodId);
  const fs = await formations(ctx, periodId);
  const ps = await participants(ctx, periodId);
  const ranked = rankFormations(
    await ruleSet(ctx, p.year),
    fs.map((f) => ({ id: f.code, needType: f.needType as Formation['needType'], quota: f.quota })),
    ps.map((q) => ({
      formationId: q.formation_code,
      participantNo: q.participant_no!,
      twk: q.twk,
      tiu: q.tiu,
      tkp: q.tkp,
    })),
  );
  const missing = await unscored(ctx, periodId);
  const labels = await sessionLabels(ctx, [
    ...new Set(
      [...ps.map((q) => q.skd_session_id), ...missing.map((m) => m.session_id)].filter((id): id is string =>
        Boolean(id),
      ),
    ),
  ]);
  const byNo = new Map(ps.map((q) => [q.participant_no!, q]));
  const sourceOf = (q: (typeof ps)[number] | undefined) => {
    if (!q?.skd_source) return null;
    const at = q.skd_session_id ? labels.get(q.skd_session_id) : undefined;
    return {
      kind: q.skd_source,
      sessionId: q.skd_session_id,
      siteName: at?.siteName ?? null,
      startsAt: at?.startsAt ?? null,
    };
  };
  return {
    rows: ranked.map((r) => ({
      ...r,
      code: skdCode(r.status, r.advancesToSkb),
      source: sourceOf(byNo.get(r.participantNo)),
    })),
    missing: missing.map((m) => ({
      applicationId: m.id,
      participantNo: m.participant_no!,
      formationCode: m.formation_code,
      sessionId: m.session_id,
      siteName: m.site_name,
      startsAt: m.starts_at ? new Date(m.starts_at).toISOString() : null,
      examInProgress: m.attempt_status === 'in_progress',
    })),
  };
}

/**
 * The committee records that participants did not sit the SKD (TH), for those with no score yet
 * (e.g. a session that was never run on the CAT); a recorded score is never replaced by this.
 */
export async function recordAbsences(ctx: SelectionContext, actor: Actor, periodId: string, participantNos: string[]) {
  await period(ctx, periodId);
  const wanted = new Set(participantNos);
  const missing = (await unscored(ctx, periodId)).filter((m) => wanted.has(m.participant_no!));
  const unknown = [...wanted].filter((no) => !missing.some((m) => m.participant_no === no));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      msg(
        `Peserta ${unknown.join(', ')} tidak ada di periode ini atau sudah memiliki nilai SKD; muat ulang pratinjau.`,
        `Participants ${unknown.join(', ')} are not in this period or already have an SKD score; reload the preview.`,
      ),
      {
        fields: unknown.map((no) => ({
          field: no,
          message: msg(
            'Sudah memiliki nilai atau bukan peserta periode ini.',
            'Already scored or not a participant of this period.',
          ),
        })),
      },
    );
  }
  if (missing.some((m) => m.attempt_status === 'in_progress')) {
    throw conflict(
      'Ada peserta yang sedang mengerjakan ujian; ketidakhadiran tidak dapat dicatat untuknya.',
      'A participant is taking the exam right now; they cannot be recorded absent.',
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (missing.length > 0) {
      await repo.addSkdIfNone(
        trx,
        missing.map((m) => ({
          application_id: m.id,
          period_id: periodId,
          twk: null,
          tiu: null,
          tkp: null,
          source: 'absence' as const,
          session_id: null,
          recorded_by: actor.accountId,
          recorded_at: ctx.clock.now(),
        })),
      );
    }
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'skd.record_absence',
      subjectType: 'recruitment_period',
      subjectId: periodId,
      after: { participants: missing.map((m) => m.participant_no) },
    });
  });
  return { recorded: missing.length };
}

/**
 * SKD results from the CAT, in the exam's own transaction (submit, sweep, session close): a
 * submitted attempt's scores replace whatever was recorded; an absence seen by the session
 * (`scores` null) never replaces a recorded score or an import.
 */
export async function recordSkdFromCat(
  ctx: SelectionContext,
  trx: Executor,
  rows: {
    applicationId: string;
    periodId: string;
    sessionId: string;
    scores: { twk: number; tiu: number; tkp: number } | null;
  }[],
) {
  const values = (scored: boolean) =>
    rows
      .filter((r) => (r.scores !== null) === scored)
      .map((r) => ({
        application_id: r.applicationId,
        period_id: r.periodId,
        session_id: r.sessionId,
        twk: r.scores?.twk ?? null,
        tiu: r.scores?.tiu ?? null,
        tkp: r.scores?.tkp ?? null,
        source: 'cat' as const,
        recorded_by: null,
        recorded_at: ctx.clock.now(),
      }));
  const scored = values(true);
  const absent = values(false);
  if (scored.length > 0) await repo.saveCatSkd(trx, scored);
  if (absent.length > 0) await repo.addSkdIfNone(trx, absent);
}
