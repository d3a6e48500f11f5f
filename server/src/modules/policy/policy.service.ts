/**
 * Policy follow-up (issue 13): a central policy (KemenPANRB, BKN, LAN, Kemendagri …) becomes a
 * local action plan — actions per responsible OPD with milestones, deadlines, evidence and status;
 * late milestones are flagged by Palu's working-day calendar and the OPD answers for them; a public
 * page shows the roll-up, the timeline, the evidence marked public and those answers. BKPSDM keeps
 * the plans; the responsible OPD's supervisors update their milestones. Every change is audited.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ActionBody, MilestoneUpdateBody, PolicyBody } from '../../../../common/contracts/performance.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import type { StepRunner } from '../../platform/process.ts';
import type { Actor } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { eventFor, lateness, milestoneMachine } from './domain/followup.ts';
import { presentPolicy, presentSummary } from './policy.presenter.ts';
import { policyRepository as repo } from './policy.repository.ts';

export interface PolicyDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  steps: StepRunner;
}

const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
const invalid = (field: string, id: string, en: string) => new AppError('VALIDATION_FAILED', msg(id, en), { fields: [{ field, message: msg(id, en) }] });

/** Who updates an action's milestones: BKPSDM's admin, or a supervisor of the responsible OPD. */
export const canUpdateAction = (actor: Actor | null, organizationId: string) => actor !== null && (actor.role === 'admin' || (actor.role === 'supervisor' && actor.organizationId === organizationId));

