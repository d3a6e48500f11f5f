/** HTTP for selection, registered from the declarations in common/contracts/selection.endpoints.ts. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { selectionEndpoints as E } from '../../../../common/contracts/selection.endpoints.ts';
import { route } from '../../http/endpoints.ts';
import { readUploadedFile } from '../../http/upload.ts';
import type { ResultAnnouncementService } from './result-announcement.service.ts';
import type { SelectionService } from './selection.service.ts';

const MAX_CSV = 20 * 1024 * 1024;

const readCsvUpload = async (req: FastifyRequest): Promise<Buffer> =>
  (await readUploadedFile(req, { maxBytes: MAX_CSV, what: { id: 'berkas CSV', en: 'CSV file' } })).data;

export function selectionRoutes(
  selection: SelectionService,
  announcements: ResultAnnouncementService,
): FastifyPluginAsync {
  return async (app) => {
    route(app, E.thresholds, async () => ({ thresholds: await selection.thresholds() }));
    route(app, E.setThresholds, async (req) => {
      await selection.setThresholds(req.actor!, req.params.year, req.body);
      return { ok: true as const };
    });

    route(app, E.importSkd, async (req) => selection.importSkd(req.actor!, req.params.id, await readCsvUpload(req)));
    route(app, E.ranking, (req) => selection.rankingPreview(req.params.id));
    route(app, E.recordAbsences, (req) => selection.recordAbsences(req.actor!, req.params.id, req.body.participantNos));
    route(app, E.skbWeights, (req) => selection.skbWeights(req.params.id));
    route(app, E.setSkbWeights, async (req) => {
      await selection.setSkbWeights(req.actor!, req.params.id, req.body.components);
      return { ok: true as const };
    });
    route(app, E.enterSkb, (req) =>
      selection.enterSkb(req.actor!, req.params.id, req.params.participantNo, req.body.components),
    );
    route(app, E.importSkb, async (req) => selection.importSkb(req.actor!, req.params.id, await readCsvUpload(req)));
    route(app, E.settings, (req) => selection.settings(req.params.id));
    route(app, E.setSettings, async (req) => {
      await selection.setSettings(req.actor!, req.params.id, req.body);
      return { ok: true as const };
    });
    route(app, E.publications, async (req) => ({ publications: await selection.allPublications(req.params.id) }));
    route(app, E.propose, (req) => selection.propose(req.actor!, req.params.id, req.body.stage, req.body.reason));
    route(app, E.decide, async (req) => {
      await selection.decide(req.actor!, req.params.id, req.body.approve);
      return { ok: true as const };
    });

    route(app, E.publicResults, async (req) => ({
      publications: await selection.publishedPublications(req.params.id),
    }));
    route(app, E.formationResults, (req) => selection.formationResults(req.params.id, req.params.code));
    route(app, E.announcement, async (req, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="pengumuman-hasil-seleksi.pdf"')
        .send(await announcements.pdf(req.params.id)),
    );
    route(app, E.publishedFile, async (req, reply) => {
      const f = await selection.publishedFile(req.params.id, req.params.name);
      return reply
        .type(req.params.name.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${req.params.name}"`)
        .header('x-content-sha256', f.sha256)
        .send(f.content);
    });
  };
}
