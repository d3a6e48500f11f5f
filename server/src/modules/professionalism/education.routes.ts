/** HTTP for education and competency history, registered from common/contracts/records.endpoints.ts. */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { CorrectionFields } from '../../../../common/contracts/records.ts';
import { recordsEndpoints as E } from '../../../../common/contracts/records.endpoints.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { sendDocument } from '../../http/documents.ts';
import { route } from '../../http/endpoints.ts';
import { readMultipartForm, readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import { AppError } from '../../errors.ts';
import { RECORD_PDF_RULE } from './education.shared.ts';
import type { RecordsService } from './education.service.ts';

const MAX_SHEET = 20 * 1024 * 1024;
const SHEET_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
const SHEET = { id: 'berkas XLSX atau CSV riwayat', en: 'history XLSX or CSV file' };

const download = async (reply: FastifyReply, format: 'xlsx' | 'csv', name: string, data: Promise<Buffer>) =>
  reply
    .type(SHEET_TYPES[format])
    .header('content-disposition', `attachment; filename="${name}.${format}"`)
    .send(await data);

/** The multipart fields of a proposal, checked against the contract; a bad one answers 400 naming the field. */
function correctionFields(fields: Record<string, string>) {
  const parsed = CorrectionFields.safeParse({
    proposal: fields.proposal ?? '',
    educationRecordId: fields.educationRecordId ?? '',
  });
  if (parsed.success) return parsed.data;
  const m = msg(
    'Tulis usulan perbaikan minimal 10 karakter (paling banyak 2.000), dan pilih riwayat yang benar bila ada.',
    'Write the proposed correction in at least 10 characters (at most 2,000), and pick the right record if any.',
  );
  const field = parsed.error.issues[0]?.path[0] === 'educationRecordId' ? 'educationRecordId' : 'proposal';
  throw new AppError('VALIDATION_FAILED', m, { fields: [{ field, message: m }] });
}

export function recordsRoutes(records: RecordsService): FastifyPluginAsync {
  return async (app) => {
    route(app, E.person, (req) => records.personRecords(req.actor!, req.params.id));
    route(app, E.addEducation, (req) => records.addEducation(req.actor!, req.params.id, req.body));
    route(app, E.editEducation, (req) => records.editEducation(req.actor!, req.params.id, req.body));
    route(app, E.deleteEducation, (req) => records.deleteEducation(req.actor!, req.params.id));
    route(app, E.markHighest, (req) => records.markHighest(req.actor!, req.params.id));
    route(app, E.uploadIjazah, async (req) => {
      const file = await readUploadedFile(req, {
        maxBytes: RECORD_PDF_RULE.maxBytes + 1,
        what: { id: 'berkas ijazah (PDF)', en: 'diploma file (PDF)' },
      });
      return records.uploadIjazah(req.actor!, req.params.id, file.data);
    });
    route(app, E.ijazah, async (req, reply) =>
      sendDocument(reply, await records.ijazahFile(req.actor!, req.params.id)),
    );
    route(app, E.addCompetency, (req) => records.addCompetency(req.actor!, req.params.id, req.body));
    route(app, E.editCompetency, (req) => records.editCompetency(req.actor!, req.params.id, req.body));
    route(app, E.deleteCompetency, (req) => records.deleteCompetency(req.actor!, req.params.id));
    route(app, E.educationTemplate, (req, reply) =>
      download(reply, req.query.format, 'templat-riwayat-pendidikan', records.educationTemplate(req.query.format)),
    );
    route(app, E.competencyTemplate, (req, reply) =>
      download(reply, req.query.format, 'templat-riwayat-kompetensi', records.competencyTemplate(req.query.format)),
    );
    route(app, E.importEducation, async (req) => {
      const file = await readUploadedFile(req, { maxBytes: MAX_SHEET, what: SHEET });
      return records.importEducationSheet(req.actor!, file.data, sheetFormatOf(file), req.query.commit);
    });
    route(app, E.importCompetency, async (req) => {
      const file = await readUploadedFile(req, { maxBytes: MAX_SHEET, what: SHEET });
      return records.importCompetencySheet(req.actor!, file.data, sheetFormatOf(file), req.query.commit);
    });
    route(app, E.mine, (req) => records.myRecords(req.actor!));
    route(app, E.proposeCorrection, async (req) => {
      const form = await readMultipartForm(req, { maxBytes: RECORD_PDF_RULE.maxBytes + 1 });
      const fields = correctionFields(form.fields);
      return records.proposeCorrection(req.actor!, fields, form.file?.data ?? null, form.file?.overBytes);
    });
    route(app, E.corrections, (req) => records.listCorrections(req.actor!, req.query.status));
    route(app, E.decideCorrection, (req) => records.decideCorrection(req.actor!, req.params.id, req.body));
    route(app, E.correctionEvidence, async (req, reply) =>
      sendDocument(reply, await records.correctionEvidence(req.actor!, req.params.id)),
    );
  };
}