export function createPolicyService(deps: PolicyDeps) {
  const { db, clock, ids, audit, steps } = deps;

  /** Policies with their actions and milestones, lateness computed for today (WITA). */
  async function load(ex: Kysely<DB>, policyIds: readonly string[]) {
    const [actions, holidays] = await Promise.all([repo.actions(ex, policyIds), loadHolidays(ex)]);
    const milestones = await repo.milestones(ex, actions.map((a) => a.id));
    const today = localDate(clock.now());
    return actions.map((a) => ({
      ...a,
      milestones: milestones.filter((m) => m.action_id === a.id).map((m) => ({ ...m, ...lateness({ dueOn: m.due_on, status: m.status, doneOn: m.done_on }, today, holidays) })),
    }));
  }
  return {
    async list(viewer: Actor | null) {
      const policies = await repo.policies(db);
      const actions = await load(db, policies.map((p) => p.id));
      return { policies: policies.map((p) => presentSummary(presentPolicy(p, actions, { isPublic: viewer === null, canUpdate: (org) => canUpdateAction(viewer, org) }))) };
    },
    async get(viewer: Actor | null, id: string) {
      const p = await repo.policy(db, id);
      if (!p) throw notFound();
      return presentPolicy(p, await load(db, [id]), { isPublic: viewer === null, canUpdate: (org) => canUpdateAction(viewer, org) });
    },

    async create(actor: Actor, body: z.infer<typeof PolicyBody>) {
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        if (await repo.policyByNumber(trx, body.issuer, body.number)) throw new AppError('CONFLICT', msg(`Kebijakan nomor "${body.number}" dari penerbit ini sudah dicatat.`, `Policy "${body.number}" of this issuer is already recorded.`));
        await repo.insertPolicy(trx, { id, number: body.number, title: body.title, issued_on: body.issuedOn, issuer: body.issuer, summary: body.summary, created_by: actor.accountId });
        await audit.record(trx, { actor: actorOf(actor), action: 'policy.create', subjectType: 'policy', subjectId: id, after: body });
      });
      return { id };
    },

    /** A local action with its responsible OPD and milestones. */
    async addAction(actor: Actor, policyId: string, body: z.infer<typeof ActionBody>) {
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.policy(trx, policyId))) throw notFound();
        if (!(await repo.organizationExists(trx, body.organizationId))) throw invalid('organizationId', 'Perangkat daerah penanggung jawab tidak dikenal.', 'Unknown responsible agency.');
        await repo.insertAction(trx, { id, policy_id: policyId, title: body.title, organization_id: body.organizationId, position: await repo.nextActionPosition(trx, policyId) });
        const now = clock.now();
        await repo.insertMilestones(trx, body.milestones.map((m, i) => ({ id: ids.uuid(), action_id: id, title: m.title, due_on: m.dueOn, status: 'planned', position: i, updated_at: now })));
        await audit.record(trx, { actor: actorOf(actor), action: 'policy.action.add', subjectType: 'policy_action', subjectId: id, after: { policyId, ...body } });
      });
      return { id };
    },
    async addMilestone(actor: Actor, actionId: string, body: { title: string; dueOn: string }) {
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.action(trx, actionId))) throw notFound();
        await repo.insertMilestones(trx, [{ id, action_id: actionId, title: body.title, due_on: body.dueOn, status: 'planned', position: await repo.nextMilestonePosition(trx, actionId), updated_at: clock.now() }]);
        await audit.record(trx, { actor: actorOf(actor), action: 'policy.milestone.add', subjectType: 'policy_milestone', subjectId: id, after: { actionId, ...body } });
      });
      return { id };
    },

    /**
     * The responsible OPD (or BKPSDM) moves a milestone's status, sets its evidence and, when it is
     * late, answers for the delay. Someone of another OPD gets NOT_FOUND; nothing changes on a refusal.
     */
    async updateMilestone(actor: Actor, id: string, body: z.infer<typeof MilestoneUpdateBody>) {
      return db.transaction().execute(async (trx) => {
        const m = await repo.lockMilestone(trx, id);
        if (!m) throw notFound();
        const action = (await repo.action(trx, m.action_id))!;
        if (!canUpdateAction(actor, action.organization_id)) throw notFound();
        const now = clock.now();
        const today = localDate(now);
        const holidays = await loadHolidays(trx);
        if (body.lateAnswer !== undefined) {
          const l = lateness({ dueOn: m.due_on, status: m.status, doneOn: m.done_on }, today, holidays);
          if (l.workingDaysLate === 0) throw invalid('lateAnswer', 'Jawaban keterlambatan hanya untuk tonggak yang melewati tenggat hari kerjanya.', 'An answer for a delay is only for a milestone past its working-day deadline.');
        }
        if (body.evidencePublic === true && !(body.evidenceUrl ?? m.evidence_url)) throw invalid('evidencePublic', 'Tambahkan tautan bukti sebelum menampilkannya di halaman publik.', 'Add an evidence link before showing it on the public page.');
        const event = body.status ? eventFor(m.status, body.status) : null;
        if (event) {
          // reopening lands on "in progress", never straight back to "planned"
          const moved = milestoneMachine.transition(m.status, event);
          if (moved.ok && moved.status !== body.status) throw new AppError('CONFLICT', msg('Tonggak yang sudah selesai hanya dapat dibuka kembali ke status "Berjalan".', 'A done milestone can only be reopened to "In progress".'));
        }
        if (event) {
          await steps(trx, {
            machine: milestoneMachine,
            subject: { type: 'policy_milestone', id, status: m.status },
            event,
            actor: actorOf(actor),
            apply: (status) => repo.updateMilestone(trx, id, { status, done_on: status === 'done' ? today : null, updated_at: now }),
            audit: { action: `policy.milestone.${event}` },
          });
        }
        const patch = {
          ...(body.evidenceUrl !== undefined ? { evidence_url: body.evidenceUrl } : {}),
          ...(body.evidencePublic !== undefined ? { evidence_public: body.evidencePublic } : {}),
          ...(body.lateAnswer !== undefined ? { late_answer: body.lateAnswer, late_answered_at: now } : {}),
        };
        if (Object.keys(patch).length > 0) {
          await repo.updateMilestone(trx, id, { ...patch, updated_at: now });
          await audit.record(trx, { actor: actorOf(actor), action: 'policy.milestone.update', subjectType: 'policy_milestone', subjectId: id, before: { evidenceUrl: m.evidence_url, evidencePublic: m.evidence_public, lateAnswer: m.late_answer }, after: { evidenceUrl: body.evidenceUrl, evidencePublic: body.evidencePublic, lateAnswer: body.lateAnswer } });
        }
        const after = (await repo.lockMilestone(trx, id))!;
        return { id, status: after.status, doneOn: after.done_on, ...lateness({ dueOn: after.due_on, status: after.status, doneOn: after.done_on }, today, holidays), evidenceUrl: after.evidence_url, evidencePublic: after.evidence_public, lateAnswer: after.late_answer };
      });
    },
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
