/**
 * Committee members are scoped to their period (SK Panitia): a committee account that does not sit
 * on a period's committee cannot read or change it — not its formations, announcements, sessions or
 * publications — and cannot be the "second member" who approves. Only the admin seats members.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { scheduleParticipants } from '../../../test/exam-setup.ts';

let ctx: TestContext;
let admin: Agent;
let member: Agent;
let outsider: Agent;
let outsiderId: string;
let periodId: string;
let formationId: string;
let sessionId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedInAgent(ctx, 'admin');
  member = await signedInAgent(ctx, 'committee');
  outsider = await signedInAgent(ctx, 'committee');
  outsiderId = (await outsider.get('/api/v1/me')).json().account.id;
  const s = await scheduleParticipants(ctx, member, 1);
  ({ periodId, formationId } = s);
  sessionId = s.sessionIds[0]!;
});
afterAll(() => ctx?.close());

describe('committee members scoped to a period', () => {
  it('seats whoever opens a period on its committee, and lists it only to its members', async () => {
    const members = (await member.get(`/api/v1/periods/${periodId}/committee`)).json().members as { id: string }[];
    expect(members).toHaveLength(1);
    expect((await member.get('/api/v1/periods')).json().periods.map((p: { id: string }) => p.id)).toContain(periodId);
    expect((await outsider.get('/api/v1/periods')).json().periods.map((p: { id: string }) => p.id)).not.toContain(
      periodId,
    );
    expect((await admin.get('/api/v1/periods')).json().periods.map((p: { id: string }) => p.id)).toContain(periodId);
  });

  it('refuses an outsider every period-scoped route with 404, and changes nothing', async () => {
    const before = await ctx.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const attempts = [
      outsider.get(`/api/v1/periods/${periodId}/committee`),
      outsider.get(`/api/v1/periods/${periodId}/publications`),
      outsider.post(`/api/v1/periods/${periodId}/formations`, {
        code: 'X-1',
        organizationId: 'kominfo',
        jabatan: 'Pranata Komputer',
        educationLevels: ['S1'],
        majors: [],
        needType: 'umum',
        quota: 1,
        placement: null,
      }),
      outsider.get(`/api/v1/formations/${formationId}/skb-weights`),
      outsider.get(`/api/v1/cat/sessions/${sessionId}`),
      outsider.get(`/api/v1/verification/queue?periodId=${periodId}`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(404);
    }
    expect(
      (await outsider.get('/api/v1/cat/sessions'))
        .json()
        .sessions.map((x: { sessionId: string; id?: string }) => x.sessionId ?? x.id),
    ).not.toContain(sessionId);
    const after = await ctx.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('does not let an outsider be the second member who approves a proposal', async () => {
    const proposed = await member.post(`/api/v1/periods/${periodId}/announcements`, {
      stage: 'administration',
      note: null,
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const refused = await outsider.post(`/api/v1/announcements/${proposed.json().id}/decision`, {
      approve: true,
      note: null,
    });
    expect(refused.statusCode).toBe(404);
    expect(
      (
        await ctx.database.db
          .selectFrom('announcements')
          .select('status')
          .where('id', '=', proposed.json().id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('proposed');
  });

  it('lets only the admin seat and unseat members, audited; a member cannot co-opt another', async () => {
    expect((await member.post(`/api/v1/periods/${periodId}/committee`, { accountId: outsiderId })).statusCode).toBe(
      404,
    );
    const verifier = await signedInAgent(ctx, 'verifier');
    const verifierId = (await verifier.get('/api/v1/me')).json().account.id;
    const wrongRole = await admin.post(`/api/v1/periods/${periodId}/committee`, { accountId: verifierId });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().error.message).toContain('bukan akun panitia');
    expect((await admin.get('/api/v1/committee-accounts')).json().accounts.map((a: { id: string }) => a.id)).toContain(
      outsiderId,
    );

    expect((await admin.post(`/api/v1/periods/${periodId}/committee`, { accountId: outsiderId })).statusCode).toBe(200);
    expect((await outsider.get(`/api/v1/periods/${periodId}/publications`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/v1/cat/sessions/${sessionId}`)).statusCode).toBe(200);
    expect((await admin.request('DELETE', `/api/v1/periods/${periodId}/committee/${outsiderId}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/v1/periods/${periodId}/publications`)).statusCode).toBe(404);
    expect((await admin.request('DELETE', `/api/v1/periods/${periodId}/committee/${outsiderId}`)).statusCode).toBe(404);
    const actions = (
      await ctx.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('subject_id', '=', periodId)
        .where('action', 'like', 'period.%committee%')
        .execute()
    ).map((r) => r.action);
    expect(actions).toEqual(['period.add_committee_member', 'period.remove_committee_member']);
  });
});
