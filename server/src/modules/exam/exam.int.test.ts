/**
 * The CAT exam end to end through the API: item bank, opening a session with a token, participant
 * sign-in, the form (never a key), idempotent answer saves, device binding, scoring, proctor grants,
 * the server's deadline, the public scoreboard, item analysis, and group commit under load.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../db/database.ts';
import { Agent, createTestContext, signedInAgent, type TestContext, usingPostgres } from '../../../test/harness.ts';
import { maskName } from '../../../../common/rules/mask-name.ts';
import { hashDevice } from './cat.service.ts';
import {
  assignProctor,
  makeItem,
  PARTICIPANT_PASSWORD,
  type ScheduledParticipant,
  scheduleParticipants,
  seedSmallBank,
} from '../../../test/exam-setup.ts';

let ctx: TestContext;
let committee: Agent;
let proctor: Agent;
let examAdmin: Agent;
let blueprintId: string;
let sessionId: string;
let otherSessionId: string;
let token: string;
let people: ScheduledParticipant[];
let outsider: ScheduledParticipant;
const agents: Agent[] = [];
const MIN = 60_000;

const incidents = async (kind: string) =>
  ctx.database.db.selectFrom('incidents').selectAll().where('kind', '=', kind).execute();

async function catLogin(p: ScheduledParticipant, agent = new Agent(ctx.app), tok = token) {
  const res = await agent.post('/api/v1/cat/login', {
    participantNo: p.participantNo,
    password: PARTICIPANT_PASSWORD,
    token: tok,
  });
  agents.push(agent);
  return { agent, res };
}

/** Moves the clock in steps, keeping every signed-in agent's session alive (idle expiry is 60 min). */
async function advance(ms: number) {
  while (ms > 0) {
    const step = Math.min(ms, 30 * MIN);
    ctx.clock.advance(step);
    ms -= step;
    for (const a of [committee, proctor, examAdmin, ...agents]) await a.get('/api/v1/me');
    await ctx.services.identity.flushTouches(); // sessions are stamped in bulk; write before the clock moves on
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  committee = await signedInAgent(ctx, 'committee');
  proctor = await signedInAgent(ctx, 'proctor');
  examAdmin = await signedInAgent(ctx, 'exam_admin');
  blueprintId = await seedSmallBank(examAdmin);
  // Pass/fail reads the period year's passing grades, as the ranking does: set 2026's.
  const admin = await signedInAgent(ctx, 'admin');
  const rules2024 = (await new Agent(ctx.app).get('/api/v1/public/thresholds'))
    .json()
    .thresholds.find((t: { year: number }) => t.year === 2024);
  expect(
    (
      await admin.put('/api/v1/admin/thresholds/2026', {
        regulation: 'KepMenPANRB 321/2024 (uji 2026)',
        rules: rules2024.rules,
        uncertain: [],
      })
    ).statusCode,
  ).toBe(200);
  // One period: participant numbers are unique per period (two periods of a year may collide).
  const a = await scheduleParticipants(ctx, committee, 5, [4, 1]);
  [sessionId, otherSessionId] = [...a.bySession.entries()]
    .sort((x, y) => y[1].length - x[1].length)
    .map(([id]) => id) as [string, string];
  people = a.bySession.get(sessionId)!;
  outsider = a.bySession.get(otherSessionId)![0]!;
  await assignProctor(committee, proctor, sessionId, otherSessionId);
});
afterAll(() => ctx?.close());

