/** HTTP for the correlation page, registered from common/contracts/correlation.endpoints.ts. */
import type { FastifyPluginAsync } from 'fastify';
import { correlationEndpoints as E } from '../../../../common/contracts/correlation.endpoints.ts';
import { route } from '../../http/endpoints.ts';
import type { CorrelationService } from './correlation.service.ts';

/** The staff report per period (committee scoped to its periods by the access hook) and the public aggregate. */
export function correlationRoutes(correlation: CorrelationService): FastifyPluginAsync {
  return async (app) => {
    route(app, E.periods, (req) => correlation.periods(req.actor!));
    route(app, E.report, (req) => correlation.report(req.params.id));
    route(app, E.publicReports, () => correlation.publicReports());
  };
}
