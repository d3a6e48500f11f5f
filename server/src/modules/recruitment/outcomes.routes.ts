/** HTTP for the administrative selection's official outputs, registered from common/contracts/recruitment.endpoints.ts. */
import type { FastifyPluginAsync } from 'fastify';
import { recruitmentEndpoints as E } from '../../../../common/contracts/recruitment.endpoints.ts';
import { route } from '../../http/endpoints.ts';
import type { OutcomesService } from './outcomes.service.ts';

/** The XLSX export and the public PENGUMUMAN PDF; both stream a file, so handlers send through `reply`. */
export function outcomesRoutes(outcomes: OutcomesService): FastifyPluginAsync {
  return async (app) => {
    route(app, E.outcomesXlsx, async (req, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="hasil-administrasi.xlsx"')
        .header('cache-control', 'private, no-store')
        .send(await outcomes.exportXlsx(req.actor!, req.params.id)),
    );
    route(app, E.announcementPdf, async (req, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="pengumuman-hasil-administrasi.pdf"')
        .send(await outcomes.announcementPdf(req.params.id)),
    );
  };
}
