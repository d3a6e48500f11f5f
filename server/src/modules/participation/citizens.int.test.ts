/**
 * Citizens take part without an applicant account (issue 23 §3): a citizen signs up with name,
 * e-mail and password (no NIK), verifies the e-mail, then comments and registers for forums; an
 * organisation signs up the same way as an observer and applies for accreditation. The committee or
 * the admin closes a comment window early (once), answers, and sets the final text with a reason per
 * change, which the public sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, multipart } from '../../../test/fixtures.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { openPeriodWithFormation } from '../../../test/recruitment-setup.ts';
import { ManualClock } from '../../platform/clock.ts';

let ctx: TestContext;
let clock: ManualClock;
let committee: Agent;
let admin: Agent;
const DAY = 86_400_000;
const PASSWORD = 'ikan bakar di pantai talise';
let seq = 0;
const email = (who: string) => `${who}.${++seq}.${process.pid}@contoh.id`;

const mailTo = async (address: string) =>
  await ctx.database.db
    .selectFrom('outbox_emails')
    .select(['subject', 'body_text'])
    .where('to_address', '=', address)
    .orderBy('created_at', 'desc')
    .execute();
const codeIn = async (address: string) =>
  /Kode verifikasi Anda: (\d{6})/.exec((await mailTo(address))[0]?.body_text ?? '')?.[1] ?? '';

/** Signs up, verifies with the mailed code and signs in, as the browser does. */
async function citizen(kind: 'citizen' | 'organization' = 'citizen', fullName = 'Andi Lamarauna') {
  const address = email(kind);
  const anon = new Agent(ctx.app);
  const res = await anon.post('/api/v1/auth/register-participant', {
    kind,
    fullName,
    email: address,
    password: PASSWORD,
    consent: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(
    (await anon.post('/api/v1/auth/verify-email-code', { email: address, code: await codeIn(address) })).statusCode,
  ).toBe(200);
  const login = await anon.post('/api/v1/auth/login', { identifier: address, password: PASSWORD });
  expect(login.statusCode, login.body).toBe(200);
  return { agent: anon, address, account: login.json().account };
}

async function openConsultation(closesInDays = 14) {
  const made = await committee.post('/api/v1/consultations', {
    title: 'Rancangan kriteria formasi CASN',
    summary: 'Syarat usia dan pendidikan formasi teknis tahun ini.',
    periodId: null,
    moderationRules: 'Komentar yang menyerang pribadi atau di luar pokok bahasan disembunyikan dengan alasan.',
    sections: [
      { heading: 'Batas usia', body: 'Usia paling rendah 18 tahun.\nUsia paling tinggi 35 tahun.' },
      { heading: 'Pendidikan', body: 'Pranata Komputer: S1 Informatika atau Sistem Informasi.' },
    ],
  });
  expect(made.statusCode, made.body).toBe(201);
  const id = made.json().id as string;
  const opened = await committee.post(`/api/v1/consultations/${id}/open`, {
    opensAt: new Date(clock.now().getTime() - 60_000).toISOString(),
    closesAt: new Date(clock.now().getTime() + closesInDays * DAY).toISOString(),
  });
  expect(opened.statusCode, opened.body).toBe(200);
  return { id, sections: opened.json().sections as { id: string; draft: string }[] };
}

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
  ctx = await createTestContext({ clock, limits: { sessionIdleMs: 365 * DAY, sessionAbsoluteMs: 365 * DAY } });
  committee = await signedInAgent(ctx, 'committee');
  admin = await signedInAgent(ctx, 'admin');
});
afterAll(() => ctx?.close());

