/**
 * The proctor console's read side through the API: the session list (period, site, seats, CAT
 * state, started/submitted counts, filters) and one session's state with its blueprint summary.
 * The session token must never appear in either answer.
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

interface SessionSummary {
  sessionId: string;
  period: { id: string; name: string; year: number };
  site: { id: string; name: string };
  startsAt: string;
  durationMinutes: number;
  capacity: number;
  assigned: number;
  cat: null | {
    blueprintId: string;
    blueprintName: string;
    open: boolean;
    openedAt: string;
    closedAt: string | null;
    graceSeconds: number;
  };
  counts: { started: number; submitted: number };
}

let ctx: TestContext;
let committee: Agent;
let proctor: Agent;
let examAdmin: Agent;
let applicant: Agent;
let blueprintId: string;
let blueprintName: string;
let periodA: string;
let periodB: string;
/** Period A: `big` holds two participants, `small` one. Period B: `other`, one participant. */
let big: string;
let small: string;
let other: string;
let people: ScheduledParticipant[];
const tokens: string[] = [];
const MIN = 60_000;

async function list(query = '', agent = proctor) {
  const res = await agent.get(`/api/v1/cat/sessions${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().sessions as SessionSummary[];
}

const find = (rows: SessionSummary[], id: string) => rows.find((r) => r.sessionId === id);

async function detail(id: string, agent = proctor) {
  const res = await agent.get(`/api/v1/cat/sessions/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

/** No token issued so far, nor any stored token hash, nor a `token` field may be in a body. */
async function expectNoToken(body: string) {
  const hashes = await ctx.database.db.selectFrom('cat_sessions').select('token_hash').execute();
  for (const t of tokens) expect(body).not.toContain(t);
  for (const h of hashes) expect(body).not.toContain(h.token_hash);
  expect(body).not.toMatch(/"token(Hash)?"\s*:/i);
}

async function open(sessionId: string, body: Record<string, unknown> = {}) {
  const res = await proctor.post(`/api/v1/cat/sessions/${sessionId}/open`, { blueprintId, ...body });
  expect(res.statusCode, res.body).toBe(200);
  tokens.push(res.json().token);
  return res.json().token as string;
}

beforeAll(async () => {
  ctx = await createTestContext();
  committee = await signedInAgent(ctx, 'committee');
  proctor = await signedInAgent(ctx, 'proctor');
  examAdmin = await signedInAgent(ctx, 'exam_admin');
  applicant = await signedInAgent(ctx, 'applicant');
  blueprintId = await seedSmallBank(examAdmin);
  blueprintName = (await examAdmin.get(`/api/v1/exam/blueprints/${blueprintId}`)).json().name;
  const a = await scheduleParticipants(ctx, committee, 3, [2, 1]);
  periodA = a.periodId;
  [big, small] = [...a.bySession.entries()].sort((x, y) => y[1].length - x[1].length).map(([id]) => id) as [
    string,
    string,
  ];
  people = a.bySession.get(big)!;
  const b = await scheduleParticipants(ctx, committee, 1);
  periodB = b.periodId;
  other = b.sessionIds[0]!;
  await assignProctor(committee, proctor, big, small, other);
});
afterAll(() => ctx?.close());

describe('GET /api/v1/cat/sessions', () => {
  it('lists every session with its period, site, schedule and seats, not yet opened', async () => {
    const rows = await list();
    expect(rows.map((r) => r.sessionId).sort()).toEqual([big, small, other].sort());
    const row = find(rows, big)!;
    expect(row).toMatchObject({
      period: { id: periodA, name: 'Seleksi CPNS Pemerintah Kota Palu (uji)', year: 2026 },
      site: { name: 'UPT BKN Palu' },
      durationMinutes: 100,
      assigned: 2,
      cat: null,
      counts: { started: 0, submitted: 0 },
    });
    expect(row.capacity).toBeGreaterThanOrEqual(2);
    expect(find(rows, small)!.assigned).toBe(1);
    expect(new Date(row.startsAt).toISOString()).toBe(row.startsAt);
    // Latest first: each row starts no earlier than the next one.
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.startsAt >= rows[i]!.startsAt).toBe(true);
  });

  it('shows the CAT state once a proctor opens a session, without the token', async () => {
    await open(big, { graceSeconds: 45 });
    const res = await proctor.get('/api/v1/cat/sessions');
    await expectNoToken(res.body);
    const row = find(res.json().sessions, big)!;
    expect(row.cat).toEqual({
      blueprintId,
      blueprintName,
      open: true,
      openedAt: ctx.clock.now().toISOString(),
      closedAt: null,
      graceSeconds: 45,
    });
    expect(find(res.json().sessions, small)!.cat).toBeNull();
  });

  it('counts participants who started and who submitted', async () => {
    const p = new Agent(ctx.app);
    const login = await p.post('/api/v1/cat/login', {
      participantNo: people[0]!.participantNo,
      password: PARTICIPANT_PASSWORD,
      token: tokens.at(-1),
    });
    expect(login.statusCode, login.body).toBe(200);
    expect(find(await list(), big)!.counts).toEqual({ started: 1, submitted: 0 });
    expect((await p.post('/api/v1/cat/submit')).statusCode).toBe(200);
    expect(find(await list(), big)!.counts).toEqual({ started: 1, submitted: 1 });
    expect(find(await list(), small)!.counts).toEqual({ started: 0, submitted: 0 });
  });

  it('filters by period and by open state', async () => {
    expect((await list(`?periodId=${periodA}`)).map((r) => r.sessionId).sort()).toEqual([big, small].sort());
    expect((await list(`?periodId=${periodB}`)).map((r) => r.sessionId)).toEqual([other]);
    expect(await list('?periodId=00000000-0000-4000-8000-000000000000')).toEqual([]);
    await open(other);
    expect((await list('?state=open')).map((r) => r.sessionId).sort()).toEqual([big, other].sort());
    expect((await list(`?state=open&periodId=${periodB}`)).map((r) => r.sessionId)).toEqual([other]);
    expect((await list('?state=all')).length).toBe(3);
    expect((await proctor.get('/api/v1/cat/sessions?periodId=bukan-uuid')).statusCode).toBe(400);
    expect((await proctor.get('/api/v1/cat/sessions?state=closed')).statusCode).toBe(400);
  });

  it('drops a closed session from the open filter and reports when it closed', async () => {
    ctx.clock.advance(5 * MIN);
    expect((await proctor.post(`/api/v1/cat/sessions/${other}/close`)).statusCode).toBe(200);
    expect((await list('?state=open')).map((r) => r.sessionId)).toEqual([big]);
    const row = find(await list(), other)!;
    expect(row.cat).toMatchObject({ open: false, closedAt: ctx.clock.now().toISOString() });
  });

  it('scopes proctors to their sessions: a proctor not assigned sees none and can open, close or watch none', async () => {
    const stranger = await signedInAgent(ctx, 'proctor');
    expect(await list('', stranger)).toEqual([]);
    expect((await stranger.get(`/api/v1/cat/sessions/${big}`)).statusCode).toBe(404);
    for (const [method, path, body] of [
      ['POST', `/api/v1/cat/sessions/${small}/open`, { blueprintId }],
      ['POST', `/api/v1/cat/sessions/${big}/close`, undefined],
      ['GET', `/api/v1/cat/sessions/${big}/participants`, undefined],
      ['GET', `/api/v1/cat/sessions/${big}/events`, undefined],
      ['GET', `/api/v1/cat/sessions/${big}/incidents`, undefined],
      ['POST', `/api/v1/cat/sessions/${big}/device-approvals`, { applicationId: people[0]!.applicationId }],
      ['POST', `/api/v1/cat/sessions/${big}/lockouts/clear`, { applicationId: people[0]!.applicationId }],
    ] as const) {
      expect((await stranger.request(method, path, body)).statusCode, `${method} ${path}`).toBe(404);
    }
    expect((await detail(small)).json().cat).toBeNull(); // still never opened
    // Once the committee assigns them, the same proctor sees and runs that session only.
    const me = (await stranger.get('/api/v1/me')).json().account.id;
    const assigned = await committee.post(`/api/v1/cat/sessions/${small}/proctors`, { accountId: me });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().proctors.map((p: { accountId: string }) => p.accountId)).toContain(me);
    expect((await list('', stranger)).map((r) => r.sessionId)).toEqual([small]);
    expect((await stranger.get(`/api/v1/cat/sessions/${small}`)).statusCode).toBe(200);
    expect(
      (
        await committee.post(`/api/v1/cat/sessions/${small}/proctors`, {
          accountId: (await committee.get('/api/v1/me')).json().account.id,
        })
      ).statusCode,
    ).toBe(400);
    expect((await committee.request('DELETE', `/api/v1/cat/sessions/${small}/proctors/${me}`)).statusCode).toBe(200);
    expect(await list('', stranger)).toEqual([]);
    const audited = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'exam_session.%proctor')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['exam_session.assign_proctor', 'exam_session.unassign_proctor']),
    );
  });

  it('pages the list: page and pageSize, with the total', async () => {
    const first = (await committee.get('/api/v1/cat/sessions?pageSize=2')).json();
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(first.sessions).toHaveLength(2);
    const second = (await committee.get('/api/v1/cat/sessions?pageSize=2&page=2')).json();
    expect(second.sessions).toHaveLength(1);
    expect([...first.sessions, ...second.sessions].map((s: { sessionId: string }) => s.sessionId).sort()).toEqual(
      [big, small, other].sort(),
    );
    expect((await committee.get('/api/v1/cat/sessions?pageSize=500')).statusCode).toBe(400);
  });

  it('is for proctors, committee and exam admins only', async () => {
    for (const agent of [committee, examAdmin]) expect((await list('', agent)).length).toBe(3);
    expect((await applicant.get('/api/v1/cat/sessions')).statusCode).toBe(404);
    expect((await new Agent(ctx.app).get('/api/v1/cat/sessions')).statusCode).toBe(401);
  });
});

