/**
 * Durability under crashes of the CAT answer path (run on purpose: `npx tsx server/test/chaos/exam-chaos.ts`).
 *
 * Owns a throwaway Postgres cluster (it must crash and restart it), seeds a CAT session with ~30
 * participants, runs `node bin/merit.js serve` as a child process, and drives simulated
 * participants that sign in (number + password + token) and save answers continuously — half over
 * the answer socket as the exam page does, half by HTTP PUT — a random
 * item of their form, a random option, an increasing seq per item, now and then a replay of an old
 * write — retrying on network errors and 5xx with the SAME body until acknowledged, as the
 * browser's queue does. Meanwhile it SIGKILLs the app ≥ 10 times and crashes Postgres
 * (`pg_ctl -m immediate stop`) ≥ 3 times, restarting each. At the end (after a final crash and
 * restart of both) it reads `answers` and asserts that every acknowledged write survived: per
 * (attempt, item) exactly one row, equal to the acknowledged write with the highest seq, and no row
 * without an acknowledged write; every attempt still exists with its form seed unchanged.
 *
 * Prints a summary and a plain final line `N passed, N failed`; exits non-zero on any failure.
 * Bounded: --seconds of chaos (default 100) and a hard global timeout (chaos + 240 s).
 *
 * Usage: npx tsx server/test/chaos/exam-chaos.ts [--seconds S] [--participants N] [--app-kills N] [--pg-kills N]
 *        [--unsafe-async-commit]   (self-check: Postgres with synchronous_commit=off; the run must fail)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { WebSocket } from 'ws';
import { CAT_SOCKET_PATH } from '../../../common/contracts/cat-socket.ts';
import { type PgCluster, freePort, startThrowawayPostgres } from '../../../bench/support/postgres.ts';
import { seedCatSession } from '../../../bench/support/cat-seed.ts';
import { loadConfig } from '../../src/config.ts';
import { startRuntime } from '../../src/main.ts';
import { hashPassword } from '../../src/platform/passwords.ts';
import { seedOrganizations } from '../../seeds/demo.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    seconds: { type: 'string' },
    participants: { type: 'string' },
    'app-kills': { type: 'string' },
    'pg-kills': { type: 'string' },
    'unsafe-async-commit': { type: 'boolean' },
  },
});
/** Self-check of this test: with synchronous_commit=off Postgres acknowledges commits it can lose, and this test must fail. */
const UNSAFE = values['unsafe-async-commit'] === true;
const CHAOS_SECONDS = Number(values.seconds ?? 100);
const PARTICIPANTS = Number(values.participants ?? 30);
const APP_KILLS = Number(values['app-kills'] ?? 11);
const PG_KILLS = Number(values['pg-kills'] ?? 4);
const HARD_TIMEOUT_MS = (CHAOS_SECONDS + 240) * 1000;
const DRAIN_TIMEOUT_MS = 40_000;
const REQUEST_TIMEOUT_MS = 5_000;
const PASSWORD = 'sandi-peserta-chaos-2026';
const SECRET = 'chaos-session-secret-0123456789abcdef0123456789';

