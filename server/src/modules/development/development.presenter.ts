/** Training and probation rows → contracts (whitelists): a field leaves only when it is named here. */
import type { z } from 'zod';
import type { ProbationRow } from '../../../../common/contracts/development.ts';

/** A CPNS's probation as staff and the person see it: no account ids (those stay for the reminders). */
export const presentProbation = (p: z.infer<typeof ProbationRow>): z.infer<typeof ProbationRow> => ({
  employee: {
    id: p.employee.id,
    nip: p.employee.nip,
    fullName: p.employee.fullName,
    organization: { id: p.employee.organization.id, name: p.employee.organization.name },
  },
  tmt: p.tmt,
  deadline: p.deadline,
  daysLeft: p.daysLeft,
  state: p.state,
  reason: { id: p.reason.id, en: p.reason.en },
  latsar: p.latsar
    ? {
        status: p.latsar.status,
        batchId: p.latsar.batchId,
        batchName: p.latsar.batchName,
        programTitle: p.latsar.programTitle,
      }
    : null,
});
