/**
 * A hall submitting at once: submits that arrive together share one transaction (cat.service),
 * yet each participant gets exactly their own score, a repeated submit changes nothing, and the
 * audit log gets one event per attempt and still verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import {
  assignProctor,
  PARTICIPANT_PASSWORD,
  type ScheduledParticipant,
  scheduleParticipants,
  seedSmallBank,
} from '../../../test/exam-setup.ts';

let ctx: TestContext;
let people: ScheduledParticipant[];
let token: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const committee = await signedInAgent(ctx, 'committee');
  const proctor = await signedInAgent(ctx, 'proctor');
  const blueprintId = await seedSmallBank(await signedInAgent(ctx, 'exam_admin'));
  const scheduled = await scheduleParticipants(ctx, committee, 6);
  const [sessionId, inSession] = [...scheduled.bySession.entries()][0]!;
  people = inSession;
  await assignProctor(committee, proctor, sessionId);
  const opened = await proctor.post(`/api/v1/cat/sessions/${sessionId}/open`, { blueprintId });
  expect(opened.statusCode, opened.body).toBe(200);
  token = opened.json().token;
});
afterAll(() => ctx?.close());

describe('submits that arrive together', () => {
  it('score each participant on their own answers, with one audit event each, and a repeat changes nothing', async () => {
    const taking = await Promise.all(
      people.map(async (p, n) => {
        const agent = new Agent(ctx.app);
        const res = await agent.post('/api/v1/cat/login', {
          participantNo: p.participantNo,
          password: PARTICIPANT_PASSWORD,
          token,
        });
        expect(res.statusCode, res.body).toBe(200);
        const items = res.json().items as { itemId: string }[];
        // Participant n answers n items (the last one is still waiting in the answer writer when they submit).
        for (const [i, it] of items.slice(0, n).entries()) {
          expect(
            (await agent.put('/api/v1/cat/answers', { itemId: it.itemId, chosen: 'A', flagged: false, seq: i + 1 }))
              .statusCode,
          ).toBe(200);
        }
        return { agent, answered: Math.min(n, items.length) };
      }),
    );
    const auditBefore = await ctx.database.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'cat.attempt.submit')
      .execute();

    // Everyone at once, one of them twice (a double tap).
    const submits = await Promise.all([
      ...taking.map((t) => t.agent.post('/api/v1/cat/submit')),
      taking[2]!.agent.post('/api/v1/cat/submit'),
    ]);
    for (const s of submits) expect(s.statusCode, s.body).toBe(200);
    taking.forEach((t, n) => expect(submits[n]!.json().answered).toBe(t.answered));
    expect(submits[6]!.json()).toEqual(submits[2]!.json());

    const attempts = await ctx.database.db
      .selectFrom('attempts')
      .select(['id', 'status', 'submitted_by', 'score'])
      .where(
        'application_id',
        'in',
        people.map((p) => p.applicationId),
      )
      .execute();
    expect(attempts.every((a) => a.status === 'submitted' && a.submitted_by === 'participant')).toBe(true);
    const events = await ctx.database.db
      .selectFrom('audit_events')
      .select(['subject_id'])
      .where('action', '=', 'cat.attempt.submit')
      .execute();
    expect(events.length - auditBefore.length).toBe(people.length);
    expect(new Set(events.map((e) => e.subject_id))).toEqual(new Set(attempts.map((a) => a.id)));
    expect(await ctx.services.audit.verify(ctx.database.db)).toMatchObject({ ok: true });

    // A later submit returns the stored score and records nothing more.
    const again = await taking[4]!.agent.post('/api/v1/cat/submit');
    expect(again.json()).toEqual(submits[4]!.json());
    expect(
      await ctx.database.db
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'cat.attempt.submit')
        .execute(),
    ).toHaveLength(events.length);
  });
});
