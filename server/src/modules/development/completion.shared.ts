/** What the completion use-cases share: their context, the QR's open hours, the programme's rule, a batch's progress, the cached meeting, the certificate link. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { completionRepository as repo } from './completion.repository.ts';
import type { DevelopmentContext } from './development.shared.ts';
import { attendancePercent, type CompletionRule, completionProblems, testGain } from './domain/completion.ts';

export type CompletionContext = Pick<
  DevelopmentContext,
  | 'db'
  | 'clock'
  | 'ids'
  | 'audit'
  | 'steps'
  | 'notifier'
  | 'publicUrl'
  | 'attendanceSecret'
  | 'certificateLinks'
  | 'meetingCache'
> & {
  identity: Pick<DevelopmentContext['identity'], 'emailsOfAccounts'>;
};

/** Offline scans are taken up to a week after they were made; a scan "from the future" is refused. */
export const OFFLINE_MAX_MS = 7 * 86_400_000;
/** How far ahead of the server's clock a phone's scan time may be. */
export const CLOCK_SKEW_MS = 2 * 60_000;

/** The facilitator's QR is shown from an hour before a meeting to an hour after it (the home says so too). */
export const qrOpen = (now: Date, m: { starts_at: Date | string; ends_at: Date | string }) =>
  now.getTime() >= new Date(m.starts_at).getTime() - 3_600_000 &&
  now.getTime() <= new Date(m.ends_at).getTime() + 3_600_000;

/** A programme row's completion rule. */
export const ruleOf = (p: {
  min_attendance_pct: number;
  post_test_pass: number | null;
  assignment_required: boolean;
}): CompletionRule => ({
  minAttendancePct: p.min_attendance_pct,
  postTestPass: p.post_test_pass,
  assignmentRequired: p.assignment_required,
});

/** The public check's address for a certificate, signed so an id alone opens nothing. */
export const verifyUrl = (ctx: Pick<CompletionContext, 'publicUrl' | 'certificateLinks'>, id: string) =>
  `${ctx.publicUrl}/sertifikat/${id}?s=${ctx.certificateLinks.sign(id)}`;

/** A meeting's row, read once per process (it is never edited once made); the cache is bounded. */
export async function meetingOf(ctx: Pick<CompletionContext, 'db' | 'meetingCache'>, id: string) {
  const hit = ctx.meetingCache.get(id);
  if (hit) return hit;
  const m = await repo.meeting(ctx.db, id);
  if (m) {
    if (ctx.meetingCache.size >= 1000) ctx.meetingCache.clear();
    ctx.meetingCache.set(id, m);
  }
  return m;
}

/** Each enrolment's completion state in a batch: attendance, scores, gain, what is missing. */
export async function progress(ex: Kysely<DB>, batchId: string) {
  const rule = await repo.completionRule(ex, batchId);
  const facts = await repo.facts(ex, batchId);
  const meetings = await repo.meetingCount(ex, batchId);
  const r = ruleOf(rule);
  return {
    rule: r,
    meetings,
    byEnrollment: new Map(
      facts.map((f) => {
        const attended = Number(f.attended ?? 0);
        const problems = completionProblems(r, {
          attended,
          meetings,
          postTestScore: f.post_test_score,
          assignmentDone: f.assignment_done,
        });
        return [
          f.id,
          {
            status: f.status,
            attended,
            attendancePct: attendancePercent(attended, meetings),
            preTest: f.pre_test_score,
            postTest: f.post_test_score,
            gain: testGain(f.pre_test_score, f.post_test_score),
            assignmentDone: f.assignment_done,
            problems,
          },
        ];
      }),
    ),
  };
}