const t0 = Date.now();
const log = (m: string) => console.log(`[chaos +${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rand = (a: number, b: number) => a + Math.random() * (b - a);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

// ── the app process ───────────────────────────────────────────────────────────────────────────
class App {
  proc: ChildProcess | undefined;
  base = '';
  port = 0;
  starts = 0;
  unexpectedExits = 0;
  private expecting = false;
  private tail = '';
  stopping = false;
  constructor(private env: NodeJS.ProcessEnv) {}

  async start() {
    if (!this.port) this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    this.expecting = false;
    const proc = spawn(process.execPath, ['bin/merit.js', 'serve'], {
      cwd: ROOT,
      env: { ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    this.starts++;
    const keep = (d: Buffer) => (this.tail = (this.tail + d.toString()).slice(-6000));
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    proc.once('exit', (code, signal) => {
      if (this.expecting || this.stopping || this.proc !== proc) return;
      this.unexpectedExits++;
      log(`app exited on its own (code ${code}, signal ${signal}); restarting. Output:\n${this.tail}`);
      void this.start().catch((e) => log(`restart failed: ${(e as Error).message}`));
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (proc.exitCode !== null || proc.signalCode !== null)
        throw new Error(`app exited during start-up:\n${this.tail}`);
      const ok = await fetch(`${this.base}/api/health`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`app not healthy within 60 s:\n${this.tail}`);
      await sleep(100);
    }
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL') {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    this.expecting = true;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill(signal);
    await Promise.race([exited, sleep(15_000)]);
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
      await exited;
    }
  }
}

// ── a simulated participant ───────────────────────────────────────────────────────────────────
interface Write {
  itemId: string;
  seq: number;
  chosen: string | null;
  flagged: boolean;
}
interface Ack extends Write {
  applied: boolean;
  stored: { seq: number; chosen: string | null; flagged: boolean };
}

const stats = {
  sent: 0,
  acked: 0,
  applied: 0,
  stale: 0,
  replays: 0,
  retries: 0,
  networkErrors: 0,
  status5xx: 0,
  timeouts: 0,
  socketOpens: 0,
  socketCloses: 0,
  socketFailures: 0,
  socketAcked: 0,
};
const problems: string[] = [];

class Participant {
  cookies = new Map<string, string>();
  items: { itemId: string; keys: string[] }[] = [];
  nextSeq = new Map<string, number>();
  /** Every write ever sent, by `item|seq` (a seq always carries the same value, also on replay). */
  sent = new Map<string, Write>();
  acks: Ack[] = [];
  attemptId = '';
  unacked: Write | null = null;

  /** true: saves go over the answer socket, as the exam page sends them; false: the HTTP PUT. */
  constructor(
    readonly no: string,
    private app: App,
    readonly viaSocket = false,
  ) {}

  async call(method: string, url: string, body?: unknown) {
    const res = await fetch(this.app.base + url, {
      method,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': this.cookies.get('merit_csrf') ?? '',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const k = pair!.slice(0, i);
      const v = pair!.slice(i + 1);
      if (v === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, json, text };
  }

  /** Retries network errors and 5xx with the same request until it gets a definite answer. */
  async persist(method: string, url: string, body: unknown, until: () => boolean) {
    let backoff = 50;
    for (;;) {
      try {
        const r = await this.call(method, url, body);
        if (r.status < 500) return r;
        stats.status5xx++;
      } catch (err) {
        if ((err as Error).name === 'TimeoutError') stats.timeouts++;
        else stats.networkErrors++;
      }
      if (!until()) return null;
      stats.retries++;
      await sleep(backoff + Math.random() * backoff);
      backoff = Math.min(backoff * 2, 800);
    }
  }

  async signIn(token: string) {
    // The device cookie a browser keeps: a retried sign-in (lost response) then binds the same device.
    this.cookies.set('merit_device', randomBytes(24).toString('base64url'));
    const r = await this.persist('GET', '/api/health', undefined, () => true);
    if (r!.status !== 200) throw new Error(`health ${r!.status}`);
    const login = await this.persist(
      'POST',
      '/api/v1/cat/login',
      { participantNo: this.no, password: PASSWORD, token },
      () => true,
    );
    if (login!.status !== 200) throw new Error(`login ${this.no}: ${login!.status} ${login!.text.slice(0, 300)}`);
    this.attemptId = login!.json.attempt.id;
    this.items = login!.json.items.map((it: { itemId: string; options: { key: string }[] }) => ({
      itemId: it.itemId,
      keys: it.options.map((o) => o.key),
    }));
  }

  nextWrite(): Write {
    // Now and then the browser resends an old write (a reconnect replaying its outbox).
    if (this.sent.size > 0 && Math.random() < 0.08) {
      stats.replays++;
      return pick([...this.sent.values()]);
    }
    const item = pick(this.items);
    const seq = (this.nextSeq.get(item.itemId) ?? 0) + 1;
    this.nextSeq.set(item.itemId, seq);
    const w: Write = {
      itemId: item.itemId,
      seq,
      chosen: Math.random() < 0.06 ? null : pick(item.keys),
      flagged: Math.random() < 0.15,
    };
    this.sent.set(`${w.itemId}|${w.seq}`, w);
    return w;
  }

  /** This participant's answer socket, while it is open. */
  private socket: WebSocket | null = null;
  private replies = new Map<string, (r: { status: number; json: any; text: string }) => void>();

  /** Opens the answer socket if it is not open; null when the app refuses or is down. */
  private async openSocket(): Promise<WebSocket | null> {
    if (this.socket?.readyState === WebSocket.OPEN) return this.socket;
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const ws = new WebSocket(`${this.app.base.replace(/^http/, 'ws')}${CAT_SOCKET_PATH}`, { headers: { cookie } });
    const opened = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), REQUEST_TIMEOUT_MS);
      ws.once('open', () => (clearTimeout(timer), resolve(true)));
      ws.once('error', () => (clearTimeout(timer), resolve(false)));
    });
    if (!opened) {
      ws.terminate();
      stats.socketFailures++;
      return null;
    }
    ws.on('error', () => {});
    ws.on('message', (data) => {
      const m = JSON.parse(String(data));
      const key = `${m.itemId}|${m.type === 'ack' ? m.sentSeq : m.seq}`;
      const reply = this.replies.get(key);
      this.replies.delete(key);
      const { type: _t, sentSeq: _s, ...body } = m;
      reply?.(
        m.type === 'ack'
          ? { status: 200, json: body, text: JSON.stringify(body) }
          : { status: m.status, json: m, text: JSON.stringify(m) },
      );
    });
    ws.on('close', () => {
      if (this.socket === ws) this.socket = null;
      stats.socketCloses++;
    });
    this.socket = ws;
    stats.socketOpens++;
    return ws;
  }

  /** One save over the socket: its reply, or null if the socket failed or stayed silent. */
  private async saveOverSocket(w: Write) {
    const ws = await this.openSocket();
    if (!ws) return null;
    const key = `${w.itemId}|${w.seq}`;
    return new Promise<{ status: number; json: any; text: string } | null>((resolve) => {
      const done = (r: { status: number; json: any; text: string } | null) => {
        clearTimeout(timer);
        ws.off('close', onClose);
        resolve(r);
      };
      const onClose = () => done(null);
      const timer = setTimeout(() => {
        stats.timeouts++;
        done(null);
      }, REQUEST_TIMEOUT_MS);
      ws.once('close', onClose);
      this.replies.set(key, done);
      ws.send(JSON.stringify({ type: 'save', ...w }));
    });
  }

  /** Like `persist`, over the socket: the same write again until a definite reply. */
  private async persistOverSocket(w: Write, until: () => boolean) {
    let backoff = 50;
    for (;;) {
      const r = await this.saveOverSocket(w);
      if (r && r.status < 500) return r;
      if (r) stats.status5xx++;
      if (!until()) return null;
      stats.retries++;
      await sleep(backoff + Math.random() * backoff);
      backoff = Math.min(backoff * 2, 800);
    }
  }

  close() {
    this.socket?.terminate();
  }

  /** Sends one write until acknowledged (or `until` says stop); false if abandoned. */
  async send(w: Write, until: () => boolean): Promise<boolean> {
    stats.sent++;
    this.unacked = w;
    const r = this.viaSocket
      ? await this.persistOverSocket(w, until)
      : await this.persist('PUT', '/api/v1/cat/answers', w, until);
    if (!r) return false;
    this.unacked = null;
    if (r.status !== 200) {
      problems.push(`${this.no}: save ${w.itemId}#${w.seq} answered ${r.status} ${r.text.slice(0, 200)}`);
      return true;
    }
    const b = r.json as { itemId: string; seq: number; chosen: string | null; flagged: boolean; applied: boolean };
    stats.acked++;
    if (this.viaSocket) stats.socketAcked++;
    if (b.applied) stats.applied++;
    else stats.stale++;
    // The response is the stored state: a seq we sent, with exactly the value we sent with it.
    const mine = this.sent.get(`${w.itemId}|${b.seq}`);
    if (
      b.itemId !== w.itemId ||
      b.seq < w.seq ||
      (b.applied && b.seq !== w.seq) ||
      !mine ||
      mine.chosen !== b.chosen ||
      mine.flagged !== b.flagged
    ) {
      problems.push(`${this.no}: ack of ${w.itemId}#${w.seq} (${w.chosen}) returned ${JSON.stringify(b)}`);
    }
    this.acks.push({ ...w, applied: b.applied, stored: { seq: b.seq, chosen: b.chosen, flagged: b.flagged } });
    return true;
  }

  async run(isRunning: () => boolean, isDraining: () => boolean) {
    while (isRunning()) {
      const w = this.nextWrite();
      // Finish the write in hand through the drain, like a browser that keeps its queue.
      await this.send(w, () => isRunning() || isDraining());
      await sleep(rand(5, 40));
    }
  }
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────
let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${ok || !detail ? '' : `\n     ${detail}`}`);
}

let cluster: PgCluster | undefined;
let app: App | undefined;
const dataDir = mkdtempSync(path.join(tmpdir(), 'merit-chaos-'));
const hardStop = setTimeout(() => {
  console.error(`[chaos] hard stop: over ${HARD_TIMEOUT_MS / 1000} s`);
  if (app) app.stopping = true;
  app?.proc?.kill('SIGKILL');
  void cluster?.destroy().finally(() => {
    console.log('0 passed, 1 failed');
    process.exit(2);
  });
}, HARD_TIMEOUT_MS);
hardStop.unref();

async function query<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

try {
  cluster = await startThrowawayPostgres(
    UNSAFE ? { settings: { synchronous_commit: 'off', wal_writer_delay: '1000ms' } } : {},
  );
  if (UNSAFE)
    log('--unsafe-async-commit: synchronous_commit=off — acknowledged answers may be lost, and this run should FAIL');
  log(`postgres: ${cluster.version} on ${cluster.url}`);
  const rt = await startRuntime(
    loadConfig({ DATABASE_URL: cluster.url, MERIT_DATA_DIR: dataDir, SESSION_SECRET: SECRET, LOG_LEVEL: 'warn' }),
  );
  let seeded;
  try {
    await seedOrganizations(rt.database);
    const passwordHash = await hashPassword(PASSWORD); // one argon2id hash for every participant
    seeded = await seedCatSession(rt.database.db, rt.services, {
      participants: PARTICIPANTS,
      form: { TWK: 4, TIU: 4, TKP: 5 },
      spare: 2,
      passwordHash,
    });
  } finally {
    await rt.database.close();
  }
  log(`seeded session ${seeded.sessionId} with ${PARTICIPANTS} participants (13 items each); token ${seeded.token}`);

  app = new App({
    ...process.env,
    DATABASE_URL: cluster.url,
    HOST: '127.0.0.1',
    MERIT_DATA_DIR: dataDir,
    SESSION_SECRET: SECRET,
    WEB_BUILD_ON_START: 'false',
    MERIT_SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    AUDIT_CHECKPOINT_SECONDS: '0',
  });
  await app.start();
  log(`app: ${app.base}`);

  // Every other participant saves over the answer socket (the exam page's channel), the rest by PUT.
  const people = seeded.participants.map((p, i) => new Participant(p.participantNo, app!, i % 2 === 0));
  await Promise.all(people.map((p) => p.signIn(seeded.token)));
  const seedsBefore = new Map(
    (
      await query<{ id: string; form_seed: string; form: unknown }>(
        cluster.url,
        'select id, form_seed, form from attempts where session_id = $1',
        [seeded.sessionId],
      )
    ).map((r) => [r.id, r]),
  );
  log(`${people.length} participants signed in; ${seedsBefore.size} attempts`);

  // Participants save until the chaos is over, then finish the write in hand (drain).
  let running = true;
  let draining = false;
  const loops = people.map((p) =>
    p.run(
      () => running,
      () => draining,
    ),
  );

  const kills = { app: 0, pg: 0 };
  const actions = [...Array<'app'>(APP_KILLS).fill('app'), ...Array<'pg'>(PG_KILLS).fill('pg')].sort(
    () => Math.random() - 0.5,
  );
  const chaosEnd = Date.now() + CHAOS_SECONDS * 1000;
  for (const [i, action] of actions.entries()) {
    // Spread the actions over the run: each waits a jittered share of the time left.
    const remaining = chaosEnd - Date.now();
    await sleep(Math.max(300, rand(0.4, 1.0) * (remaining / (actions.length - i + 1))));
    if (action === 'app') {
      await app.kill('SIGKILL');
      kills.app++;
      log(`SIGKILL app #${kills.app} (acked so far ${stats.acked})`);
      await sleep(rand(0, 1000));
      await app.start();
    } else {
      cluster.stop('immediate');
      kills.pg++;
      log(`pg_ctl -m immediate stop #${kills.pg} (acked so far ${stats.acked})`);
      await sleep(rand(300, 2500));
      cluster.start();
    }
  }
  await sleep(Math.max(0, chaosEnd - Date.now()));
  running = false;
  draining = true;
  log('chaos over: participants finish their write in hand');
  const drained = await Promise.race([Promise.all(loops).then(() => true), sleep(DRAIN_TIMEOUT_MS).then(() => false)]);
  draining = false;
  if (!drained) await Promise.all(loops);

  for (const p of people) p.close();
  // A final crash of both, then read what survived.
  await app.kill('SIGKILL');
  cluster.stop('immediate');
  cluster.start();
  await app.start();
  log('final restart of app and postgres done; verifying');

  const rows = await query<{
    attempt_id: string;
    item_id: string;
    chosen: string | null;
    flagged: boolean;
    seq: number;
  }>(cluster.url, 'select attempt_id, item_id, chosen, flagged, seq from answers where attempt_id = any($1::uuid[])', [
    people.map((p) => p.attemptId),
  ]);
  const dupes = await query<{ n: string }>(
    cluster.url,
    'select count(*) as n from (select attempt_id, item_id from answers group by 1, 2 having count(*) > 1) d',
  );
  const stored = new Map(rows.map((r) => [`${r.attempt_id}|${r.item_id}`, r]));

  let lost = 0;
  let older = 0;
  let foreign = 0;
  let unexpectedRows = 0;
  const examples: string[] = [];
  const expectedKeys = new Set<string>();
  for (const p of people) {
    const latest = new Map<string, Ack>();
    for (const a of p.acks) {
      const cur = latest.get(a.itemId);
      if (!cur || a.seq > cur.seq) latest.set(a.itemId, a);
    }
    for (const [itemId, a] of latest) {
      const key = `${p.attemptId}|${itemId}`;
      expectedKeys.add(key);
      const s = stored.get(key);
      if (!s) {
        lost++;
        if (examples.length < 5) examples.push(`${p.no} ${itemId}: acked seq ${a.seq} but no row`);
      } else if (s.seq !== a.seq || s.chosen !== a.chosen || s.flagged !== a.flagged) {
        const sentWithSeq = p.sent.get(`${itemId}|${s.seq}`);
        if (!sentWithSeq || sentWithSeq.chosen !== s.chosen || sentWithSeq.flagged !== s.flagged) foreign++;
        else if (s.seq < a.seq) older++;
        else lost++; // a newer sent write that was never acknowledged: the drain should have acked it
        if (examples.length < 5)
          examples.push(
            `${p.no} ${itemId}: acked #${a.seq} ${a.chosen}/${a.flagged}, stored #${s.seq} ${s.chosen}/${s.flagged}`,
          );
      }
    }
  }
  for (const key of stored.keys()) if (!expectedKeys.has(key)) unexpectedRows++;
  const pendingAtEnd = people.filter((p) => p.unacked).length;

  const seedsAfter = new Map(
    (
      await query<{ id: string; form_seed: string; form: unknown }>(
        cluster.url,
        'select id, form_seed, form from attempts where session_id = $1',
        [seeded.sessionId],
      )
    ).map((r) => [r.id, r]),
  );

  // The participant's own view after the crashes agrees with the table.
  let viewMismatch = 0;
  for (const p of people) {
    const v = await p.persist('GET', '/api/v1/cat/attempt', undefined, () => true);
    if (v!.status !== 200) {
      viewMismatch++;
      continue;
    }
    for (const a of v!.json.answers as { itemId: string; seq: number; chosen: string | null }[]) {
      const s = stored.get(`${p.attemptId}|${a.itemId}`);
      if (!s || s.seq !== a.seq || s.chosen !== a.chosen) viewMismatch++;
    }
    if ((v!.json.answers as unknown[]).length !== rows.filter((r) => r.attempt_id === p.attemptId).length)
      viewMismatch++;
  }

  console.log('');
  console.log(
    `summary: ${PARTICIPANTS} participants, ${((Date.now() - t0) / 1000).toFixed(0)} s; app SIGKILLs ${kills.app}, postgres crashes ${kills.pg}, app starts ${app.starts}, app exits on its own ${app.unexpectedExits}`,
  );
  console.log(
    `writes: sent ${stats.sent} (replays ${stats.replays}), acknowledged ${stats.acked} (applied ${stats.applied}, stale ${stats.stale}); retries ${stats.retries} (network errors ${stats.networkErrors}, 5xx ${stats.status5xx}, timeouts ${stats.timeouts})`,
  );
  console.log(
    `answer sockets: ${stats.socketOpens} opened, ${stats.socketCloses} closed, ${stats.socketFailures} failed to open; ${stats.socketAcked} acknowledgements over them`,
  );
  console.log(`answers: ${rows.length} rows for ${expectedKeys.size} (attempt, item) pairs with acknowledged writes`);
  console.log('');

  check(
    `app was SIGKILLed ${kills.app} times (asked ${APP_KILLS}; the default run asks ≥ 10)`,
    kills.app === APP_KILLS && kills.app > 0,
  );
  check(
    `postgres was crashed ${kills.pg} times (asked ${PG_KILLS}; the default run asks ≥ 3)`,
    kills.pg === PG_KILLS && kills.pg > 0,
  );
  check(`participants acknowledged writes across the crashes (${stats.acked})`, stats.acked > PARTICIPANTS * 10);
  check(
    `writes were acknowledged over answer sockets reopened after the kills (${stats.socketAcked} acks, ${stats.socketOpens} sockets)`,
    stats.socketAcked > PARTICIPANTS * 5 && stats.socketOpens > APP_KILLS,
  );
  check(
    'every write in hand was acknowledged before the end (drain)',
    pendingAtEnd === 0,
    `${pendingAtEnd} participants still had an unacknowledged write`,
  );
  check(
    'every acknowledgement returned a value this participant sent with that seq',
    problems.length === 0,
    problems.slice(0, 5).join('\n     '),
  );
  check('every acknowledged latest write is stored (none lost)', lost === 0, `${lost} lost; ${examples.join('; ')}`);
  check(
    'no stored answer is older than the acknowledged latest write',
    older === 0,
    `${older} older; ${examples.join('; ')}`,
  );
  check(
    'no stored answer carries a value that was never sent',
    foreign === 0,
    `${foreign} foreign; ${examples.join('; ')}`,
  );
  check('no stored answer without an acknowledged write', unexpectedRows === 0, `${unexpectedRows} rows`);
  check(
    'exactly one row per (attempt, item)',
    Number(dupes[0]!.n) === 0 && rows.length === expectedKeys.size,
    `duplicated keys: ${dupes[0]!.n}; rows ${rows.length} vs ${expectedKeys.size}`,
  );
  const sameSeeds = [...seedsBefore].every(
    ([id, r]) =>
      seedsAfter.get(id)?.form_seed === r.form_seed &&
      JSON.stringify(seedsAfter.get(id)?.form) === JSON.stringify(r.form),
  );
  check(
    `every attempt still exists with its form seed and form unchanged (${seedsAfter.size}/${seedsBefore.size})`,
    seedsBefore.size === PARTICIPANTS && seedsAfter.size === seedsBefore.size && sameSeeds,
  );
  check(
    "each participant's attempt view after the crashes matches the answers table",
    viewMismatch === 0,
    `${viewMismatch} mismatches`,
  );
} catch (err) {
  failed++;
  console.error(`[chaos] failed: ${(err as Error).stack ?? err}`);
} finally {
  if (app) {
    app.stopping = true;
    await app.kill('SIGTERM').catch(() => {});
  }
  await cluster?.destroy().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
  clearTimeout(hardStop);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
