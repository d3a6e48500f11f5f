/** HTTP for the administrative selection's official outputs: XLSX export (committee) and the public PENGUMUMAN PDF. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OutcomesService } from './outcomes.service.ts';

const Id = z.strictObject({ id: z.uuid() });

export function outcomesRoutes(outcomes: OutcomesService): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get('/api/v1/periods/:id/outcomes.xlsx', {
      config: { access: ['committee', 'admin'], period: 'period' },
      schema: { tags: ['committee'], summary: 'Unduh berkas pelamar dan hasil MS/TMS (XLSX; dicatat di log audit)', params: Id },
    }, async (req, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="hasil-administrasi.xlsx"')
        .header('cache-control', 'private, no-store')
        .send(await outcomes.exportXlsx(req.actor!, req.params.id)));
    app.get('/api/v1/public/announcements/:id.pdf', {
      config: { access: 'public' },
      schema: { tags: ['public'], summary: 'Pengumuman resmi hasil seleksi administrasi (PDF)', params: Id },
    }, async (req, reply) =>
      reply.type('application/pdf').header('content-disposition', 'attachment; filename="pengumuman-hasil-administrasi.pdf"').send(await outcomes.announcementPdf(req.params.id)));
  };
}
