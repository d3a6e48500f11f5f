/** HTTP for policy follow-up: BKPSDM's action plans, the responsible OPD's milestone updates, the public progress pages. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActionBody, IdResponse, MilestoneBody, MilestoneUpdateBody, MilestoneUpdateResponse, PolicyBody, PolicyListResponse, PolicyView } from '../../../../common/contracts/performance.ts';
import type { PolicyService } from './policy.service.ts';

const Id = z.strictObject({ id: z.uuid() });
const STAFF = ['admin', 'training_admin', 'supervisor'] as const;

export function policyRoutes(policy: PolicyService): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['policy'];
    app.get('/api/v1/policies', { config: { access: STAFF }, schema: { tags, summary: 'Kebijakan pusat dan kemajuan rencana aksinya', response: { 200: PolicyListResponse } } }, async (req) => policy.list(req.actor!));
    app.post('/api/v1/policies', { config: { access: ['admin'] }, schema: { tags, summary: 'Catat kebijakan pusat', body: PolicyBody, response: { 201: IdResponse } } }, async (req, reply) => reply.status(201).send(await policy.create(req.actor!, req.body)));
    app.get('/api/v1/policies/:id', { config: { access: STAFF }, schema: { tags, summary: 'Rencana aksi satu kebijakan', params: Id, response: { 200: PolicyView } } }, async (req) => policy.get(req.actor!, req.params.id));
    app.post('/api/v1/policies/:id/actions', { config: { access: ['admin'] }, schema: { tags, summary: 'Tambah aksi daerah dengan tonggaknya', params: Id, body: ActionBody, response: { 201: IdResponse } } }, async (req, reply) => reply.status(201).send(await policy.addAction(req.actor!, req.params.id, req.body)));
    app.post('/api/v1/policy-actions/:id/milestones', { config: { access: ['admin'] }, schema: { tags, summary: 'Tambah tonggak', params: Id, body: MilestoneBody, response: { 201: IdResponse } } }, async (req, reply) => reply.status(201).send(await policy.addMilestone(req.actor!, req.params.id, req.body)));
    app.patch('/api/v1/policy-milestones/:id', { config: { access: ['admin', 'supervisor'] }, schema: { tags, summary: 'Perbarui status, bukti, atau jawaban keterlambatan tonggak', params: Id, body: MilestoneUpdateBody, response: { 200: MilestoneUpdateResponse } } }, async (req) => policy.updateMilestone(req.actor!, req.params.id, req.body));
    app.get('/api/v1/public/policies', { config: { access: 'public' }, schema: { tags, summary: 'Kemajuan tindak lanjut kebijakan (publik)', response: { 200: PolicyListResponse } } }, async () => policy.list(null));
    app.get('/api/v1/public/policies/:id', { config: { access: 'public' }, schema: { tags, summary: 'Linimasa dan bukti publik satu kebijakan', params: Id, response: { 200: PolicyView } } }, async (req) => policy.get(null, req.params.id));
  };
}
