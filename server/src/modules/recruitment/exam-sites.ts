/** Exam sites and sessions of a period, the schedule the committee sees, and where sessions run. */
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { actorOf } from './application-workflow.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

type Ctx = Pick<RecruitmentContext, 'db' | 'clock' | 'ids' | 'audit' | 'files' | 'publicUrl' | 'cardSecret'>;

/** Adds an exam site to a period. */
export async function createSite(
  ctx: Ctx,
  actor: Actor,
  periodId: string,
  body: { name: string; address: string; accessible: boolean },
) {
  const { db, ids, audit } = ctx;
  const id = ids.uuid();
  await db.transaction().execute(async (trx) => {
    if (!(await repo.period(trx, periodId))) throw notFound();
    await repo.insertExamSite(trx, { id, period_id: periodId, ...body });
    await audit.record(trx, {
      actor: actorOf(actor),
      action: 'exam_site.create',
      subjectType: 'exam_site',
      subjectId: id,
      after: body,
    });
  });
  return { id, ...body };
}

/** Adds a session (start, duration, capacity) to an exam site. */
export async function createSession(
  ctx: Ctx,
  actor: Actor,
  siteId: string,
  body: { startsAt: string; durationMinutes: number; capacity: number },
) {
  const { db, ids, audit } = ctx;
  const id = ids.uuid();
  await db.transaction().execute(async (trx) => {
    if (!(await repo.examSiteExists(trx, siteId))) throw notFound();
    await repo.insertExamSession(trx, {
      id,
      site_id: siteId,
      starts_at: new Date(body.startsAt),
      duration_minutes: body.durationMinutes,
      capacity: body.capacity,
    });
    await audit.record(trx, {
      actor: actorOf(actor),
      action: 'exam_session.create',
      subjectType: 'exam_session',
      subjectId: id,
      after: body,
    });
  });
  return { id, siteId, ...body };
}

/** A period's sites with their sessions and how many are seated in each. */
export async function schedule(ctx: Ctx, periodId: string) {
  const { db } = ctx;
  const sites = await repo.examSites(db, periodId);
  const sessions = await repo.examSessionsOf(
    db,
    sites.map((s) => s.id),
  );
  return sites.map((s) => ({
    id: s.id,
    name: s.name,
    address: s.address,
    accessible: s.accessible,
    sessions: sessions
      .filter((x) => x.site_id === s.id)
      .map((x) => ({
        id: x.id,
        startsAt: new Date(x.starts_at).toISOString(),
        durationMinutes: x.duration_minutes,
        capacity: x.capacity,
        assigned: Number(x.assigned ?? 0),
      })),
  }));
}

/** Where and when these exam sessions run (for other modules' pages, e.g. the ranking's score sources). */
export async function sessionPlaces(ctx: Ctx, sessionIds: string[]) {
  const { db } = ctx;
  return (await repo.sessionPlaces(db, sessionIds)).map((r) => ({
    id: r.id,
    siteName: r.name,
    startsAt: new Date(r.starts_at).toISOString(),
  }));
}
