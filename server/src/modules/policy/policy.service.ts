/**
 * Policy follow-up (issue 13): a central policy (KemenPANRB, BKN, LAN, Kemendagri …) becomes a
 * local action plan — actions per responsible OPD with milestones, deadlines, evidence and status;
 * late milestones are flagged by Palu's working-day calendar and the OPD answers for them; a public
 * page shows the roll-up, the timeline, the evidence marked public and those answers. BKPSDM keeps
 * the plans; the responsible OPD's supervisors update their milestones. Every change is audited.
 */
import { bindUseCases } from '../../platform/context.ts';
import { addAction, addMilestone, createPolicy, getPolicy, listPolicies } from './policy-plans.ts';
import type { PolicyContext } from './policy.shared.ts';
import { updateMilestone } from './update-milestone.ts';

export { canUpdateAction, type PolicyContext } from './policy.shared.ts';

/** The policy use-cases bound to one context, for routes, tests and the seed. */
export const createPolicyService = (ctx: PolicyContext) =>
  bindUseCases(ctx, {
    list: listPolicies,
    get: getPolicy,
    create: createPolicy,
    addAction,
    addMilestone,
    updateMilestone,
  });

export type PolicyService = ReturnType<typeof createPolicyService>;
