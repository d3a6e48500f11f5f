/**
 * The answer socket and the live streams under hostile clients (issue 24 §7): malformed,
 * oversized and replayed frames, frames aimed at another participant's items, floods, and many
 * idle or vanishing SSE connections. The process stays up, memory stays bounded, other
 * participants are unaffected, and no ack is sent for an answer that is not stored.
 */
import { request } from 'node:http';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAT_SOCKET_PATH, type SocketServerMessage } from '../../../../common/contracts/cat-socket.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import {
  assignProctor,
  PARTICIPANT_PASSWORD,
  type ScheduledParticipant,
  scheduleParticipants,
  seedSmallBank,
} from '../../../test/exam-setup.ts';
import Fastify from 'fastify';
import { registerErrorHandling } from '../../http/error-handler.ts';
import { stream } from './exam.routes.ts';
import { createLiveHub } from './live.ts';

let ctx: TestContext;
let people: ScheduledParticipant[];
let sessionId: string;
let token: string;
let base = '';
const sockets: WebSocket[] = [];
const cookieOf = (a: Agent) => [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

async function connect(agent: Agent) {
  const ws = new WebSocket(`ws://${base}${CAT_SOCKET_PATH}`, { headers: { cookie: cookieOf(agent) } });
  sockets.push(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const inbox: SocketServerMessage[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (d) => {
    inbox.push(JSON.parse(String(d)));
    waiters.splice(0).forEach((w) => w());
  });
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

/** The stored answers of one participant, by item. */
async function storedOf(p: ScheduledParticipant) {
  const rows = await ctx.database.db
    .selectFrom('answers')
    .innerJoin('attempts', 'attempts.id', 'answers.attempt_id')
    .select(['answers.item_id', 'answers.chosen', 'answers.seq', 'answers.flagged'])
    .where('attempts.application_id', '=', p.applicationId)
    .execute();
  return new Map(rows.map((r) => [r.item_id, r]));
}

/** Every applied ack must be in the database with at least its seq: nothing acknowledged that was not stored. */
async function expectAcksStored(p: ScheduledParticipant, replies: SocketServerMessage[]) {
  const stored = await storedOf(p);
  for (const r of replies) {
    if (r.type !== 'ack') continue;
    const row = stored.get(r.itemId);
    expect(row, `ack for ${r.itemId} seq ${r.seq} not stored`).toBeDefined();
    expect(row!.seq).toBeGreaterThanOrEqual(r.seq);
  }
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
  base = (await ctx.app.listen({ host: '127.0.0.1', port: 0 })).replace('http://', '');
}, 240_000);
afterAll(async () => {
  for (const s of sockets) s.terminate();
  await ctx?.close();
});

describe('answer socket under hostile frames', () => {
  it('answers every fuzzed frame with one reply, acks only what is stored, and leaves others untouched', async () => {
    const [me, other] = [people[0]!, people[1]!];
    const { agent, items } = await signIn(me);
    const theirs = await signIn(other);
    const c = await connect(agent);
    const otherBefore = await storedOf(other);
    const itemId = fc.oneof(
      fc.constantFrom(...items.map((i) => i.itemId)),
      fc.constantFrom(...theirs.items.map((i) => i.itemId)),
      fc.uuid(),
      fc.string({ maxLength: 40 }),
    );
    const frame = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.json({ maxDepth: 3 }),
      fc.record(
        {
          type: fc.constantFrom('save', 'delete', 'SAVE'),
          itemId,
          chosen: fc.oneof(fc.constantFrom('A', 'B', 'C', 'D', 'E', null), fc.string({ maxLength: 3 }), fc.integer()),
          flagged: fc.oneof(fc.boolean(), fc.constant('ya')),
          seq: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer(), fc.double()),
          attemptId: fc.uuid(),
        },
        { requiredKeys: ['type', 'itemId'] },
      ),
      fc.record({
        type: fc.constant('save'),
        itemId,
        chosen: fc.constantFrom('A', 'B', null),
        flagged: fc.boolean(),
        seq: fc.integer({ min: 1, max: 50 }),
      }),
    );
    const frames = fc.sample(frame, { numRuns: 300, seed: 24 });
    for (const f of frames) c.send(typeof f === 'string' ? f : JSON.stringify(f));
    const replies = await c.next(frames.length);
    expect(
      replies.every((r) => r.type === 'ack' || (r.type === 'error' && [400, 404, 409, 429].includes(r.status))),
    ).toBe(true);
    await expectAcksStored(me, replies);
    // Saves aimed at the other participant's items are refused: their answers are as they were.
    expect(await storedOf(other)).toEqual(otherBefore);
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('a replayed frame is stored once; every replay gets the stored state back', async () => {
    const { agent, items } = await signIn(people[2]!);
    const c = await connect(agent);
    const frame = { type: 'save', itemId: items[0]!.itemId, chosen: items[0]!.options[0]!.key, flagged: false, seq: 5 };
    for (let i = 0; i < 20; i++) c.send(frame);
    const replies = await c.next(20);
    expect(replies.filter((r) => r.type === 'ack' && r.applied)).toHaveLength(1);
    expect(replies.every((r) => r.type === 'ack' && r.seq === 5)).toBe(true);
    expect((await storedOf(people[2]!)).get(items[0]!.itemId)).toMatchObject({
      seq: 5,
      chosen: items[0]!.options[0]!.key,
    });
  });

  it('closes a socket that sends an oversized frame (1009) and serves the others as before', async () => {
    const { agent } = await signIn(people[0]!);
    const bad = await connect(agent);
    bad.send('x'.repeat(64 * 1024));
    expect(await bad.closed).toBe(1009);
    const { agent: otherAgent, items } = await signIn(people[1]!);
    const ok = await connect(otherAgent);
    ok.send({ type: 'save', itemId: items[1]!.itemId, chosen: 'A', flagged: false, seq: 1 });
    expect((await ok.next())[0]).toMatchObject({ type: 'ack', itemId: items[1]!.itemId });
  });

  it('a flood answers every frame (ack or 429), acks only stored answers, and another participant still saves within seconds', async () => {
    const { agent, items } = await signIn(people[0]!);
    const flood = await connect(agent);
    const n = 2000;
    for (let i = 0; i < n; i++) {
      const it = items[i % items.length]!;
      flood.send({
        type: 'save',
        itemId: it.itemId,
        chosen: it.options[i % it.options.length]!.key,
        flagged: false,
        seq: 100 + i,
      });
    }
    const { agent: otherAgent, items: theirs } = await signIn(people[1]!);
    const calm = await connect(otherAgent);
    const t = performance.now();
    calm.send({ type: 'save', itemId: theirs[2]!.itemId, chosen: 'B', flagged: true, seq: 7 });
    expect((await calm.next())[0]).toMatchObject({ type: 'ack', itemId: theirs[2]!.itemId, seq: 7, applied: true });
    expect((performance.now() - t) / 1000).toBeLessThan(10);
    const replies = await flood.next(n);
    expect(replies.every((r) => r.type === 'ack' || (r.type === 'error' && r.status === 429))).toBe(true);
    await expectAcksStored(people[0]!, replies);
  });
});

/** Opens the public scoreboard stream over a real socket; resolves once the headers arrive. */
function openStream(): Promise<{ status: number; close: () => void }> {
  return new Promise((resolve, reject) => {
    const [host, port] = base.split(':') as [string, string];
    const req = request(
      {
        host,
        port: Number(port),
        path: `/api/v1/public/cat/sessions/${sessionId}/scoreboard/stream`,
        headers: { accept: 'text/event-stream' },
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, close: () => req.destroy() });
      },
    );
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    req.end();
  });
}

