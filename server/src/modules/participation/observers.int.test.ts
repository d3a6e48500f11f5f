/**
 * Observers through the API: an NGO applies with a letter, the committee approves it for a period
 * with an expiry (or refuses with a reason), the observer sees counts-only process views with TMS
 * reasons per formation and no personal data, files a finding the committee answers by a
 * working-day deadline; answered and overdue findings are public; an expired observer is refused.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, multipart } from '../../../test/fixtures.ts';
import {
  type Agent,
  applicantBody,
  createTestContext,
  signedInAgent,
  type TestContext,
} from '../../../test/harness.ts';
import { openPeriodWithFormation } from '../../../test/recruitment-setup.ts';
import { ManualClock } from '../../platform/clock.ts';

let ctx: TestContext;
let clock: ManualClock;
let committee: Agent;
let observer: Agent;
let otherObserver: Agent;
let periodId = '';
let formationId = '';
const DAY = 86_400_000;
const NAMES = ['Nur Aisyah Lamarauna', 'Moh. Rizal Tondei'];
const niks: string[] = [];

const apply =
  (agent: Agent, org = 'Forum Pemantau Seleksi Sulteng', data?: Buffer) =>
  async () =>
    agent.upload(
      'POST',
      `/api/v1/observer/accreditations?periodId=${periodId}&organizationName=${encodeURIComponent(org)}&organizationKind=lsm&contactPerson=${encodeURIComponent('Andi Mappanyukki')}`,
      multipart({ name: 'surat.pdf', data: data ?? (await makePdf('Surat permohonan akreditasi pemantau')) }),
    );

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-03-02T01:00:00Z')); // Monday, 09:00 WITA
  ctx = await createTestContext({ clock, limits: { sessionIdleMs: 365 * DAY, sessionAbsoluteMs: 365 * DAY } });
  committee = await signedInAgent(ctx, 'committee');
  observer = await signedInAgent(ctx, 'observer');
  otherObserver = await signedInAgent(ctx, 'observer');
  ({ periodId, formationId } = await openPeriodWithFormation(ctx, committee));
  // Three published outcomes: one MS, two TMS with reasons.
  for (const [i, result] of (['ms', 'tms', 'tms'] as const).entries()) {
    const body = applicantBody({ fullName: NAMES[i % 2] });
    niks.push(body.nik as string);
    const email = `pelamar.${randomBytes(4).toString('hex')}@contoh.id`;
    await ctx.services.identity.createAccountWithPassword({
      email,
      fullName: body.fullName as string,
      role: 'applicant',
      password: 'sandi-pelamar-panjang',
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
    await ctx.database.db
      .insertInto('applications')
      .values({
        id: ctx.services.ids.uuid(),
        period_id: periodId,
        applicant_id: account.id,
        formation_id: formationId,
        registration_no: `REG-${randomBytes(5).toString('hex')}`,
        status: result,
        published_result: result,
        published_at: clock.now(),
        proposed_verdict: result,
        proposed_reasons:
          result === 'tms'
            ? JSON.stringify([{ code: i === 1 ? 'QUALIFICATION' : 'UNREADABLE', text: 'catatan verifikator' }])
            : null,
        submitted_at: clock.now(),
      })
      .execute();
  }
  const siteId = ctx.services.ids.uuid();
  await ctx.database.db
    .insertInto('exam_sites')
    .values({ id: siteId, period_id: periodId, name: 'UPT BKN Palu', address: 'Jl. Tanjung Dako', accessible: true })
    .execute();
  await ctx.database.db
    .insertInto('exam_sessions')
    .values({
      id: ctx.services.ids.uuid(),
      site_id: siteId,
      starts_at: new Date('2026-03-20T00:00:00Z'),
      duration_minutes: 100,
      capacity: 40,
    })
    .execute();
});
afterAll(() => ctx?.close());

describe('observer accreditation', () => {
  let accreditationId = '';

  it('refuses a letter that is not a PDF and stores nothing', async () => {
    const res = await (
      await apply(observer, 'Forum Pemantau', Buffer.from('not a pdf at all, just text'.repeat(10)))
    )();
    expect(res.statusCode).toBe(400);
    expect((await observer.get('/api/v1/observer/accreditations')).json().accreditations).toEqual([]);
  });

  it('applies with a letter once per period; the committee sees it with the contact person', async () => {
    const res = await (await apply(observer))();
    expect(res.statusCode, res.body).toBe(201);
    accreditationId = res.json().id;
    expect((await (await apply(observer))()).statusCode).toBe(409);
    const list = (await committee.get(`/api/v1/accreditations?periodId=${periodId}`)).json().accreditations;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      organizationName: 'Forum Pemantau Seleksi Sulteng',
      contactPerson: 'Andi Mappanyukki',
      status: 'pending',
    });
    const letter = await committee.get(`/api/v1/accreditations/${accreditationId}/letter`);
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps the process views closed before approval', async () => {
    const res = await observer.get(`/api/v1/observer/periods/${periodId}/process`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/belum terakreditasi/);
    expect(
      (
        await observer.post(`/api/v1/observer/periods/${periodId}/findings`, {
          stage: 'verifikasi',
          title: 'Temuan awal',
          body: 'Isi temuan yang cukup panjang untuk diterima.',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('is decided only by a member of the period’s committee', async () => {
    const outsider = await signedInAgent(ctx, 'committee');
    const res = await outsider.post(`/api/v1/accreditations/${accreditationId}/decision`, {
      approve: true,
      reason: 'Surat dan susunan tim lengkap.',
      expiresOn: '2026-03-31',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('bukan anggota panitia');
    expect((await outsider.get(`/api/v1/accreditations/${accreditationId}/letter`)).statusCode).toBe(404); // nor read its letter
  });

  it('is approved with an expiry and a reason (audited); a refusal needs a reason too', async () => {
    expect(
      (
        await committee.post(`/api/v1/accreditations/${accreditationId}/decision`, {
          approve: true,
          reason: 'Surat lengkap.',
          expiresOn: null,
        })
      ).statusCode,
    ).toBe(400);
    const ok = await committee.post(`/api/v1/accreditations/${accreditationId}/decision`, {
      approve: true,
      reason: 'Surat dan susunan tim lengkap.',
      expiresOn: '2026-03-31',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      (
        await committee.post(`/api/v1/accreditations/${accreditationId}/decision`, {
          approve: false,
          reason: 'Berubah pikiran.',
        })
      ).statusCode,
    ).toBe(409);
    const other = (await (await apply(otherObserver, 'Lembaga Tanpa Surat Kuasa'))()).json();
    expect(
      (await committee.post(`/api/v1/accreditations/${other.id}/decision`, { approve: false, reason: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (
        await committee.post(`/api/v1/accreditations/${other.id}/decision`, {
          approve: false,
          reason: 'Surat tidak ditandatangani pimpinan organisasi.',
        })
      ).statusCode,
    ).toBe(200);
    expect((await otherObserver.get('/api/v1/observer/accreditations')).json().accreditations[0]).toMatchObject({
      status: 'refused',
      reason: 'Surat tidak ditandatangani pimpinan organisasi.',
      contactPerson: null,
    });
    const actions = (
      await ctx.database.db.selectFrom('audit_events').select('action').where('action', 'like', 'observer.%').execute()
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['observer.apply', 'observer.approve', 'observer.refuse']));
  });

  it('shows the approved observer counts per stage and TMS reasons per formation, without personal data', async () => {
    const res = await observer.get(`/api/v1/observer/periods/${periodId}/process`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.formations[0]).toMatchObject({ submitted: 3, ms: 1, tms: 2 });
    expect(view.formations[0].reasons.map((r: { reason: string }) => r.reason).join(' ')).toMatch(
      /Kualifikasi pendidikan/,
    );
    expect(view.applicationsByStatus).toEqual(expect.arrayContaining([{ status: 'tms', count: 2 }]));
    expect(view.examSessions).toEqual([
      expect.objectContaining({
        site: 'UPT BKN Palu',
        capacity: 40,
        assigned: 0,
        started: 0,
        submitted: 0,
        state: 'scheduled',
      }),
    ]);
    for (const secret of [...NAMES, ...niks, '1999-03-12', '@contoh.id', 'REG-', 'catatan verifikator'])
      expect(res.body).not.toContain(secret);
    expect((await otherObserver.get(`/api/v1/observer/periods/${periodId}/process`)).statusCode).toBe(403);
  });
});

describe('findings', () => {
  let findingId = '';
  let lateId = '';

  it('are filed with a deadline of 5 working days and answered by the committee', async () => {
    const res = await observer.post(`/api/v1/observer/periods/${periodId}/findings`, {
      stage: 'verifikasi',
      title: 'Alasan TMS tidak dijelaskan',
      body: 'Dua pelamar TMS formasi ini hanya menerima kode alasan tanpa penjelasan dokumen yang kurang.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().dueOn).toBe('2026-03-09');
    findingId = res.json().id;
    const ev = await observer.upload(
      'POST',
      `/api/v1/observer/findings/${findingId}/evidence`,
      multipart({ name: 'bukti.pdf', data: await makePdf('Tangkapan layar pengumuman') }),
    );
    expect(ev.statusCode, ev.body).toBe(201);
    lateId = (
      await observer.post(`/api/v1/observer/periods/${periodId}/findings`, {
        stage: 'pengumuman',
        title: 'Pengumuman terlambat diunggah',
        body: 'Pengumuman hasil administrasi baru diunggah dua hari setelah jadwal resmi.',
      })
    ).json().id;
    expect((await (await signedInAgent(ctx, 'applicant')).get('/api/v1/public/findings')).json().findings).toEqual([]);
    const outsider = await signedInAgent(ctx, 'committee');
    expect(
      (
        await outsider.post(`/api/v1/findings/${findingId}/answer`, {
          answer: 'Jawaban dari anggota panitia periode lain.',
        })
      ).statusCode,
    ).toBe(404);
    // The committee of another period does not see this period's observers or findings in its lists.
    expect((await committee.get('/api/v1/findings')).json().findings.map((f: { id: string }) => f.id)).toEqual(
      expect.arrayContaining([findingId, lateId]),
    );
    expect((await outsider.get('/api/v1/findings')).json().findings).toEqual([]);
    expect((await outsider.get(`/api/v1/findings?periodId=${periodId}`)).json().findings).toEqual([]);
    expect((await outsider.get('/api/v1/accreditations')).json().accreditations).toEqual([]);
    expect((await committee.get('/api/v1/accreditations')).json().accreditations.length).toBeGreaterThan(0);
    expect(
      (await (await signedInAgent(ctx, 'admin')).get(`/api/v1/findings?periodId=${periodId}`)).json().findings,
    ).toHaveLength(2);
    const answered = await committee.post(`/api/v1/findings/${findingId}/answer`, {
      answer: 'Penjelasan dokumen yang kurang kini ditampilkan di halaman lamaran setiap pelamar TMS.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(
      (
        await committee.post(`/api/v1/findings/${findingId}/answer`, {
          answer: 'Jawaban kedua yang tidak boleh diterima sistem.',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('are public once answered or overdue, the overdue one flagged late', async () => {
    const anon = await signedInAgent(ctx, 'applicant');
    expect((await anon.get('/api/v1/public/findings')).json().findings.map((f: { id: string }) => f.id)).toEqual([
      findingId,
    ]);
    clock.advance(8 * DAY); // Tue 10 March: the second finding is past 9 March unanswered
    const list = (await anon.get('/api/v1/public/findings')).json().findings;
    expect(list.find((f: { id: string }) => f.id === lateId)).toMatchObject({
      status: 'open',
      late: true,
      answer: null,
      organizationName: 'Forum Pemantau Seleksi Sulteng',
    });
    expect(list.find((f: { id: string }) => f.id === findingId)).toMatchObject({ status: 'answered', late: false });
    expect(JSON.stringify(list)).not.toContain('Mappanyukki');
  });

  it('go public and into open data with NIK, NIP, mobile numbers and e-mail masked; a name the committee redacts too; staff and the observer keep the original', async () => {
    const answer =
      'Sdr. Rahmat Lasoso (NIK 7271045203990002, NIP 197808122003121002) sudah dihubungi di 0812-3456-7890 dan rahmat.lasoso@contoh.id; SK 800/123/BKPSDM/2026 tanggal 09/03/2026 tetap berlaku.';
    const masked =
      'Sdr. Rahmat Lasoso (NIK [disamarkan], NIP [disamarkan]) sudah dihubungi di [disamarkan] dan [disamarkan]; SK 800/123/BKPSDM/2026 tanggal 09/03/2026 tetap berlaku.';
    expect((await committee.post(`/api/v1/findings/${lateId}/redact`, { phrase: 'Rahmat Lasoso' })).statusCode).toBe(
      409,
    ); // not answered yet
    expect((await committee.post(`/api/v1/findings/${lateId}/answer`, { answer })).statusCode).toBe(200);
    const anon = await signedInAgent(ctx, 'applicant');
    const publicAnswer = async () =>
      (await anon.get('/api/v1/public/findings')).json().findings.find((f: { id: string }) => f.id === lateId).answer;
    const openData = async () =>
      (await anon.get('/api/v1/public/open-data/observer-findings.json'))
        .json()
        .rows.find((r: { judul: string }) => r.judul === 'Pengumuman terlambat diunggah').jawaban;
    expect(await publicAnswer()).toBe(masked);
    expect(await openData()).toBe(masked);
    expect((await anon.get('/api/v1/public/open-data/observer-findings.csv')).body).not.toMatch(
      /7271045203990002|197808122003121002|3456-7890|rahmat\.lasoso@/,
    );

    expect((await anon.post(`/api/v1/findings/${lateId}/redact`, { phrase: 'Rahmat Lasoso' })).statusCode).toBe(404);
    expect(
      (
        await (
          await signedInAgent(ctx, 'committee')
        ).post(`/api/v1/findings/${lateId}/redact`, { phrase: 'Rahmat Lasoso' })
      ).statusCode,
    ).toBe(404); // another period's committee
    expect((await committee.post(`/api/v1/findings/${lateId}/redact`, { phrase: 'Andi Mappanyukki' })).statusCode).toBe(
      400,
    );
    const red = await committee.post(`/api/v1/findings/${lateId}/redact`, { phrase: 'Rahmat Lasoso' });
    expect(red.statusCode, red.body).toBe(200);
    const redacted = masked.replace('Rahmat Lasoso', '[disamarkan]');
    expect(red.json()).toEqual({ publicText: redacted, count: 1 });
    expect(await publicAnswer()).toBe(redacted);
    expect(await openData()).toBe(redacted);
    const staff = (await committee.get('/api/v1/findings'))
      .json()
      .findings.find((f: { id: string }) => f.id === lateId);
    expect(staff).toMatchObject({ answer, publicAnswer: redacted });
    expect(
      (await observer.get('/api/v1/findings')).json().findings.find((f: { id: string }) => f.id === lateId).answer,
    ).toBe(answer);
    expect(
      Number(
        (
          await ctx.database.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', 'observer.finding.redact')
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(1);
  });

  it('are refused from an expired observer, nothing stored, the refusal audited', async () => {
    clock.advance(30 * DAY); // past 31 March
    const before = (await committee.get('/api/v1/findings')).json().findings.length;
    const res = await observer.post(`/api/v1/observer/periods/${periodId}/findings`, {
      stage: 'ujian',
      title: 'Temuan setelah akreditasi berakhir',
      body: 'Isi temuan yang dikirim setelah masa akreditasi berakhir.',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/berakhir 2026-03-31/);
    expect((await committee.get('/api/v1/findings')).json().findings.length).toBe(before);
    expect(
      Number(
        (
          await ctx.database.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', 'observer.finding.refused')
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThanOrEqual(2);
  });
});