describe('GET /api/v1/cat/sessions/:id', () => {
  it('gives a session that was never opened, with no blueprint', async () => {
    const body = (await detail(small)).json();
    expect(body).toMatchObject({
      sessionId: small,
      period: { id: periodA },
      assigned: 1,
      cat: null,
      blueprint: null,
      counts: { started: 0, submitted: 0 },
    });
  });

  it('gives the CAT state and the blueprint summary, never the token', async () => {
    const res = await detail(big);
    await expectNoToken(res.body);
    expect(res.json()).toMatchObject({
      sessionId: big,
      site: { name: 'UPT BKN Palu' },
      assigned: 2,
      cat: { blueprintId, blueprintName, open: true, graceSeconds: 45, closedAt: null },
      counts: { started: 1, submitted: 1 },
      blueprint: { id: blueprintId, name: blueprintName, examType: 'SKD', durationMinutes: 100, itemCount: 6 },
    });
  });

  it('moves the token time when the proctor issues a new token with the same blueprint', async () => {
    const before = (await detail(big)).json().cat.openedAt;
    ctx.clock.advance(3 * MIN);
    await open(big);
    const res = await detail(big);
    await expectNoToken(res.body);
    expect(res.json().cat.openedAt).toBe(ctx.clock.now().toISOString());
    expect(res.json().cat.openedAt).not.toBe(before);
    expect(res.json().cat.graceSeconds).toBe(45);
  });

  it('answers 404 for an unknown session, 400 for a malformed id, and refuses applicants', async () => {
    const unknown = await proctor.get('/api/v1/cat/sessions/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    expect((await proctor.get('/api/v1/cat/sessions/bukan-uuid')).statusCode).toBe(400);
    expect((await applicant.get(`/api/v1/cat/sessions/${big}`)).statusCode).toBe(404);
    expect((await new Agent(ctx.app).get(`/api/v1/cat/sessions/${big}`)).statusCode).toBe(401);
    expect((await detail(big, examAdmin)).json().sessionId).toBe(big);
  });
});
