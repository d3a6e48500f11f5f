/**
 * The Indeks Profesionalitas ASN (issue 26 §2–§3): the instrument as versioned data, the version
 * of each year, recomputation of the city's results, and a person's index page.
 */
import { bindUseCases } from '../../platform/context.ts';
import { assignYear, listInstruments, saveInstrument } from './ip-asn-instruments.ts';
import { employeeIndex, myIndex } from './ip-asn-person.ts';
import { recompute, recomputeEmployee } from './ip-asn-recompute.ts';
import type { IpAsnContext } from './ip-asn.shared.ts';

export type { IpAsnContext } from './ip-asn.shared.ts';

/** The IP ASN use-cases bound to one context (the default instrument's id is remembered once stored). */
export const createIpAsnService = (ctx: Omit<IpAsnContext, 'state'>) =>
  bindUseCases({ ...ctx, state: { defaultInstrumentId: null } } as IpAsnContext, {
    instruments: listInstruments,
    saveInstrument,
    assignYear,
    recompute,
    recomputeEmployee,
    mine: myIndex,
    ofEmployee: employeeIndex,
  });

export type IpAsnService = ReturnType<typeof createIpAsnService>;
