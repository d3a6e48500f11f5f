/** Builds a scheduled CAT session with participants and a small item bank, for exam tests. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { ItemContent } from '../src/modules/exam/domain/index.ts';
import { type Agent, applicantBody, type TestContext } from './harness.ts';
import { openPeriodWithFormation } from './recruitment-setup.ts';

export const PARTICIPANT_PASSWORD = 'sandi-peserta-ujian-cat';

const OPTS = ['A', 'B', 'C', 'D', 'E'] as const;

/** A TWK/TIU item whose key is `correct`, or a TKP item whose weights are A=5 … E=1. */
export function makeItem(subtest: 'TWK' | 'TIU' | 'TKP', n: number, correct: (typeof OPTS)[number] = 'A'): ItemContent {
  const category = subtest === 'TWK' ? 'nasionalisme' : subtest === 'TIU' ? 'numerik' : 'pelayanan_publik';
  return {
    examType: 'SKD',
    subtest,
    category,
    stem: `Soal uji ${subtest} nomor ${n}: pilih jawaban yang paling tepat.`,
    imageKey: null,
    options: OPTS.map((k) => ({ key: k, text: `Pilihan ${k} soal ${subtest}-${n}` })),
    scoring:
      subtest === 'TKP'
        ? { kind: 'weights', weights: { A: 5, B: 4, C: 3, D: 2, E: 1 } }
        : { kind: 'key', correct, points: 5 },
    explanation: 'Pembahasan rahasia: tidak boleh sampai ke peserta.',
  };
}

/** Item bank (3 items per subtest) and a blueprint of 2 per subtest, through the exam-admin API. */
export async function seedSmallBank(examAdmin: Agent) {
  for (const subtest of ['TWK', 'TIU', 'TKP'] as const) {
    for (let n = 1; n <= 3; n++) {
      const res = await examAdmin.post('/api/v1/exam/items', makeItem(subtest, n));
      expect(res.statusCode, res.body).toBe(201);
    }
  }
  const bp = await examAdmin.post('/api/v1/exam/blueprints', {
    examType: 'SKD',
    name: `SKD uji ${randomBytes(3).toString('hex')}`,
    durationMinutes: 100,
    accommodatedMinutes: 130,
    sections: [
      { subtest: 'TWK', category: 'nasionalisme', count: 2 },
      { subtest: 'TIU', category: 'numerik', count: 2 },
      { subtest: 'TKP', category: 'pelayanan_publik', count: 2 },
    ],
    thresholdsRef: 'KepMenPANRB 321/2024',
  });
  expect(bp.statusCode, bp.body).toBe(201);
  return bp.json().id as string;
}

export interface ScheduledParticipant {
  applicationId: string;
  participantNo: string;
  email: string;
  fullName: string;
}

/**
 * A period with `count` MS applicants, one exam session per capacity, and everyone assigned by the
 * committee's own endpoint. Applications are inserted as already-published MS: the administrative
 * selection has its own tests.
 */
export async function scheduleParticipants(
  ctx: TestContext,
  committee: Agent,
  count: number,
  capacities: number[] = [count],
) {
  const { periodId, formationId } = await openPeriodWithFormation(ctx, committee, { quota: 50 });
  const people: { id: string; email: string; fullName: string }[] = [];
  for (let i = 0; i < count; i++) {
    const body = applicantBody({ fullName: i === 0 ? 'Nur Aisyah Lamarauna' : `Peserta Uji Ke ${i}` });
    const email = `cat.${randomBytes(5).toString('hex')}@contoh.id`;
    await ctx.services.identity.createAccountWithPassword({
      email,
      fullName: body.fullName as string,
      role: 'applicant',
      password: PARTICIPANT_PASSWORD,
      organizationId: null,
      nik: body.nik as string,
      birthDate: '1999-03-12',
      gender: 'P',
      birthPlace: 'Palu',
    });
    const account = await ctx.database.db
      .selectFrom('accounts')
      .select('id')
      .where('email_normalized', '=', email)
      .executeTakeFirstOrThrow();
    const id = ctx.services.ids.uuid();
    await ctx.database.db
      .insertInto('applications')
      .values({
        id,
        period_id: periodId,
        applicant_id: account.id,
        formation_id: formationId,
        registration_no: `REG-${randomBytes(6).toString('hex')}`,
        status: 'ms',
        published_result: 'ms',
        published_at: ctx.clock.now(),
        submitted_at: ctx.clock.now(),
      })
      .execute();
    people.push({ id, email, fullName: body.fullName as string });
  }
  const site = await committee.post(`/api/v1/periods/${periodId}/exam-sites`, {
    name: 'UPT BKN Palu',
    address: 'Jl. Tanjung Manimbaya, Palu',
    accessible: true,
  });
  expect(site.statusCode, site.body).toBe(201);
  const sessionIds: string[] = [];
  for (const [s, capacity] of capacities.entries()) {
    const res = await committee.post(`/api/v1/exam-sites/${site.json().id}/sessions`, {
      startsAt: new Date(ctx.clock.now().getTime() + (s + 1) * 3_600_000).toISOString(),
      durationMinutes: 100,
      capacity,
    });
    expect(res.statusCode, res.body).toBe(201);
    sessionIds.push(res.json().id);
  }
  const assigned = await committee.post(`/api/v1/periods/${periodId}/exam-assignments`);
  expect(assigned.statusCode, assigned.body).toBe(200);
  const rows = await ctx.database.db
    .selectFrom('applications')
    .innerJoin('exam_assignments', 'exam_assignments.application_id', 'applications.id')
    .select(['applications.id', 'applications.participant_no', 'exam_assignments.session_id'])
    .where('applications.period_id', '=', periodId)
    .execute();
  const bySession = new Map<string, ScheduledParticipant[]>(sessionIds.map((s) => [s, []]));
  for (const p of people) {
    const r = rows.find((x) => x.id === p.id)!;
    bySession
      .get(r.session_id)!
      .push({ applicationId: p.id, participantNo: r.participant_no!, email: p.email, fullName: p.fullName });
  }
  return { periodId, formationId, sessionIds, bySession };
}

/** The committee assigns a signed-in proctor to exam sessions (only assigned proctors run a session's console). */
export async function assignProctor(committee: Agent, proctor: Agent, ...sessionIds: string[]) {
  const me = await proctor.get('/api/v1/me');
  const accountId = me.json().account.id as string;
  for (const sessionId of sessionIds) {
    const res = await committee.post(`/api/v1/cat/sessions/${sessionId}/proctors`, { accountId });
    if (res.statusCode !== 200) throw new Error(`assigning the proctor failed: ${res.statusCode} ${res.body}`);
  }
}
