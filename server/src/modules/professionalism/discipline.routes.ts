/** HTTP for hukuman disiplin, registered from the declarations in common/contracts/discipline.endpoints.ts. */
import type { FastifyPluginAsync } from 'fastify';
import { disciplineEndpoints as E } from '../../../../common/contracts/discipline.endpoints.ts';
import { sendDocument } from '../../http/documents.ts';
import { route } from '../../http/endpoints.ts';
import { readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import type { DisciplineService } from './discipline.service.ts';
import { SK_RULE } from './discipline.shared.ts';

const SHEET_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export function disciplineRoutes(discipline: DisciplineService): FastifyPluginAsync {
  return async (app) => {
    route(app, E.kinds, (req) => discipline.kinds(req.query.start));
    route(app, E.list, (req) => discipline.list(req.actor!, req.query));
    route(app, E.create, (req) => discipline.create(req.actor!, req.body));
    route(app, E.get, (req) => discipline.get(req.actor!, req.params.id));
    route(app, E.update, (req) => discipline.update(req.actor!, req.params.id, req.body));
    route(app, E.objection, (req) => discipline.objection(req.actor!, req.params.id, req.body));
    route(app, E.uploadSk, async (req) => {
      // One byte over the rule, so the upload check answers an oversize SK with its own words.
      const file = await readUploadedFile(req, {
        maxBytes: SK_RULE.maxBytes + 1,
        what: { id: 'berkas SK (PDF)', en: 'SK file (PDF)' },
      });
      return discipline.uploadSk(req.actor!, req.params.id, file.data);
    });
    route(app, E.sk, async (req, reply) => sendDocument(reply, await discipline.sk(req.actor!, req.params.id)));
    route(app, E.ofEmployee, (req) => discipline.ofEmployee(req.actor!, req.params.id));
    route(app, E.mine, (req) => discipline.mine(req.actor!));
    route(app, E.template, async (req, reply) =>
      reply
        .type(SHEET_TYPES[req.query.format])
        .header('content-disposition', `attachment; filename="templat-hukuman-disiplin.${req.query.format}"`)
        .send(await discipline.template(req.query.format)),
    );
    route(app, E.importSheet, async (req) => {
      const file = await readUploadedFile(req, {
        maxBytes: 10 * 1024 * 1024,
        what: { id: 'berkas XLSX atau CSV hukuman disiplin', en: 'discipline XLSX or CSV file' },
      });
      return discipline.importSheet(req.actor!, file.data, sheetFormatOf(file), req.query.commit);
    });
    route(app, E.absence, (req) => discipline.absence(req.query.year, req.query.cumulativeDays, req.query.longestRun));
  };
}
