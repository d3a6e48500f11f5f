/** HTTP for performance (SKP): the year's rules, planning and cascading, evaluations, evidence, the employee's own year. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmployeeImportQuery } from '../../../../common/contracts/development.ts';
import {
  AgreeBody, BehavioursBody, CascadeBody, CascadeResponse, CompetencyPlanResponse, DashboardQuery, DashboardResponse, EnrolledResponse, EnrollRecommendedBody, EvaluationBody, EvaluationParams, EvaluationResponse, ExportQuery, IdResponse, ImportReportResponse, MySkpResponse, NoteBody, OrgPredikatBody, OrgPredikatParams, OrgPredikatResponse, PlanView, PublicFiguresResponse, ResultBody, RulesBody, RulesResponse, StartPlanBody, StartPlanResponse, TeamResponse, YearParams, YearQuery,
} from '../../../../common/contracts/performance.ts';
import { sendDocument } from '../../http/documents.ts';
import { readUploadedFile, sheetFormatOf } from '../../http/upload.ts';
import type { PerformanceService } from './performance.service.ts';
import { EVIDENCE_RULE } from './performance.service.ts';

const Id = z.strictObject({ id: z.uuid() });
/** SKP is for every ASN (PNS and PPPK), whatever their Merit role: the service checks the account's employee record. */
const ASN = 'signed-in' as const;

