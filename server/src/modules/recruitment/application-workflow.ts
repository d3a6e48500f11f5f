/**
 * What the services after submission share (verification, announcements, sanggah, exam
 * scheduling): staff access to a period's files, the applicant's timeline, notices to the
 * applicant, the verification queue's cached counts, stage windows, new periods' rules and the
 * cards' signed links. Internal to recruitment.
 */
import { type Msg } from '../../../../common/contracts/messages.ts';
import type { Executor } from '../../db/database.ts';
import type { Kysely } from 'kysely';
import type { DB, StageName, Stages } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Notifier } from '../../platform/notifications.ts';
import type { Actor } from '../identity/index.ts';
import { isOpen } from '../../../../common/rules/calendar.ts';
import { createLinkSigner } from '../../platform/documents/signed-links.ts';
import { type RecruitmentRuleSet, RULE_SET_CPNS_2024, RULE_SET_PPPK_2024, type TimelineKind } from './domain/index.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

/** The audit log's actor of a signed-in account. */
export const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
/** A refusal because of the record's state (409). */
export const conflict = (m: Msg) => new AppError('CONFLICT', m);
/** A refusal because the stage's window is not open (409). */
export const windowClosed = (what: Msg) => new AppError('CONFLICT', what);

/** A new period's rules: the newest seeded year's, renumbered; an admin edits the period's copy when a year differs. */
export function ruleSetFor(year: number, type: 'CPNS' | 'PPPK'): RecruitmentRuleSet {
  return { ...(type === 'CPNS' ? RULE_SET_CPNS_2024 : RULE_SET_PPPK_2024), year };
}

/** Whether a period's stage window is open at `now` (a missing window is closed). */
export function stageOpen(stages: Stages, stage: StageName, now: Date): boolean {
  const w = stages[stage];
  return Boolean(w && isOpen(now, { start: new Date(w.start), end: new Date(w.end) }));
}

/** The signer of the registration and exam cards' QR links (both cards point at /kartu/:registrationNo). */
export const cardLinks = (secret: string) => createLinkSigner(secret, 'card');

/** The verification queue's counts change with verdicts, claims, announcements and sanggah. */
export interface QueueCounts {
  /** Drops this instance's cached counts (the other services call it after changing a file). */
  invalidate(): void;
}

/**
 * Counting a whole period's files costs a scan per request; verifiers paging through a queue of
 * 100,000 files share one count per period for a few seconds instead.
 */
export function createQueueCountCache(db: Kysely<DB>) {
  const cache = new Map<string, { at: number; rows: ReturnType<typeof repo.queueCounts> }>();
  return {
    get(periodId: string) {
      const now = performance.now(); // an operational cache: real elapsed time, not the domain clock
      const hit = cache.get(periodId);
      if (hit && now - hit.at < 5000) return hit.rows;
      // Concurrent requests share one query (and a failed one is not kept).
      const rows = repo.queueCounts(db, periodId);
      cache.set(periodId, { at: now, rows });
      rows.catch(() => cache.delete(periodId));
      return rows;
    },
    invalidate: () => cache.clear(),
  };
}

/** Verifiers see only the periods they are assigned to, committee members only their own; to anyone else those files do not exist. */
export async function assertPeriodAccess(ex: Executor, actor: Actor, periodId: string) {
  if (actor.role === 'verifier' && !(await repo.isPeriodVerifier(ex, periodId, actor.accountId))) throw notFound();
  if (actor.role === 'committee' && !(await repo.isCommitteeMember(ex, periodId, actor.accountId))) throw notFound();
}

/** The submitted file, locked, when this staff member may see it. */
export async function submittedApplication(ex: Executor, id: string, actor: Actor) {
  const a = await repo.lockApplication(ex, id);
  if (!a || a.status === 'draft' || a.status === 'withdrawn') throw notFound();
  await assertPeriodAccess(ex, actor, a.period_id);
  return a;
}

/** Appends a milestone to the applicant's timeline. */
export const timelineEvent = (clock: Clock) => (ex: Executor, applicationId: string, status: TimelineKind, note: Msg) =>
  repo.addEvent(ex, {
    application_id: applicationId,
    occurred_at: clock.now(),
    status,
    note_id: note.id,
    note_en: note.en,
  });

/** An in-app notice and an e-mail to the applicant, in the caller's transaction. */
export async function notifyApplicant(
  ex: Executor,
  notifier: Notifier,
  applicantId: string,
  title: string,
  body: string,
) {
  const account = await repo.accountContact(ex, applicantId);
  await notifier.notify(
    ex,
    { accountId: applicantId, email: account.email, fullName: account.full_name },
    { title, body, path: '/lamaran' },
  );
}
