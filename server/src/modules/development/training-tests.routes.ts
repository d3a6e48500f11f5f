/** HTTP for training pre/post-tests on the CAT engine: the admin's choice per batch, the participant's test. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BatchTest,
  BatchTestBody,
  BatchTestList,
  MyTestList,
  Ok,
  PhaseParams,
  StartedTest,
  SubmittedTest,
  TestAnswerAck,
  TestAnswerBody,
  TestAttemptView,
  TestBlueprintList,
} from '../../../../common/contracts/training-tests.ts';
import type { TrainingTestsService } from './training-tests.service.ts';

const Id = z.strictObject({ id: z.uuid() });
const BKPSDM = ['admin', 'training_admin'] as const;

export function trainingTestsRoutes(tests: TrainingTestsService): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['development'];
    const noStore = { 'cache-control': 'no-store' };

    // ── the training admin: which blueprint and window per phase ──
    app.get('/api/v1/training/test-blueprints', { config: { access: BKPSDM }, schema: { tags, summary: 'Kisi-kisi tes pelatihan yang dapat dipilih (nama, durasi, jumlah soal)', response: { 200: TestBlueprintList } } }, async () => tests.blueprints());
    app.get('/api/v1/training/batches/:id/tests', { config: { access: BKPSDM }, schema: { tags, summary: 'Pre-test/post-test angkatan di mesin CAT', params: Id, response: { 200: BatchTestList } } }, async (req) => tests.tests(req.params.id));
    app.put('/api/v1/training/batches/:id/tests/:phase', { config: { access: ['training_admin'] }, schema: { tags, summary: 'Atur kisi-kisi dan jadwal pre-test/post-test angkatan', params: PhaseParams, body: BatchTestBody, response: { 200: BatchTest } } }, async (req) => tests.setTest(req.actor!, req.params.id, req.params.phase, req.body));
    app.delete('/api/v1/training/batches/:id/tests/:phase', { config: { access: ['training_admin'] }, schema: { tags, summary: 'Hapus tes CAT angkatan (selama belum ada yang memulai)', params: PhaseParams, response: { 200: Ok } } }, async (req) => tests.removeTest(req.actor!, req.params.id, req.params.phase));

    // ── the participant ──
    app.get('/api/v1/me/training-tests', { config: { access: 'signed-in' }, schema: { tags, summary: 'Pre-test/post-test saya', response: { 200: MyTestList } } }, async (req, reply) => {
      reply.headers(noStore);
      return tests.mine(req.actor!);
    });
    app.post('/api/v1/me/enrollments/:id/tests/:phase/start', { config: { access: 'signed-in' }, schema: { tags, summary: 'Mulai (atau lanjutkan) pre-test/post-test', params: PhaseParams, response: { 200: StartedTest } } }, async (req) => tests.start(req.actor!, req.params.id, req.params.phase));
    app.get('/api/v1/me/training-tests/:id', { config: { access: 'signed-in' }, schema: { tags, summary: 'Soal, jawaban tersimpan dan sisa waktu tes saya', params: Id, response: { 200: TestAttemptView } } }, async (req, reply) => {
      reply.headers(noStore);
      return tests.view(req.actor!, req.params.id);
    });
    app.put('/api/v1/me/training-tests/:id/answers', { config: { access: 'signed-in' }, schema: { tags, summary: 'Simpan satu jawaban (dengan nomor urut)', params: Id, body: TestAnswerBody, response: { 200: TestAnswerAck } } }, async (req) => tests.answer(req.actor!, req.params.id, req.body));
    app.post('/api/v1/me/training-tests/:id/submit', { config: { access: 'signed-in' }, schema: { tags, summary: 'Kumpulkan tes', params: Id, response: { 200: SubmittedTest } } }, async (req) => tests.submit(req.actor!, req.params.id));
  };
}