describe('item bank', () => {
  it('shows items to exam admins only, and audits every read', async () => {
    expect((await proctor.get('/api/v1/exam/items')).statusCode).toBe(404);
    const list = await examAdmin.get('/api/v1/exam/items?subtest=TWK');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(3);
    expect(list.json().items[0].content.scoring.kind).toBe('key');
    const audited = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'item.list')
      .execute();
    expect(audited.length).toBeGreaterThan(0);
  });

  it('edits an undelivered item in place', async () => {
    const id = (await examAdmin.get('/api/v1/exam/items?subtest=TIU')).json().items[0].id;
    const res = await examAdmin.put(`/api/v1/exam/items/${id}`, {
      ...makeItem('TIU', 9),
      stem: 'Soal uji TIU yang diperbaiki sebelum diujikan.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'updated', item: { version: 1, delivered: false } });
  });

  it('exports CSV and XLSX that import back unchanged, and reports bad rows without storing any', async () => {
    const before = (await examAdmin.get('/api/v1/exam/items')).json().total;
    for (const format of ['csv', 'xlsx'] as const) {
      const exp = await examAdmin.get(`/api/v1/exam/items/export?format=${format}`);
      expect(exp.statusCode).toBe(200);
      const { multipart } = await import('../../../test/fixtures.ts');
      const back = await examAdmin.upload(
        'POST',
        '/api/v1/exam/items/import',
        multipart({ name: `bank.${format}`, data: exp.rawPayload, type: 'application/octet-stream' }),
      );
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({ ok: true, created: 0, unchanged: before });
    }
    const { multipart } = await import('../../../test/fixtures.ts');
    const csv = [
      'item_id,exam_type,subtest,category,stem,option_a,option_b,option_c,option_d,option_e,key,weight_a,weight_b,weight_c,weight_d,weight_e',
      ',SKD,TWK,nasionalisme,Soal baru yang benar dari impor,a,b,c,d,e,B,,,,,',
      ',SKD,TKP,pelayanan_publik,Soal TKP dengan bobot ganda,a,b,c,d,e,,5,5,3,2,1',
      ',SKD,TWK,nasionalisme,Kunci di luar pilihan,a,b,c,d,e,Z,,,,,',
      ',SKD,TWK,kuliner,Kategori yang bukan kategori TWK,a,b,c,d,e,B,,,,,',
    ].join('\n');
    const bad = await examAdmin.upload(
      'POST',
      '/api/v1/exam/items/import',
      multipart({ name: 'soal.csv', data: Buffer.from(csv), type: 'text/csv' }),
    );
    expect(bad.statusCode, bad.body).toBe(200);
    const report = bad.json();
    expect(report.ok).toBe(false);
    expect(report.report.map((r: { line: number; status: string }) => [r.line, r.status])).toEqual([
      [2, 'valid'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
    ]);
    expect(report.report[1].problems.map((p: { field: string }) => p.field)).toContain('weight_a');
    expect(report.report[2].problems.map((p: { field: string }) => p.field)).toEqual(['key']);
    expect(report.report[3].problems.map((p: { field: string }) => p.field)).toEqual(['category']);
    expect((await examAdmin.get('/api/v1/exam/items')).json().total).toBe(before);
    expect(
      (await ctx.database.db.selectFrom('audit_events').select('action').where('action', '=', 'item.export').execute())
        .length,
    ).toBe(2);
  });

  it('retires an item out of the default list, and edits a blueprint no session has used (responses as the contract says)', async () => {
    const created = await examAdmin.post('/api/v1/exam/items', makeItem('TWK', 7));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const retired = await examAdmin.request('DELETE', `/api/v1/exam/items/${id}`);
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toEqual({ ok: true });
    expect(
      (await examAdmin.get('/api/v1/exam/items?subtest=TWK')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
    const all = (await examAdmin.get('/api/v1/exam/items?subtest=TWK&includeRetired=true')).json();
    expect(all.items.find((i: { id: string }) => i.id === id)).toMatchObject({ retired: true });

    const list = await proctor.get('/api/v1/exam/blueprints');
    expect(list.statusCode, list.body).toBe(200);
    const bp = list.json().blueprints.find((b: { id: string }) => b.id === blueprintId);
    expect(bp).toMatchObject({ examType: 'SKD', itemCount: 6 });
    const edited = await examAdmin.put(`/api/v1/exam/blueprints/${blueprintId}`, {
      ...bp.blueprint,
      durationMinutes: 90,
      maxGrantMinutes: 20,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().blueprint).toMatchObject({ durationMinutes: 90, maxGrantMinutes: 20 });
    const restored = await examAdmin.put(`/api/v1/exam/blueprints/${blueprintId}`, bp.blueprint);
    expect(restored.json().blueprint.durationMinutes).toBe(100);
    expect(restored.json().blueprint.maxGrantMinutes).toBeUndefined();
  });
});

describe('opening a session and signing in', () => {
  it('lets the proctor open the session with a blueprint and get a 6-character token', async () => {
    expect((await examAdmin.post(`/api/v1/cat/sessions/${sessionId}/open`, { blueprintId })).statusCode).toBe(404);
    const res = await proctor.post(`/api/v1/cat/sessions/${sessionId}/open`, { blueprintId });
    expect(res.statusCode, res.body).toBe(200);
    token = res.json().token;
    expect(token).toMatch(/^[A-Z0-9]{6}$/);
    const stored = await ctx.database.db
      .selectFrom('cat_sessions')
      .select('token_hash')
      .where('session_id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect((await proctor.post(`/api/v1/cat/sessions/${otherSessionId}/open`, { blueprintId })).statusCode).toBe(200);
  });

  it('refuses a training pre/post-test blueprint for a selection session', async () => {
    const training = await examAdmin.post('/api/v1/exam/blueprints', {
      examType: 'PELATIHAN',
      name: 'Pre-test pelatihan',
      durationMinutes: 20,
      accommodatedMinutes: 30,
      sections: [{ subtest: 'PELATIHAN', category: null, count: 1 }],
      thresholdsRef: 'Tes pelatihan',
    });
    expect(training.statusCode, training.body).toBe(201);
    const res = await proctor.post(`/api/v1/cat/sessions/${otherSessionId}/open`, { blueprintId: training.json().id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/^Kisi-kisi ini untuk pre-test\/post-test pelatihan/);
    const stored = await ctx.database.db
      .selectFrom('cat_sessions')
      .select('blueprint_id')
      .where('session_id', '=', otherSessionId)
      .executeTakeFirstOrThrow();
    expect(stored.blueprint_id).toBe(blueprintId);
  });

  it('refuses a wrong token, a wrong password and a participant of another session, logging the suspicious ones', async () => {
    const wrong = await catLogin(people[0]!, undefined, token === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ');
    expect(wrong.res.statusCode).toBe(403);
    expect(wrong.res.json().error.message).toContain('Token');
    expect(wrong.agent.cookies.has('merit_session')).toBe(false);
    expect(await incidents('wrong_token')).toHaveLength(1);
    const badPassword = await new Agent(ctx.app).post('/api/v1/cat/login', {
      participantNo: people[0]!.participantNo,
      password: 'salah sama sekali',
      token,
    });
    expect(badPassword.statusCode).toBe(401);
    const unknown = await new Agent(ctx.app).post('/api/v1/cat/login', {
      participantNo: '999999',
      password: PARTICIPANT_PASSWORD,
      token,
    });
    expect(unknown.statusCode).toBe(401);
    const other = await catLogin(outsider);
    expect(other.res.statusCode).toBe(403);
    expect(other.res.json().error.message).toContain('tidak terjadwal');
    expect(await incidents('other_session')).toHaveLength(1);
    expect(await ctx.database.db.selectFrom('attempts').select('id').execute()).toHaveLength(0);
  });
});

describe('exam sign-in throttling', () => {
  it('counts a failure against the participant only with a live session token, and a proctor can clear a lockout', async () => {
    const who = people[3]!;
    const attempt = (password: string, tok: string) =>
      new Agent(ctx.app).post('/api/v1/cat/login', { participantNo: who.participantNo, password, token: tok });
    const wrongTok = token === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    // An outsider who knows only the (public) participant number: a wrong token answers the same
    // whatever the password, and never pauses the participant.
    for (let i = 0; i < 7; i++) {
      const res = await attempt(`tebakan-${i}-salah`, wrongTok);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toContain('Token sesi salah');
    }
    for (let i = 0; i < 5; i++) expect((await attempt(`salah-${i}-dengan-token`, token)).statusCode).toBe(401);
    expect((await attempt(PARTICIPANT_PASSWORD, token)).statusCode).toBe(429);
    expect(
      (
        await proctor.post(`/api/v1/cat/sessions/${sessionId}/lockouts/clear`, { applicationId: who.applicationId })
      ).json(),
    ).toMatchObject({ cleared: 5 });
    expect((await attempt('masih-salah-sekali', token)).statusCode).toBe(401);
    expect(
      (await proctor.post(`/api/v1/cat/sessions/${sessionId}/lockouts/clear`, { applicationId: who.applicationId }))
        .statusCode,
    ).toBe(200);
    const audited = await ctx.database.db
      .selectFrom('audit_events')
      .select(['actor_id'])
      .where('action', '=', 'account.login_lockout.clear')
      .execute();
    expect(audited).toHaveLength(2);
    // Only a participant of that session.
    expect(
      (
        await proctor.post(`/api/v1/cat/sessions/${sessionId}/lockouts/clear`, {
          applicationId: outsider.applicationId,
        })
      ).statusCode,
    ).toBe(404);
    expect(await ctx.database.db.selectFrom('attempts').select('id').execute()).toHaveLength(0);
  });
});

let p1: Agent;
let form: { itemId: string; subtest: string; options: { key: string }[] }[];

describe('taking the exam', () => {
  it('starts an attempt and gives the form without any key, weight or explanation', async () => {
    const { agent, res } = await catLogin(people[0]!);
    p1 = agent;
    expect(res.statusCode, res.body).toBe(200);
    expect(agent.cookies.get('merit_device')).toBeTruthy();
    const view = (await p1.get('/api/v1/cat/attempt')).json();
    form = view.items;
    expect(form).toHaveLength(6);
    expect(form.map((i) => i.subtest)).toEqual(['TWK', 'TWK', 'TIU', 'TIU', 'TKP', 'TKP']);
    const body = JSON.stringify(view);
    for (const secret of ['correct', 'weights', 'scoring', 'explanation', 'Pembahasan', 'points'])
      expect(body).not.toContain(secret);
    expect(view.attempt.remainingMs).toBe(100 * MIN);
    expect(new Date(view.attempt.deadlineAt).getTime() - new Date(view.attempt.startedAt).getTime()).toBe(100 * MIN);
  });

  it('saves answers idempotently: a replayed or older seq changes nothing', async () => {
    const item = form[0]!;
    const first = await p1.put('/api/v1/cat/answers', { itemId: item.itemId, chosen: 'B', flagged: false, seq: 1 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ itemId: item.itemId, seq: 1, chosen: 'B', applied: true });
    const second = await p1.put('/api/v1/cat/answers', { itemId: item.itemId, chosen: 'C', flagged: true, seq: 3 });
    expect(second.json()).toMatchObject({ seq: 3, chosen: 'C', flagged: true, applied: true });
    const stale = await p1.put('/api/v1/cat/answers', { itemId: item.itemId, chosen: 'D', flagged: false, seq: 2 });
    expect(stale.statusCode).toBe(200);
    expect(stale.json()).toMatchObject({ seq: 3, chosen: 'C', flagged: true, applied: false });
    const replay = await p1.put('/api/v1/cat/answers', { itemId: item.itemId, chosen: 'C', flagged: true, seq: 3 });
    expect(replay.json().applied).toBe(false);
    const cleared = await p1.put('/api/v1/cat/answers', {
      itemId: form[1]!.itemId,
      chosen: null,
      flagged: true,
      seq: 1,
    });
    expect(cleared.json()).toMatchObject({ chosen: null, applied: true });
  });

  it('returns the same form and saved answers on reload', async () => {
    const again = (await p1.get('/api/v1/cat/attempt')).json();
    expect(again.items).toEqual(form);
    expect(again.answers.find((a: { itemId: string }) => a.itemId === form[0]!.itemId)).toMatchObject({
      chosen: 'C',
      flagged: true,
      seq: 3,
    });
    const relogin = await catLogin(people[0]!, p1);
    expect(relogin.res.statusCode).toBe(200);
    expect(relogin.res.json().items).toEqual(form);
  });

  it('compresses the form for browsers that accept it (brotli, else gzip), and not for others', async () => {
    const plain = (await p1.get('/api/v1/cat/attempt')).json();
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip, deflate', 'gzip', gunzipSync],
    ] as const) {
      const res = await p1.request('GET', '/api/v1/cat/attempt', undefined, { headers: { 'accept-encoding': accept } });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toContain('accept-encoding');
      const body = JSON.parse(decode(res.rawPayload).toString());
      expect(body.items).toEqual(plain.items);
      expect(res.rawPayload.length).toBeLessThan(JSON.stringify(plain).length / 2);
    }
    expect((await p1.get('/api/v1/cat/attempt')).headers['content-encoding']).toBeUndefined();
  });

  it('gives a page that already shows the form the state alone (?items=false)', async () => {
    const full = (await p1.get('/api/v1/cat/attempt')).json();
    const state = await p1.get('/api/v1/cat/attempt?items=false');
    expect(state.statusCode).toBe(200);
    const body = state.json();
    expect(body.items).toEqual([]);
    expect(body.answers).toEqual(full.answers);
    expect(body.attempt).toMatchObject({
      id: full.attempt.id,
      deadlineAt: full.attempt.deadlineAt,
      status: 'in_progress',
    });
    expect((await p1.get('/api/v1/cat/attempt?items=maybe')).statusCode).toBe(400);
  });

  it('refuses items not on the form and logs them', async () => {
    const notMine = await p1.put('/api/v1/cat/answers', {
      itemId: '00000000-0000-4000-8000-000000000000',
      chosen: 'A',
      flagged: false,
      seq: 1,
    });
    expect(notMine.statusCode).toBe(400);
    expect(await incidents('item_not_in_form')).toHaveLength(1);
    const badOption = await p1.put('/api/v1/cat/answers', {
      itemId: form[0]!.itemId,
      chosen: 'F',
      flagged: false,
      seq: 9,
    });
    expect(badOption.statusCode).toBe(400);
  });

  it('refuses a second device until the proctor approves the change', async () => {
    const second = await catLogin(people[0]!);
    expect(second.res.statusCode).toBe(409);
    expect(second.res.json().error.message).toContain('perangkat lain');
    expect(await incidents('second_device')).toHaveLength(1);
    const approve = await proctor.post(`/api/v1/cat/sessions/${sessionId}/device-approvals`, {
      applicationId: people[0]!.applicationId,
    });
    expect(approve.statusCode, approve.body).toBe(200);
    const moved = await catLogin(people[0]!, second.agent);
    expect(moved.res.statusCode, moved.res.body).toBe(200);
    expect(moved.res.json().items).toEqual(form);
    // the old device is now the stranger
    const old = await p1.put('/api/v1/cat/answers', { itemId: form[2]!.itemId, chosen: 'A', flagged: false, seq: 1 });
    expect(old.statusCode).toBe(409);
    p1 = moved.agent;
    expect(
      (await p1.put('/api/v1/cat/answers', { itemId: form[2]!.itemId, chosen: 'A', flagged: false, seq: 1 }))
        .statusCode,
    ).toBe(200);
  });

  it('enforces a device move made on another instance, whatever this instance has cached', async () => {
    const attempt = () =>
      ctx.database.db
        .selectFrom('attempts')
        .select(['id', 'device_hash'])
        .where('application_id', '=', people[0]!.applicationId)
        .executeTakeFirstOrThrow();
    const { id, device_hash: current } = await attempt();
    expect(current).toBe(hashDevice(p1.cookies.get('merit_device')!));
    // What an approved sign-in on another app instance writes: this instance still caches `current`.
    await ctx.database.db
      .updateTable('attempts')
      .set({ device_hash: hashDevice('another-instance-device-0001') })
      .where('id', '=', id)
      .execute();
    const before = (await incidents('device_mismatch')).length;
    const refused = await p1.put('/api/v1/cat/answers', {
      itemId: form[5]!.itemId,
      chosen: 'B',
      flagged: false,
      seq: 1,
    });
    expect(refused.statusCode).toBe(409);
    expect(await incidents('device_mismatch')).toHaveLength(before + 1);
    expect(
      await ctx.database.db
        .selectFrom('answers')
        .select('seq')
        .where('attempt_id', '=', id)
        .where('item_id', '=', form[5]!.itemId)
        .executeTakeFirst(),
    ).toBeUndefined();
    await ctx.database.db.updateTable('attempts').set({ device_hash: current }).where('id', '=', id).execute();
    expect(
      (await p1.put('/api/v1/cat/answers', { itemId: form[5]!.itemId, chosen: 'B', flagged: false, seq: 1 }))
        .statusCode,
    ).toBe(200);
  });
});

describe('scoring and results', () => {
  it('scores a known answer set on the server and shows pass/fail, result and certificate', async () => {
    const { agent, res } = await catLogin(people[1]!);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { itemId: string; subtest: string }[];
    const versions = await ctx.database.db
      .selectFrom('item_versions')
      .select(['item_id', 'content'])
      .where(
        'item_id',
        'in',
        items.map((i) => i.itemId),
      )
      .execute();
    const keyOf = (id: string) =>
      (versions.find((v) => v.item_id === id)!.content as { scoring: { kind: string; correct?: string } }).scoring;
    let seq = 0;
    // TWK: both right (10); TIU: one right, one wrong (5); TKP: A (5) and E (1) → 6. Total 21.
    const picks = items.map((it, i) => {
      const s = keyOf(it.itemId);
      if (it.subtest === 'TWK') return s.correct!;
      if (it.subtest === 'TIU') return i % 2 === 0 ? s.correct! : s.correct === 'A' ? 'B' : 'A';
      return i % 2 === 0 ? 'A' : 'E';
    });
    for (const [i, it] of items.entries())
      expect(
        (await agent.put('/api/v1/cat/answers', { itemId: it.itemId, chosen: picks[i], flagged: false, seq: ++seq }))
          .statusCode,
      ).toBe(200);
    const submitted = await agent.post('/api/v1/cat/submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ twk: 10, tiu: 5, tkp: 6, total: 21, answered: 6, passed: false });
    expect(submitted.json().thresholdText).toContain('TWK ≥ 65');
    expect((await agent.get('/api/v1/cat/result')).json()).toMatchObject({ total: 21, submittedBy: 'participant' });
    const late = await agent.put('/api/v1/cat/answers', {
      itemId: items[0]!.itemId,
      chosen: 'A',
      flagged: false,
      seq: 99,
    });
    expect(late.statusCode).toBe(409);
    const pdf = await agent.get('/api/v1/cat/certificate.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const attemptId = (await agent.get('/api/v1/cat/result')).json().attemptId;
    const sig = ctx.services.cat.certificateSignature(attemptId);
    const check = await new Agent(ctx.app).get(`/api/v1/public/cat/certificates/${attemptId}?s=${sig}`);
    expect(check.json()).toMatchObject({ total: 21, passed: false });
    expect(check.body).not.toContain('Peserta Uji');
    expect((await new Agent(ctx.app).get(`/api/v1/public/cat/certificates/${attemptId}?s=palsu`)).statusCode).toBe(404);
  });

  it('shows no score on the public scoreboard while an attempt is open: progress only, so no save reveals a key', async () => {
    const boardRow = async () => {
      const res = await new Agent(ctx.app).get(`/api/v1/public/cat/sessions/${sessionId}/scoreboard`);
      return res
        .json()
        .participants.find((r: { participantNo: string }) => r.participantNo === people[0]!.participantNo);
    };
    const item = form[4]!;
    const seen = [];
    // An attacker's probe: every option of one item in turn, reading the board after each save.
    for (const [i, o] of item.options.entries()) {
      expect(
        (await p1.put('/api/v1/cat/answers', { itemId: item.itemId, chosen: o.key, flagged: false, seq: 100 + i }))
          .statusCode,
      ).toBe(200);
      const row = await boardRow();
      seen.push(JSON.stringify({ ...row, timeLeftMs: 0 }));
      expect(row).toMatchObject({
        status: 'in_progress',
        twk: null,
        tiu: null,
        tkp: null,
        total: null,
        passed: null,
        itemCount: 6,
      });
      expect(row.timeLeftMs).toBeGreaterThan(0);
    }
    expect(new Set(seen).size).toBe(1);
    const proctorRow = (await proctor.get(`/api/v1/cat/sessions/${sessionId}/participants`))
      .json()
      .participants.find((r: { applicationId: string }) => r.applicationId === people[0]!.applicationId);
    for (const k of ['twk', 'tiu', 'tkp', 'total', 'score']) expect(proctorRow).not.toHaveProperty(k);
  });

  it('shows the public scoreboard with masked names and the stored scores of submitted attempts', async () => {
    const board = await new Agent(ctx.app).get(`/api/v1/public/cat/sessions/${sessionId}/scoreboard`);
    expect(board.statusCode).toBe(200);
    const rows = board.json().participants as { participantNo: string; name: string; total: number; status: string }[];
    expect(rows).toHaveLength(4);
    expect(maskName('Nur Aisyah Lamarauna')).toBe('Nu*** A*** L***');
    for (const p of people)
      expect(rows.find((r) => r.participantNo === p.participantNo)!.name).toBe(maskName(p.fullName));
    expect(rows.every((r) => r.name.includes('***'))).toBe(true);
    expect(rows.find((r) => r.participantNo === people[1]!.participantNo)).toMatchObject({
      total: 21,
      status: 'submitted',
    });
    expect(board.body).not.toContain(people[1]!.fullName);
  });

  it('pushes a fresh scoreboard to live subscribers after answers commit (LISTEN/NOTIFY)', async () => {
    const got: { participants: { participantNo: string; answered: number }[] }[] = [];
    const unsubscribe = await ctx.services.live.subscribe('scoreboard', sessionId, (d) =>
      got.push(d as (typeof got)[number]),
    );
    expect(got).toHaveLength(1);
    const before = got[0]!.participants.find((r) => r.participantNo === people[0]!.participantNo)!.answered;
    await p1.put('/api/v1/cat/answers', { itemId: form[3]!.itemId, chosen: 'A', flagged: false, seq: 1 });
    await expect.poll(() => got.length, { timeout: 5000 }).toBeGreaterThan(1);
    expect(got.at(-1)!.participants.find((r) => r.participantNo === people[0]!.participantNo)!.answered).toBe(
      before + 1,
    );
    unsubscribe();
  });

  it.runIf(usingPostgres())(
    'listens again when the LISTEN connection dies (Postgres restarted) and keeps pushing',
    async () => {
      const got: { participants: { participantNo: string; answered: number }[] }[] = [];
      const unsubscribe = await ctx.services.live.subscribe('scoreboard', sessionId, (d) =>
        got.push(d as (typeof got)[number]),
      );
      // What a Postgres restart does to the listening connection.
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen "merit_cat"' and datname = current_database()`.execute(
        ctx.database.db,
      );
      // After listening again, the hub refreshes every open topic (changes meanwhile were not announced)…
      await expect.poll(() => got.length, { timeout: 10_000 }).toBeGreaterThan(1);
      const before = got.length;
      // …and announcements arrive again.
      const item = form.at(-1)!;
      expect(
        (
          await p1.put('/api/v1/cat/answers', {
            itemId: item.itemId,
            chosen: item.options[0]!.key,
            flagged: false,
            seq: 1000,
          })
        ).statusCode,
      ).toBe(200);
      await expect.poll(() => got.length, { timeout: 10_000 }).toBeGreaterThan(before);
      unsubscribe();
    },
  );

  it('gives the proctor each participant state and the incident log', async () => {
    const res = await proctor.get(`/api/v1/cat/sessions/${sessionId}/participants`);
    expect(res.statusCode).toBe(200);
    const states = Object.fromEntries(
      res.json().participants.map((p: { applicationId: string; state: string }) => [p.applicationId, p.state]),
    );
    expect(states[people[0]!.applicationId]).toBe('in_progress');
    expect(states[people[1]!.applicationId]).toBe('submitted');
    expect(states[people[2]!.applicationId]).toBe('not_started');
    const inc = await proctor.get(`/api/v1/cat/sessions/${sessionId}/incidents`);
    expect(inc.json().incidents.map((i: { kind: string }) => i.kind)).toEqual(
      expect.arrayContaining(['wrong_token', 'second_device', 'item_not_in_form']),
    );
  });
});

describe('group commit', () => {
  it('stores every acknowledged save exactly once with its latest seq under 200 concurrent saves', async () => {
    const { agent, res } = await catLogin(people[3]!);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { itemId: string }[];
    const writes = Array.from({ length: 200 }, (_, i) => ({
      itemId: items[i % items.length]!.itemId,
      chosen: (['A', 'B', 'C', 'D', 'E'] as const)[i % 5],
      flagged: i % 7 === 0,
      seq: Math.floor(i / items.length) + 1,
    }));
    // shuffled arrival order: newer and older seqs interleave
    const order = writes
      .map((w, i) => ({ w, r: (i * 7919) % 200 }))
      .sort((a, b) => a.r - b.r)
      .map((x) => x.w);
    const batchesBefore = ctx.services.answerWriter.stats.batches;
    const acks = await Promise.all(order.map((w) => agent.put('/api/v1/cat/answers', w)));
    expect(acks.every((a) => a.statusCode === 200)).toBe(true);
    expect(ctx.services.answerWriter.stats.batches - batchesBefore).toBeLessThan(200);
    const attempt = await ctx.database.db
      .selectFrom('attempts')
      .select('id')
      .where('application_id', '=', people[3]!.applicationId)
      .executeTakeFirstOrThrow();
    const stored = await ctx.database.db
      .selectFrom('answers')
      .selectAll()
      .where('attempt_id', '=', attempt.id)
      .execute();
    expect(stored).toHaveLength(items.length);
    for (const it of items) {
      const latest = writes.filter((w) => w.itemId === it.itemId).sort((a, b) => b.seq - a.seq)[0]!;
      const row = stored.find((s) => s.item_id === it.itemId)!;
      expect(row).toMatchObject({ seq: latest.seq, chosen: latest.chosen, flagged: latest.flagged });
      const applied = acks.map((a) => a.json()).filter((a) => a.itemId === it.itemId && a.applied);
      expect(applied.some((a) => a.seq === latest.seq)).toBe(true);
      // acknowledgements never report a seq newer than what is stored
      expect(
        acks
          .map((a) => a.json())
          .filter((a) => a.itemId === it.itemId)
          .every((a) => a.seq <= latest.seq),
      ).toBe(true);
    }
  });
});

describe('the server owns the clock', () => {
  it('extends a deadline by a proctor grant, refuses late answers, and submits at the deadline itself', async () => {
    const { agent, res } = await catLogin(people[2]!);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { itemId: string }[];
    const deadline = new Date(res.json().attempt.deadlineAt).getTime();
    const grant = await proctor.post(`/api/v1/cat/sessions/${sessionId}/grants`, {
      applicationId: people[2]!.applicationId,
      minutes: 10,
      reason: 'Listrik padam di ruang ujian',
    });
    expect(grant.statusCode, grant.body).toBe(200);
    expect(new Date(grant.json().deadlineAt).getTime()).toBe(deadline + 10 * MIN);
    expect((await agent.get('/api/v1/cat/attempt')).json().attempt.remainingMs).toBe(110 * MIN);
    // Grants per attempt are capped (30 minutes unless the blueprint says otherwise), in total.
    const more = (minutes: number) =>
      proctor.post(`/api/v1/cat/sessions/${sessionId}/grants`, {
        applicationId: people[2]!.applicationId,
        minutes,
        reason: 'Listrik padam lagi di ruang ujian',
      });
    const over = await more(21);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toContain('sisa 20 menit');
    const afterRefusal = (await agent.get('/api/v1/cat/attempt')).json().attempt.remainingMs;
    expect(afterRefusal).toBe(110 * MIN);
    // An unassigned proctor cannot grant at all.
    const stranger = await signedInAgent(ctx, 'proctor');
    expect(
      (
        await stranger.post(`/api/v1/cat/sessions/${sessionId}/grants`, {
          applicationId: people[2]!.applicationId,
          minutes: 1,
          reason: 'Pengawas dari ruang lain',
        })
      ).statusCode,
    ).toBe(404);
    expect(await ctx.database.db.selectFrom('time_grants').select('minutes').execute()).toEqual([{ minutes: 10 }]);

    await advance(100 * MIN + 31_000); // p1's deadline + grace passed; p3 has 10 more minutes
    const late = await p1.put('/api/v1/cat/answers', { itemId: form[4]!.itemId, chosen: 'A', flagged: false, seq: 1 });
    expect(late.statusCode).toBe(409);
    expect(await incidents('late_answer')).not.toHaveLength(0);
    expect(
      (await agent.put('/api/v1/cat/answers', { itemId: items[0]!.itemId, chosen: 'A', flagged: false, seq: 1 }))
        .statusCode,
    ).toBe(200);

    expect(await ctx.services.cat.sweep()).toBe(2); // p1 and p4, not p2 (done) nor p3 (granted)
    const p1Attempt = await ctx.database.db
      .selectFrom('attempts')
      .select(['status', 'submitted_by', 'score'])
      .where('application_id', '=', people[0]!.applicationId)
      .executeTakeFirstOrThrow();
    expect(p1Attempt).toMatchObject({ status: 'submitted', submitted_by: 'server' });
    expect(await ctx.services.cat.sweep()).toBe(0);

    await advance(10 * MIN);
    expect(await ctx.services.cat.sweep()).toBe(1);
    expect((await agent.get('/api/v1/cat/result')).json()).toMatchObject({ submittedBy: 'server' });
  });
});

describe('after the session', () => {
  it('gives exam admins item analysis with an export, and no one else', async () => {
    expect((await proctor.get(`/api/v1/cat/sessions/${sessionId}/item-analysis`)).statusCode).toBe(404);
    const res = await examAdmin.get(`/api/v1/cat/sessions/${sessionId}/item-analysis`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().attempts).toBe(4);
    const first = res.json().items[0];
    expect(first).toMatchObject({ n: expect.any(Number), difficulty: expect.any(Number), subtest: expect.any(String) });
    // Four participants are below the minimum sample: no item is flagged on so little evidence.
    expect(res.json().minSample).toBe(30);
    expect(res.json().items.every((s: { flags: string[] }) => s.flags.length === 0)).toBe(true);
    // TKP items have no single right answer: analysed by weight (top weight 5), whole stems shown.
    const tkp = res.json().items.filter((s: { subtest: string }) => s.subtest === 'TKP');
    expect(tkp.length).toBeGreaterThan(0);
    expect(tkp.every((s: { weighted: boolean; maxPoints: number }) => s.weighted && s.maxPoints === 5)).toBe(true);
    expect(
      res
        .json()
        .items.filter((s: { subtest: string }) => s.subtest !== 'TKP')
        .every((s: { weighted: boolean }) => !s.weighted),
    ).toBe(true);
    const csv = await examAdmin.get(`/api/v1/cat/sessions/${sessionId}/item-analysis?format=csv`);
    expect(csv.body.split('\n')[0]).toContain('point_biserial');
  });

  it('makes a new version when a delivered item is edited, keeping the old one for scoring', async () => {
    const id = form[0]!.itemId;
    const before = (await examAdmin.get(`/api/v1/exam/items/${id}`)).json();
    expect(before.delivered).toBe(true);
    const res = await examAdmin.put(`/api/v1/exam/items/${id}`, {
      ...before.content,
      stem: `${before.content.stem} (revisi)`,
    });
    expect(res.json()).toMatchObject({
      outcome: 'new_version',
      item: { version: before.version + 1, delivered: false },
    });
    expect((await examAdmin.get(`/api/v1/exam/items/${id}`)).json().versions).toHaveLength(before.version + 1);
  });
});

describe('practice bank seed', () => {
  it('imports the practice bank and the SKD blueprint once, and a full SKD form can be drawn from it', async () => {
    const { seedPracticeBank } = await import('../../../seeds/exam.ts');
    const { SKD_BLUEPRINT, deriveForm, blueprintItemCount } = await import('./domain/index.ts');
    const { PRACTICE_BANK } = await import('../../../seeds/practice-bank.ts');
    // The bank of this file already has items: seed into a fresh check of idempotence instead.
    expect(await seedPracticeBank(ctx.database, ctx.services)).toBe(0);
    const fresh = await createTestContext();
    try {
      expect(await seedPracticeBank(fresh.database, fresh.services)).toBe(PRACTICE_BANK.length);
      expect(await seedPracticeBank(fresh.database, fresh.services)).toBe(0);
      const bps = await fresh.database.db.selectFrom('blueprints').select('name').execute();
      expect(bps.map((b) => b.name)).toEqual([SKD_BLUEPRINT.name]);
      const rows = await fresh.database.db
        .selectFrom('item_versions')
        .select(['item_id', 'version', 'subtest', 'category', 'content'])
        .execute();
      const form = deriveForm(
        rows.map((r) => ({
          itemId: r.item_id,
          version: r.version,
          subtest: r.subtest as 'TWK',
          category: r.category,
          optionKeys: (r.content as { options: { key: 'A' }[] }).options.map((o) => o.key),
        })),
        SKD_BLUEPRINT,
        'seed',
      );
      expect(form).toHaveLength(blueprintItemCount(SKD_BLUEPRINT));
    } finally {
      await fresh.close();
    }
  });
});
