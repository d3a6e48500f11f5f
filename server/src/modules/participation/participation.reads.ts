/**
 * Named reads other modules may call (the signed-in home's inbox): what waits for a person in
 * complaints and observer oversight, and what a participant takes part in, counted with the same
 * filters the module's own pages use, so the home and the page never disagree. Deadlines are Palu
 * calendar days (`YYYY-MM-DD`).
 */
import type { Kysely } from 'kysely';
import { dayNumber } from '../../../../common/rules/calendar.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import type { Actor } from '../identity/index.ts';
import { type ComplaintSla, complaintClock, DEFAULT_SLA } from './domain/complaints.ts';
import { consultationState } from './domain/diff.ts';
import { participationRepository as repo } from './participation.repository.ts';

/** A count of waiting work and its nearest deadline (null when none), late when that day has passed. */
export interface Waiting {
  count: number;
  dueOn: string | null;
  late: boolean;
}

const nearest = (days: readonly string[], today: string): Waiting => {
  const sorted = [...days].sort();
  const dueOn = sorted[0] ?? null;
  return { count: days.length, dueOn, late: dueOn !== null && dayNumber(dueOn) < dayNumber(today) };
};

/**
 * The complaints waiting for `actor`'s step on `today`: a coordinator (admin, committee) verifies
 * and disposes the submitted ones (3 working days), an OPD's staff follow up the ones disposed to
 * their OPD (5). The staff list's filter for the same status gives the same total.
 */
export async function complaintsWaitingFor(db: Executor, actor: Actor, today: string): Promise<Waiting> {
  const coordinator = actor.role === 'admin' || actor.role === 'committee';
  if (!coordinator && !actor.organizationId) return { count: 0, dueOn: null, late: false };
  const f = coordinator
    ? { status: 'submitted' as const, organizationId: null }
    : { status: 'disposed' as const, organizationId: actor.organizationId };
  const rows = await repo.complaintDates(db, f);
  if (rows.length === 0) return { count: 0, dueOn: null, late: false };
  const [holidays, settings] = await Promise.all([loadHolidays(db), repo.settings(db)]);
  const sla = (settings?.sla as ComplaintSla | undefined) ?? DEFAULT_SLA;
  const dues = rows
    .map(
      (c) =>
        complaintClock(
          { status: c.status, filedOn: c.filed_on, disposedOn: c.disposed_on, followedUpOn: c.followed_up_on },
          today,
          holidays,
          sla,
        ).dueOn,
    )
    .filter((d): d is string => d !== null);
  return { ...nearest(dues, today), count: rows.length };
}

/** Observers' findings still open in these periods (the committee answers them by their due day). */
export async function findingsWaitingFor(db: Executor, periodIds: readonly string[], today: string): Promise<Waiting> {
  const rows = (await repo.findings(db, { periodIds })).filter((f) => f.status === 'open');
  return nearest(
    rows.map((f) => f.due_on),
    today,
  );
}

/** Observer accreditation requests still undecided in these periods. */
export async function accreditationsWaitingFor(db: Executor, periodIds: readonly string[]): Promise<number> {
  return (await repo.accreditations(db, { periodIds })).filter((a) => a.status === 'pending').length;
}

/** How long an answer to an observer's finding stays on their home as news. */
export const ANSWER_NEWS_DAYS = 7;
/** How long before its end an accreditation shows as expiring. */
export const EXPIRY_NOTICE_DAYS = 30;

/**
 * An observer's oversight on `today`: findings answered in the last week and findings overdue
 * (the same rows /pemantauan lists for them), and accreditations pending or ending within 30 days
 * (late once ended). `periodId` is set when the findings all belong to one period.
 */
export async function observerWaitingFor(db: Executor, accountId: string, today: string) {
  const accreditations = await repo.accreditations(db, { accountId });
  const findings = (await Promise.all(accreditations.map((a) => repo.findings(db, { accreditationId: a.id })))).flat();
  const t = dayNumber(today);
  const answered = findings.filter(
    (f) => f.status === 'answered' && f.answered_on && t - dayNumber(f.answered_on) <= ANSWER_NEWS_DAYS,
  );
  const overdue = findings.filter((f) => f.status === 'open' && dayNumber(f.due_on) < t);
  const expiring = accreditations.filter(
    (a) =>
      a.status === 'approved' &&
      a.expires_on &&
      dayNumber(a.expires_on) - t <= EXPIRY_NOTICE_DAYS &&
      t - dayNumber(a.expires_on) <= EXPIRY_NOTICE_DAYS,
  );
  const periodOf = (rows: readonly { period_id: string }[]) =>
    new Set(rows.map((r) => r.period_id)).size === 1 ? rows[0]!.period_id : null;
  return {
    answered: { count: answered.length, periodId: periodOf(answered) },
    overdue: {
      ...nearest(
        overdue.map((f) => f.due_on),
        today,
      ),
      periodId: periodOf(overdue),
    },
    pending: accreditations.filter((a) => a.status === 'pending').length,
    expiring: nearest(
      expiring.map((a) => a.expires_on!),
      today,
    ),
  };
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** The account's forum registrations and consultation comments, as of `now`. */
export async function myParticipation(db: Kysely<DB>, accountId: string, now: Date) {
  const [forums, comments] = await Promise.all([
    repo.forumsOfAccount(db, accountId),
    repo.commentsOfAccount(db, accountId),
  ]);
  return {
    forums: forums.map((f) => ({
      id: f.id,
      title: f.title,
      heldAt: iso(f.held_at),
      venue: f.venue,
      mode: f.mode,
      status: f.status,
      upcoming: f.status === 'scheduled' && new Date(f.held_at).getTime() > now.getTime(),
    })),
    comments: comments.map((x) => ({
      id: x.id,
      consultationId: x.consultation_id,
      consultationTitle: x.title,
      sectionHeading: x.heading,
      consultationState: consultationState(
        { status: x.consultation_status, opens_at: x.opens_at, closes_at: x.closes_at },
        now,
      ),
      status: x.status,
      answered: x.answer !== null,
      createdAt: iso(x.created_at),
    })),
  };
}
export type MyParticipation = Awaited<ReturnType<typeof myParticipation>>;
