/**
 * The public live scoreboard of a session (names masked). While an attempt is open it shows
 * progress only (answered count, time left), never a score — a running score moves with single
 * answers and gives away the key in at most five saves per item. Scores (the stored ones) appear
 * once the attempt is submitted.
 */
import type { ParticipantState } from '../../../../common/contracts/exam.ts';
import { maskName } from '../../../../common/rules/mask-name.ts';
import { notFound } from '../../errors.ts';
import type { CatCore, Score } from './cat-shared.ts';
import { type FormItem, remainingMs } from './domain/index.ts';
import { proctorConsoleRepository } from './proctor-console.repository.ts';

export function createScoreboard(core: CatCore) {
  const { db, clock } = core.deps;
  return {
    async scoreboard(sessionId: string) {
      const s = await core.catSession(db, sessionId);
      if (!s) throw notFound();
      const now = clock.now();
      const rows = await proctorConsoleRepository.sessionParticipants(db, sessionId);
      const out = rows.map((r) => {
        const status: ParticipantState = !r.attempt_id
          ? 'not_started'
          : r.status === 'submitted'
            ? 'submitted'
            : 'in_progress';
        const score = status === 'submitted' ? (r.score as Score | null) : null;
        return {
          participantNo: r.participant_no,
          name: maskName(r.full_name),
          status,
          twk: score?.twk ?? null,
          tiu: score?.tiu ?? null,
          tkp: score?.tkp ?? null,
          total: score?.total ?? null,
          answered: score?.answered ?? Number(r.answered ?? 0),
          itemCount: r.form ? (r.form as FormItem[]).length : 0,
          timeLeftMs: status === 'in_progress' && r.deadline_at ? remainingMs(now, new Date(r.deadline_at)) : 0,
          passed: score?.passed ?? null,
        };
      });
      return { sessionId, updatedAt: now.toISOString(), participants: out };
    },
  };
}
