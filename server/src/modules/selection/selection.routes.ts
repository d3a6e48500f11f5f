/** HTTP for selection: thresholds, scores, SKB weights, publication, and the public results. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DecidePublicationBody,
  FormationResultsResponse,
  ImportedResponse,
  OkResponse,
  ProposedPublicationResponse,
  ProposePublicationBody,
  PublicPublicationsResponse,
  RankingPreviewResponse,
  RecordAbsencesBody,
  RecordedAbsencesResponse,
  SelectionSettingsResponse,
  SkbEntryResponse,
  SkbWeightsBody,
  SkbWeightsResponse,
  StaffPublicationsResponse,
  ThresholdRuleSetBody,
  ThresholdsResponse,
} from '../../../../common/contracts/selection.ts';
import { readUploadedFile } from '../../http/upload.ts';
import type { ResultAnnouncementService } from './result-announcement.service.ts';
import type { SelectionService } from './selection.service.ts';

const Id = z.strictObject({ id: z.uuid() });
const MAX_CSV = 20 * 1024 * 1024;

const readCsvUpload = async (req: FastifyRequest): Promise<Buffer> => (await readUploadedFile(req, { maxBytes: MAX_CSV, what: { id: 'berkas CSV', en: 'CSV file' } })).data;

export function selectionRoutes(selection: SelectionService, announcements: ResultAnnouncementService): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const com = { tags: ['selection'] };
    const pub = { tags: ['selection: public'] };
    const committee = ['committee', 'admin'] as const;

    app.get('/api/v1/public/thresholds', { config: { access: 'public' }, schema: { ...pub, summary: 'Nilai ambang batas SKD per tahun', response: { 200: ThresholdsResponse } } }, async () => ({ thresholds: await selection.thresholds() }));
    app.put('/api/v1/admin/thresholds/:year', {
      config: { access: ['admin'] },
      schema: { ...com, summary: 'Tetapkan nilai ambang batas suatu tahun', params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }), body: ThresholdRuleSetBody, response: { 200: OkResponse } },
    }, async (req) => {
      await selection.setThresholds(req.actor!, req.params.year, req.body);
      return { ok: true as const };
    });

    app.post('/api/v1/periods/:id/skd-scores/import', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Impor nilai SKD (skd.csv)', params: Id, response: { 200: ImportedResponse } } }, async (req) => selection.importSkd(req.actor!, req.params.id, await readCsvUpload(req)));
    app.get('/api/v1/periods/:id/ranking', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Pratinjau peringkat SKD dengan sumber nilai dan peserta yang belum bernilai', params: Id, response: { 200: RankingPreviewResponse } } }, async (req) => selection.rankingPreview(req.params.id));
    app.post('/api/v1/periods/:id/skd-scores/absences', { config: { access: ['committee'], period: 'period' }, schema: { ...com, summary: 'Catat peserta tidak hadir SKD (TH)', params: Id, body: RecordAbsencesBody, response: { 200: RecordedAbsencesResponse } } }, async (req) => selection.recordAbsences(req.actor!, req.params.id, req.body.participantNos));
    app.get('/api/v1/formations/:id/skb-weights', { config: { access: committee, period: 'formation' }, schema: { ...com, summary: 'Bobot komponen SKB formasi', params: Id, response: { 200: SkbWeightsResponse } } }, async (req) => selection.skbWeights(req.params.id));
    app.put('/api/v1/formations/:id/skb-weights', { config: { access: ['committee'], period: 'formation' }, schema: { ...com, summary: 'Tetapkan bobot SKB', params: Id, body: SkbWeightsBody, response: { 200: OkResponse } } }, async (req) => {
      await selection.setSkbWeights(req.actor!, req.params.id, req.body.components);
      return { ok: true as const };
    });
    app.put('/api/v1/periods/:id/skb-scores/:participantNo', {
      config: { access: ['committee'], period: 'period' },
      schema: {
        ...com,
        summary: 'Isi nilai SKB satu peserta per komponen (aturan yang sama dengan impor CSV; components null = tidak hadir)',
        params: z.strictObject({ id: z.uuid(), participantNo: z.string().regex(/^[A-Za-z0-9-]{1,40}$/) }),
        body: z.strictObject({ components: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,29}$/), z.string().trim().regex(/^\d{1,3}(\.\d{1,2})?$/)).nullable() }),
        response: { 200: SkbEntryResponse },
      },
    }, async (req) => selection.enterSkb(req.actor!, req.params.id, req.params.participantNo, req.body.components));
    app.post('/api/v1/periods/:id/skb-scores/import', { config: { access: ['committee'], period: 'period' }, schema: { ...com, summary: 'Impor nilai SKB per komponen (CSV)', params: Id, response: { 200: ImportedResponse } } }, async (req) => selection.importSkb(req.actor!, req.params.id, await readCsvUpload(req)));
    app.get('/api/v1/periods/:id/selection-settings', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Pengaturan seleksi periode (optimalisasi)', params: Id, response: { 200: SelectionSettingsResponse } } }, async (req) => selection.settings(req.params.id));
    app.put('/api/v1/periods/:id/selection-settings', { config: { access: ['committee'], period: 'period' }, schema: { ...com, summary: 'Aktifkan/nonaktifkan optimalisasi formasi kosong', params: Id, body: z.strictObject({ optimalisasi: z.boolean() }), response: { 200: OkResponse } } }, async (req) => {
      await selection.setSettings(req.actor!, req.params.id, req.body);
      return { ok: true as const };
    });
    app.get('/api/v1/periods/:id/publications', { config: { access: committee, period: 'period' }, schema: { ...com, summary: 'Publikasi hasil (termasuk usulan)', params: Id, response: { 200: StaffPublicationsResponse } } }, async (req) => ({ publications: await selection.allPublications(req.params.id) }));
    app.post('/api/v1/periods/:id/publications', { config: { access: ['committee'], period: 'period' }, schema: { ...com, summary: 'Usulkan publikasi hasil SKD/akhir', params: Id, body: ProposePublicationBody, response: { 201: ProposedPublicationResponse } } }, async (req, reply) => reply.status(201).send(await selection.propose(req.actor!, req.params.id, req.body.stage, req.body.reason)));
    app.post('/api/v1/publications/:id/decision', { config: { access: ['committee'], period: 'publication' }, schema: { ...com, summary: 'Setujui/tolak publikasi (anggota lain)', params: Id, body: DecidePublicationBody, response: { 200: OkResponse } } }, async (req) => {
      await selection.decide(req.actor!, req.params.id, req.body.approve);
      return { ok: true as const };
    });

    app.get('/api/v1/public/results/periods/:id', { config: { access: 'public' }, schema: { ...pub, summary: 'Publikasi hasil seleksi dan berkas data terbuka', params: Id, response: { 200: PublicPublicationsResponse } } }, async (req) => ({ publications: await selection.publishedPublications(req.params.id) }));
    app.get('/api/v1/public/results/periods/:id/formations/:code', {
      config: { access: 'public' },
      schema: { ...pub, summary: 'Hasil per formasi (nama disamarkan)', params: z.strictObject({ id: z.uuid(), code: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/) }), response: { 200: FormationResultsResponse } },
    }, async (req) => selection.formationResults(req.params.id, req.params.code));
    app.get('/api/v1/public/results/publications/:id/announcement.pdf', {
      config: { access: 'public' },
      schema: { ...pub, summary: 'Pengumuman resmi hasil SKD atau hasil akhir (PDF bernomor, bertanda tangan elektronik, dengan QR)', params: Id },
    }, async (req, reply) =>
      reply.type('application/pdf').header('content-disposition', 'attachment; filename="pengumuman-hasil-seleksi.pdf"').send(await announcements.pdf(req.params.id)));
    app.get('/api/v1/public/results/publications/:id/files/:name', {
      config: { access: 'public' },
      schema: { ...pub, summary: 'Unduh berkas data terbuka persis seperti diumumkan', params: z.strictObject({ id: z.uuid(), name: z.enum(['formations.csv', 'skd.csv', 'ranking.csv', 'thresholds.json', 'skb.csv', 'final.csv', 'optimalisasi.csv']) }) },
    }, async (req, reply) => {
      const f = await selection.publishedFile(req.params.id, req.params.name);
      return reply.type(req.params.name.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${req.params.name}"`).header('x-content-sha256', f.sha256).send(f.content);
    });
  };
}
