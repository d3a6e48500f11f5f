/**
 * ASN records (data pegawai): who the civil servants are, where they work and who supervises them
 * — the base that training, the 20 JP ledger and SKP hang on. BKPSDM (admin, training admin) keeps
 * them, one by one or by sheet (dry run, then all rows or none); supervisors see their unit; each
 * employee sees their own. Every change is audited.
 */
import { bindUseCases } from '../../platform/context.ts';
import { type EmployeesContext, getEmployee, listEmployees, myEmployee } from './employee-records.ts';
import { employeeTemplate, exportEmployeeSheet, importEmployeeSheet } from './employee-sheets.ts';

export type { EmployeesContext } from './employee-records.ts';

/** The ASN-record use-cases bound to one context, for routes, other modules and tests. */
export const createEmployeesService = (ctx: EmployeesContext) =>
  bindUseCases(ctx, {
    list: listEmployees,
    get: getEmployee,
    mine: myEmployee,
    importSheet: importEmployeeSheet,
    exportSheet: exportEmployeeSheet,
    template: employeeTemplate,
  });

export type EmployeesService = ReturnType<typeof createEmployeesService>;
