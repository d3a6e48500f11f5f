/**
 * Training pre/post-tests on the CAT engine through the API: the training admin picks a training
 * blueprint and a window per phase; a seated participant starts inside the window, answers (each
 * saved with a sequence number), submits; the percentage lands on the enrolment and the completion
 * rule reads it; a late or second attempt, a stale write, a foreign attempt and hand-typed scores
 * for an engine phase are refused; the server submits overdue attempts when read and in the sweep.
 */
import { localDate } from '../../../../common/rules/calendar.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg, multipart } from '../../../test/fixtures.ts';
import { type Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { TRAINING_BANK, TRAINING_BLUEPRINT } from '../../../seeds/training-bank.ts';

let ctx: TestContext;
let admin: Agent;
let examAdmin: Agent;
let employee: Agent;
let colleague: Agent;
let stranger: Agent;
let batchId: string;
let blueprintId: string;
let skdBlueprintId: string;
let pictureKey: string;
const enrolment: Record<string, string> = {};
const emails: Record<string, string> = {};
const correctByStem = new Map(TRAINING_BANK.map((i) => [i.stem, i.scoring.kind === 'key' ? i.scoring.correct : 'A']));

const HEADER = 'nip,nama,status,tmt,kode_opd,unit,jenis_jabatan,jabatan,jenjang,golongan,nip_atasan,email';
const HOUR = 3_600_000;
const db = () => ctx.database.db;
const auditCount = async (action: string) =>
  (await db().selectFrom('audit_events').select('seq').where('action', '=', action).execute()).length;
const scoresOf = (id: string) =>
  db()
    .selectFrom('enrollments')
    .select(['pre_test_score', 'post_test_score'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const at = (offsetMs: number) => new Date(ctx.clock.now().getTime() + offsetMs).toISOString();

interface View {
  attempt: {
    id: string;
    status: string;
    deadlineAt: string;
    remainingMs: number;
    result: { total: number; max: number; percent: number; answered: number } | null;
  };
  items: { itemId: string; stem: string; imageKey: string | null; options: { key: string; text: string }[] }[];
  answers: { itemId: string; chosen: string | null; seq: number }[];
}

beforeAll(async () => {
  ctx = await createTestContext({ limits: { sessionIdleMs: 24 * HOUR, sessionAbsoluteMs: 48 * HOUR } }); // the clock moves hours ahead
  admin = await signedInAgent(ctx, 'training_admin');
  examAdmin = await signedInAgent(ctx, 'exam_admin');
  employee = await signedInAgent(ctx, 'employee');
  colleague = await signedInAgent(ctx, 'employee');
  stranger = await signedInAgent(ctx, 'employee');
  for (const [k, a] of Object.entries({ employee, colleague, stranger }))
    emails[k] = (await a.get('/api/v1/me')).json().account.email;
  const rows = [
    `199104252015032001,Sitti Aisyah,PNS,2015-03-01,kominfo,Bidang Aplikasi,fungsional,Pranata Komputer Ahli Muda,Ahli Muda,III/c,,${emails.employee}`,
    `199211112017031002,Yusuf Lalu,PNS,2017-03-01,bpbd,Bidang Kedaruratan,fungsional,Analis Kebencanaan Ahli Pertama,Ahli Pertama,III/b,,${emails.colleague}`,
    `199307182019031003,Rahmat Lasoso,PNS,2019-03-01,bpbd,Bidang Kedaruratan,pelaksana,Pengadministrasi Umum,Pelaksana,II/c,,${emails.stranger}`,
  ];
  const imported = await admin.upload(
    'POST',
    '/api/v1/employees/import?commit=true',
    multipart({ name: 'p.csv', data: Buffer.from(`${HEADER}\n${rows.join('\n')}\n`), type: 'text/csv' }),
  );
  expect(imported.json().committed, imported.body).toBe(true);
  // Every item carries the same picture (a hazard map, say), so whichever ten are drawn show it.
  pictureKey = (
    await examAdmin.upload(
      'POST',
      '/api/v1/exam/item-images',
      multipart({ name: 'peta.jpg', data: makeJpeg(), type: 'image/jpeg' }),
    )
  ).json().imageKey;
  for (const item of TRAINING_BANK)
    expect((await examAdmin.post('/api/v1/exam/items', { ...item, imageKey: pictureKey })).statusCode).toBe(201);
  const bp = await examAdmin.post('/api/v1/exam/blueprints', TRAINING_BLUEPRINT);
  expect(bp.statusCode, bp.body).toBe(201);
  blueprintId = bp.json().id;
  skdBlueprintId = (
    await examAdmin.post('/api/v1/exam/blueprints', {
      examType: 'SKD',
      name: 'SKD latihan',
      durationMinutes: 100,
      accommodatedMinutes: 130,
      sections: [{ subtest: 'TWK', category: null, count: 5 }],
      thresholdsRef: 'KepMenPANRB 321/2024',
    })
  ).json().id;
  const p = await admin.post('/api/v1/training/programs', {
    code: 'KRB-2026',
    title: 'Kesiapsiagaan Bencana untuk ASN',
    kind: 'teknis',
    competencyArea: 'Kebencanaan',
    jp: 16,
    modality: 'klasikal',
    partnerId: null,
    eligibility: {},
    costRupiah: 0,
    description: '',
    completion: { minAttendancePct: 0, postTestPass: 70, assignmentRequired: false },
  });
  expect(p.statusCode, p.body).toBe(201);
  // Palu's date: the server ends a batch by the WITA calendar, a day ahead of UTC from 16:00 UTC.
  const day = localDate(ctx.clock.now());
  batchId = (
    await admin.post(`/api/v1/training/programs/${p.json().id}/batches`, {
      name: 'Angkatan I',
      startsOn: day,
      endsOn: day,
      venue: 'Aula BPBD',
      facilitators: 'Tim BPBD',
      capacity: 10,
    })
  ).json().id;
  for (const nip of ['199104252015032001', '199211112017031002', '199307182019031003']) {
    const id = (await db().selectFrom('employees').select('id').where('nip', '=', nip).executeTakeFirstOrThrow()).id;
    enrolment[nip] = (
      await admin.post(`/api/v1/training/batches/${batchId}/enrollments`, { employeeId: id })
    ).json().id;
  }
  // The third participant withdrew: their enrolment is cancelled.
  expect((await admin.post(`/api/v1/training/enrollments/${enrolment['199307182019031003']}/cancel`)).statusCode).toBe(
    200,
  );
});
afterAll(() => ctx?.close());

const SITTI = () => enrolment['199104252015032001']!;
const YUSUF = () => enrolment['199211112017031002']!;
const view = async (agent: Agent, id: string) => {
  const res = await agent.get(`/api/v1/me/training-tests/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as View;
};
/** Answers the first `right` items correctly and the rest wrongly, one save each. */
async function answer(agent: Agent, v: View, right: number) {
  for (const [i, item] of v.items.entries()) {
    const key = correctByStem.get(item.stem)!;
    const chosen = i < right ? key : item.options.find((o) => o.key !== key)!.key;
    const res = await agent.put(`/api/v1/me/training-tests/${v.attempt.id}/answers`, {
      itemId: item.itemId,
      chosen,
      seq: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

describe('the training admin sets the tests', () => {
  it('chooses among training blueprints only', async () => {
    const list = (await admin.get('/api/v1/training/test-blueprints')).json().blueprints as {
      id: string;
      name: string;
      itemCount: number;
      durationMinutes: number;
    }[];
    expect(list).toEqual([{ id: blueprintId, name: TRAINING_BLUEPRINT.name, durationMinutes: 20, itemCount: 10 }]);
    const skd = await admin.put(`/api/v1/training/batches/${batchId}/tests/pre`, {
      blueprintId: skdBlueprintId,
      opensAt: at(-HOUR),
      closesAt: at(HOUR),
    });
    expect(skd.statusCode).toBe(400);
    expect(skd.json().error.message).toMatch(/kisi-kisi tes pelatihan/);
    const backwards = await admin.put(`/api/v1/training/batches/${batchId}/tests/pre`, {
      blueprintId,
      opensAt: at(HOUR),
      closesAt: at(-HOUR),
    });
    expect(backwards.statusCode).toBe(400);
    expect(await db().selectFrom('batch_tests').select('phase').execute()).toEqual([]);
  });

  it('sets a pre-test open now and a post-test that opens later, audited', async () => {
    const pre = await admin.put(`/api/v1/training/batches/${batchId}/tests/pre`, {
      blueprintId,
      opensAt: at(-HOUR),
      closesAt: at(HOUR),
    });
    expect(pre.statusCode, pre.body).toBe(200);
    expect(pre.json()).toMatchObject({
      phase: 'pre',
      blueprint: { id: blueprintId, name: TRAINING_BLUEPRINT.name },
      started: 0,
    });
    expect(
      (
        await admin.put(`/api/v1/training/batches/${batchId}/tests/post`, {
          blueprintId,
          opensAt: at(3 * HOUR),
          closesAt: at(6 * HOUR),
        })
      ).statusCode,
    ).toBe(200);
    const tests = (await admin.get(`/api/v1/training/batches/${batchId}/tests`)).json().tests as { phase: string }[];
    expect(tests.map((t) => t.phase)).toEqual(['pre', 'post']);
    expect(await auditCount('training.test.set')).toBe(2);
  });
});

describe('the participant takes the pre-test', () => {
  let attemptId: string;

  it('sees the pre-test open and the post-test not yet', async () => {
    const mine = (await employee.get('/api/v1/me/training-tests')).json().tests as {
      phase: string;
      open: boolean;
      attempt: unknown;
      itemCount: number;
    }[];
    expect(mine.map((t) => [t.phase, t.open, t.attempt, t.itemCount])).toEqual([
      ['pre', true, null, 10],
      ['post', false, null, 10],
    ]);
    expect((await stranger.get('/api/v1/me/training-tests')).json().tests).toEqual([]); // cancelled: nothing to take
  });

  it('refuses a test outside its window, someone else’s enrolment and a cancelled one', async () => {
    const early = await employee.post(`/api/v1/me/enrollments/${SITTI()}/tests/post/start`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/^post-test ini baru dibuka /);
    expect((await stranger.post(`/api/v1/me/enrollments/${SITTI()}/tests/pre/start`)).statusCode).toBe(404);
    const cancelled = await stranger.post(`/api/v1/me/enrollments/${enrolment['199307182019031003']}/tests/pre/start`);
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().error.message).toMatch(/^Tes hanya untuk peserta terdaftar/);
    expect(await db().selectFrom('assessment_attempts').select('id').execute()).toEqual([]);
  });

  it('starts once: a second start continues the same attempt; the form shows no key', async () => {
    const res = await employee.post(`/api/v1/me/enrollments/${SITTI()}/tests/pre/start`);
    expect(res.statusCode, res.body).toBe(200);
    attemptId = res.json().attemptId;
    expect((await employee.post(`/api/v1/me/enrollments/${SITTI()}/tests/pre/start`)).json().attemptId).toBe(attemptId);
    const raw = await employee.get(`/api/v1/me/training-tests/${attemptId}`);
    expect(raw.body).not.toMatch(/correct|scoring|weights|explanation/);
    const v = raw.json() as View & { attempt: { startedAt: string } };
    expect(v.items).toHaveLength(10);
    expect(v.attempt.status).toBe('in_progress');
    expect(Date.parse(v.attempt.deadlineAt) - Date.parse(v.attempt.startedAt)).toBe(20 * 60_000);
    expect(new Set(v.items.map((i) => i.itemId)).size).toBe(10);
    // The delivered versions are frozen, as the CAT's are.
    const frozen = await db()
      .selectFrom('item_versions')
      .select('item_id')
      .where(
        'item_id',
        'in',
        v.items.map((i) => i.itemId),
      )
      .where('first_delivered_at', 'is not', null)
      .execute();
    expect(frozen).toHaveLength(10);
    // The items' picture shows to the participant while this test runs, and to nobody else.
    expect(v.items.every((i) => i.imageKey === pictureKey)).toBe(true);
    const picture = await employee.get(`/api/v1/exam/item-images/${pictureKey}`);
    expect(picture.statusCode).toBe(200);
    expect(picture.headers['content-type']).toBe('image/jpeg');
    expect((await colleague.get(`/api/v1/exam/item-images/${pictureKey}`)).statusCode).toBe(404);
    expect(await auditCount('assessment.start')).toBe(1);
    expect(await auditCount('training.test.start')).toBe(1);
  });

  it('hides the attempt from anyone else (404, nothing leaks)', async () => {
    for (const res of [
      await stranger.get(`/api/v1/me/training-tests/${attemptId}`),
      await stranger.put(`/api/v1/me/training-tests/${attemptId}/answers`, { itemId: attemptId, chosen: 'A', seq: 1 }),
      await colleague.post(`/api/v1/me/training-tests/${attemptId}/submit`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toMatch(/Kesiapsiagaan|stem/);
    }
  });

  it('saves each answer with its sequence number and refuses a stale one or an item not on the form', async () => {
    const v = await view(employee, attemptId);
    await answer(employee, v, 5);
    const first = v.items[0]!;
    const key = correctByStem.get(first.stem)!;
    const newer = await employee.put(`/api/v1/me/training-tests/${attemptId}/answers`, {
      itemId: first.itemId,
      chosen: null,
      seq: 3,
    });
    expect(newer.json()).toMatchObject({ itemId: first.itemId, chosen: null, seq: 3 });
    const stale = await employee.put(`/api/v1/me/training-tests/${attemptId}/answers`, {
      itemId: first.itemId,
      chosen: key,
      seq: 2,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe(
      'Jawaban yang lebih baru untuk soal ini sudah tersimpan; muat ulang halaman untuk melihatnya.',
    );
    expect(
      (
        await employee.put(`/api/v1/me/training-tests/${attemptId}/answers`, {
          itemId: first.itemId,
          chosen: key,
          seq: 4,
        })
      ).statusCode,
    ).toBe(200);
    const foreign = await employee.put(`/api/v1/me/training-tests/${attemptId}/answers`, {
      itemId: batchId,
      chosen: 'A',
      seq: 9,
    });
    expect(foreign.statusCode).toBe(400);
    const saved = (await view(employee, attemptId)).answers;
    expect(saved).toHaveLength(10);
    expect(saved.find((a) => a.itemId === first.itemId)).toMatchObject({ chosen: key, seq: 4 });
  });

  it('submits: 5 of 10 is 50 on the enrolment, once', async () => {
    const res = await employee.post(`/api/v1/me/training-tests/${attemptId}/submit`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', result: { total: 5, max: 10, percent: 50, answered: 10 } });
    expect(await scoresOf(SITTI())).toEqual({ pre_test_score: 50, post_test_score: null });
    expect((await employee.post(`/api/v1/me/training-tests/${attemptId}/submit`)).json().result.percent).toBe(50);
    const again = await employee.post(`/api/v1/me/enrollments/${SITTI()}/tests/pre/start`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      'Anda sudah mengerjakan pre-test ini (nilai 50); tes hanya dikerjakan sekali.',
    );
    const late = await employee.put(`/api/v1/me/training-tests/${attemptId}/answers`, {
      itemId: (await view(employee, attemptId)).items[0]!.itemId,
      chosen: 'A',
      seq: 10,
    });
    expect(late.statusCode).toBe(409);
    expect((await employee.get(`/api/v1/exam/item-images/${pictureKey}`)).statusCode).toBe(404); // the test is over
    expect(await auditCount('assessment.submit')).toBe(1);
    expect(await auditCount('training.test.score')).toBe(1);
  });

  it('keeps the engine’s score from hand edits; the assignment still saves', async () => {
    const typed = await admin.put(`/api/v1/training/enrollments/${SITTI()}/scores`, {
      preTest: 80,
      postTest: null,
      assignmentDone: false,
    });
    expect(typed.statusCode).toBe(409);
    expect(typed.json().error.message).toBe(
      'Pre-test angkatan ini dikerjakan di Merit (CAT); nilainya tidak diisi manual.',
    );
    expect(
      (
        await admin.put(`/api/v1/training/enrollments/${SITTI()}/scores`, {
          preTest: 50,
          postTest: 90,
          assignmentDone: false,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await admin.put(`/api/v1/training/enrollments/${SITTI()}/scores`, {
          preTest: 50,
          postTest: null,
          assignmentDone: true,
        })
      ).statusCode,
    ).toBe(200);
    expect(await scoresOf(SITTI())).toEqual({ pre_test_score: 50, post_test_score: null });
  });

  it('fixes the blueprint once someone started; the window can still move; the test cannot be removed', async () => {
    const other = (await examAdmin.post('/api/v1/exam/blueprints', { ...TRAINING_BLUEPRINT, name: 'Tes lain' })).json()
      .id;
    const swap = await admin.put(`/api/v1/training/batches/${batchId}/tests/pre`, {
      blueprintId: other,
      opensAt: at(-HOUR),
      closesAt: at(HOUR),
    });
    expect(swap.statusCode).toBe(409);
    expect(swap.json().error.message).toMatch(/^1 peserta sudah memulai pre-test ini/);
    const moved = await admin.put(`/api/v1/training/batches/${batchId}/tests/pre`, {
      blueprintId,
      opensAt: at(-HOUR),
      closesAt: at(2 * HOUR),
    });
    expect(moved.json()).toMatchObject({ started: 1 });
    expect((await admin.request('DELETE', `/api/v1/training/batches/${batchId}/tests/pre`)).statusCode).toBe(409);
  });
});

describe('the post-test and the server’s deadline', () => {
  it('submits by itself when the deadline has passed: a late answer is refused and the score lands', async () => {
    ctx.clock.advance(3 * HOUR + 60_000); // the post-test window is open now
    const id = (await employee.post(`/api/v1/me/enrollments/${SITTI()}/tests/post/start`)).json().attemptId as string;
    const v = await view(employee, id);
    await answer(employee, v, 9);
    ctx.clock.advance(20 * 60_000 + 31_000); // 20 minutes and the 30 s grace
    const late = await employee.put(`/api/v1/me/training-tests/${id}/answers`, {
      itemId: v.items[9]!.itemId,
      chosen: correctByStem.get(v.items[9]!.stem)!,
      seq: 2,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe(
      'Waktu tes sudah habis; jawaban ini tidak tersimpan. Jawaban sebelumnya sudah dinilai.',
    );
    const after = await view(employee, id);
    expect(after.attempt).toMatchObject({
      status: 'submitted',
      remainingMs: 0,
      result: { total: 9, max: 10, percent: 90 },
    });
    expect(await scoresOf(SITTI())).toEqual({ pre_test_score: 50, post_test_score: 90 });
    expect(await auditCount('assessment.auto_submit')).toBe(1);
  });

  it('the sweep submits an attempt nobody opens again (no answers: 0)', async () => {
    const id = (await colleague.post(`/api/v1/me/enrollments/${YUSUF()}/tests/post/start`)).json().attemptId as string;
    expect(await ctx.services.assessment.sweep()).toBe(0);
    ctx.clock.advance(21 * 60_000);
    expect(await ctx.services.assessment.sweep()).toBe(1);
    expect(
      await db()
        .selectFrom('assessment_attempts')
        .select(['status', 'submitted_by'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'submitted', submitted_by: 'server' });
    expect(await scoresOf(YUSUF())).toEqual({ pre_test_score: null, post_test_score: 0 });
    expect(await auditCount('training.test.score')).toBe(3);
  });

  it('the completion rule reads the engine’s scores: gain per participant and per batch, the certificate', async () => {
    const b = (await admin.get(`/api/v1/training/batches/${batchId}`)).json() as {
      gain: { count: number; gain: number | null };
      enrollments: {
        id: string;
        progress: { preTest: number | null; postTest: number | null; gain: number | null; problems: { id: string }[] };
      }[];
    };
    const sitti = b.enrollments.find((e) => e.id === SITTI())!;
    expect(sitti.progress).toMatchObject({ preTest: 50, postTest: 90, gain: 40, problems: [] });
    expect(b.enrollments.find((e) => e.id === YUSUF())!.progress.problems.map((p) => p.id)).toEqual([
      'Nilai post-test 0 di bawah batas lulus 70.',
    ]);
    expect(b.gain).toMatchObject({ count: 1, gain: 40 });
    const issued = await admin.post(`/api/v1/training/batches/${batchId}/certificates`, { enrollmentIds: [SITTI()] });
    expect(issued.statusCode, issued.body).toBe(201);
    const refused = await admin.post(`/api/v1/training/batches/${batchId}/certificates`, { enrollmentIds: [YUSUF()] });
    expect(refused.statusCode).toBe(400);
  });

  it('lists the employee’s results', async () => {
    const mine = (await employee.get('/api/v1/me/training-tests')).json().tests as {
      phase: string;
      open: boolean;
      attempt: { status: string; result: { percent: number } };
    }[];
    expect(mine.map((t) => [t.phase, t.open, t.attempt.status, t.attempt.result.percent])).toEqual([
      ['pre', false, 'submitted', 50],
      ['post', false, 'submitted', 90],
    ]);
  });
});
