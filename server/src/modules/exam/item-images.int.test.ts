/**
 * Pictures in exam items: the exam admin uploads a JPEG or PNG checked by its bytes, an item names
 * it, and a participant gets it only while their running exam shows that item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, makePng, multipart } from '../../../test/fixtures.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import {
  assignProctor,
  makeItem,
  PARTICIPANT_PASSWORD,
  scheduleParticipants,
  seedSmallBank,
} from '../../../test/exam-setup.ts';

let ctx: TestContext;
let examAdmin: Agent;
let png: Buffer;
let imageKey: string;

beforeAll(async () => {
  ctx = await createTestContext();
  examAdmin = await signedInAgent(ctx, 'exam_admin');
  png = await makePng('Deret: 2, 4, 8, 16, ...');
});
afterAll(() => ctx?.close());

describe('item pictures', () => {
  it('takes a PNG from the exam admin, audited, and refuses other files with the reason', async () => {
    const res = await examAdmin.upload(
      'POST',
      '/api/v1/exam/item-images',
      multipart({ name: 'deret.png', data: png, type: 'image/png' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    imageKey = res.json().imageKey;
    expect(res.json()).toMatchObject({ mime: 'image/png', size: png.length });
    expect(
      await ctx.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'exam.item_image.upload')
        .execute(),
    ).toHaveLength(1);

    const pdf = await examAdmin.upload(
      'POST',
      '/api/v1/exam/item-images',
      multipart({ name: 'gambar.png', data: await makePdf(), type: 'image/png' }),
    );
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.message).toContain('harus berformat JPG/JPEG atau PNG');
    const applicant = await signedInAgent(ctx, 'applicant');
    expect(
      (
        await applicant.upload(
          'POST',
          '/api/v1/exam/item-images',
          multipart({ name: 'deret.png', data: png, type: 'image/png' }),
        )
      ).statusCode,
    ).toBe(404);
    expect(await ctx.database.db.selectFrom('item_images').select('id').execute()).toHaveLength(1);
  });

  it('refuses an item naming a picture that was never uploaded', async () => {
    const res = await examAdmin.post('/api/v1/exam/items', {
      ...makeItem('TIU', 9),
      imageKey: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'imageKey' });
  });

  it('shows the picture to the exam admin, and to a participant only while their exam shows the item', async () => {
    const got = await examAdmin.get(`/api/v1/exam/item-images/${imageKey}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(png)).toBe(true);

    const blueprintId = await seedSmallBank(examAdmin);
    const items = (await examAdmin.get('/api/v1/exam/items?pageSize=200')).json().items as {
      id: string;
      content: ReturnType<typeof makeItem>;
    }[];
    for (const it of items)
      expect((await examAdmin.put(`/api/v1/exam/items/${it.id}`, { ...it.content, imageKey })).statusCode).toBe(200);

    const committee = await signedInAgent(ctx, 'committee');
    const proctor = await signedInAgent(ctx, 'proctor');
    const s = await scheduleParticipants(ctx, committee, 2);
    const sessionId = s.sessionIds[0]!;
    await assignProctor(committee, proctor, sessionId);
    const token = (await proctor.post(`/api/v1/cat/sessions/${sessionId}/open`, { blueprintId })).json().token;
    const [taking, waiting] = s.bySession.get(sessionId)!;
    const participant = new Agent(ctx.app);
    expect(
      (
        await participant.post('/api/v1/cat/login', {
          participantNo: taking!.participantNo,
          password: PARTICIPANT_PASSWORD,
          token,
        })
      ).statusCode,
    ).toBe(200);
    const form = (await participant.get('/api/v1/cat/attempt')).json().items as { imageKey: string | null }[];
    expect(form.every((i) => i.imageKey === imageKey)).toBe(true);
    expect((await participant.get(`/api/v1/exam/item-images/${imageKey}`)).statusCode).toBe(200);

    const other = new Agent(ctx.app);
    expect(
      (await other.post('/api/v1/auth/login', { identifier: waiting!.email, password: PARTICIPANT_PASSWORD }))
        .statusCode,
    ).toBe(200);
    expect((await other.get(`/api/v1/exam/item-images/${imageKey}`)).statusCode).toBe(404); // not in an exam

    expect((await participant.post('/api/v1/cat/submit')).statusCode).toBe(200);
    expect((await participant.get(`/api/v1/exam/item-images/${imageKey}`)).statusCode).toBe(404); // the exam is over
  });
});
