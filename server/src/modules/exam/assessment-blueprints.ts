/** What callers of the assessment engine read about blueprints and started attempts. */
import type { Executor } from '../../db/database.ts';
import { assessmentRepository as repo } from './assessment.repository.ts';
import type { Blueprint } from './domain/index.ts';
import type { ExamContext } from './exam.shared.ts';

/** Blueprints of one exam type, for callers choosing one (name, duration and item count only). */
export async function assessmentBlueprints(ctx: Pick<ExamContext, 'db'>, examType: Blueprint['examType']) {
  return (await repo.blueprintsOfType(ctx.db, examType)).map((b) => {
    const c = b.content as Blueprint;
    return {
      id: b.id,
      name: b.name,
      examType: c.examType,
      durationMinutes: c.durationMinutes,
      itemCount: c.sections.reduce((n, s) => n + s.count, 0),
    };
  });
}

/** Name, duration and item count of the blueprints with these ids, by id (an unknown id is absent). */
export async function blueprintSummaries(_ctx: unknown, ex: Executor, ids: readonly string[]) {
  const rows = await repo.blueprintsByIds(ex, [...new Set(ids)]);
  return new Map(
    rows.map((b) => {
      const c = b.content as Blueprint;
      const itemCount = c.sections.reduce((n, s) => n + s.count, 0);
      return [b.id, { name: b.name, durationMinutes: c.durationMinutes, itemCount }] as const;
    }),
  );
}

/** A blueprint's name, or null when there is none with the id. */
export async function blueprintName(_ctx: unknown, ex: Executor, id: string) {
  return (await repo.blueprint(ex, id))?.name ?? null;
}

/** Whether a blueprint exists and is of the exam type. */
export async function isBlueprintOf(_ctx: unknown, ex: Executor, id: string, examType: Blueprint['examType']) {
  return (await repo.blueprint(ex, id))?.exam_type === examType;
}

/** How many attempts carry a key with the prefix. */
export const countStarted = (_ctx: unknown, ex: Executor, prefix: string) => repo.countWithPrefix(ex, prefix);
