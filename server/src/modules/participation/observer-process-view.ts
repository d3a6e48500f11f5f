/** The read-only process view an accredited observer (or the committee) gets of a period: counts, never a person. */
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { tmsReasonLabel } from '../recruitment/index.ts';
import { activeAccreditation, isCommittee, type ObserversContext, presentFinding } from './observers.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';

const reasonLabel = (code: string | null) => tmsReasonLabel(code)?.id ?? code ?? 'Lainnya';
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
type FormationTally = {
  formationId: string;
  code: string;
  jabatan: string;
  submitted: number;
  ms: number;
  tms: number;
  pending: number;
  reasons: Map<string, number>;
};

/** Verification outcomes per formation, with the TMS reasons counted by label. */
function tallyFormations(outcomes: Awaited<ReturnType<typeof repo.outcomesByFormation>>) {
  const formations = new Map<string, FormationTally>();
  for (const r of outcomes) {
    const f = formations.get(r.formation_id) ?? {
      formationId: r.formation_id,
      code: r.code,
      jabatan: r.jabatan,
      submitted: 0,
      ms: 0,
      tms: 0,
      pending: 0,
      reasons: new Map(),
    };
    f.submitted++;
    if (r.published_result === 'ms') f.ms++;
    else if (r.published_result === 'tms') {
      f.tms++;
      for (const reason of (Array.isArray(r.proposed_reasons) ? r.proposed_reasons : []) as { code: string | null }[])
        f.reasons.set(reasonLabel(reason.code), (f.reasons.get(reasonLabel(reason.code)) ?? 0) + 1);
    } else f.pending++;
    formations.set(r.formation_id, f);
  }
  return [...formations.values()].map((f) => ({
    ...f,
    reasons: [...f.reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
  }));
}

/**
 * What an accredited observer (or the committee) sees of a period: applications per stage,
 * verification outcomes with TMS reasons per formation, sanggah, announcements and result
 * publications. Counts only: no name, NIK or registration number appears.
 */
export async function processView(ctx: ObserversContext, actor: Actor, periodId: string) {
  const { db } = ctx;
  if (!isCommittee(actor)) await activeAccreditation(ctx, actor, periodId);
  const period = await repo.period(db, periodId);
  if (!period) throw notFound();
  const [byStatus, outcomes, objections, announcements, publications, findings, sessions] = await Promise.all([
    repo.applicationsByStatus(db, periodId),
    repo.outcomesByFormation(db, periodId),
    repo.objectionsByStatus(db, periodId),
    repo.announcements(db, periodId),
    repo.publications(db, periodId),
    repo.findings(db, { periodId }),
    repo.examSessions(db, periodId),
  ]);
  return {
    period: { id: period.id, name: period.name, year: period.year },
    generatedAt: ctx.clock.now().toISOString(),
    applicationsByStatus: byStatus.map((r) => ({ status: r.status, count: Number(r.n) })),
    formations: tallyFormations(outcomes),
    objections: objections.map((o) => ({ status: o.status, count: Number(o.n), announced: Number(o.announced) })),
    examSessions: sessions.map((x) => ({
      id: x.id,
      site: x.site_name,
      startsAt: new Date(x.starts_at).toISOString(),
      capacity: x.capacity,
      assigned: Number(x.assigned ?? 0),
      started: Number(x.started ?? 0),
      submitted: Number(x.submitted ?? 0),
      state: x.closed_at ? ('closed' as const) : x.opened_at ? ('open' as const) : ('scheduled' as const),
    })),
    announcements: announcements.map((a) => ({
      stage: a.stage,
      status: a.status,
      proposedAt: iso(a.proposed_at),
      decidedAt: iso(a.decided_at),
    })),
    publications: publications.map((p) => ({
      stage: p.stage,
      version: p.version,
      status: p.status,
      proposedAt: iso(p.proposed_at),
      decidedAt: iso(p.decided_at),
    })),
    findings: {
      total: findings.length,
      open: findings.filter((f) => f.status === 'open').length,
      overdue: findings.map(presentFinding(ctx)).filter((f) => f.status === 'open' && f.late).length,
    },
    auditPath: '/audit',
  };
}
