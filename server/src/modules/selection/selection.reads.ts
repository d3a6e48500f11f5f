/** Named reads other modules may call (the signed-in home's inbox). */
import type { Executor } from '../../db/database.ts';
import { finalNumerator, roundFinalThousandths } from './domain/integration.ts';
import { selectionRepository as repo } from './selection.repository.ts';

/**
 * Result publications waiting for `accountId`'s approval: proposed by another member of a period
 * they sit on (the two-person rule: the proposer never approves their own). `periodId` is set when
 * they all belong to one period, so the home can link straight to it.
 */
export async function publicationsAwaiting(db: Executor, accountId: string) {
  const rows = await repo.proposalsAwaiting(db, accountId);
  const periods = new Set(rows.map((r) => r.period_id));
  return { count: rows.length, periodId: periods.size === 1 ? rows[0]!.period_id : null };
}

/** One application's selection scores as the correlation page reads them (no names, no numbers that identify). */
export interface SelectionScores {
  applicationId: string;
  period: { id: string; code: string; name: string; year: number; type: 'CPNS' | 'PPPK' };
  needType: string;
  jabatan: string;
  /** Null when absent from SKD (TH). */
  skd: { twk: number; tiu: number; tkp: number; total: number } | null;
  /** Weighted SKB in hundredths (0–10000); null when absent or not recorded. */
  skbHundredths: number | null;
  /** The integrated final score in thousandths (40 % SKD, 60 % SKB, as published); null without both. */
  finalThousandths: number | null;
}

/**
 * The SKD, SKB and final scores of these applications with their period and formation: what the
 * professionalism module relates to later performance. The final score is computed by the same
 * integration rule the published final.csv uses (domain/integration.ts), so they agree. With a
 * period, only the applications of that period answer (one period's report reads one cohort).
 */
export async function selectionScoresOf(
  db: Executor,
  applicationIds: readonly string[],
  periodId?: string,
): Promise<SelectionScores[]> {
  if (applicationIds.length === 0) return [];
  const rows = await repo.scoresOfApplications(db, applicationIds, periodId);
  return rows.map((r) => {
    const skd =
      r.twk === null || r.tiu === null || r.tkp === null
        ? null
        : { twk: r.twk, tiu: r.tiu, tkp: r.tkp, total: r.twk + r.tiu + r.tkp };
    return {
      applicationId: r.application_id,
      period: { id: r.period_id, code: r.period_code, name: r.period_name, year: r.period_year, type: r.period_type },
      needType: r.need_type,
      jabatan: r.jabatan,
      skd,
      skbHundredths: r.skb_hundredths,
      finalThousandths:
        skd && r.skb_hundredths !== null ? roundFinalThousandths(finalNumerator(skd.total, r.skb_hundredths)) : null,
    };
  });
}
