/** HTTP for the IP ASN index, registered from the declarations in common/contracts/ip-asn.endpoints.ts. */
import type { FastifyPluginAsync } from 'fastify';
import { ipAsnEndpoints as E } from '../../../../common/contracts/ip-asn.endpoints.ts';
import { route } from '../../http/endpoints.ts';
import type { IpAsnService } from './ip-asn.service.ts';

export function ipAsnRoutes(ipAsn: IpAsnService): FastifyPluginAsync {
  return async (app) => {
    route(app, E.instruments, () => ipAsn.instruments());
    route(app, E.saveInstrument, (req) => ipAsn.saveInstrument(req.actor!, req.body));
    route(app, E.assignYear, (req) => ipAsn.assignYear(req.actor!, req.params.year, req.body));
    route(app, E.recompute, (req) => ipAsn.recompute(req.actor!, req.body));
    route(app, E.mine, (req) => ipAsn.mine(req.actor!));
    route(app, E.ofEmployee, (req) => ipAsn.ofEmployee(req.actor!, req.params.id));
    route(app, E.recomputeEmployee, (req) => ipAsn.recomputeEmployee(req.actor!, req.params.id));
  };
}
