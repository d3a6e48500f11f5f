/** The homes of the other roles: verifier, proctor, exam admin, admin, training admin, observer and citizen. */
import type { HomeSummary } from '../../../../common/contracts/home.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { batchesThisWeek, jpClaimsWaitingFor } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import { myParticipation, observerWaitingFor } from '../participation/index.ts';
import { homeRepository as repo } from './home.repository.ts';
import { byUrgency, fromWaiting, type HomeContext, HOUR, holidaysTask, nextEnd, task } from './home.shared.ts';

const WITA_MS = 8 * HOUR;

/** The verifier's own queue, the unclaimed files and the reviews, due by the nearest end of a verification stage. */
export async function verifierSummary(ctx: HomeContext, actor: Actor, now: Date): Promise<HomeSummary> {
  const w = await repo.verifierWork(ctx.db, actor.accountId);
  const due = nextEnd(w.stages, 'verification', now);
  return {
    tasks: [
      task('myQueue', w.queue, '/verifikasi', { at: due }),
      task('unclaimed', w.unclaimed, '/verifikasi', { at: due }),
      task('reviewsWaiting', w.reviews, '/verifikasi'),
    ],
  };
}

/** Today's CAT sessions (Palu day) with their state, and the sessions open now. */
export async function proctorSummary(ctx: HomeContext, now: Date): Promise<HomeSummary> {
  // Today in Palu (WITA, UTC+8): [00:00, 24:00) local time.
  const local = new Date(now.getTime() + WITA_MS);
  const start = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - WITA_MS);
  const [rows, open] = await Promise.all([
    repo.sessionsBetween(ctx.db, start, new Date(start.getTime() + 24 * HOUR)),
    repo.openCatSessions(ctx.db),
  ]);
  const sessions = rows.map((r) => ({
    sessionId: r.id,
    siteName: r.site_name,
    startsAt: new Date(r.starts_at).toISOString(),
    durationMinutes: r.duration_minutes,
    capacity: r.capacity,
    assigned: Number(r.assigned ?? 0),
    state: (r.opened_at === null ? 'scheduled' : r.closed_at === null ? 'open' : 'closed') as
      'scheduled' | 'open' | 'closed',
  }));
  return {
    tasks: [
      task('sessionsToday', sessions.length, '/pengawas', {
        at: sessions.find((s) => s.state === 'scheduled')?.startsAt ?? null,
      }),
      task('sessionsOpen', open, '/pengawas'),
    ],
    sessions,
  };
}

/** The question bank's size per subtest and the closed sessions whose item analysis is ready. */
export async function examAdminSummary(ctx: HomeContext): Promise<HomeSummary> {
  const b = await repo.bank(ctx.db);
  return {
    tasks: [
      task('analysisReady', b.closed, b.latestAnalysis ? `/bank-soal/analisis/${b.latestAnalysis}` : '/bank-soal'),
    ],
    bank: { bySubtest: b.bySubtest, blueprints: b.blueprints, latestAnalysis: b.latestAnalysis },
  };
}

/** Accounts waiting, unsent mail, a committee too small for the two-person rule, and next year's missing holiday list. */
export async function adminSummary(
  ctx: HomeContext,
  now: Date,
  loadedYears: Promise<ReadonlySet<number>>,
): Promise<HomeSummary> {
  const a = await repo.admin(ctx.db, new Date(now.getTime() - 24 * HOUR));
  return {
    tasks: [
      task('accountsPending', a.pending, '/admin/akun'),
      task('outboxUnsent', a.unsent, '/admin/kotak-keluar'),
      // The two-person rule needs two active committee members.
      task('committeeShort', Math.max(0, 2 - a.committee), '/admin/akun'),
      ...(await holidaysTask(now, loadedYears)),
    ],
    accounts: { staff: a.staff, pending: a.pending, disabled: a.disabled, committee: a.committee },
  };
}

/** Certificates to issue, appointees to record, JP claims, OPDs below the city's 20 JP share, and this week's batches. */
export async function trainingAdminSummary(ctx: HomeContext, actor: Actor, now: Date): Promise<HomeSummary> {
  const today = localDate(now);
  const year = Number(today.slice(0, 4));
  const [claims, week, certificates, appointees, jp] = await Promise.all([
    jpClaimsWaitingFor(ctx.db, actor),
    batchesThisWeek(ctx.db, today),
    ctx.completion ? ctx.completion.certificatesToIssue() : { count: 0, batchId: null },
    ctx.appointments ? ctx.appointments.waitingForRecord() : { count: 0, periodId: null },
    ctx.training ? ctx.training.jpReport(actor, year) : null,
  ]);
  // OPDs whose share of employees with 20 JP this year is below the city's share (the /jp report's table).
  const cityPercent = jp && jp.employees > 0 ? Math.floor((jp.met * 100) / jp.employees) : 0;
  const behind = jp ? jp.byOrganization.filter((o) => o.percent < cityPercent).length : 0;
  return {
    tasks: byUrgency([
      task(
        'certificatesToIssue',
        certificates.count,
        certificates.batchId ? `/pelatihan/angkatan/${certificates.batchId}` : '/pelatihan',
      ),
      task('appointeesWaiting', appointees.count, '/pegawai/pengangkatan'),
      task('jpClaimsToDecide', claims, '/jp#claims-waiting'),
      task('opdsBelowJpShare', behind, '/jp', { day: `${year}-12-31` }, { percent: cityPercent }),
      task(
        'batchesThisWeek',
        week.count,
        week.batchId ? `/pelatihan/angkatan/${week.batchId}` : '/pelatihan',
        {},
        { starting: week.starting, ending: week.ending },
      ),
    ]),
  };
}

/** The observer's overdue and answered findings and their accreditation's state. */
export async function observerSummary(ctx: HomeContext, actor: Actor, now: Date): Promise<HomeSummary> {
  const o = await observerWaitingFor(ctx.db, actor.accountId, localDate(now));
  const findingsPage = (periodId: string | null) =>
    periodId ? `/pemantauan/${periodId}#findings-title` : '/pemantauan';
  return {
    tasks: byUrgency([
      fromWaiting('findingsOverdue', o.overdue, findingsPage(o.overdue.periodId)),
      task('findingsAnswered', o.answered.count, findingsPage(o.answered.periodId)),
      fromWaiting('accreditationExpiring', o.expiring, '/pemantauan#mine-title'),
      task('accreditationPending', o.pending, '/pemantauan#mine-title'),
    ]),
  };
}

/** The citizen's upcoming forums and answered comments, from the participation module's own read so the home and their page agree. */
export async function citizenSummary(ctx: HomeContext, actor: Actor, now: Date): Promise<HomeSummary> {
  const p = await myParticipation(ctx.db, actor.accountId, now);
  const upcoming = p.forums.filter((f) => f.upcoming).sort((a, b) => a.heldAt.localeCompare(b.heldAt));
  return {
    tasks: [
      task('forumsUpcoming', upcoming.length, upcoming[0] ? `/forum/${upcoming[0].id}` : '/forum', {
        at: upcoming[0]?.heldAt ?? null,
      }),
      task(
        'commentsAnswered',
        p.comments.filter((c) => c.answered).length,
        p.comments[0] ? `/konsultasi/${p.comments[0].consultationId}` : '/konsultasi',
      ),
    ],
  };
}
