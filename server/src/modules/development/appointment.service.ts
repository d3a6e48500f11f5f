/**
 * Appointment feeds development (issue 12; RULES.md §3.1–3.2): from a period's published final
 * result (`L`, read through the selection module), BKPSDM enters each appointee's NIP / NI PPPK
 * and TMT; Merit makes the CPNS/PPPK record from what the application already holds (name, birth
 * date, gender, formation's OPD and jabatan), turns the applicant's account into an employee's,
 * and seats a new CPNS in the next Latsar batch (a PPPK in orientation). The one-year probation
 * is then visible to the employee, their supervisor and BKPSDM, with an alert when Latsar is at
 * risk. All in one transaction, audited.
 */
import { bindUseCases } from '../../platform/context.ts';
import { appoint, importAppointmentSheet } from './appoint.ts';
import {
  type AppointmentContext,
  appointmentSheet,
  listCandidates,
  waitingForRecord,
} from './appointment-candidates.ts';
import { listProbations, myProbation, remindProbations } from './probation.ts';

export type { AppointmentContext } from './appointment-candidates.ts';

/** The appointment and probation use-cases bound to one context, for routes, the home inbox and tests. */
export const createAppointmentService = (ctx: AppointmentContext) =>
  bindUseCases(ctx, {
    candidates: listCandidates,
    waitingForRecord,
    appoint,
    sheet: appointmentSheet,
    importSheet: importAppointmentSheet,
    probations: listProbations,
    mine: myProbation,
    remind: remindProbations,
  });

export type AppointmentService = ReturnType<typeof createAppointmentService>;
