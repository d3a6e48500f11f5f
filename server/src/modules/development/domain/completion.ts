/**
 * Completion of a training (RULES.md §3): each programme sets what completing it takes — a share
 * of the batch's meetings attended, a post-test pass score, the assignment — and only a participant
 * who meets all of it is "selesai" and may get a certificate. Also the pre/post-test gain and the
 * certificate number. Pure: the caller brings the facts.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { localDate } from '../../../../../common/rules/calendar.ts';
import { formatCalendarDate, formatWitaDateTime } from '../../../../../common/rules/wita.ts';

export interface CompletionRule {
  /** Share of the batch's meetings attended, whole percent (0 = attendance is not counted). */
  minAttendancePct: number;
  /** Lowest passing post-test score (0–100); null = no post-test. */
  postTestPass: number | null;
  assignmentRequired: boolean;
}

export interface CompletionFacts {
  /** Meetings of the batch the participant attended. */
  attended: number;
  /** Meetings the batch has. */
  meetings: number;
  postTestScore: number | null;
  assignmentDone: boolean;
}

/** Attendance in whole percent, rounded down (null when the batch has no meetings yet). */
export const attendancePercent = (attended: number, meetings: number): number | null =>
  meetings === 0 ? null : Math.floor((Math.min(attended, meetings) * 100) / meetings);

/** Why a participant has not completed (empty = completed); each reason says what is missing. */
export function completionProblems(rule: CompletionRule, f: CompletionFacts): Msg[] {
  const problems: Msg[] = [];
  if (rule.minAttendancePct > 0) {
    const pct = attendancePercent(f.attended, f.meetings);
    if (pct === null)
      problems.push(
        msg(
          'Angkatan ini belum punya pertemuan, jadi kehadiran belum dapat dihitung.',
          'This batch has no meetings yet, so attendance cannot be counted.',
        ),
      );
    else if (pct < rule.minAttendancePct)
      problems.push(
        msg(
          `Kehadiran ${pct} % (${f.attended} dari ${f.meetings} pertemuan), kurang dari syarat ${rule.minAttendancePct} %.`,
          `Attendance ${pct} % (${f.attended} of ${f.meetings} meetings), below the required ${rule.minAttendancePct} %.`,
        ),
      );
  }
  if (rule.postTestPass !== null) {
    if (f.postTestScore === null) problems.push(msg('Nilai post-test belum diisi.', 'No post-test score yet.'));
    else if (f.postTestScore < rule.postTestPass)
      problems.push(
        msg(
          `Nilai post-test ${f.postTestScore} di bawah batas lulus ${rule.postTestPass}.`,
          `Post-test score ${f.postTestScore} is below the pass mark ${rule.postTestPass}.`,
        ),
      );
  }
  if (rule.assignmentRequired && !f.assignmentDone)
    problems.push(msg('Tugas (aktualisasi/proyek) belum dinyatakan selesai.', 'The assignment is not marked as done.'));
  return problems;
}

/**
 * The year a completion counts for: the Palu (WITA) calendar year of the moment it was recorded
 * (the certificate's issue), not the batch's end date — a Latsar ending next March, completed on
 * 7 December, books its JP to this year (PP 17/2020 Pasal 203(4): 20 JP per calendar year).
 */
export const completionYear = (completedAt: Date): number => Number(localDate(completedAt).slice(0, 4));

export interface BatchSchedule {
  /** The batch's last day (`YYYY-MM-DD`, Palu). */
  endsOn: string;
  /** The batch's meetings with when each ends. */
  meetings: readonly { seq: number; title: string; endsAt: Date }[];
}

/**
 * Why a batch is not over yet (empty = over): a training is finished once its last meeting has
 * been held or its end date (Palu) has come. Completion and certificates wait for it, so a
 * three-month Latsar is not passed on its first day.
 */
export function batchNotOverProblems(s: BatchSchedule, now: Date): Msg[] {
  if (localDate(now) >= s.endsOn) return [];
  const last = [...s.meetings].sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime()).at(-1);
  if (last && now.getTime() >= last.endsAt.getTime()) return [];
  const ends = { id: formatCalendarDate(s.endsOn, 'id'), en: formatCalendarDate(s.endsOn, 'en') };
  if (!last)
    return [
      msg(
        `Angkatan belum selesai: berakhir ${ends.id} dan belum ada pertemuan yang dijadwalkan.`,
        `The batch has not finished: it ends on ${ends.en} and has no meetings scheduled.`,
      ),
    ];
  return [
    msg(
      `Angkatan belum selesai: pertemuan terakhir (ke-${last.seq}, ${last.title}) berakhir ${formatWitaDateTime(last.endsAt, 'id')} dan angkatan berakhir ${ends.id}.`,
      `The batch has not finished: its last meeting (no. ${last.seq}, ${last.title}) ends ${formatWitaDateTime(last.endsAt, 'en')} and the batch ends on ${ends.en}.`,
    ),
  ];
}

/** What stands between a participant and their certificate: the batch not over, then the programme's rule. */
export const certificateProblems = (rule: CompletionRule, f: CompletionFacts, s: BatchSchedule, now: Date): Msg[] => [
  ...batchNotOverProblems(s, now),
  ...completionProblems(rule, f),
];

/** Gain from pre-test to post-test (null unless both are in). */
export const testGain = (pre: number | null, post: number | null): number | null =>
  pre === null || post === null ? null : post - pre;

/** A batch's mean pre, post and gain over the participants who have both scores, one decimal. */
export function batchGain(rows: readonly { pre: number | null; post: number | null }[]): {
  count: number;
  pre: number | null;
  post: number | null;
  gain: number | null;
} {
  const both = rows.filter((r) => r.pre !== null && r.post !== null) as { pre: number; post: number }[];
  if (both.length === 0) return { count: 0, pre: null, post: null, gain: null };
  const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
  const pre = mean(both.map((r) => r.pre));
  const post = mean(both.map((r) => r.post));
  return { count: both.length, pre, post, gain: Math.round((post - pre) * 10) / 10 };
}

/** "0007/LATSAR-2026/BKPSDM-PLU/2026": the running number within the programme and year. */
export const certificateNumber = (programCode: string, year: number, seq: number) =>
  `${String(seq).padStart(4, '0')}/${programCode.toUpperCase()}/BKPSDM-PLU/${year}`;

export const FEEDBACK_ASPECTS = ['facilitator', 'material', 'venue', 'usefulness'] as const;
export type FeedbackAspect = (typeof FEEDBACK_ASPECTS)[number];

/** Per aspect: the mean (two decimals) and how many gave each score 1–5. */
export function feedbackSummary(rows: readonly Record<FeedbackAspect, number>[]) {
  return FEEDBACK_ASPECTS.map((aspect) => {
    const counts = [0, 0, 0, 0, 0];
    for (const r of rows) counts[r[aspect] - 1]! += 1;
    const mean =
      rows.length === 0 ? null : Math.round((rows.reduce((a, r) => a + r[aspect], 0) / rows.length) * 100) / 100;
    return { aspect, mean, counts };
  });
}
