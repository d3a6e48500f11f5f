/** Item analysis of a session's submitted attempts for exam admins (domain/item-analysis.ts does the statistics; audited). */
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { actorOf, type CatCore, type Score } from './cat-shared.ts';
import {
  ANALYSIS_DEFAULTS,
  analyzeItems,
  type FormItem,
  maxPoints,
  type OptionKey,
  scoreAnswer,
} from './domain/index.ts';
import { proctorConsoleRepository as repo } from './proctor-console.repository.ts';

export function createItemAnalysis(core: CatCore) {
  const { db, audit } = core.deps;
  return {
    async itemAnalysis(actor: Actor, sessionId: string) {
      if (!(await core.catSession(db, sessionId))) throw notFound();
      const attempts = await repo.submittedAttempts(db, sessionId);
      const answers = await repo.answersOfAttempts(
        db,
        attempts.map((a) => a.id),
      );
      const meta = new Map<string, { subtest: string; category: string; version: number; stem: string }>();
      const input = [];
      for (const a of attempts) {
        const form = a.form as FormItem[];
        const c = await core.items.contents(db, form);
        const chosen = new Map(
          answers.filter((x) => x.attempt_id === a.id).map((x) => [x.item_id, x.chosen as OptionKey | null]),
        );
        input.push({
          attemptId: a.id,
          total: (a.score as Score).total,
          responses: form.map((f) => {
            const item = c.get(f.itemId)!;
            meta.set(f.itemId, { subtest: item.subtest, category: item.category, version: f.version, stem: item.stem });
            const ch = chosen.get(f.itemId) ?? null;
            return {
              itemId: f.itemId,
              chosen: ch,
              points: scoreAnswer(item.scoring, ch),
              maxPoints: maxPoints(item.scoring),
              weighted: item.scoring.kind !== 'key',
            };
          }),
        });
      }
      const stats = analyzeItems(input);
      await db.transaction().execute((trx) =>
        audit.record(trx, {
          actor: actorOf(actor),
          action: 'cat.item_analysis.read',
          subjectType: 'exam_session',
          subjectId: sessionId,
        }),
      );
      return {
        sessionId,
        attempts: attempts.length,
        minSample: ANALYSIS_DEFAULTS.minSample,
        items: stats.map((s) => ({ ...s, ...meta.get(s.itemId)! })),
      };
    },
  };
}