async function until(check: () => boolean, seconds = 30) {
  const end = Date.now() + seconds * 1000;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return check();
}

describe('live streams under many idle connections', () => {
  it('holds many idle streams with bounded memory and releases every one when they go', async () => {
    const live = ctx.services.live;
    const before = live.subscriberCount();
    const rss = process.memoryUsage().rss;
    const streams = await Promise.all(Array.from({ length: 150 }, () => openStream()));
    expect(streams.every((s) => s.status === 200)).toBe(true);
    expect(await until(() => live.subscriberCount() === before + 150)).toBe(true);
    expect((process.memoryUsage().rss - rss) / (1024 * 1024)).toBeLessThan(150);
    expect((await new Agent(ctx.app).get('/api/health')).statusCode).toBe(200);
    streams.forEach((s) => s.close());
    expect(await until(() => live.subscriberCount() === before)).toBe(true);
  }, 120_000);

  it('releases streams whose clients hang up as soon as the headers arrive', async () => {
    const live = ctx.services.live;
    const before = live.subscriberCount();
    // Each client hangs up the moment the headers arrive, while the server is still computing the snapshot.
    await Promise.all(Array.from({ length: 50 }, () => openStream().then((s) => s.close())));
    expect(await until(() => live.subscriberCount() === before)).toBe(true);
  }, 120_000);

  it('unsubscribes a client that leaves while a slow first snapshot is computed', async () => {
    // A snapshot that takes a while (a busy database): the client is gone before it is sent.
    const hub = createLiveHub({
      database: ctx.database,
      snapshot: () => new Promise((r) => setTimeout(() => r({}), 300)),
    });
    const app = Fastify();
    app.get('/s', (req, reply) => stream(req, reply, hub, 'scoreboard', sessionId));
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      await Promise.all(
        Array.from(
          { length: 10 },
          () =>
            new Promise<void>((resolve, reject) => {
              const req = request(`${address}/s`, (res) => {
                req.destroy();
                res.on('close', () => resolve());
              });
              req.on('error', (err) =>
                (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(err),
              );
              req.end();
            }),
        ),
      );
      await new Promise((r) => setTimeout(r, 1000)); // every snapshot has finished
      expect(hub.subscriberCount()).toBe(0);
    } finally {
      await app.close();
      await hub.close();
    }
  });

  it('answers 429 for a stream beyond the instance cap', async () => {
    const hub = createLiveHub({ database: ctx.database, snapshot: async () => ({}), maxSubscribers: 1 });
    const app = Fastify();
    registerErrorHandling(app);
    app.get('/s', (req, reply) => stream(req, reply, hub, 'scoreboard', sessionId));
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const open = (): Promise<{ status: number; close: () => void; body: Promise<string> }> =>
      new Promise((resolve, reject) => {
        const req = request(`${address}/s`, (res) => {
          const body = new Promise<string>((r) => {
            let text = '';
            res.on('data', (d) => (text += String(d)));
            res.on('end', () => r(text));
            res.on('close', () => r(text));
          });
          resolve({ status: res.statusCode ?? 0, close: () => req.destroy(), body });
        });
        req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
        req.end();
      });
    try {
      const first = await open();
      expect(first.status).toBe(200);
      expect(await until(() => hub.subscriberCount() === 1)).toBe(true);
      const second = await open();
      expect(second.status).toBe(429);
      expect(JSON.parse(await second.body).error.code).toBe('TOO_MANY_REQUESTS');
      first.close();
      expect(await until(() => hub.subscriberCount() === 0)).toBe(true);
      const third = await open();
      expect(third.status).toBe(200);
      third.close();
    } finally {
      await app.close();
      await hub.close();
    }
  });

  it('refuses streams beyond the instance cap, and takes new ones once others leave', async () => {
    const hub = createLiveHub({ database: ctx.database, snapshot: async () => ({}), maxSubscribers: 3 });
    try {
      const subs = await Promise.all([1, 2, 3].map(() => hub.subscribe('scoreboard', sessionId, () => {})));
      expect(hub.full()).toBe(true);
      subs[0]!();
      subs[0]!(); // unsubscribing twice counts once
      expect(hub.subscriberCount()).toBe(2);
      expect(hub.full()).toBe(false);
    } finally {
      await hub.close();
    }
  });
});
