/** HTTP for performance (SKP), registered from the declarations in common/contracts/performance.endpoints.ts. */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { performanceEndpoints as E } from '../../../../common/contracts/performance.endpoints.ts';
import { sendDocument } from '../../http/documents.ts';
import { route } from '../../http/endpoints.ts';
import { readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import type { PerformanceService } from './performance.service.ts';
import { EVIDENCE_RULE } from './performance.shared.ts';

const SHEET_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
/** Sends a generated sheet or PDF as a download. */
const download = (reply: FastifyReply, type: string, filename: string, data: Buffer) =>
  reply.type(type).header('content-disposition', `attachment; filename="${filename}"`).send(data);

export function performanceRoutes(performance: PerformanceService): FastifyPluginAsync {
  return async (app) => {
    route(app, E.rules, (req) => performance.rules(req.params.year));
    route(app, E.setRules, (req) => performance.setRules(req.actor!, req.params.year, req.body));
    route(app, E.setOrganizationPredikat, (req) =>
      performance.setOrganizationPredikat(req.actor!, req.params.year, req.params.organizationId, req.body.predikat),
    );

    route(app, E.team, (req) => performance.team(req.actor!, req.query.year));
    route(app, E.startPlan, async (req, reply) => {
      const r = await performance.startPlan(req.actor!, req.body.year, req.body.employeeId);
      return reply.status(r.created ? 201 : 200).send(r);
    });
    route(app, E.plan, (req) => performance.plan(req.actor!, req.params.id));
    route(app, E.addResult, (req) => performance.addResult(req.actor!, req.params.id, req.body));
    route(app, E.cascade, (req) => performance.cascade(req.actor!, req.params.id, req.body));
    route(app, E.setBehaviours, (req) => performance.setBehaviours(req.actor!, req.params.id, req.body));
    route(app, E.agree, (req) => performance.agree(req.actor!, req.params.id, req.body.clarification));
    route(app, E.reopen, (req) => performance.reopen(req.actor!, req.params.id));
    route(app, E.saveEvaluation, (req) =>
      performance.saveEvaluation(req.actor!, req.params.id, req.params.period, req.body),
    );
    route(app, E.finalise, (req) => performance.finalise(req.actor!, req.params.id, req.params.period));
    route(app, E.addNote, (req) => performance.addNote(req.actor!, req.params.id, req.body));
    route(app, E.addFile, async (req) => {
      const file = await readUploadedFile(req, {
        maxBytes: EVIDENCE_RULE.maxBytes + 1,
        what: { id: 'berkas bukti dukung (PDF atau JPG)', en: 'evidence file (PDF or JPG)' },
      });
      return performance.addFile(
        req.actor!,
        req.params.id,
        file.data,
        [...(file.filename ?? '')].slice(0, 200).join(''),
      );
    });
    route(app, E.noteFile, async (req, reply) =>
      sendDocument(reply, await performance.noteFile(req.actor!, req.params.id)),
    );

    route(app, E.dashboard, (req) =>
      performance.dashboard(req.actor!, req.query.year, req.query.period, req.query.organizationId),
    );
    route(app, E.export, async (req, reply) => {
      const { year, period, format } = req.query;
      return download(
        reply,
        SHEET_TYPES[format],
        `skp-${year}-${period}.${format}`,
        await performance.exportSheet(req.actor!, year, period, format),
      );
    });
    route(app, E.competencyPlan, (req) =>
      performance.competencyPlan(req.actor!, req.query.year, req.query.organizationId),
    );
    route(app, E.competencyPlanExport, async (req, reply) => {
      const { year, format } = req.query;
      return download(
        reply,
        SHEET_TYPES[format],
        `rencana-pengembangan-kompetensi-${year}.${format}`,
        await performance.competencyPlanSheet(req.actor!, year, format),
      );
    });
    route(app, E.importResults, async (req) => {
      const file = await readUploadedFile(req, {
        maxBytes: 20 * 1024 * 1024,
        what: { id: 'berkas XLSX atau CSV hasil SKP', en: 'SKP results XLSX or CSV file' },
      });
      return performance.importResults(req.actor!, file.data, sheetFormatOf(file), req.query.commit);
    });
    route(app, E.publicFigures, (req) => performance.publicFigures(req.query.year, req.query.period));
    route(app, E.competencyPlanPdf, async (req, reply) =>
      download(
        reply,
        'application/pdf',
        `rencana-pengembangan-kompetensi-${req.query.year}.pdf`,
        await performance.competencyPlanPdf(req.actor!, req.query.year),
      ),
    );
    route(app, E.mine, (req) => performance.mine(req.actor!, req.query.year));
    route(app, E.enrollRecommended, (req) =>
      performance.enrollRecommended(req.actor!, req.query.year, req.body.programId, req.body.batchId),
    );
  };
}
