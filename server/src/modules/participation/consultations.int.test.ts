/**
 * A public consultation from draft to final: the committee drafts sections and publishes them for
 * a window; signed-in accounts comment per section inside it (refused outside, audited); a comment
 * is hidden only with a public reason; the committee answers; the final version needs a reason for
 * every changed section and shows a diff against the draft. Commenters appear masked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { ManualClock } from '../../platform/clock.ts';

let ctx: TestContext;
let clock: ManualClock;
let committee: Agent;
let applicant: Agent;
let other: Agent;
let id = '';
const DAY = 86_400_000;
const draft = {
  title: 'Rancangan kriteria formasi CPNS 2026',
  summary: 'Syarat pendidikan dan batas usia formasi teknis Pemerintah Kota Palu tahun 2026.',
  periodId: null,
  moderationRules:
    'Komentar yang menyerang pribadi, memuat data pribadi orang lain, atau di luar pokok bahasan disembunyikan dengan alasan.',
  sections: [
    {
      heading: 'Batas usia',
      body: 'Usia paling rendah 18 tahun.\nUsia paling tinggi 35 tahun pada tanggal penutupan pendaftaran.',
    },
    { heading: 'Pendidikan', body: 'Formasi Pranata Komputer: S1 Informatika atau Sistem Informasi.' },
  ],
};

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
  ctx = await createTestContext({ clock, limits: { sessionIdleMs: 365 * DAY, sessionAbsoluteMs: 365 * DAY } });
  committee = await signedInAgent(ctx, 'committee');
  applicant = await signedInAgent(ctx, 'applicant');
  other = await signedInAgent(ctx, 'employee');
});
afterAll(() => ctx?.close());

describe('public consultation', () => {
  it('is drafted by the committee and hidden from the public while a draft', async () => {
    const res = await committee.post('/api/v1/consultations', draft);
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect((await new Agent(ctx.app).get(`/api/v1/public/consultations/${id}`)).statusCode).toBe(404);
    expect((await new Agent(ctx.app).get('/api/v1/public/consultations')).json().consultations).toEqual([]);
    const edited = await committee.put(`/api/v1/consultations/${id}`, {
      ...draft,
      summary: `${draft.summary} Rancangan kedua.`,
    });
    expect(edited.statusCode, edited.body).toBe(200);
  });

  it('opens for a window; comments before it are refused and audited', async () => {
    const res = await committee.post(`/api/v1/consultations/${id}/open`, {
      opensAt: '2026-03-03T00:00:00+08:00',
      closesAt: '2026-03-10T00:00:00+08:00',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('scheduled');
    const sectionId = res.json().sections[0].id;
    const early = await applicant.post(`/api/v1/consultation-sections/${sectionId}/comments`, {
      body: 'Komentar sebelum masa komentar dibuka.',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/belum dibuka atau sudah ditutup/);
    expect((await committee.put(`/api/v1/consultations/${id}`, draft)).statusCode).toBe(409);
  });

  it('takes comments per section in the window, masks the author, hides with a public reason, answers', async () => {
    clock.advance(2 * DAY);
    const view = (await new Agent(ctx.app).get(`/api/v1/public/consultations/${id}`)).json();
    expect(view.state).toBe('open');
    const [age, edu] = view.sections;
    expect(
      (
        await new Agent(ctx.app).post(`/api/v1/consultation-sections/${age.id}/comments`, {
          body: 'Tanpa akun tidak boleh berkomentar.',
        })
      ).statusCode,
    ).toBe(401);
    const c1 = await applicant.post(`/api/v1/consultation-sections/${age.id}/comments`, {
      body: 'Mohon batas usia formasi dokter dinaikkan menjadi 40 tahun seperti aturan nasional.',
    });
    expect(c1.statusCode, c1.body).toBe(201);
    const c2 = await other.post(`/api/v1/consultation-sections/${edu.id}/comments`, {
      body: 'Komentar yang menyebut data pribadi orang lain: NIK 7271045203990001.',
    });
    expect(
      (await committee.post(`/api/v1/consultation-comments/${c2.json().id}/hide`, { reason: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (
        await committee.post(`/api/v1/consultation-comments/${c2.json().id}/hide`, {
          reason: 'Memuat data pribadi orang lain.',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await committee.post(`/api/v1/consultation-comments/${c1.json().id}/answer`, {
          answer: 'Usulan diterima untuk formasi tenaga kesehatan.',
        })
      ).statusCode,
    ).toBe(200);
    const pub = await new Agent(ctx.app).get(`/api/v1/public/consultations/${id}`);
    const body = pub.json();
    expect(body.sections[0].comments[0]).toMatchObject({
      author: 'Uj*** a***',
      answer: 'Usulan diterima untuk formasi tenaga kesehatan.',
      status: 'visible',
    });
    expect(body.sections[1].comments[0]).toMatchObject({
      status: 'hidden',
      body: null,
      hiddenReason: 'Memuat data pribadi orang lain.',
    });
    expect(pub.body).not.toContain('7271045203990001');
    expect(pub.body).not.toContain('Uji applicant');
    expect(body.statistics).toMatchObject({ comments: 2, hidden: 1, answered: 1, commenters: 2 });
    expect((await committee.get(`/api/v1/public/consultations/${id}`)).json().sections[1].comments[0].body).toMatch(
      /NIK/,
    );
  });

  it('closes, and the final version needs a reason for each change and shows the diff', async () => {
    const sections = (await committee.get(`/api/v1/public/consultations/${id}`)).json().sections;
    const final = {
      note: 'Batas usia disesuaikan untuk tenaga kesehatan sesuai masukan.',
      sections: [
        {
          sectionId: sections[0].id,
          body: 'Usia paling rendah 18 tahun.\nUsia paling tinggi 35 tahun, atau 40 tahun untuk dokter, pada tanggal penutupan pendaftaran.',
          reason: '',
        },
        { sectionId: sections[1].id, body: sections[1].draft, reason: '' },
      ],
    };
    expect((await committee.post(`/api/v1/consultations/${id}/final`, final)).statusCode).toBe(409); // still open
    clock.advance(7 * DAY);
    expect(
      (
        await applicant.post(`/api/v1/consultation-sections/${sections[0].id}/comments`, {
          body: 'Komentar setelah masa komentar ditutup.',
        })
      ).statusCode,
    ).toBe(409);
    expect((await committee.post(`/api/v1/consultations/${id}/final`, final)).json().error.fields[0].field).toBe(
      'reason',
    );
    final.sections[0]!.reason = 'Masukan publik: batas usia dokter 40 tahun.';
    const res = await committee.post(`/api/v1/consultations/${id}/final`, final);
    expect(res.statusCode, res.body).toBe(200);
    const v = (await new Agent(ctx.app).get(`/api/v1/public/consultations/${id}`)).json();
    expect(v.state).toBe('final');
    expect(v.sections[0].diff).toEqual([
      { op: 'same', text: 'Usia paling rendah 18 tahun.' },
      { op: 'del', text: 'Usia paling tinggi 35 tahun pada tanggal penutupan pendaftaran.' },
      {
        op: 'add',
        text: 'Usia paling tinggi 35 tahun, atau 40 tahun untuk dokter, pada tanggal penutupan pendaftaran.',
      },
    ]);
    expect(v.sections[0].changeReason).toBe('Masukan publik: batas usia dokter 40 tahun.');
    const actions = (
      await ctx.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', 'like', 'consultation.%')
        .execute()
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'consultation.create',
        'consultation.open',
        'consultation.comment',
        'consultation.comment.refused',
        'consultation.comment.hide',
        'consultation.comment.answer',
        'consultation.final',
      ]),
    );
  });
});
