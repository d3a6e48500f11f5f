/**
 * The answer socket end to end (common/contracts/cat-socket.ts): the same rules as the PUT — acks
 * only after commit, stale seqs, items not on the form, wrong device, bad frames, the in-flight
 * cap — plus what only a socket has: the upgrade's access control and Origin check, and closing
 * when the sign-in ends.
 */
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAT_SOCKET_PATH, SOCKET_CLOSE, type SocketServerMessage } from '../../../../common/contracts/cat-socket.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import {
  assignProctor,
  PARTICIPANT_PASSWORD,
  type ScheduledParticipant,
  scheduleParticipants,
  seedSmallBank,
} from '../../../test/exam-setup.ts';
import { originAllowed } from './answer-socket.ts';

let ctx: TestContext;
let people: ScheduledParticipant[];
let sessionId: string;
let token: string;
const sockets: WebSocket[] = [];

const cookieOf = (a: Agent) => [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

let base = '';

/** A real socket over loopback, as the page opens it; rejects with the status of a refused upgrade. */
async function connect(agent: Agent | null, headers: Record<string, string> = {}) {
  const ws = new WebSocket(`${base}${CAT_SOCKET_PATH}`, {
    headers: { ...(agent ? { cookie: cookieOf(agent) } : {}), ...headers },
  });
  sockets.push(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`Unexpected server response: ${res.statusCode}`)));
    ws.once('error', reject);
  });
  const inbox: SocketServerMessage[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (d) => {
    inbox.push(JSON.parse(String(d)));
    waiters.splice(0).forEach((w) => w());
  });
  /** The next `n` replies, in arrival order. */
  const next = async (n = 1) => {
    while (inbox.length < n) await new Promise<void>((r) => waiters.push(r));
    return inbox.splice(0, n);
  };
  const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
  return { ws, next, closed, send: (m: unknown) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)) };
}

const signedIn = new Map<
  ScheduledParticipant,
  { agent: Agent; items: { itemId: string; options: { key: string }[] }[] }
>();
/** Signs in once per participant: a second sign-in from a new agent would be a second device. */
async function signIn(p: ScheduledParticipant) {
  if (signedIn.has(p)) return signedIn.get(p)!;
  const agent = new Agent(ctx.app);
  const res = await agent.post('/api/v1/cat/login', {
    participantNo: p.participantNo,
    password: PARTICIPANT_PASSWORD,
    token,
  });
  expect(res.statusCode, res.body).toBe(200);
  signedIn.set(p, { agent, items: res.json().items });
  return signedIn.get(p)!;
}

beforeAll(async () => {
  ctx = await createTestContext();
  const committee = await signedInAgent(ctx, 'committee');
  const proctor = await signedInAgent(ctx, 'proctor');
  const examAdmin = await signedInAgent(ctx, 'exam_admin');
  const blueprintId = await seedSmallBank(examAdmin);
  const s = await scheduleParticipants(ctx, committee, 3);
  sessionId = s.sessionIds[0]!;
  people = s.bySession.get(sessionId)!;
  await assignProctor(committee, proctor, sessionId);
  const open = await proctor.post(`/api/v1/cat/sessions/${sessionId}/open`, { blueprintId });
  expect(open.statusCode, open.body).toBe(200);
  token = open.json().token;
  base = (await ctx.app.listen({ host: '127.0.0.1', port: 0 })).replace('http:', 'ws:');
});
afterAll(async () => {
  for (const s of sockets) s.terminate();
  await ctx?.close();
});

