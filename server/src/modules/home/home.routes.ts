/** HTTP for the signed-in home: one read, per role. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HomeSummary } from '../../../../common/contracts/home.ts';
import type { HomeService } from './home.service.ts';

export function homeRoutes(home: HomeService): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get('/api/v1/me/home', {
      config: { access: 'signed-in' },
      schema: { tags: ['home'], summary: 'Beranda: tugas dan hitungan menurut peran', response: { 200: HomeSummary } },
    }, async (req) => home.summary(req.actor!));
  };
}
