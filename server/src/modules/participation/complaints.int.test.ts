/**
 * Complaints and surveys through the API, on the real database: an anonymous report with the
 * challenge and a checked attachment, followed by tracking ID through verification, disposition,
 * the OPD's follow-up, a reopening and closure; the deadlines and late flags in working days; the
 * reporter's identity never public; floods, replays, hostile files and duplicate questionnaires
 * refused with nothing changed, all audit-logged.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg, makePdf, multipart } from '../../../test/fixtures.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { ManualClock } from '../../platform/clock.ts';
import { solveChallenge } from './challenge.ts';

let ctx: TestContext;
let clock: ManualClock;
let admin: Agent;
let committee: Agent;
let kominfo: Agent;
let otherOpd: Agent;
const DAY = 86_400_000;
const BITS = 8;

async function staffOf(role: 'supervisor' | 'employee', organizationId: string) {
  const email = `${role}.${randomBytes(4).toString('hex')}@merit.test`;
  const password = 'sandi-uji-yang-panjang-sekali';
  await ctx.services.identity.createAccountWithPassword({
    email,
    fullName: `Staf ${organizationId}`,
    role,
    password,
    organizationId,
  });
  const agent = new Agent(ctx.app);
  expect((await agent.post('/api/v1/auth/login', { identifier: email, password })).statusCode).toBe(200);
  return agent;
}

const source = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
async function solved(agent: Agent, purpose: 'complaint' | 'survey') {
  const c = (await agent.get(`/api/v1/public/challenge?purpose=${purpose}`)).json();
  expect(c.difficulty).toBe(BITS);
  return { token: c.token as string, solution: solveChallenge(c.token, c.difficulty) };
}
const report = (over: Record<string, unknown> = {}) => ({
  kind: 'pengaduan',
  category: 'recruitment',
  title: 'Loket verifikasi tutup lebih awal',
  body: 'Pada hari Senin loket verifikasi berkas di BKPSDM sudah tutup pukul 13.00 padahal jadwal sampai 15.00.',
  privacy: 'anonymous',
  name: null,
  contact: null,
  ...over,
});
const fileAnon = async (agent: Agent, over: Record<string, unknown> = {}, from = source()) =>
  agent.request('POST', '/api/v1/public/complaints', report({ challenge: await solved(agent, 'complaint'), ...over }), {
    remoteAddress: from,
  });
const auditCount = async (action: string) =>
  Number(
    (
      await ctx.database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );
const complaintCount = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('complaints')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 WITA.
  clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
  ctx = await createTestContext({
    clock,
    limits: { sessionIdleMs: 365 * DAY, sessionAbsoluteMs: 365 * DAY },
    participation: { challengeBits: BITS, complaints: { perSourcePerHour: 3 }, surveys: { perSourcePerHour: 1000 } },
  });
  admin = await signedInAgent(ctx, 'admin');
  committee = await signedInAgent(ctx, 'committee');
  kominfo = await staffOf('supervisor', 'kominfo');
  otherOpd = await staffOf('employee', 'bpbd');
});
afterAll(() => ctx?.close());

describe('an anonymous complaint, followed by tracking ID to closure', () => {
  let trackingId = '';
  let id = '';

  it('files with a solved challenge and gets a tracking ID and the verification deadline (3 working days)', async () => {
    const anon = new Agent(ctx.app);
    const res = await fileAnon(anon);
    expect(res.statusCode, res.body).toBe(201);
    trackingId = res.json().trackingId;
    expect(trackingId).toMatch(/^PGD-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(res.json().verificationDueOn).toBe('2026-03-05');
    const row = await ctx.database.db
      .selectFrom('complaints')
      .selectAll()
      .where('tracking_id', '=', trackingId)
      .executeTakeFirstOrThrow();
    id = row.id;
    expect(row).toMatchObject({
      privacy: 'anonymous',
      reporter_account_id: null,
      reporter_name: null,
      reporter_contact: null,
      status: 'submitted',
    });
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'complaint.file')
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBeNull();
  });

  it('takes a PDF attachment and refuses a disguised or oversized file with nothing stored', async () => {
    const anon = new Agent(ctx.app);
    const ok = await anon.upload(
      'POST',
      `/api/v1/public/complaints/${trackingId}/attachments`,
      multipart({ name: 'bukti.pdf', data: await makePdf('Foto papan jadwal loket') }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const fake = await anon.upload(
      'POST',
      `/api/v1/public/complaints/${trackingId}/attachments`,
      multipart({ name: 'bukti.jpg', data: Buffer.from('<script>alert(1)</script>'.repeat(20)) }),
    );
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.message).toMatch(/JPG|PDF/);
    const big = await anon.upload(
      'POST',
      `/api/v1/public/complaints/${trackingId}/attachments`,
      multipart({ name: 'besar.jpg', data: Buffer.concat([makeJpeg(40, 50, true), Buffer.alloc(3 * 1024 * 1024)]) }),
    );
    expect(big.statusCode).toBe(413);
    expect(
      await ctx.database.db.selectFrom('complaint_attachments').selectAll().where('complaint_id', '=', id).execute(),
    ).toHaveLength(1);
    expect(await auditCount('complaint.attach.refused')).toBeGreaterThanOrEqual(1);
  });

  it('is followed without an account: status, deadline, no identity', async () => {
    const res = await new Agent(ctx.app).get(
      `/api/v1/public/complaints/${trackingId.toLowerCase().replace(/-/g, ' ')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      trackingId,
      status: 'submitted',
      clock: { awaiting: 'verification', dueOn: '2026-03-05', late: false },
      attachments: [{ mime: 'application/pdf' }],
    });
    expect(res.body).not.toMatch(/"reporter":|contact/);
  });

  it('turns late when the coordinator misses the 3 working days, in the staff list and the public statistics', async () => {
    clock.advance(4 * DAY); // Friday 6 March
    const list = (await committee.get('/api/v1/complaints?late=true')).json();
    expect(list.complaints.map((c: { trackingId: string }) => c.trackingId)).toContain(trackingId);
    expect(list.complaints.find((c: { trackingId: string }) => c.trackingId === trackingId).clock).toMatchObject({
      late: true,
      lateDays: 1,
    });
    expect((await new Agent(ctx.app).get('/api/v1/public/complaint-statistics')).json().lateNow).toBeGreaterThanOrEqual(
      1,
    );
    // The coordinators are warned once, however often the list is read.
    await committee.get('/api/v1/complaints');
    const warned = (await committee.get('/api/v1/me/notifications')).body;
    expect(warned).toContain(`Terlambat: laporan ${trackingId}`);
    expect(warned.split(`Terlambat: laporan ${trackingId}`).length - 1).toBe(1);
    expect(await auditCount('complaint.escalate')).toBe(1);
  });

  it('is disposed to an OPD by the coordinator only; OPD staff elsewhere cannot see it', async () => {
    expect(
      (
        await kominfo.post(`/api/v1/complaints/${id}/dispose`, {
          organizationId: 'kominfo',
          note: 'Mohon ditindaklanjuti.',
        })
      ).statusCode,
    ).toBe(404);
    const res = await committee.post(`/api/v1/complaints/${id}/dispose`, {
      organizationId: 'kominfo',
      note: 'Diteruskan ke Diskominfo sebagai pengelola loket daring.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'disposed',
      organization: { id: 'kominfo' },
      clock: { awaiting: 'follow_up', dueOn: '2026-03-13' },
      reporter: null,
    });
    expect((await otherOpd.get(`/api/v1/complaints/${id}`)).statusCode).toBe(404);
    expect((await otherOpd.get('/api/v1/complaints')).json().complaints).toEqual([]);
    expect((await kominfo.get('/api/v1/complaints')).json().complaints.map((c: { id: string }) => c.id)).toEqual([id]);
    const note = await committee.get(`/api/v1/complaints/${id}/lapor-handoff.txt`);
    expect(note.statusCode).toBe(200);
    expect(note.body).toContain(`Nomor pelacakan Merit : ${trackingId}`);
    expect(note.body).toContain('Identitas pelapor    : Anonim');
    expect(note.body).toContain('Diteruskan ke Diskominfo');
  });

  it('gets the OPD follow-up, which the reporter reopens; the OPD answers again and the report closes after 10 quiet working days', async () => {
    const short = await kominfo.post(`/api/v1/complaints/${id}/follow-up`, { body: 'pendek' });
    expect(short.statusCode).toBe(400);
    const fu = await kominfo.post(`/api/v1/complaints/${id}/follow-up`, {
      body: 'Jadwal loket sudah diperbaiki di laman dan petugas diingatkan untuk melayani sampai pukul 15.00 WITA.',
    });
    expect(fu.statusCode, fu.body).toBe(200);
    const anon = new Agent(ctx.app);
    const reopened = await anon.request(
      'POST',
      `/api/v1/public/complaints/${trackingId}/replies`,
      { action: 'reopen', body: 'Hari ini loket masih tutup jam 13.00.' },
      { remoteAddress: source() },
    );
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'disposed', clock: { awaiting: 'follow_up' } });
    expect(
      (
        await kominfo.post(`/api/v1/complaints/${id}/follow-up`, {
          body: 'Kepala bidang memeriksa langsung; loket kini buka sampai 15.00 dan ada papan jadwal baru.',
        })
      ).statusCode,
    ).toBe(200);
    clock.advance(25 * DAY); // Tue 31 March: 10 working days after 6 March (over Nyepi and Lebaran) have passed
    const tracked = (await anon.get(`/api/v1/public/complaints/${trackingId}`)).json();
    expect(tracked.status).toBe('closed');
    expect(tracked.events.map((e: { kind: string }) => e.kind)).toEqual([
      'filed',
      'disposed',
      'follow_up',
      'reopened',
      'follow_up',
      'expired',
    ]);
    // The history names the verifier's own unit for the disposition, not the OPD it went to.
    expect(tracked.events.find((e: { kind: string }) => e.kind === 'disposed').organization).toBe(
      'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    );
    expect(
      (
        await anon.request(
          'POST',
          `/api/v1/public/complaints/${trackingId}/replies`,
          { action: 'reopen', body: 'Saya ingin membuka lagi.' },
          { remoteAddress: source() },
        )
      ).statusCode,
    ).toBe(409);
    expect(await auditCount('complaint.expire')).toBe(1);
  });

  it('counts the OPD follow-ups in the public on-time statistics', async () => {
    const stats = (await new Agent(ctx.app).get('/api/v1/public/complaint-statistics')).json();
    const row = stats.byOrganization.find((r: { organizationId: string }) => r.organizationId === 'kominfo');
    expect(row).toMatchObject({ disposed: 2, onTime: 2, late: 0, percent: 100 });
    expect(
      stats.byCategory.find((c: { category: string }) => c.category === 'recruitment').total,
    ).toBeGreaterThanOrEqual(1);
    expect(stats.verification).toMatchObject({ verified: 1, onTime: 0, percent: 0 });
  });
});

describe('the public version of staff text (issue 23 §7)', () => {
  const TEXT =
    'Sdr. Rahmat Lasoso (NIK 7271045203990002, NIP 197808122003121002) sudah dihubungi di 0812-3456-7890 dan rahmat.lasoso@contoh.id; sesuai SK 800/123/BKPSDM/2026 tanggal 09/03/2026 loket buka sampai 15.00.';
  const MASKED =
    'Sdr. Rahmat Lasoso (NIK [disamarkan], NIP [disamarkan]) sudah dihubungi di [disamarkan] dan [disamarkan]; sesuai SK 800/123/BKPSDM/2026 tanggal 09/03/2026 loket buka sampai 15.00.';

  it('shows the OPD follow-up on the tracking page with NIK, NIP, mobile number and e-mail masked; the coordinator redacts a name; staff keep the original', async () => {
    const anon = new Agent(ctx.app);
    const { trackingId } = (await fileAnon(anon, { category: 'service' })).json();
    const row = await ctx.database.db
      .selectFrom('complaints')
      .select(['id'])
      .where('tracking_id', '=', trackingId)
      .executeTakeFirstOrThrow();
    await committee.post(`/api/v1/complaints/${row.id}/dispose`, {
      organizationId: 'kominfo',
      note: 'Diteruskan; kontak koordinator 081299887766.',
    });
    expect((await kominfo.post(`/api/v1/complaints/${row.id}/follow-up`, { body: TEXT })).statusCode).toBe(200);

    const thread = async () =>
      (await anon.get(`/api/v1/public/complaints/${trackingId}`)).json().events as { kind: string; body: string }[];
    expect((await thread()).find((e) => e.kind === 'follow_up')?.body).toBe(MASKED);
    expect((await thread()).find((e) => e.kind === 'disposed')?.body).toBe(
      'Diteruskan; kontak koordinator [disamarkan].',
    );
    const tracked = (await anon.get(`/api/v1/public/complaints/${trackingId}`)).body;
    expect(tracked).not.toMatch(/7271045203990002|197808122003121002|3456-7890|rahmat\.lasoso@|081299887766/);

    const staffEvent = async (agent: Agent) =>
      (
        (await agent.get(`/api/v1/complaints/${row.id}`)).json().events as {
          id: string;
          kind: string;
          body: string;
          publicBody: string | null;
        }[]
      ).find((e) => e.kind === 'follow_up')!;
    const fu = await staffEvent(committee);
    expect(fu).toMatchObject({ body: TEXT, publicBody: MASKED });

    // Only a coordinator redacts; a name that is not in the text is refused with what to do; nothing changes.
    expect(
      (await kominfo.post(`/api/v1/complaints/${row.id}/events/${fu.id}/redact`, { phrase: 'Rahmat Lasoso' }))
        .statusCode,
    ).toBe(404);
    const miss = await committee.post(`/api/v1/complaints/${row.id}/events/${fu.id}/redact`, {
      phrase: 'Hasan Lasoso',
    });
    expect(miss.statusCode).toBe(400);
    expect(miss.json().error.message).toMatch(/tidak ada di teks publik/);
    const filed = (
      await ctx.database.db
        .selectFrom('complaint_events')
        .select('id')
        .where('complaint_id', '=', row.id)
        .where('kind', '=', 'filed')
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (await committee.post(`/api/v1/complaints/${row.id}/events/${filed}/redact`, { phrase: 'loket' })).statusCode,
    ).toBe(409);

    const before = await auditCount('complaint.event.redact');
    const red = await committee.post(`/api/v1/complaints/${row.id}/events/${fu.id}/redact`, {
      phrase: 'rahmat lasoso',
    });
    expect(red.statusCode, red.body).toBe(200);
    const REDACTED = MASKED.replace('Rahmat Lasoso', '[disamarkan]');
    expect(red.json()).toEqual({ publicText: REDACTED, count: 1 });
    expect((await thread()).find((e) => e.kind === 'follow_up')?.body).toBe(REDACTED);
    expect(await staffEvent(kominfo)).toMatchObject({ body: TEXT, publicBody: REDACTED });
    expect(await auditCount('complaint.event.redact')).toBe(before + 1);
  });
});

describe('identity and refusals', () => {
  it('keeps a confidential reporter hidden from the OPD and the public, shown to the coordinator', async () => {
    const anon = new Agent(ctx.app);
    const res = await fileAnon(anon, {
      privacy: 'confidential',
      name: 'Nur Aisyah Lamarauna',
      contact: '081234567890',
      category: 'service',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { trackingId } = res.json();
    const row = await ctx.database.db
      .selectFrom('complaints')
      .select(['id'])
      .where('tracking_id', '=', trackingId)
      .executeTakeFirstOrThrow();
    expect((await committee.get(`/api/v1/complaints/${row.id}`)).json().reporter).toMatchObject({
      name: 'Nur Aisyah Lamarauna',
      contact: '081234567890',
    });
    await committee.post(`/api/v1/complaints/${row.id}/dispose`, {
      organizationId: 'kominfo',
      note: 'Mohon ditindaklanjuti.',
    });
    const opd = await kominfo.get(`/api/v1/complaints/${row.id}`);
    expect(opd.json().reporter).toBeNull();
    expect(opd.body).not.toContain('Lamarauna');
    expect((await anon.get(`/api/v1/public/complaints/${trackingId}`)).body).not.toContain('Lamarauna');
  });

  it('files for a signed-in applicant without a challenge and tells them of the follow-up', async () => {
    const applicant = await signedInAgent(ctx, 'applicant');
    const res = await applicant.post('/api/v1/public/complaints', report({ privacy: 'open', category: 'exam' }));
    expect(res.statusCode, res.body).toBe(201);
    const row = await ctx.database.db
      .selectFrom('complaints')
      .select(['id', 'reporter_account_id', 'reporter_name'])
      .where('tracking_id', '=', res.json().trackingId)
      .executeTakeFirstOrThrow();
    expect(row.reporter_account_id).not.toBeNull();
    await committee.post(`/api/v1/complaints/${row.id}/reject`, {
      reason: 'Di luar kewenangan Pemerintah Kota Palu: pelaksanaan CAT oleh BKN.',
    });
    expect((await applicant.get('/api/v1/me/notifications')).body).toContain(res.json().trackingId);
  });

  it('refuses a missing, forged or replayed challenge and an over-limit source, storing nothing', async () => {
    const anon = new Agent(ctx.app);
    const before = await complaintCount();
    expect(
      (await anon.request('POST', '/api/v1/public/complaints', report(), { remoteAddress: source() })).statusCode,
    ).toBe(400);
    const c = await solved(anon, 'complaint');
    const forged = { token: c.token.replace(/\.[^.]+$/, '.AAAA'), solution: c.solution };
    expect(
      (
        await anon.request('POST', '/api/v1/public/complaints', report({ challenge: forged }), {
          remoteAddress: source(),
        })
      ).json().error.fields[0].field,
    ).toBe('challenge');
    expect(
      (
        await anon.request(
          'POST',
          '/api/v1/public/complaints',
          report({ challenge: { token: c.token, solution: 'x1' } }),
          { remoteAddress: source() },
        )
      ).statusCode,
    ).toBe(400);
    const wrongPurpose = await solved(anon, 'survey');
    expect(
      (
        await anon.request('POST', '/api/v1/public/complaints', report({ challenge: wrongPurpose }), {
          remoteAddress: source(),
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await anon.request('POST', '/api/v1/public/complaints', report({ challenge: c }), { remoteAddress: source() }))
        .statusCode,
    ).toBe(201);
    expect(
      (await anon.request('POST', '/api/v1/public/complaints', report({ challenge: c }), { remoteAddress: source() }))
        .statusCode,
    ).toBe(400);
    const from = source();
    for (let i = 0; i < 3; i++) expect((await fileAnon(anon, {}, from)).statusCode).toBe(201);
    const flooded = await fileAnon(anon, {}, from);
    expect(flooded.statusCode).toBe(429);
    expect(await complaintCount()).toBe(before + 4);
    expect(await auditCount('complaint.refused')).toBe(5); // missing, forged, wrong purpose, replayed, over the limit (the malformed solution fails the schema)
    expect(
      (await anon.request('POST', '/api/v1/public/complaints', report({ title: 'x' }), { remoteAddress: source() }))
        .json()
        .error.fields.map((f: { field: string }) => f.field),
    ).toContain('title');
    expect((await fileAnon(anon, { privacy: 'open' })).json().error.fields[0].field).toBe('name');
  });

  it('answers an unknown tracking ID with a message saying what to check', async () => {
    const res = await new Agent(ctx.app).get('/api/v1/public/complaints/PGD-22222-22222');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/Nomor pelacakan/);
  });

  it('lets the admin change the windows (audited), which the next deadline uses', async () => {
    expect(
      (await admin.put('/api/v1/admin/participation/sla', { verifyDays: 2, followUpDays: 5, closeAfterDays: 10 }))
        .statusCode,
    ).toBe(200);
    expect(
      (await admin.put('/api/v1/admin/participation/sla', { verifyDays: 0, followUpDays: 5, closeAfterDays: 10 }))
        .statusCode,
    ).toBe(400);
    const res = await fileAnon(new Agent(ctx.app));
    expect(res.json().verificationDueOn).toBe('2026-04-02'); // filed Tue 31 Mar 2026: 1, 2 April
    expect(await auditCount('participation.sla')).toBe(1);
    const settings = await admin.get('/api/v1/participation/settings');
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json()).toMatchObject({
      sla: { verifyDays: 2, followUpDays: 5, closeAfterDays: 10 },
      bands: [{ grade: 'A' }, { grade: 'B' }, { grade: 'C' }, { grade: 'D' }],
    });
    await admin.put('/api/v1/admin/participation/sla', { verifyDays: 3, followUpDays: 5, closeAfterDays: 10 });
  });
});

describe('SKM/IKM surveys', () => {
  const answer = (scores: number[], ref: string | null) => ({
    scores,
    gender: 'P',
    ageBand: '20-29',
    education: 'S1',
    occupation: 'swasta',
    respondentRef: ref,
    suggestion: '',
  });

  it('creates a unit with the nine unsur; the sample size follows Krejcie–Morgan', async () => {
    const res = await admin.post('/api/v1/service-units', {
      id: 'loket-bkpsdm',
      name: 'Loket Layanan Kepegawaian',
      organizationId: 'bkpsdm',
      desk: 'Loket 1',
      periodKind: 'triwulan',
      unsur: null,
      population: 1000,
    });
    expect(res.statusCode, res.body).toBe(201);
    const unit = (await new Agent(ctx.app).get('/api/v1/public/service-units/loket-bkpsdm')).json();
    expect(unit).toMatchObject({ periodKind: 'triwulan', sampleNeeded: 278 });
    expect(unit.unsur).toHaveLength(9);
    expect(
      (
        await admin.post('/api/v1/service-units', {
          id: 'salah',
          name: 'Unit Salah',
          organizationId: 'bkpsdm',
          periodKind: 'triwulan',
          unsur: [
            { code: 'A', label: 'Satu', weight: 0.5 },
            { code: 'B', label: 'Dua', weight: 0.2 },
          ],
        })
      ).json().error.message,
    ).toMatch(/Jumlah bobot/);
  });

  it('takes one questionnaire per respondent per period and updates the IKM', async () => {
    const anon = new Agent(ctx.app);
    const post = async (body: Record<string, unknown>) =>
      anon.request(
        'POST',
        '/api/v1/public/service-units/loket-bkpsdm/responses',
        { ...body, challenge: await solved(anon, 'survey') },
        { remoteAddress: source() },
      );
    const first = await post(answer([4, 4, 4, 4, 4, 4, 4, 4, 4], '0812-3456-7890'));
    expect(first.statusCode, first.body).toBe(201);
    const dup = await post(answer([1, 1, 1, 1, 1, 1, 1, 1, 1], '081234567890'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/sudah mengisi/);
    expect(await auditCount('survey.refused')).toBe(1);
    expect((await post(answer([3, 3, 3, 3, 3, 3, 3, 3, 3], 'A-0042'))).statusCode).toBe(201);
    expect((await post(answer([3, 3, 3], 'A-0043'))).json().error.fields[0].field).toBe('scores');
    expect((await post(answer([3, 3, 3, 3, 3, 3, 3, 3, 3], null))).json().error.fields[0].field).toBe('respondentRef');
    const results = (await anon.get('/api/v1/public/service-units/loket-bkpsdm/results')).json();
    expect(results).toMatchObject({
      respondents: 2,
      ikm: 3.5,
      converted: 87.5,
      band: { grade: 'B' },
      sampleNeeded: 278,
      sampleMet: false,
    });
    expect(results.unsur[0]).toMatchObject({ code: 'U1', nrr: 3.5 });
    expect(results.profile.gender).toEqual([{ value: 'P', count: 2 }]);
    const listed = (await anon.get('/api/v1/public/service-units'))
      .json()
      .units.find((u: { id: string }) => u.id === 'loket-bkpsdm');
    expect(listed).toMatchObject({
      organization: { id: 'bkpsdm' },
      currentPeriod: results.period,
      responses: 2,
      active: true,
    });
    const stored = await ctx.database.db.selectFrom('survey_responses').select(['respondent_key']).execute();
    expect(JSON.stringify(stored)).not.toMatch(/081234567890|A0042/);
  });

  it('uses the admin’s bands (the source is uncertain)', async () => {
    const bands = [
      { grade: 'A', minHundredths: 8700, label: 'Sangat baik' },
      { grade: 'B', minHundredths: 7661, label: 'Baik' },
      { grade: 'C', minHundredths: 6500, label: 'Kurang baik' },
      { grade: 'D', minHundredths: 2500, label: 'Tidak baik' },
    ];
    expect((await admin.put('/api/v1/admin/participation/ikm-bands', { bands })).statusCode).toBe(200);
    expect((await new Agent(ctx.app).get('/api/v1/public/service-units/loket-bkpsdm/results')).json().band.grade).toBe(
      'A',
    );
    expect(
      (
        await admin.put('/api/v1/admin/participation/ikm-bands', {
          bands: bands.map((b) => (b.grade === 'D' ? { ...b, minHundredths: 3000 } : b)),
        })
      ).statusCode,
    ).toBe(400);
  });

  it('prints a QR poster for the desk', async () => {
    const res = await admin.get('/api/v1/service-units/loket-bkpsdm/poster.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
