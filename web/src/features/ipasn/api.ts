/** IP ASN endpoints; types come from the contracts the server validates against. */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/ip-asn.ts';
import { ipAsnEndpoints as E } from '../../../../common/contracts/ip-asn.endpoints.ts';
import { call } from '../../app/client.ts';

export type IpInstruments = z.infer<typeof C.IpInstrumentsResponse>;
export type IpInstrument = z.infer<typeof C.IpInstrumentView>;
export type IpInstrumentBody = z.infer<typeof C.IpInstrumentBody>;
export type IpCell = z.infer<typeof C.IpCell>;
export type IpPerson = z.infer<typeof C.IpPersonResponse>;
export type IpPersonYear = z.infer<typeof C.IpPersonYear>;
export type IpRaise = z.infer<typeof C.IpRaise>;
export type IpRecompute = z.infer<typeof C.RecomputeResponse>;
export type SaveInstrumentInput = z.input<typeof C.SaveInstrumentBody>;

export const ipAsnApi = {
  instruments: () => call(E.instruments),
  saveInstrument: (body: SaveInstrumentInput) => call(E.saveInstrument, { body }),
  assignYear: (year: number, instrumentId: string) => call(E.assignYear, { params: { year }, body: { instrumentId } }),
  recompute: (year: number) => call(E.recompute, { body: { year } }),
  mine: () => call(E.mine),
  ofEmployee: (id: string) => call(E.ofEmployee, { params: { id } }),
  recomputeEmployee: (id: string) => call(E.recomputeEmployee, { params: { id } }),
};
