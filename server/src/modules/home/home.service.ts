/**
 * The signed-in home's numbers per role: what is waiting, where it is done, and by when.
 * Roles whose modules are not built (training, SKP, oversight beyond the public pages) get no tasks.
 */
import type { Kysely } from 'kysely';
import type { HomePeriod, HomeSummary, HomeTask } from '../../../../common/contracts/home.ts';
import type { DB, Stages } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../identity/index.ts';
import { myParticipation } from '../participation/index.ts';
import { homeRepository as repo } from './home.repository.ts';

const HOUR = 3_600_000;
const WITA_MS = 8 * HOUR;
const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const STATUSES = ['submitted', 'ms', 'tms', 'objection_filed', 'tms_final'] as const;
const zero = () => ({ submitted: 0, ms: 0, tms: 0, objection_filed: 0, tms_final: 0 });

/** The earliest end, still ahead of `now`, of the named stage over several periods. */
function nextEnd(stages: Stages[], stage: keyof Stages, now: Date): string | null {
  const ends = stages.map((s) => s[stage]?.end).filter((e): e is string => !!e && new Date(e) > now).sort();
  return ends[0] ?? null;
}

export function createHomeService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;

  async function periods(committeeId: string): Promise<HomePeriod[]> {
    const list = await repo.periods(db, committeeId, 3);
    const ids = list.map((p) => p.id);
    const [counts, orgs] = await Promise.all([repo.statusCounts(db, ids), repo.formationsByOrganization(db, ids)]);
    return list.map((p) => {
      const total = zero();
      let drafts = 0;
      const byOrg = orgs
        .filter((o) => o.period_id === p.id)
        .map((o) => {
          const c = zero();
          for (const r of counts) {
            if (r.period_id !== p.id || r.organization_id !== o.organization_id) continue;
            if ((STATUSES as readonly string[]).includes(r.status)) c[r.status as (typeof STATUSES)[number]] += r.n;
          }
          return { organizationId: o.organization_id, organizationName: o.name, formations: o.formations, quota: o.quota, counts: c };
        });
      for (const r of counts) {
        if (r.period_id !== p.id) continue;
        if (r.status === 'draft') drafts += r.n;
        else if ((STATUSES as readonly string[]).includes(r.status)) total[r.status as (typeof STATUSES)[number]] += r.n;
      }
      const stageEnds = Object.fromEntries(Object.entries(p.stages ?? {}).flatMap(([k, w]) => (w?.end ? [[k, new Date(w.end).toISOString()]] : [])));
      return { id: p.id, name: p.name, counts: total, drafts, byOrganization: byOrg, stageEnds };
    });
  }

  return {
    /** What `actor` sees on /beranda. */
    async summary(actor: Actor): Promise<HomeSummary> {
      const now = clock.now();
      switch (actor.role) {
        case 'committee': {
          const [w, ps] = await Promise.all([repo.committeeWork(db, actor.accountId), periods(actor.accountId)]);
          const tasks: HomeTask[] = [
            { key: 'announcementsToApprove', count: w.announcements, to: ps[0] ? `/panitia/periode/${ps[0].id}` : '/panitia', dueAt: null },
            { key: 'reviewsWaiting', count: w.reviews, to: '/verifikasi', dueAt: null },
            { key: 'objectionsOpen', count: w.objections, to: ps[0] ? `/panitia/periode/${ps[0].id}` : '/panitia', dueAt: iso(w.objectionsDue) },
            { key: 'unclaimed', count: w.unclaimed, to: '/verifikasi', dueAt: null },
          ];
          return { tasks, periods: ps };
        }
        case 'verifier': {
          const w = await repo.verifierWork(db, actor.accountId);
          const due = nextEnd(w.stages, 'verification', now);
          return {
            tasks: [
              { key: 'myQueue', count: w.queue, to: '/verifikasi', dueAt: due },
              { key: 'unclaimed', count: w.unclaimed, to: '/verifikasi', dueAt: due },
              { key: 'reviewsWaiting', count: w.reviews, to: '/verifikasi', dueAt: null },
            ],
          };
        }
        case 'proctor': {
          // Today in Palu (WITA, UTC+8): [00:00, 24:00) local time.
          const local = new Date(now.getTime() + WITA_MS);
          const start = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - WITA_MS);
          const [rows, open] = await Promise.all([repo.sessionsBetween(db, start, new Date(start.getTime() + 24 * HOUR)), repo.openCatSessions(db)]);
          const sessions = rows.map((r) => ({
            sessionId: r.id,
            siteName: r.site_name,
            startsAt: new Date(r.starts_at).toISOString(),
            durationMinutes: r.duration_minutes,
            capacity: r.capacity,
            assigned: Number(r.assigned ?? 0),
            state: (r.opened_at === null ? 'scheduled' : r.closed_at === null ? 'open' : 'closed') as 'scheduled' | 'open' | 'closed',
          }));
          return {
            tasks: [
              { key: 'sessionsToday', count: sessions.length, to: '/pengawas', dueAt: sessions.find((s) => s.state === 'scheduled')?.startsAt ?? null },
              { key: 'sessionsOpen', count: open, to: '/pengawas', dueAt: null },
            ],
            sessions,
          };
        }
        case 'exam_admin': {
          const b = await repo.bank(db);
          return {
            tasks: [{ key: 'analysisReady', count: b.closed, to: b.latestAnalysis ? `/bank-soal/analisis/${b.latestAnalysis}` : '/bank-soal', dueAt: null }],
            bank: { bySubtest: b.bySubtest, blueprints: b.blueprints, latestAnalysis: b.latestAnalysis },
          };
        }
        case 'admin': {
          const a = await repo.admin(db, new Date(now.getTime() - 24 * HOUR));
          return {
            tasks: [
              { key: 'accountsPending', count: a.pending, to: '/admin/akun', dueAt: null },
              { key: 'outboxUnsent', count: a.unsent, to: '/admin/kotak-keluar', dueAt: null },
              // The two-person rule needs two active committee members.
              { key: 'committeeShort', count: Math.max(0, 2 - a.committee), to: '/admin/akun', dueAt: null },
            ],
            accounts: { staff: a.staff, pending: a.pending, disabled: a.disabled, committee: a.committee },
          };
        }
        case 'citizen': {
          // From the participation module's own read, so the home and /beranda's lists agree.
          const p = await myParticipation(db, actor.accountId, now);
          const upcoming = p.forums.filter((f) => f.upcoming).sort((a, b) => a.heldAt.localeCompare(b.heldAt));
          return {
            tasks: [
              { key: 'forumsUpcoming', count: upcoming.length, to: upcoming[0] ? `/forum/${upcoming[0].id}` : '/forum', dueAt: upcoming[0]?.heldAt ?? null },
              { key: 'commentsAnswered', count: p.comments.filter((c) => c.answered).length, to: p.comments[0] ? `/konsultasi/${p.comments[0].consultationId}` : '/konsultasi', dueAt: null },
            ],
          };
        }
        default:
          // applicant: /lamaran is their task list; other roles: no module yet, so nothing to do here.
          return { tasks: [] };
      }
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
