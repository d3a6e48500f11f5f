/** HTTP for the signed-in home (one read, per role), registered from common/contracts/home.endpoints.ts. */
import type { FastifyPluginAsync } from 'fastify';
import { homeEndpoints as E } from '../../../../common/contracts/home.endpoints.ts';
import { route } from '../../http/endpoints.ts';
import type { HomeService } from './home.service.ts';

export function homeRoutes(home: HomeService): FastifyPluginAsync {
  return async (app) => {
    route(app, E.summary, (req) => home.summary(req.actor!));
  };
}
