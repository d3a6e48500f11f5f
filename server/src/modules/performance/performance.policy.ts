/** Who an actor is to an SKP plan (pure): the employee, their pejabat penilai, the atasan pejabat penilai, BKPSDM, or no one. */
import type { Actor } from '../identity/index.ts';

export type PlanViewer = 'employee' | 'evaluator' | 'atasan' | 'staff';

export function viewerOf(
  actor: Actor,
  ownEmployeeId: string | null,
  plan: { employee_id: string; evaluator_id: string | null; evaluator_supervisor_id: string | null },
): PlanViewer | null {
  if (ownEmployeeId && plan.employee_id === ownEmployeeId) return 'employee';
  if (ownEmployeeId && plan.evaluator_id === ownEmployeeId) return 'evaluator';
  if (ownEmployeeId && plan.evaluator_supervisor_id === ownEmployeeId) return 'atasan';
  if (isBkpsdm(actor)) return 'staff';
  return null;
}

/** BKPSDM (admin, training admin): every OPD's dashboard and export. */
export const isBkpsdm = (actor: Actor) => actor.role === 'admin' || actor.role === 'training_admin';