export function performanceRoutes(performance: PerformanceService): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['performance'];

    app.get('/api/v1/performance/years/:year/rules', { config: { access: 'signed-in' }, schema: { tags, summary: 'Matriks predikat tahun ini dan predikat organisasi per OPD', params: YearParams, response: { 200: RulesResponse } } }, async (req) => performance.rules(req.params.year));
    app.put('/api/v1/performance/years/:year/rules', { config: { access: ['admin'] }, schema: { tags, summary: 'Tetapkan matriks predikat tahun ini (sumbernya belum pasti)', params: YearParams, body: RulesBody, response: { 200: RulesResponse } } }, async (req) => performance.setRules(req.actor!, req.params.year, req.body));
    app.put('/api/v1/performance/years/:year/organizations/:organizationId', { config: { access: ['admin'] }, schema: { tags, summary: 'Tetapkan predikat kinerja organisasi (pola distribusi)', params: OrgPredikatParams, body: OrgPredikatBody, response: { 200: OrgPredikatResponse } } }, async (req) => performance.setOrganizationPredikat(req.actor!, req.params.year, req.params.organizationId, req.body.predikat));

    app.get('/api/v1/performance/team', { config: { access: ['supervisor'] }, schema: { tags, summary: 'SKP bawahan langsung (atasan sebagai pejabat penilai)', querystring: YearQuery, response: { 200: TeamResponse } } }, async (req) => performance.team(req.actor!, req.query.year));
    app.post('/api/v1/performance/plans', { config: { access: ASN }, schema: { tags, summary: 'Mulai SKP setahun (milik sendiri, atau bawahan langsung)', body: StartPlanBody, response: { 200: StartPlanResponse, 201: StartPlanResponse } } }, async (req, reply) => {
      const r = await performance.startPlan(req.actor!, req.body.year, req.body.employeeId);
      return reply.status(r.created ? 201 : 200).send(r);
    });
    app.get('/api/v1/performance/plans/:id', { config: { access: 'signed-in' }, schema: { tags, summary: 'Satu SKP: hasil kerja, indikator, perilaku, evaluasi, bukti', params: Id, response: { 200: PlanView } } }, async (req) => performance.plan(req.actor!, req.params.id));
    app.post('/api/v1/performance/plans/:id/results', { config: { access: ASN }, schema: { tags, summary: 'Tambah hasil kerja (pejabat penilai) atau usulkan (pegawai)', params: Id, body: ResultBody, response: { 201: IdResponse } } }, async (req, reply) => reply.status(201).send(await performance.addResult(req.actor!, req.params.id, req.body)));
    app.post('/api/v1/performance/results/:id/cascade', { config: { access: ['supervisor'] }, schema: { tags, summary: 'Turunkan hasil kerja ke bawahan langsung atau seluruh unit', params: Id, body: CascadeBody, response: { 200: CascadeResponse } } }, async (req) => performance.cascade(req.actor!, req.params.id, req.body));
    app.put('/api/v1/performance/plans/:id/behaviours', { config: { access: ['supervisor'] }, schema: { tags, summary: 'Ekspektasi khusus per nilai BerAKHLAK', params: Id, body: BehavioursBody, response: { 200: PlanView } } }, async (req) => performance.setBehaviours(req.actor!, req.params.id, req.body));
    app.post('/api/v1/performance/plans/:id/agree', { config: { access: ASN }, schema: { tags, summary: 'Pegawai menyetujui SKP (klarifikasi ekspektasi dicatat)', params: Id, body: AgreeBody, response: { 200: PlanView } } }, async (req) => performance.agree(req.actor!, req.params.id, req.body.clarification));
    app.post('/api/v1/performance/plans/:id/reopen', { config: { access: ['supervisor'] }, schema: { tags, summary: 'Buka kembali SKP yang disepakati (sebelum dievaluasi)', params: Id, response: { 200: PlanView } } }, async (req) => performance.reopen(req.actor!, req.params.id));
    app.put('/api/v1/performance/plans/:id/evaluations/:period', { config: { access: ['supervisor'] }, schema: { tags, summary: 'Simpan draf evaluasi (predikat dan peringatan distribusi)', params: EvaluationParams, body: EvaluationBody, response: { 200: EvaluationResponse } } }, async (req) => performance.saveEvaluation(req.actor!, req.params.id, req.params.period, req.body));
    app.post('/api/v1/performance/plans/:id/evaluations/:period/finalise', { config: { access: ['supervisor'] }, schema: { tags, summary: 'Finalkan evaluasi (tidak dapat diubah lagi)', params: EvaluationParams, response: { 200: EvaluationResponse } } }, async (req) => performance.finalise(req.actor!, req.params.id, req.params.period));
    app.post('/api/v1/performance/results/:id/notes', { config: { access: ASN }, schema: { tags, summary: 'Umpan balik atau tautan bukti dukung untuk hasil kerja', params: Id, body: NoteBody, response: { 201: IdResponse } } }, async (req, reply) => reply.status(201).send(await performance.addNote(req.actor!, req.params.id, req.body)));
    app.post('/api/v1/performance/results/:id/files', { config: { access: ASN }, schema: { tags, summary: 'Unggah berkas bukti dukung (PDF/JPG, maks. 2 MB)', params: Id, response: { 201: IdResponse } } }, async (req, reply) => {
      const file = await readUploadedFile(req, { maxBytes: EVIDENCE_RULE.maxBytes + 1, what: { id: 'berkas bukti dukung (PDF atau JPG)', en: 'evidence file (PDF or JPG)' } });
      return reply.status(201).send(await performance.addFile(req.actor!, req.params.id, file.data, [...(file.filename ?? '')].slice(0, 200).join('')));
    });
    app.get('/api/v1/performance/notes/:id/file', { config: { access: 'signed-in' }, schema: { tags, summary: 'Unduh berkas bukti dukung', params: Id } }, async (req, reply) => sendDocument(reply, await performance.noteFile(req.actor!, req.params.id)));

    app.get('/api/v1/performance/dashboard', { config: { access: ['admin', 'training_admin', 'supervisor'] }, schema: { tags, summary: 'Dasbor kinerja per OPD (BKPSDM: semua; atasan: OPD-nya)', querystring: DashboardQuery, response: { 200: DashboardResponse } } }, async (req) => performance.dashboard(req.actor!, req.query.year, req.query.period, req.query.organizationId));
    app.get('/api/v1/performance/export', { config: { access: ['admin', 'training_admin'] }, schema: { tags, summary: 'Ekspor SKP dan hasil penilaian (kolom e-Kinerja BKN)', querystring: ExportQuery } }, async (req, reply) =>
      reply.type(req.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="skp-${req.query.year}-${req.query.period}.${req.query.format}"`).send(await performance.exportSheet(req.actor!, req.query.year, req.query.period, req.query.format)),
    );
    app.get('/api/v1/performance/competency-plan', { config: { access: ['admin', 'training_admin', 'supervisor'] }, schema: { tags, summary: 'Draf rencana pengembangan kompetensi per OPD dari hasil evaluasi', querystring: DashboardQuery.omit({ period: true }).extend(YearQuery.shape), response: { 200: CompetencyPlanResponse } } }, async (req) => performance.competencyPlan(req.actor!, req.query.year, req.query.organizationId));
    app.get('/api/v1/performance/competency-plan/export', { config: { access: ['admin', 'training_admin', 'supervisor'] }, schema: { tags, summary: 'Unduh draf rencana pengembangan kompetensi (XLSX/CSV)', querystring: ExportQuery.omit({ period: true }) } }, async (req, reply) =>
      reply.type(req.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="rencana-pengembangan-kompetensi-${req.query.year}.${req.query.format}"`).send(await performance.competencyPlanSheet(req.actor!, req.query.year, req.query.format)),
    );
    app.post('/api/v1/performance/import', { config: { access: ['admin', 'training_admin'] }, schema: { tags, summary: 'Periksa (commit=false) atau impor hasil SKP tahun-tahun lalu dari e-Kinerja (XLSX/CSV): semua baris atau tidak sama sekali', querystring: EmployeeImportQuery, response: { 200: ImportReportResponse } } }, async (req) => {
      const file = await readUploadedFile(req, { maxBytes: 20 * 1024 * 1024, what: { id: 'berkas XLSX atau CSV hasil SKP', en: 'SKP results XLSX or CSV file' } });
      return performance.importResults(req.actor!, file.data, sheetFormatOf(file), req.query.commit);
    });
    app.get('/api/v1/public/performance', { config: { access: 'public' }, schema: { tags, summary: 'Angka kinerja dan 20 JP ASN per OPD (agregat, publik)', querystring: DashboardQuery.omit({ organizationId: true }), response: { 200: PublicFiguresResponse } } }, async (req) => performance.publicFigures(req.query.year, req.query.period));
    app.get('/api/v1/performance/competency-plan/pdf', { config: { access: ['admin', 'training_admin', 'supervisor'] }, schema: { tags, summary: 'Unduh draf rencana pengembangan kompetensi (PDF)', querystring: YearQuery } }, async (req, reply) =>
      reply.type('application/pdf').header('content-disposition', `attachment; filename="rencana-pengembangan-kompetensi-${req.query.year}.pdf"`).send(await performance.competencyPlanPdf(req.actor!, req.query.year)),
    );
    app.get('/api/v1/me/performance', { config: { access: 'signed-in' }, schema: { tags, summary: 'SKP saya tahun ini, evaluasi final dan rekomendasi pelatihan', querystring: YearQuery, response: { 200: MySkpResponse } } }, async (req) => performance.mine(req.actor!, req.query.year));
    app.post('/api/v1/me/performance/enrollments', { config: { access: 'signed-in' }, schema: { tags, summary: 'Daftar ke angkatan program yang direkomendasikan', querystring: YearQuery, body: EnrollRecommendedBody, response: { 201: EnrolledResponse } } }, async (req, reply) => reply.status(201).send(await performance.enrollRecommended(req.actor!, req.query.year, req.body.programId, req.body.batchId)));
  };
}
