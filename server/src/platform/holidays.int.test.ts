/**
 * The holiday calendar never runs out (issue 23 §9), on the real database: 1 January 2027 is a
 * holiday by rule though nobody loaded 2027, so a complaint filed on 29 December 2026 is due on
 * Monday 4 January (shown provisional until the 2027 SKB list is in) and a step taken on 4 January
 * is on time in the public statistics; the admin's and committee's homes warn; the SKB list is
 * imported all or nothing with row messages in Indonesian; amendments are audited.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../test/fixtures.ts';
import { Agent, createTestContext, signedInAgent, TEST_SECRET, type TestContext } from '../../test/harness.ts';
import { stateDigest } from '../modules/transparency/domain/audit-chain.ts';
import { ManualClock } from './clock.ts';
import { writeSheet } from './sheets.ts';

let ctx: TestContext;
let clock: ManualClock;
let admin: Agent;
let committee: Agent;
let reporter: Agent;
let kominfo: Agent;
// The audit keeps keyed digests of before/after (compose.ts): the test recomputes them to check what was recorded.
const digest = (state: unknown) =>
  stateDigest(state, createHmac('sha256', TEST_SECRET).update('merit-audit-digests').digest());
const DAY = 86_400_000;
const SKB = encodeURIComponent('SKB 1234/2026, 3/2026, 6/2026');

const auditOf = (action: string, subjectId?: string) => {
  let q = ctx.database.db.selectFrom('audit_events').selectAll().where('action', '=', action);
  if (subjectId) q = q.where('subject_id', '=', subjectId);
  return q.orderBy('seq').execute();
};
const days2027 = () =>
  ctx.database.db
    .selectFrom('holidays')
    .select(['day', 'kind'])
    .where('day', '>=', '2027-01-01')
    .where('day', '<=', '2027-12-31')
    .orderBy('day')
    .execute();
const csv = (rows: string[]) => ({
  name: 'libur-2027.csv',
  data: Buffer.from(['tanggal,jenis,keterangan', ...rows].join('\n') + '\n'),
  type: 'text/csv',
});
const homeKeys = async (agent: Agent) =>
  (await agent.get('/api/v1/me/home')).json().tasks.map((t: { key: string; to: string }) => `${t.key} ${t.to}`);

beforeAll(async () => {
  // Tuesday 29 December 2026, 09:00 WITA.
  clock = new ManualClock(new Date('2026-12-29T01:00:00Z'));
  ctx = await createTestContext({ clock, limits: { sessionIdleMs: 365 * DAY, sessionAbsoluteMs: 365 * DAY } });
  admin = await signedInAgent(ctx, 'admin');
  committee = await signedInAgent(ctx, 'committee');
  reporter = await signedInAgent(ctx, 'employee');
  const email = `opd.${randomBytes(4).toString('hex')}@merit.test`;
  await ctx.services.identity.createAccountWithPassword({
    email,
    fullName: 'Staf Diskominfo',
    role: 'supervisor',
    password: 'sandi-uji-yang-panjang-sekali',
    organizationId: 'kominfo',
  });
  kominfo = new Agent(ctx.app);
  expect(
    (await kominfo.post('/api/v1/auth/login', { identifier: email, password: 'sandi-uji-yang-panjang-sekali' }))
      .statusCode,
  ).toBe(200);
  // Three working days for the OPD too, so the follow-up window also ends across New Year.
  expect(
    (await admin.put('/api/v1/admin/participation/sla', { verifyDays: 3, followUpDays: 3, closeAfterDays: 10 }))
      .statusCode,
  ).toBe(200);
});
afterAll(() => ctx?.close());

describe('a deadline across New Year', () => {
  let toVerify = { id: '', trackingId: '' };
  let toOpd = { id: '', trackingId: '' };
  const file = async (title: string) => {
    const res = await reporter.post('/api/v1/public/complaints', {
      kind: 'pengaduan',
      category: 'service',
      title,
      body: 'Antrean layanan di kantor kelurahan tidak tertib dan nomor antrean dilewati petugas.',
      privacy: 'open',
      name: null,
      contact: null,
      challenge: null,
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await ctx.database.db
      .selectFrom('complaints')
      .select('id')
      .where('tracking_id', '=', res.json().trackingId)
      .executeTakeFirstOrThrow();
    return { res: res.json(), id: row.id, trackingId: res.json().trackingId as string };
  };

  it('knows the fixed-date holidays of 2027 by rule while its SKB list is not loaded; 2024–2026 are loaded', async () => {
    const y = (await admin.get('/api/v1/admin/holidays?year=2027')).json();
    expect(y.loaded).toBeNull();
    expect(
      y.days.map((d: { day: string; fixed: boolean; listed: boolean }) => `${d.day} ${d.fixed} ${d.listed}`),
    ).toEqual([
      '2027-01-01 true false',
      '2027-05-01 true false',
      '2027-06-01 true false',
      '2027-08-17 true false',
      '2027-12-25 true false',
    ]);
    expect(y.years).toEqual(expect.arrayContaining([2024, 2025, 2026, 2027]));
    const y26 = (await committee.get('/api/v1/admin/holidays?year=2026')).json();
    expect(y26.loaded.skbReference).toContain('1497/2025');
    expect(y26.days.filter((d: { listed: boolean }) => d.listed)).toHaveLength(25);
  });

  it('gives a complaint filed on 29 Dec 2026 the deadline Mon 4 Jan 2027, not the holiday, shown provisional', async () => {
    const a = await file('Antrean kelurahan tidak tertib');
    toVerify = { id: a.id, trackingId: a.trackingId };
    expect(a.res.verificationDueOn).toBe('2027-01-04');
    expect(a.res.provisionalYear).toBe(2027);
    const tracked = (await new Agent(ctx.app).get(`/api/v1/public/complaints/${a.trackingId}`)).json();
    expect(tracked.clock).toEqual({
      awaiting: 'verification',
      dueOn: '2027-01-04',
      late: false,
      lateDays: 0,
      provisionalYear: 2027,
    });
    const b = await file('Nomor antrean dilewati');
    toOpd = { id: b.id, trackingId: b.trackingId };
    const disposed = await committee.post(`/api/v1/complaints/${b.id}/dispose`, {
      organizationId: 'kominfo',
      note: 'Mohon ditindaklanjuti oleh Diskominfo.',
    });
    expect(disposed.statusCode, disposed.body).toBe(200);
    expect(disposed.json().clock).toMatchObject({ awaiting: 'follow_up', dueOn: '2027-01-04', provisionalYear: 2027 });
    expect((await committee.get(`/api/v1/complaints/${a.id}`)).json().clock.provisionalYear).toBe(2027);
  });

  it('warns the admin and the committee at home that the 2027 list is not loaded; nobody else', async () => {
    expect(await homeKeys(admin)).toContain('holidaysNextYearMissing /admin/hari-libur?tahun=2027');
    expect(await homeKeys(committee)).toContain('holidaysNextYearMissing /admin/hari-libur?tahun=2027');
    expect(await homeKeys(kominfo)).not.toContain('holidaysNextYearMissing /admin/hari-libur?tahun=2027');
  });

  it('refuses a sheet with a bad row whole, saying per row what to fix, and saves nothing', async () => {
    const res = await admin.upload(
      'POST',
      `/api/v1/admin/holiday-years/2027/import?commit=true&skbReference=${SKB}`,
      multipart(
        csv([
          '2027-02-06,cuti_bersama,Cuti bersama Tahun Baru Imlek',
          '31/02/2027,libur_nasional,Tanggal yang tidak ada',
          '2026-12-31,cuti_bersama,Tahun yang salah',
          '2027-03-10,libur daerah,Jenis tidak dikenal',
          '06/02/2027,libur_nasional,Tanggal ganda',
          '2027-05-27,libur_nasional,',
        ]),
      ),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ committed: false, ok: false, counts: { ok: 1, error: 5 } });
    const problems = (line: number) =>
      body.report
        .find((r: { line: number }) => r.line === line)
        .problems.map((p: { id: string }) => p.id)
        .join(' ');
    expect(problems(3)).toMatch(/Tanggal "31\/02\/2027" tidak valid/);
    expect(problems(4)).toMatch(/di luar tahun 2027/);
    expect(problems(5)).toMatch(/Jenis "libur daerah" tidak dikenal/);
    expect(problems(6)).toMatch(/sudah ada di baris 2/);
    expect(problems(7)).toMatch(/Keterangan wajib diisi/);
    expect(await days2027()).toEqual([]);
    expect((await admin.get('/api/v1/admin/holidays?year=2027')).json().loaded).toBeNull();
    expect(await auditOf('holiday_year.import')).toHaveLength(0);
  });

  it('checks a good XLSX sheet without saving, then imports it: the year is loaded and audited, deadlines are no longer provisional', async () => {
    const rows = [
      ['2027-01-01', 'libur_nasional', 'Tahun Baru 2027 Masehi'],
      ['05/02/2027', 'cuti bersama', 'Cuti bersama Tahun Baru Imlek'],
      ['2027-02-06', 'libur_nasional', 'Tahun Baru Imlek 2578 Kongzili'],
      ['2027-03-10', 'LIBUR_NASIONAL', 'Hari Raya Idul Fitri 1448 H'],
    ];
    const data = await writeSheet(
      {
        name: 'Libur 2027',
        columns: [
          { name: 'tanggal', width: 12 },
          { name: 'jenis', width: 16 },
          { name: 'keterangan', width: 40 },
        ],
        rows,
      },
      'xlsx',
    );
    const file = () =>
      multipart({
        name: 'libur-2027.xlsx',
        data,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    const dry = (
      await admin.upload('POST', `/api/v1/admin/holiday-years/2027/import?skbReference=${SKB}`, file())
    ).json();
    expect(dry).toMatchObject({ committed: false, ok: true, counts: { ok: 4, error: 0 } });
    expect(await days2027()).toEqual([]);
    const res = await admin.upload(
      'POST',
      `/api/v1/admin/holiday-years/2027/import?commit=true&skbReference=${SKB}&skbDate=2026-10-14`,
      file(),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, ok: true });
    expect(await days2027()).toEqual([
      { day: '2027-01-01', kind: 'libur_nasional' },
      { day: '2027-02-05', kind: 'cuti_bersama' },
      { day: '2027-02-06', kind: 'libur_nasional' },
      { day: '2027-03-10', kind: 'libur_nasional' },
    ]);
    const y = (await admin.get('/api/v1/admin/holidays?year=2027')).json();
    expect(y.loaded).toMatchObject({
      skbReference: 'SKB 1234/2026, 3/2026, 6/2026',
      skbDate: '2026-10-14',
      amendedAt: null,
    });
    const [event] = await auditOf('holiday_year.import', '2027');
    expect(event?.after_digest).toBe(
      digest({
        skbReference: 'SKB 1234/2026, 3/2026, 6/2026',
        skbDate: '2026-10-14',
        days: ['2027-01-01', '2027-02-05', '2027-02-06', '2027-03-10'],
      }),
    );
    expect(event?.before_digest).toBe(digest({ skbReference: null, days: [] }));
    expect(
      (await new Agent(ctx.app).get(`/api/v1/public/complaints/${toVerify.trackingId}`)).json().clock,
    ).toMatchObject({ dueOn: '2027-01-04', provisionalYear: null });
    expect(await homeKeys(admin)).not.toContain('holidaysNextYearMissing /admin/hari-libur?tahun=2027');
  });

  it('records a change after loading as an amendment, audited; fixed dates and other roles are refused', async () => {
    const add = await admin.put('/api/v1/admin/holidays/2027-03-11', {
      name: 'Cuti bersama Idul Fitri 1448 H',
      kind: 'cuti_bersama',
    });
    expect(add.statusCode, add.body).toBe(200);
    const y = (await admin.get('/api/v1/admin/holidays?year=2027')).json();
    expect(y.days.find((d: { day: string }) => d.day === '2027-03-11')).toMatchObject({
      kind: 'cuti_bersama',
      listed: true,
      fixed: false,
      amendedAt: expect.any(String),
    });
    expect(y.loaded.amendedAt).toEqual(expect.any(String));
    const [set] = await auditOf('holiday.set', '2027-03-11');
    expect(set?.after_digest).toBe(
      digest({ day: '2027-03-11', name: 'Cuti bersama Idul Fitri 1448 H', kind: 'cuti_bersama', amendment: true }),
    );
    expect(set?.actor_role).toBe('admin');
    expect((await admin.put('/api/v1/admin/holidays/2027-03-11', { name: null })).statusCode).toBe(200);
    const [removed] = await auditOf('holiday.delete', '2027-03-11');
    expect(removed?.before_digest).toBe(
      digest({ day: '2027-03-11', name: 'Cuti bersama Idul Fitri 1448 H', kind: 'cuti_bersama' }),
    );
    const fixed = await admin.put('/api/v1/admin/holidays/2027-08-17', { name: null });
    expect(fixed.statusCode).toBe(409);
    expect(fixed.json().error.message).toMatch(/libur nasional tetap/);
    expect(
      (await committee.put('/api/v1/admin/holidays/2027-03-12', { name: 'Bukan wewenang panitia' })).statusCode,
    ).toBe(404);
    expect(await days2027()).toHaveLength(4);
  });

  it('counts the verification and the OPD answer given on Mon 4 Jan 2027 as on time', async () => {
    clock.advance(6 * DAY); // Monday 4 January 2027, 09:00 WITA
    expect(
      (await new Agent(ctx.app).get(`/api/v1/public/complaints/${toVerify.trackingId}`)).json().clock,
    ).toMatchObject({ dueOn: '2027-01-04', late: false });
    expect(
      (
        await committee.post(`/api/v1/complaints/${toVerify.id}/dispose`, {
          organizationId: 'kominfo',
          note: 'Mohon ditindaklanjuti oleh Diskominfo.',
        })
      ).statusCode,
    ).toBe(200);
    const fu = await kominfo.post(`/api/v1/complaints/${toOpd.id}/follow-up`, {
      body: 'Petugas antrean sudah ditegur dan mesin nomor antrean diperbaiki hari ini.',
    });
    expect(fu.statusCode, fu.body).toBe(200);
    const stats = (await new Agent(ctx.app).get('/api/v1/public/complaint-statistics')).json();
    expect(stats.verification).toEqual({ verified: 2, onTime: 2, percent: 100 });
    expect(stats.byOrganization.find((r: { organizationId: string }) => r.organizationId === 'kominfo')).toMatchObject({
      onTime: 1,
      late: 0,
    });
    expect(stats.lateNow).toBe(0);
  });
});