describe('answer socket', () => {
  it('acknowledges a save only once it is stored, and answers a replay with the stored state', async () => {
    const { agent, items } = await signIn(people[0]!);
    const c = await connect(agent);
    const item = items[0]!;
    c.send({ type: 'save', itemId: item.itemId, chosen: item.options[1]!.key, flagged: true, seq: 2 });
    const [ack] = await c.next();
    expect(ack).toMatchObject({
      type: 'ack',
      itemId: item.itemId,
      seq: 2,
      chosen: item.options[1]!.key,
      flagged: true,
      applied: true,
    });
    const stored = await ctx.database.db
      .selectFrom('answers')
      .select(['chosen', 'seq', 'flagged'])
      .where('item_id', '=', item.itemId)
      .execute();
    expect(stored).toEqual([{ chosen: item.options[1]!.key, seq: 2, flagged: true }]);

    // A late, older write changes nothing and gets the stored answer back.
    c.send({ type: 'save', itemId: item.itemId, chosen: item.options[0]!.key, flagged: false, seq: 1 });
    expect((await c.next())[0]).toMatchObject({
      type: 'ack',
      sentSeq: 1,
      seq: 2,
      chosen: item.options[1]!.key,
      applied: false,
    });

    // The socket and the PUT are one channel: what one stored, the other sees.
    const put = await agent.put('/api/v1/cat/answers', {
      itemId: item.itemId,
      chosen: item.options[2]!.key,
      flagged: false,
      seq: 3,
    });
    expect(put.json()).toMatchObject({ seq: 3, applied: true });
    c.send({ type: 'save', itemId: item.itemId, chosen: item.options[3]!.key, flagged: false, seq: 3 });
    expect((await c.next())[0]).toMatchObject({
      type: 'ack',
      sentSeq: 3,
      seq: 3,
      chosen: item.options[2]!.key,
      applied: false,
    });
  });

  it('answers many saves in flight, each with its own ack', async () => {
    const { agent, items } = await signIn(people[1]!);
    const c = await connect(agent);
    items.forEach((it, i) =>
      c.send({
        type: 'save',
        itemId: it.itemId,
        chosen: it.options[i % it.options.length]!.key,
        flagged: false,
        seq: 1,
      }),
    );
    const acks = await c.next(items.length);
    expect(acks.every((a) => a.type === 'ack' && a.applied)).toBe(true);
    expect(new Set(acks.map((a) => a.itemId))).toEqual(new Set(items.map((i) => i.itemId)));
    const n = await ctx.database.db
      .selectFrom('answers')
      .innerJoin('attempts', 'attempts.id', 'answers.attempt_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('attempts.application_id', '=', people[1]!.applicationId)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(items.length);
  });

  it('refuses bad frames, items not on the form and unknown options with a clear error, storing nothing', async () => {
    const { agent, items } = await signIn(people[2]!);
    const c = await connect(agent);
    const before = await ctx.database.db
      .selectFrom('answers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    c.send('{not json');
    c.send({ type: 'save', itemId: 'x', chosen: 'A', flagged: false, seq: 1 });
    c.send({ type: 'delete', itemId: items[0]!.itemId });
    c.send({ type: 'save', itemId: '00000000-0000-4000-8000-000000000000', chosen: 'A', flagged: false, seq: 1 });
    const [notJson, badId, badType, notOnForm] = await c.next(4);
    for (const e of [notJson, badId, badType])
      expect(e).toMatchObject({ type: 'error', status: 400, code: 'VALIDATION_FAILED' });
    expect(notJson).toMatchObject({ itemId: null, seq: null });
    expect(notOnForm).toMatchObject({
      type: 'error',
      status: 400,
      itemId: '00000000-0000-4000-8000-000000000000',
      seq: 1,
      message: 'Soal ini tidak ada di paket soal Anda.',
    });
    const after = await ctx.database.db
      .selectFrom('answers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const incidents = await ctx.database.db
      .selectFrom('incidents')
      .select('kind')
      .where('session_id', '=', sessionId)
      .where('kind', '=', 'item_not_in_form')
      .execute();
    expect(incidents.length).toBeGreaterThan(0);
  });

  it('refuses a device the attempt is not bound to', async () => {
    const { agent, items } = await signIn(people[0]!);
    const other = new Agent(ctx.app);
    for (const [k, v] of agent.cookies) if (k !== 'merit_device') other.cookies.set(k, v);
    other.cookies.set('merit_device', 'perangkat-lain-yang-tidak-disetujui-000');
    const c = await connect(other);
    c.send({ type: 'save', itemId: items[1]!.itemId, chosen: 'A', flagged: false, seq: 1 });
    expect((await c.next())[0]).toMatchObject({ type: 'error', status: 409, code: 'CONFLICT' });
  });

  it('lets no one in without a participant sign-in, nor from another site', async () => {
    await expect(connect(null)).rejects.toThrow(/401/);
    const staff = await signedInAgent(ctx, 'proctor');
    await expect(connect(staff)).rejects.toThrow(/404/);
    const { agent } = await signIn(people[1]!);
    await expect(connect(agent, { origin: 'https://situs-lain.example' })).rejects.toThrow(/403/);
    await connect(agent, { origin: base.replace('ws:', 'http:') });
    expect(originAllowed('https://merit.palukota.go.id', 'merit.palukota.go.id', 'http://localhost')).toBe(true);
    expect(originAllowed('https://merit.palukota.go.id', '10.0.0.5:3000', 'https://merit.palukota.go.id')).toBe(true);
    expect(originAllowed('null', 'localhost', 'http://localhost')).toBe(false);
  });

  it('says what the address is for to a plain GET', async () => {
    const { agent } = await signIn(people[1]!);
    const res = await agent.get(CAT_SOCKET_PATH);
    expect(res.statusCode).toBe(426);
    expect(res.json().error.code).toBe('UPGRADE_REQUIRED');
  });

  it('closes with "session ended" at the first save after sign-out', async () => {
    const { agent, items } = await signIn(people[1]!);
    const c = await connect(agent);
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(200);
    c.send({ type: 'save', itemId: items[0]!.itemId, chosen: 'B', flagged: false, seq: 9 });
    expect(await c.closed).toBe(SOCKET_CLOSE.SESSION_ENDED);
    const stored = await ctx.database.db
      .selectFrom('answers')
      .select('seq')
      .where('item_id', '=', items[0]!.itemId)
      .where('seq', '=', 9)
      .execute();
    expect(stored).toEqual([]);
  });
});
