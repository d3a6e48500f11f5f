/**
 * The CAT's own scores reach the SKD ranking: a submitted (or swept) SKD attempt records the
 * participant's SKD score in the same transaction, closing a session records who never came, the
 * committee records other absences, and publication is refused while anyone seated has neither a
 * score nor a recorded absence — so nobody who sat the exam is published as "TH".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestContext, joinCommittee, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { readSheet } from '../../platform/sheets.ts';
import { closeRegistrationAndVerification } from '../../../test/recruitment-setup.ts';
import {
  assignProctor,
  PARTICIPANT_PASSWORD,
  type ScheduledParticipant,
  scheduleParticipants,
  seedSmallBank,
} from '../../../test/exam-setup.ts';

let ctx: TestContext;
let admin: Agent;
let scorerAgent: Agent;
let committee: Agent;
let committee2: Agent;
let proctor: Agent;
let periodId: string;
let formationCode: string;
let sessionA: string;
let sessionB: string;
let token: string;
let scorer: ScheduledParticipant; // answers everything with A and submits
let leaver: ScheduledParticipant; // starts, never submits: the sweeper submits at the deadline
let noShow: ScheduledParticipant; // seated in session A, never signs in
let other: ScheduledParticipant; // seated in session B, which never runs on the CAT
const signedIn: Agent[] = [];
const MIN = 60_000;

async function advance(ms: number) {
  while (ms > 0) {
    const step = Math.min(ms, 30 * MIN);
    ctx.clock.advance(step);
    ms -= step;
    for (const a of [admin, committee, committee2, proctor, ...signedIn]) await a.get('/api/v1/me');
    await ctx.services.identity.flushTouches();
  }
}

async function catSignIn(p: ScheduledParticipant) {
  const agent = new Agent(ctx.app);
  const res = await agent.post('/api/v1/cat/login', {
    participantNo: p.participantNo,
    password: PARTICIPANT_PASSWORD,
    token,
  });
  expect(res.statusCode, res.body).toBe(200);
  signedIn.push(agent);
  return agent;
}

const preview = async () => {
  const res = await committee.get(`/api/v1/periods/${periodId}/ranking`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    rows: {
      participantNo: string;
      twk: number | null;
      tiu: number | null;
      tkp: number | null;
      code: string;
      source: { kind: string; sessionId: string | null; siteName: string | null } | null;
    }[];
    missing: { participantNo: string; sessionId: string | null; examInProgress: boolean }[];
  };
};
const rowOf = (rows: Awaited<ReturnType<typeof preview>>['rows'], p: ScheduledParticipant) =>
  rows.find((r) => r.participantNo === p.participantNo)!;
const scoreRow = (p: ScheduledParticipant) =>
  ctx.database.db.selectFrom('skd_scores').selectAll().where('application_id', '=', p.applicationId).executeTakeFirst();

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedInAgent(ctx, 'admin');
  committee = await signedInAgent(ctx, 'committee');
  committee2 = await signedInAgent(ctx, 'committee');
  proctor = await signedInAgent(ctx, 'proctor');
  const examAdmin = await signedInAgent(ctx, 'exam_admin');
  const blueprintId = await seedSmallBank(examAdmin);
  const s = await scheduleParticipants(ctx, committee, 4, [3, 1]);
  periodId = s.periodId;
  await joinCommittee(ctx, periodId, committee2);
  await closeRegistrationAndVerification(ctx, committee, periodId);
  formationCode = (
    await ctx.database.db
      .selectFrom('formations')
      .select('code')
      .where('id', '=', s.formationId)
      .executeTakeFirstOrThrow()
  ).code;
  [sessionA, sessionB] = s.sessionIds as [string, string];
  [scorer, leaver, noShow] = s.bySession.get(sessionA) as [
    ScheduledParticipant,
    ScheduledParticipant,
    ScheduledParticipant,
  ];
  other = s.bySession.get(sessionB)![0]!;
  const rules2024 = (await new Agent(ctx.app).get('/api/v1/public/thresholds'))
    .json()
    .thresholds.find((t: { year: number }) => t.year === 2024);
  expect(
    (
      await admin.put('/api/v1/admin/thresholds/2026', {
        regulation: 'KepMenPANRB (uji) 2026',
        rules: rules2024.rules,
        uncertain: [],
      })
    ).statusCode,
  ).toBe(200);
  await assignProctor(committee, proctor, sessionA, sessionB);
  const opened = await proctor.post(`/api/v1/cat/sessions/${sessionA}/open`, { blueprintId });
  expect(opened.statusCode, opened.body).toBe(200);
  token = opened.json().token;
});
afterAll(() => ctx?.close());

describe('CAT scores feed the SKD ranking', () => {
  it('records a submitted attempt as the participant’s SKD score, from the CAT session, in the submit’s commit', async () => {
    const p = await catSignIn(scorer);
    scorerAgent = p;
    const form = (await p.get('/api/v1/cat/attempt')).json().items as { itemId: string }[];
    for (const [i, item] of form.entries())
      expect(
        (await p.put('/api/v1/cat/answers', { itemId: item.itemId, chosen: 'A', flagged: false, seq: i + 1 }))
          .statusCode,
      ).toBe(200);
    const submitted = await p.post('/api/v1/cat/submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    const { twk, tiu, tkp } = submitted.json();
    expect([twk, tiu, tkp]).toEqual([10, 10, 10]); // two keyed items of 5 points each; TKP A = 5 on two items
    expect(await scoreRow(scorer)).toMatchObject({ twk: 10, tiu: 10, tkp: 10, source: 'cat', session_id: sessionA });

    const { rows } = await preview();
    expect(rowOf(rows, scorer)).toMatchObject({
      twk: 10,
      tiu: 10,
      tkp: 10,
      code: 'TL',
      source: { kind: 'cat', sessionId: sessionA, siteName: 'UPT BKN Palu' },
    });
  });

  it('refuses to publish while seated participants have neither a score nor an absence, and says who', async () => {
    await catSignIn(leaver);
    const { missing } = await preview();
    expect(missing.map((m) => m.participantNo).sort()).toEqual(
      [leaver, noShow, other].map((p) => p.participantNo).sort(),
    );
    expect(missing.find((m) => m.participantNo === leaver.participantNo)).toMatchObject({
      sessionId: sessionA,
      examInProgress: true,
    });
    expect(missing.find((m) => m.participantNo === other.participantNo)).toMatchObject({
      sessionId: sessionB,
      examInProgress: false,
    });

    const refused = await committee.post(`/api/v1/periods/${periodId}/publications`, { stage: 'skd', reason: null });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/^3 peserta belum memiliki nilai SKD maupun catatan tidak hadir/);
    expect(refused.json().error.message).toContain(other.participantNo);
    expect(
      await ctx.database.db.selectFrom('result_publications').selectAll().where('period_id', '=', periodId).execute(),
    ).toHaveLength(0);
  });

  it('does not let the committee mark someone absent who is taking the exam or already has a score', async () => {
    const inExam = await committee.post(`/api/v1/periods/${periodId}/skd-scores/absences`, {
      participantNos: [leaver.participantNo],
    });
    expect(inExam.statusCode).toBe(409);
    const scored = await committee.post(`/api/v1/periods/${periodId}/skd-scores/absences`, {
      participantNos: [scorer.participantNo],
    });
    expect(scored.statusCode).toBe(400);
    expect(scored.json().error.fields.map((f: { field: string }) => f.field)).toEqual([scorer.participantNo]);
    expect(
      (await proctor.post(`/api/v1/periods/${periodId}/skd-scores/absences`, { participantNos: [other.participantNo] }))
        .statusCode,
    ).toBe(404);
    expect(await scoreRow(scorer)).toMatchObject({ twk: 10, source: 'cat' });
    expect(await scoreRow(leaver)).toBeUndefined();
  });

  it('records the swept attempt’s score and, on closing the session, who never came', async () => {
    await advance(100 * MIN + 31_000);
    expect(await ctx.services.cat.sweep()).toBe(1);
    expect(await scoreRow(leaver)).toMatchObject({ twk: 0, tiu: 0, tkp: 0, source: 'cat', session_id: sessionA });

    const closed = await proctor.post(`/api/v1/cat/sessions/${sessionA}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ ok: true, absent: 1 });
    expect(await scoreRow(noShow)).toMatchObject({
      twk: null,
      tiu: null,
      tkp: null,
      source: 'cat',
      session_id: sessionA,
    });
    expect(
      await ctx.database.db
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'cat.session.close')
        .where('subject_id', '=', sessionA)
        .execute(),
    ).toHaveLength(1);
    expect((await preview()).missing.map((m) => m.participantNo)).toEqual([other.participantNo]);
  });

  it('exports the session’s results per participant for the committee’s records (XLSX and CSV), audited, only to its own proctors', async () => {
    const res = await proctor.get(`/api/v1/cat/sessions/${sessionA}/results`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="hasil-cat-\d{4}-\d{2}-\d{2}-upt-bkn-palu\.xlsx"/,
    );
    const read = await readSheet(res.rawPayload, 'xlsx', {
      maxRows: 100,
      columns: 14,
      noun: { id: 'hasil', en: 'results' },
    });
    expect(read.ok).toBe(true);
    const [header, ...records] = read.ok ? read.records.map((r) => r.cells) : [];
    const byNo = new Map(
      records.map((cells) => [cells[1], Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? '']))]),
    );
    expect(byNo.get(scorer.participantNo)).toMatchObject({
      Status: 'Selesai',
      'Dikirim oleh': 'Peserta',
      TWK: '10',
      TIU: '10',
      TKP: '10',
      Total: '30',
      'Ambang batas': 'Tidak memenuhi',
    });
    expect(byNo.get(leaver.participantNo)).toMatchObject({
      Status: 'Selesai',
      'Dikirim oleh': 'Otomatis (waktu habis)',
      Total: '0',
    });
    expect(byNo.get(noShow.participantNo)).toMatchObject({ Status: 'Tidak hadir / belum mulai', Total: '' });
    expect(byNo.has(other.participantNo)).toBe(false); // seated in session B

    const csv = await committee.get(`/api/v1/cat/sessions/${sessionA}/results?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`${scorer.participantNo},`);
    const stranger = await signedInAgent(ctx, 'proctor');
    expect((await stranger.get(`/api/v1/cat/sessions/${sessionA}/results`)).statusCode).toBe(404);
    expect((await proctor.get(`/api/v1/cat/sessions/${sessionB}/results`)).statusCode).toBe(404); // never opened on the CAT
    expect((await proctor.get(`/api/v1/cat/sessions/${sessionA}/results?format=pdf`)).statusCode).toBe(400);
    expect(
      await ctx.database.db
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'cat.session.export')
        .where('subject_id', '=', sessionA)
        .execute(),
    ).toHaveLength(2);
  });

  it('records the committee’s absence for a session that never ran, audited', async () => {
    const res = await committee.post(`/api/v1/periods/${periodId}/skd-scores/absences`, {
      participantNos: [other.participantNo],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ recorded: 1 });
    expect(await scoreRow(other)).toMatchObject({ twk: null, source: 'absence', session_id: null });
    expect(
      await ctx.database.db
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'skd.record_absence')
        .where('subject_id', '=', periodId)
        .execute(),
    ).toHaveLength(1);
    const { rows, missing } = await preview();
    expect(missing).toEqual([]);
    expect(rowOf(rows, other)).toMatchObject({ code: 'TH', source: { kind: 'absence', sessionId: null } });
  });

  it('publishes the CAT’s scores: the public result shows what the participant scored, not TH', async () => {
    const proposed = await committee.post(`/api/v1/periods/${periodId}/publications`, { stage: 'skd', reason: null });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(
      (await committee2.post(`/api/v1/publications/${proposed.json().id}/decision`, { approve: true })).statusCode,
    ).toBe(200);
    const pub = await new Agent(ctx.app).get(`/api/v1/public/results/periods/${periodId}/formations/${formationCode}`);
    expect(pub.statusCode, pub.body).toBe(200);
    const byNo = Object.fromEntries(pub.json().skd.map((r: { participantNo: string }) => [r.participantNo, r]));
    expect(byNo[scorer.participantNo]).toMatchObject({ twk: 10, tiu: 10, tkp: 10, total: 30, code: 'TL' });
    expect(byNo[leaver.participantNo]).toMatchObject({ twk: 0, tiu: 0, tkp: 0, total: 0, code: 'TL' });
    expect(byNo[noShow.participantNo]).toMatchObject({ total: null, code: 'TH' });
    expect(byNo[other.participantNo]).toMatchObject({ total: null, code: 'TH' });
  });

  it('judges the result page, the certificate check and the ranking by the same passing grades after an admin edits them', async () => {
    const before = (await scorerAgent.get('/api/v1/cat/result')).json();
    expect(before).toMatchObject({ twk: 10, passed: false });
    expect(before.thresholdText).toContain('KepMenPANRB (uji) 2026');
    const rules = (await new Agent(ctx.app).get('/api/v1/public/thresholds'))
      .json()
      .thresholds.find((t: { year: number }) => t.year === 2026).rules;
    const edited = await admin.put('/api/v1/admin/thresholds/2026', {
      regulation: 'KepMenPANRB (uji, diubah) 2026',
      rules: { ...rules, umum: { kind: 'subtests', twk: 10, tiu: 10, tkp: 10 } },
      uncertain: [],
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const after = (await scorerAgent.get('/api/v1/cat/result')).json();
    expect(after).toMatchObject({
      twk: 10,
      tiu: 10,
      tkp: 10,
      passed: true,
      thresholdText: 'TWK ≥ 10, TIU ≥ 10, TKP ≥ 10 (KepMenPANRB (uji, diubah) 2026)',
    });
    const sig = ctx.services.cat.certificateSignature(after.attemptId);
    const check = await new Agent(ctx.app).get(`/api/v1/public/cat/certificates/${after.attemptId}?s=${sig}`);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ total: 30, passed: true });
    const pdf = await scorerAgent.get('/api/v1/cat/certificate.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(rowOf((await preview()).rows, scorer)).toMatchObject({ code: 'P/L' });
    expect(rowOf((await preview()).rows, leaver)).toMatchObject({ code: 'TL' });
  });
});
