/** Policy rows → contracts (whitelists): staff see every field; the public sees evidence only when marked public, and no account ids. */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { PolicySummary, PolicyView } from '../../../../common/contracts/performance.ts';
import type { PoliciesTable, PolicyMilestonesTable } from '../../db/schema.ts';
import { rollUp } from './domain/followup.ts';

type Policy = Pick<Selectable<PoliciesTable>, 'id' | 'number' | 'title' | 'issued_on' | 'issuer' | 'summary'>;
type Milestone = Pick<
  Selectable<PolicyMilestonesTable>,
  'id' | 'title' | 'due_on' | 'status' | 'done_on' | 'evidence_url' | 'evidence_public' | 'late_answer'
> & { deadline: string; late: boolean; workingDaysLate: number };
export interface LoadedAction {
  id: string;
  policy_id: string;
  title: string;
  organization_id: string;
  organization_name: string;
  milestones: Milestone[];
}

export function presentPolicy(
  p: Policy,
  actions: readonly LoadedAction[],
  opts: { isPublic: boolean; canUpdate: (organizationId: string) => boolean },
): z.infer<typeof PolicyView> {
  const all = actions.filter((a) => a.policy_id === p.id);
  return {
    id: p.id,
    number: p.number,
    title: p.title,
    issuedOn: p.issued_on,
    issuer: p.issuer,
    summary: p.summary,
    progress: rollUp(all.flatMap((a) => a.milestones)),
    actions: all.map((a) => ({
      id: a.id,
      title: a.title,
      organization: { id: a.organization_id, name: a.organization_name },
      canUpdate: opts.canUpdate(a.organization_id),
      milestones: a.milestones.map((m) => ({
        id: m.id,
        title: m.title,
        dueOn: m.due_on,
        deadline: m.deadline,
        status: m.status,
        doneOn: m.done_on,
        evidenceUrl: opts.isPublic && !m.evidence_public ? null : m.evidence_url,
        evidencePublic: m.evidence_public,
        late: m.late,
        workingDaysLate: m.workingDaysLate,
        lateAnswer: m.late_answer,
      })),
    })),
  };
}

export const presentSummary = (p: z.infer<typeof PolicyView>): z.infer<typeof PolicySummary> => ({
  id: p.id,
  number: p.number,
  title: p.title,
  issuedOn: p.issuedOn,
  issuer: p.issuer,
  summary: p.summary,
  progress: p.progress,
});