describe('citizen accounts', () => {
  it('signs up without NIK; an unverified citizen cannot sign in, so cannot comment', async () => {
    const { id: consultationId, sections } = await openConsultation();
    const address = email('warga');
    const anon = new Agent(ctx.app);
    const res = await anon.post('/api/v1/auth/register-participant', {
      kind: 'citizen',
      fullName: 'Rahmawati',
      email: address,
      password: PASSWORD,
      consent: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await ctx.database.db
      .selectFrom('accounts')
      .select(['role', 'nik', 'email_verified_at'])
      .where('email_normalized', '=', address)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'citizen', nik: null, email_verified_at: null });
    const login = await anon.post('/api/v1/auth/login', { identifier: address, password: PASSWORD });
    expect(login.json().error.code).toBe('EMAIL_NOT_VERIFIED');
    expect(
      (
        await anon.post(`/api/v1/consultation-sections/${sections[0]!.id}/comments`, {
          body: 'Komentar sebelum e-mail diverifikasi.',
        })
      ).statusCode,
    ).toBe(401);
    const view = (await new Agent(ctx.app).get(`/api/v1/public/consultations/${consultationId}`)).json();
    expect(view.statistics.comments).toBe(0);
  });

  it('refuses a weak password or missing consent and creates nothing', async () => {
    const address = email('lemah');
    const weak = await new Agent(ctx.app).post('/api/v1/auth/register-participant', {
      kind: 'citizen',
      fullName: 'Rahmawati',
      email: address,
      password: 'pendek',
      consent: true,
    });
    expect(weak.statusCode).toBe(400);
    const noConsent = await new Agent(ctx.app).post('/api/v1/auth/register-participant', {
      kind: 'citizen',
      fullName: 'Rahmawati',
      email: address,
      password: PASSWORD,
      consent: false,
    });
    expect(noConsent.statusCode).toBe(400);
    expect(
      await ctx.database.db
        .selectFrom('accounts')
        .select('id')
        .where('email_normalized', '=', address)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('answers a registered address like a new one and tells its owner by e-mail', async () => {
    const { address } = await citizen();
    const again = await new Agent(ctx.app).post('/api/v1/auth/register-participant', {
      kind: 'citizen',
      fullName: 'Orang Lain',
      email: address,
      password: PASSWORD,
      consent: true,
    });
    expect(again.statusCode).toBe(201);
    expect((await mailTo(address))[0]?.subject).toMatch(/sudah terdaftar/);
    expect(
      Number(
        (
          await ctx.database.db
            .selectFrom('accounts')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('email_normalized', '=', address)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(1);
  });

  it('comments, joins a forum, and sees both on its own page and its home', async () => {
    const { agent, account } = await citizen();
    expect(account).toMatchObject({ role: 'citizen', nikMasked: null, organizationId: null, emailVerified: true });
    const { id, sections } = await openConsultation();
    const comment = await agent.post(`/api/v1/consultation-sections/${sections[0]!.id}/comments`, {
      body: 'Mohon batas usia perawat juga 40 tahun.',
    });
    expect(comment.statusCode, comment.body).toBe(201);
    const forum = await committee.post('/api/v1/forums', {
      title: 'Forum publik seleksi CASN',
      topic: 'Jadwal dan lokasi ujian',
      agenda: '1. Paparan\n2. Tanya jawab',
      heldAt: new Date(clock.now().getTime() + 5 * DAY).toISOString(),
      venue: 'Aula BKPSDM Kota Palu',
      mode: 'tatap_muka',
      capacity: 30,
    });
    expect(forum.statusCode, forum.body).toBe(201);
    const joined = await agent.post(`/api/v1/forums/${forum.json().id}/registrations`);
    expect(joined.statusCode, joined.body).toBe(201);
    expect(
      (
        await committee.post(`/api/v1/consultation-comments/${comment.json().id}/answer`, {
          answer: 'Terima kasih, usulan dibahas bersama Dinas Kesehatan.',
        })
      ).statusCode,
    ).toBe(200);

    const mine = (await agent.get('/api/v1/me/participation')).json();
    expect(mine.forums).toEqual([
      expect.objectContaining({ id: forum.json().id, upcoming: true, status: 'scheduled' }),
    ]);
    expect(mine.comments).toEqual([
      expect.objectContaining({
        id: comment.json().id,
        consultationId: id,
        sectionHeading: 'Batas usia',
        consultationState: 'open',
        answered: true,
      }),
    ]);
    const home = (await agent.get('/api/v1/me/home')).json();
    expect(home.tasks).toEqual([
      {
        key: 'forumsUpcoming',
        count: 1,
        to: `/forum/${forum.json().id}`,
        dueAt: expect.any(String),
        late: false,
        provisional: false,
      },
      { key: 'commentsAnswered', count: 1, to: `/konsultasi/${id}`, dueAt: null, late: false, provisional: false },
    ]);
    // Another person's page shows only their own.
    expect((await committee.get('/api/v1/me/participation')).json()).toEqual({ forums: [], comments: [] });
  });

  it('reaches nothing of applicants or staff', async () => {
    const { agent } = await citizen();
    for (const [method, url] of [
      ['GET', '/api/v1/me/profile'],
      ['GET', '/api/v1/me/applications'],
      ['POST', '/api/v1/me/applications'],
      ['GET', '/api/v1/cat/attempt'],
      ['GET', '/api/v1/complaints'],
      ['GET', '/api/v1/accreditations'],
      ['POST', '/api/v1/consultations'],
      ['GET', '/api/v1/admin/accounts'],
    ] as const) {
      const res = await agent.request(method, url, method === 'POST' ? {} : undefined);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const staff = (await admin.get('/api/v1/admin/accounts')).json().accounts as { role: string }[];
    expect(staff.some((a) => a.role === 'citizen')).toBe(false);
  });

  it('lets an organisation sign up as an observer that applies for accreditation and lands in the committee list', async () => {
    const { periodId } = await openPeriodWithFormation(ctx, committee);
    const { agent, account } = await citizen('organization', 'LSM Pemantau Seleksi Palu');
    expect(account).toMatchObject({ role: 'observer', fullName: 'LSM Pemantau Seleksi Palu' });
    // Nothing to see before the committee approves.
    expect((await agent.get(`/api/v1/observer/periods/${periodId}/process`)).statusCode).toBe(403);
    const applied = await agent.upload(
      'POST',
      `/api/v1/observer/accreditations?periodId=${periodId}&organizationName=${encodeURIComponent('LSM Pemantau Seleksi Palu')}&organizationKind=lsm&contactPerson=${encodeURIComponent('Andi')}`,
      multipart({ name: 'surat.pdf', data: await makePdf('Surat permohonan akreditasi pemantau') }),
    );
    expect(applied.statusCode, applied.body).toBe(201);
    const list = (await committee.get(`/api/v1/accreditations?periodId=${periodId}`)).json().accreditations as {
      id: string;
      status: string;
      organizationName: string;
    }[];
    expect(list).toEqual([
      expect.objectContaining({
        id: applied.json().id,
        status: 'pending',
        organizationName: 'LSM Pemantau Seleksi Palu',
      }),
    ]);
  });
});

describe('a consultation from draft to final text', () => {
  it('is closed early once by the admin; comments stop; the final text needs a reason per change; the public sees it', async () => {
    const { agent } = await citizen();
    const { id, sections } = await openConsultation(14);
    const [age, edu] = sections as [{ id: string; draft: string }, { id: string; draft: string }];
    expect(
      (
        await agent.post(`/api/v1/consultation-sections/${age.id}/comments`, {
          body: 'Mohon batas usia tenaga kesehatan 40 tahun.',
        })
      ).statusCode,
    ).toBe(201);
    expect((await agent.post(`/api/v1/consultations/${id}/close`)).statusCode).toBe(404); // not the citizen's to close

    const closed = await admin.post(`/api/v1/consultations/${id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      state: 'closed',
      closedEarlyAt: clock.now().toISOString(),
      closesAt: clock.now().toISOString(),
    });
    const twice = await committee.post(`/api/v1/consultations/${id}/close`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/sudah ditutup/);
    clock.advance(1000);
    const late = await agent.post(`/api/v1/consultation-sections/${edu.id}/comments`, {
      body: 'Komentar sesudah masa komentar ditutup.',
    });
    expect(late.statusCode).toBe(409);

    const changed = 'Usia paling rendah 18 tahun.\nUsia paling tinggi 35 tahun, atau 40 tahun untuk tenaga kesehatan.';
    const final = {
      note: 'Batas usia tenaga kesehatan disesuaikan dengan masukan warga.',
      sections: [
        { sectionId: age.id, body: changed, reason: '' },
        { sectionId: edu.id, body: edu.draft, reason: '' },
      ],
    };
    const noReason = await committee.post(`/api/v1/consultations/${id}/final`, final);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].field).toBe('reason');
    expect((await new Agent(ctx.app).get(`/api/v1/public/consultations/${id}`)).json().state).toBe('closed'); // nothing changed
    final.sections[0]!.reason = 'Masukan warga: perawat baru lulus profesi berusia di atas 35 tahun.';
    const done = await committee.post(`/api/v1/consultations/${id}/final`, final);
    expect(done.statusCode, done.body).toBe(200);
    expect((await admin.post(`/api/v1/consultations/${id}/close`)).statusCode).toBe(409);

    const pub = (await new Agent(ctx.app).get(`/api/v1/public/consultations/${id}`)).json();
    expect(pub).toMatchObject({ state: 'final', finalNote: final.note, closedEarlyAt: expect.any(String) });
    expect(pub.sections[0]).toMatchObject({ final: changed, changeReason: final.sections[0]!.reason });
    expect(pub.sections[0].diff).toContainEqual({
      op: 'add',
      text: 'Usia paling tinggi 35 tahun, atau 40 tahun untuk tenaga kesehatan.',
    });
    expect(pub.sections[1]).toMatchObject({ final: edu.draft, changeReason: '' });
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_role'])
      .where('subject_id', '=', id)
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'consultation.close', actor_role: 'admin' },
        { action: 'consultation.final', actor_role: 'committee' },
      ]),
    );
  });

  it('refuses to close a draft or a window that has not started', async () => {
    const made = await committee.post('/api/v1/consultations', {
      title: 'Rancangan tata tertib forum',
      summary: 'Tata tertib forum konsultasi publik.',
      periodId: null,
      moderationRules: 'Komentar di luar pokok bahasan disembunyikan dengan alasan.',
      sections: [{ heading: 'Tata tertib', body: 'Peserta mendaftar sebelum forum dimulai.' }],
    });
    const id = made.json().id as string;
    expect((await committee.post(`/api/v1/consultations/${id}/close`)).json().error.message).toMatch(
      /belum diterbitkan/,
    );
    await committee.post(`/api/v1/consultations/${id}/open`, {
      opensAt: new Date(clock.now().getTime() + DAY).toISOString(),
      closesAt: new Date(clock.now().getTime() + 5 * DAY).toISOString(),
    });
    const early = await committee.post(`/api/v1/consultations/${id}/close`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/belum dimulai/);
  });
});
