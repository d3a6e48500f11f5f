/** HTTP for training pre/post-tests on the CAT engine, registered from common/contracts/development.endpoints.ts: the admin's choice per batch, the participant's test. */
import type { FastifyPluginAsync } from 'fastify';
import { trainingTestEndpoints as E } from '../../../../common/contracts/development.endpoints.ts';
import { route } from '../../http/endpoints.ts';
import type { TrainingTestsService } from './training-tests.service.ts';

const noStore = { 'cache-control': 'no-store' };

export function trainingTestsRoutes(tests: TrainingTestsService): FastifyPluginAsync {
  return async (app) => {
    // ── the training admin: which blueprint and window per phase ──
    route(app, E.blueprints, () => tests.blueprints());
    route(app, E.tests, (req) => tests.tests(req.params.id));
    route(app, E.setTest, (req) => tests.setTest(req.actor!, req.params.id, req.params.phase, req.body));
    route(app, E.removeTest, (req) => tests.removeTest(req.actor!, req.params.id, req.params.phase));

    // ── the participant ──
    route(app, E.mine, (req, reply) => {
      reply.headers(noStore);
      return tests.mine(req.actor!);
    });
    route(app, E.start, (req) => tests.start(req.actor!, req.params.id, req.params.phase));
    route(app, E.view, (req, reply) => {
      reply.headers(noStore);
      return tests.view(req.actor!, req.params.id);
    });
    route(app, E.answer, (req) => tests.answer(req.actor!, req.params.id, req.body));
    route(app, E.submit, (req) => tests.submit(req.actor!, req.params.id));
  };
}
