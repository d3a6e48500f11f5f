/**
 * Open data: the catalog documents every dataset (fields, licence, update time, SHA-256 that
 * matches the file), CSV and JSON agree, and no dataset carries a NIK, birth date, e-mail or a
 * person's name — checked over every dataset in both formats after real applicants, a named
 * complaint reporter, a survey respondent and an observer's contact person are in the database.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_IDS } from '../../../../common/contracts/participation.ts';
import { makePdf, multipart } from '../../../test/fixtures.ts';
import { Agent, applicantBody, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { openPeriodWithFormation } from '../../../test/recruitment-setup.ts';
import { solveChallenge } from './challenge.ts';

let ctx: TestContext;
const secrets: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ participation: { challengeBits: 4 } });
  const committee = await signedInAgent(ctx, 'committee');
  const admin = await signedInAgent(ctx, 'admin');
  const { periodId, formationId } = await openPeriodWithFormation(ctx, committee);
  for (const [i, result] of (['ms', 'tms', 'tms'] as const).entries()) {
    const fullName = ['Nur Aisyah Lamarauna', 'Moh. Rizal Tondei', 'Sitti Rahmah Labaso'][i]!;
    const body = applicantBody({ fullName });
    const email = `pelamar.${randomBytes(4).toString('hex')}@contoh.id`;
    const birthDate = ['1999-03-12', '1997-11-02', '2000-01-30'][i]!;
    secrets.push(fullName, body.nik as string, email, birthDate, (body.nik as string).slice(6, 12));
    await ctx.services.identity.createAccountWithPassword({
      email,
      fullName,
      role: 'applicant',
      password: 'sandi-pelamar-panjang',
      organizationId: null,
      nik: body.nik as string,
      birthDate,
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
        published_at: ctx.clock.now(),
        proposed_verdict: result,
        proposed_reasons:
          result === 'tms' ? JSON.stringify([{ code: 'QUALIFICATION', text: `catatan untuk ${fullName}` }]) : null,
        biodata: JSON.stringify({ fullName, birthDate }),
        submitted_at: ctx.clock.now(),
      })
      .execute();
  }
  // A named, confidential complaint, disposed and followed up.
  const anon = new Agent(ctx.app);
  const c = (await anon.get('/api/v1/public/challenge?purpose=complaint')).json();
  secrets.push('Andi Baso Pelapor', '0813-9999-1234', 'pelapor.rahasia@contoh.id');
  const filed = await anon.post('/api/v1/public/complaints', {
    kind: 'pengaduan',
    category: 'recruitment',
    title: 'Jadwal verifikasi berubah',
    body: 'Jadwal verifikasi berubah tanpa pengumuman resmi di laman BKPSDM.',
    privacy: 'confidential',
    name: 'Andi Baso Pelapor',
    contact: '0813-9999-1234 pelapor.rahasia@contoh.id',
    challenge: { token: c.token, solution: solveChallenge(c.token, c.difficulty) },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const id = (await ctx.database.db.selectFrom('complaints').select('id').executeTakeFirstOrThrow()).id;
  await committee.post(`/api/v1/complaints/${id}/dispose`, { organizationId: 'bkpsdm', note: 'Mohon dijelaskan.' });
  await committee.post(`/api/v1/complaints/${id}/follow-up`, {
    body: 'Pengumuman perubahan jadwal sudah diunggah di laman resmi.',
  });
  // A survey with a respondent's phone number.
  await admin.post('/api/v1/service-units', {
    id: 'loket-uji',
    name: 'Loket Uji',
    organizationId: 'bkpsdm',
    periodKind: 'triwulan',
    unsur: null,
    population: 100,
  });
  const s = (await anon.get('/api/v1/public/challenge?purpose=survey')).json();
  secrets.push('081277778888');
  expect(
    (
      await anon.post('/api/v1/public/service-units/loket-uji/responses', {
        scores: [4, 4, 3, 3, 4, 4, 3, 3, 4],
        gender: 'L',
        ageBand: '30-39',
        education: 'S1',
        occupation: 'asn',
        respondentRef: '081277778888',
        suggestion: '',
        challenge: { token: s.token, solution: solveChallenge(s.token, s.difficulty) },
      })
    ).statusCode,
  ).toBe(201);
  // An accredited observer's answered finding; the contact person is a name.
  const observer = await signedInAgent(ctx, 'observer');
  secrets.push('Yohanes Kontak Pemantau');
  const acc = await observer.upload(
    'POST',
    `/api/v1/observer/accreditations?periodId=${periodId}&organizationName=LBH%20Sulteng&organizationKind=lsm&contactPerson=${encodeURIComponent('Yohanes Kontak Pemantau')}`,
    multipart({ name: 'surat.pdf', data: await makePdf('Surat') }),
  );
  await committee.post(`/api/v1/accreditations/${acc.json().id}/decision`, {
    approve: true,
    reason: 'Lengkap.',
    expiresOn: '2099-12-31',
  });
  const f = await observer.post(`/api/v1/observer/periods/${periodId}/findings`, {
    stage: 'verifikasi',
    title: 'Alasan TMS kurang jelas',
    body: 'Alasan TMS hanya berupa kode tanpa penjelasan dokumen.',
  });
  await committee.post(`/api/v1/findings/${f.json().id}/answer`, {
    answer: 'Penjelasan kini ditampilkan di halaman lamaran.',
  });
});
afterAll(() => ctx?.close());

describe('open data', () => {
  it('lists every dataset with fields, licence, update time and a SHA-256 that matches its file', async () => {
    const anon = new Agent(ctx.app);
    const catalog = (await anon.get('/api/v1/public/open-data')).json();
    expect(catalog.datasets.map((d: { id: string }) => d.id)).toEqual([...DATASET_IDS]);
    for (const d of catalog.datasets) {
      expect(d.fields.length, d.id).toBeGreaterThan(0);
      expect(d.licence.id).toBe('CC-BY-4.0');
      expect(Number.isNaN(Date.parse(d.updatedAt))).toBe(false);
      for (const file of d.files) {
        const res = await anon.get(file.url);
        expect(res.statusCode, file.url).toBe(200);
        expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(file.sha256);
        expect(res.headers['x-content-sha256']).toBe(file.sha256);
      }
    }
    const json = (await anon.get('/api/v1/public/open-data/applicants-per-formation.json')).json();
    expect(json.rows[0]).toMatchObject({ pelamar: 3, ms: 1, tms: 2 });
    expect((await anon.get('/api/v1/public/open-data/verification-outcomes.csv')).body).toContain('QUALIFICATION');
    expect((await anon.get('/api/v1/public/open-data/ikm.json')).json().rows[0]).toMatchObject({
      kode_unit: 'loket-uji',
      responden: 1,
    });
    expect((await anon.get('/api/v1/public/open-data/observer-findings.csv')).body).toContain('LBH Sulteng');
    expect((await anon.get('/api/v1/public/open-data/complaint-follow-up-by-opd.json')).json().rows[0]).toMatchObject({
      disposisi: 1,
      tepat_waktu: 1,
    });
    // Words people read, not stored codes (issue 23).
    expect((await anon.get('/api/v1/public/open-data/complaints-by-category.json')).json().rows).toContainEqual({
      kategori: 'Seleksi/rekrutmen',
      status: 'Sudah ditindaklanjuti',
      jumlah: 1,
    });
    // Development and performance figures, city-wide first; an OPD's share only from five people.
    const jp = (await anon.get('/api/v1/public/open-data/jp-compliance.json')).json();
    expect(jp.rows[0]).toMatchObject({ opd: 'Kota Palu' });
    for (const r of jp.rows as { pegawai: number; persen_memenuhi: number | null }[])
      if (r.pegawai < 5) expect(r.persen_memenuhi).toBeNull();
    expect((await anon.get('/api/v1/public/open-data/skp-predikat.csv')).body.split('\r\n')[0]).toBe(
      'tahun,periode,opd,dinilai,sangat_baik,baik,butuh_perbaikan,kurang,sangat_kurang',
    );
  });

  it('never carries a NIK, birth date, e-mail or a person’s name, in any dataset or format', async () => {
    const anon = new Agent(ctx.app);
    const bodies = [(await anon.get('/api/v1/public/open-data')).body];
    for (const id of DATASET_IDS)
      for (const format of ['csv', 'json'])
        bodies.push((await anon.get(`/api/v1/public/open-data/${id}.${format}`)).body);
    const all = bodies.join('\n');
    for (const s of secrets) expect(all, s).not.toContain(s);
    expect(all).not.toMatch(/\b\d{16}\b/); // no NIK-shaped number
    expect(all).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/); // no e-mail address
    expect(all).not.toMatch(/\b19\d\d-\d\d-\d\d\b/); // no 20th-century (birth) dates; the applicants' are all listed above
  });

  it('answers an unknown dataset with a clear message', async () => {
    const res = await new Agent(ctx.app).get('/api/v1/public/open-data/pelamar.xlsx');
    expect(res.statusCode).toBe(400);
  });
});
