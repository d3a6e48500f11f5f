/** HTTP for policy follow-up, registered from the declarations in common/contracts/policy.endpoints.ts. */
import type { FastifyPluginAsync } from 'fastify';
import { policyEndpoints as E } from '../../../../common/contracts/policy.endpoints.ts';
import { route } from '../../http/endpoints.ts';
import type { PolicyService } from './policy.service.ts';

export function policyRoutes(policy: PolicyService): FastifyPluginAsync {
  return async (app) => {
    route(app, E.list, (req) => policy.list(req.actor!));
    route(app, E.create, (req) => policy.create(req.actor!, req.body));
    route(app, E.get, (req) => policy.get(req.actor!, req.params.id));
    route(app, E.addAction, (req) => policy.addAction(req.actor!, req.params.id, req.body));
    route(app, E.addMilestone, (req) => policy.addMilestone(req.actor!, req.params.id, req.body));
    route(app, E.updateMilestone, (req) => policy.updateMilestone(req.actor!, req.params.id, req.body));
    route(app, E.publicList, () => policy.list(null));
    route(app, E.publicGet, (req) => policy.get(null, req.params.id));
  };
}
