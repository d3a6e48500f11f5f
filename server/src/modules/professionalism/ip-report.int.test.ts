/**
 * IP ASN reports through the API over result rows written straight into ip_asn_results (the
 * computation is another use-case): the OPD and city figures (PROFESSIONALISM.md §1.8 persons and
 * Kota Bima's §1.6 instance rows), PNS (with CPNS) and PPPK apart, participation, the dimension that
 * holds an OPD back, the trend with BKN's official figures, the OPD PDF, the audited export, the
 * all-or-nothing import of official figures, who sees what, and the public page and open-data
 * file that hide every group under five people.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../test/fixtures.ts';
import { pdfPagesText } from '../../../test/pdf-text.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { IP_ASN_2019 } from './domain/ip-asn.ts';

let ctx: TestContext;
let admin: Agent;
let trainingAdmin: Agent;
let supervisor: Agent;
let employee: Agent;
let anonymous: Agent;
const INSTRUMENT = randomUUID();
const OLD_INSTRUMENT = randomUUID();

type Dims = [number, number, number, number];
let nipSeq = 0;
async function person(org: string, status: 'CPNS' | 'PNS' | 'PPPK', accountId: string | null = null) {
  const id = randomUUID();
  nipSeq++;
  await ctx.database.db
    .insertInto('employees')
    .values({
      id,
      nip: `19900101201501${String(1000 + nipSeq)}`,
      full_name: `Pegawai Uji ${nipSeq}`,
      status,
      gender: 'L',
      birth_date: '1990-01-01',
      tmt: '2015-01-01',
      organization_id: org,
      jabatan_kind: 'pelaksana',
      jabatan: 'Pengadministrasi Umum',
      golongan: status === 'PPPK' ? 'V' : 'III/a',
      account_id: accountId,
    })
    .execute();
  return id;
}

async function result(
  employeeId: string,
  o: { year?: number; instrument?: string; org: string; status: 'CPNS' | 'PNS' | 'PPPK'; jabatan: string },
  dims: Dims,
  complete = true,
  provisional = true,
) {
  const total = dims.reduce((a, b) => a + b, 0);
  const band =
    total >= 91
      ? 'sangat_tinggi'
      : total >= 81
        ? 'tinggi'
        : total >= 71
          ? 'sedang'
          : total >= 61
            ? 'rendah'
            : 'sangat_rendah';
  await ctx.database.db
    .insertInto('ip_asn_details')
    .values({ hash: 'uji', detail: JSON.stringify({}) })
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
  await ctx.database.db
    .insertInto('ip_asn_results')
    .values({
      employee_id: employeeId,
      year: o.year ?? 2025,
      instrument_id: o.instrument ?? INSTRUMENT,
      employee_status: o.status,
      organization_id: o.org,
      jabatan_type: o.jabatan,
      kualifikasi: dims[0],
      kompetensi: dims[1],
      kinerja: dims[2],
      disiplin: dims[3],
      total,
      band,
      complete,
      provisional,
      detail_hash: 'uji',
    })
    .execute();
}

const accountOf = async (a: Agent) => (await a.get('/api/v1/me')).json().account.id as string;
const count = async (action: string) =>
  (await ctx.database.db.selectFrom('audit_events').select('seq').where('action', '=', action).execute()).length;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedInAgent(ctx, 'admin');
  trainingAdmin = await signedInAgent(ctx, 'training_admin');
  supervisor = await signedInAgent(ctx, 'supervisor');
  employee = await signedInAgent(ctx, 'employee');
  anonymous = new Agent(ctx.app);
  const db = ctx.database.db;
  await db
    .insertInto('ip_asn_instruments')
    .values([
      { id: OLD_INSTRUMENT, version: 'uji-lama', body: JSON.stringify({ ...IP_ASN_2019, version: 'uji-lama' }) },
      { id: INSTRUMENT, version: IP_ASN_2019.version, body: JSON.stringify(IP_ASN_2019) },
    ])
    .execute();
  await db.insertInto('ip_asn_years').values({ year: 2025, instrument_id: INSTRUMENT }).execute();
  // Diskominfo: the five persons of §1.8 (PNS), a CPNS like example 1, and a PPPK with data missing.
  const kominfo = { org: 'kominfo', status: 'PNS' as const };
  const examples: [string, Dims][] = [
    ['administrator', [20, 40, 30, 5]], // 1 → 95
    ['pelaksana', [15, 22.5, 25, 3]], // 2 → 65.5
    ['fungsional', [10, 10, 15, 5]], // 3 → 40
    ['pelaksana', [25, 22.5, 30, 3]], // 4 → 80.5 (Sedang)
    ['pengawas', [15, 25, 25, 5]], // 5 → 70
  ];
  const ids = [
    await person('kominfo', 'PNS', await accountOf(supervisor)),
    await person('kominfo', 'PNS', await accountOf(employee)),
    await person('kominfo', 'PNS'),
    await person('kominfo', 'PNS'),
    await person('kominfo', 'PNS'),
  ];
  for (const [i, [jabatan, dims]] of examples.entries()) await result(ids[i]!, { ...kominfo, jabatan }, dims);
  await result(
    await person('kominfo', 'CPNS'),
    { org: 'kominfo', status: 'CPNS', jabatan: 'administrator' },
    [20, 40, 30, 5],
  );
  await result(
    await person('kominfo', 'PPPK'),
    { org: 'kominfo', status: 'PPPK', jabatan: 'fungsional' },
    [0, 10, 25, 5],
    false,
  );
  // BPBD: five PNS at Kota Bima's 2023 dimension means (§1.6: 78.25), 2024 at its PNS row (81.16); two PPPK.
  for (let i = 0; i < 5; i++) {
    const id = await person('bpbd', 'PNS');
    await result(id, { org: 'bpbd', status: 'PNS', jabatan: 'pelaksana' }, [21.37, 26.16, 25.72, 5]);
    await result(id, { year: 2024, org: 'bpbd', status: 'PNS', jabatan: 'pelaksana' }, [21.37, 28.12, 26.67, 5]);
    // another instrument version beside it for 2025 must not count (ip_asn_years names the other)
    await result(id, { instrument: OLD_INSTRUMENT, org: 'bpbd', status: 'PNS', jabatan: 'pelaksana' }, [1, 1, 1, 1]);
  }
  for (let i = 0; i < 2; i++)
    await result(
      await person('bpbd', 'PPPK'),
      { org: 'bpbd', status: 'PPPK', jabatan: 'pelaksana' },
      [15, 22.5, 25, 5],
    );
});
afterAll(() => ctx?.close());

describe('IP ASN reports', () => {
  it('BKPSDM sees the city: per OPD, PNS (with CPNS) and PPPK apart, per jabatan, participation, what holds each OPD back', async () => {
    const res = await trainingAdmin.get('/api/v1/ip-asn/report?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.instrument.version).toBe('perban-8-2019');
    expect(d.instrument.provisionalCells.map((c: { cell: string }) => c.cell)).toContain('kinerja.baik');
    const kominfo = d.byOrganization.find((o: { organizationId: string }) => o.organizationId === 'kominfo');
    // 95 + 65.5 + 40 + 80.5 + 70 + 95 over six complete; the PPPK with missing data counts in "of" only
    expect(kominfo.figure).toMatchObject({
      n: 6,
      of: 7,
      participation: 85.7,
      means: { kualifikasi: 17.5, kompetensi: 26.67, kinerja: 25.83, disiplin: 4.33 },
      total: 74.33,
      band: 'sedang',
      bands: { sangat_tinggi: 2, tinggi: 0, sedang: 1, rendah: 2, sangat_rendah: 1 },
    });
    expect(kominfo.holdsBack).toMatchObject({ dimension: 'kompetensi', gap: 13.33 });
    const bpbd = d.byOrganization.find((o: { organizationId: string }) => o.organizationId === 'bpbd');
    const pns = await trainingAdmin.get('/api/v1/ip-asn/report?year=2025&organizationId=bpbd&group=PNS');
    expect(pns.json().overall).toMatchObject({ n: 5, total: 78.25, band: 'sedang' }); // Kota Bima 2023 (§1.6)
    expect(bpbd.figure.n).toBe(7);
    const groups = Object.fromEntries(d.byGroup.map((g: { group: string; figure: unknown }) => [g.group, g.figure]));
    expect(groups.PNS.n).toBe(11); // CPNS counted with PNS
    expect(groups.PPPK).toMatchObject({ n: 2, of: 3 });
    expect(d.byJabatan.map((j: { jabatanType: string }) => j.jabatanType)).toEqual([
      'administrator',
      'pengawas',
      'fungsional',
      'pelaksana',
    ]);
    const trend = (await admin.get('/api/v1/ip-asn/report?organizationId=bpbd&group=PNS')).json();
    expect(trend.year).toBe(2025);
    expect(trend.trend.map((t: { year: number; total: number; band: string }) => [t.year, t.total, t.band])).toEqual([
      [2024, 81.16, 'tinggi'], // Kota Bima 2024 PNS (§1.6)
      [2025, 78.25, 'sedang'],
    ]);
  });

  it('a supervisor sees only their own OPD; an employee and a visitor get nothing', async () => {
    const mine = await supervisor.get('/api/v1/ip-asn/report?year=2025');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().organizationId).toBe('kominfo');
    expect(mine.json().byOrganization.map((o: { organizationId: string }) => o.organizationId)).toEqual(['kominfo']);
    expect(mine.json().organizations).toEqual([{ id: 'kominfo', name: expect.any(String) }]);
    expect((await supervisor.get('/api/v1/ip-asn/report?organizationId=bpbd')).statusCode).toBe(404);
    expect((await supervisor.get('/api/v1/ip-asn/report/organizations/bpbd/pdf?year=2025')).statusCode).toBe(404);
    expect((await supervisor.get('/api/v1/ip-asn/report/export?year=2025')).statusCode).toBe(404);
    expect((await employee.get('/api/v1/ip-asn/report')).statusCode).toBe(404);
    expect((await employee.get('/api/v1/ip-asn/report/organizations/kominfo/pdf')).statusCode).toBe(404);
    expect((await anonymous.get('/api/v1/ip-asn/report')).statusCode).toBe(401);
    const unlinked = await signedInAgent(ctx, 'supervisor');
    const r = await unlinked.get('/api/v1/ip-asn/report');
    expect(r.statusCode).toBe(404);
    expect(r.json().error.message).toMatch(/belum terhubung/);
  });

  it('the OPD report PDF states the figures, the bands, what holds it back and the provisional cells', async () => {
    const res = await supervisor.get('/api/v1/ip-asn/report/organizations/kominfo/pdf?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = (await pdfPagesText(res.rawPayload)).join(' ');
    for (const s of [
      'LAPORAN INDEKS PROFESIONALITAS ASN',
      '74,33',
      'Sedang',
      'Kompetensi',
      'perban-8-2019',
      'kinerja.baik',
    ])
      expect(text).toContain(s);
    expect((await admin.get('/api/v1/ip-asn/report/organizations/dinkes/pdf?year=2025')).statusCode).toBe(404);
  });

  it('exports every person in BKN-like columns for BKPSDM only, audited', async () => {
    const before = await count('ip_asn.export');
    const res = await admin.get('/api/v1/ip-asn/report/export?year=2025&format=csv');
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'tahun,nip,nama,opd,jenis_pegawai,jenis_jabatan,kualifikasi,kompetensi,kinerja,disiplin,total,kategori,lengkap,sementara,versi_instrumen',
    );
    expect(lines).toHaveLength(1 + 14);
    expect(lines.some((l) => l.includes(',CPNS,'))).toBe(true);
    expect(await count('ip_asn.export')).toBe(before + 1);
    const xlsx = await trainingAdmin.get('/api/v1/ip-asn/report/export?year=2025');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('imports BKN official figures all or nothing with a message per row, then shows them beside Merit figures', async () => {
    const header = 'tahun,jenis_pegawai,kode_opd,responden,kualifikasi,kompetensi,kinerja,disiplin,total';
    const sheet = (rows: string[]) =>
      multipart({ name: 'bkn.csv', data: Buffer.from(`${header}\n${rows.join('\n')}\n`), type: 'text/csv' });
    const bad = await admin.upload(
      'POST',
      '/api/v1/ip-asn/official/import?commit=true',
      sheet([
        '2025,PNS,,120,"21,37","26,16","25,72",5,"78,25"',
        '2025,ASN,kominfo,10,20,25,25,5,75',
        '2025,PPPK,tidak-ada,10,20,25,25,5,75',
        '2025,PNS,bpbd,10,20,25,25,5,80',
        '2025,PNS,,120,21,26,25,5,77',
        '2025,PNS,kominfo,10,30,25,25,5,85',
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(200);
    const report = bad.json();
    expect(report).toMatchObject({ committed: false, ok: false, counts: { valid: 1, error: 5 } });
    const problems = (line: number) =>
      report.report
        .find((r: { line: number }) => r.line === line)
        .problems.map((p: { id: string }) => p.id)
        .join(' ');
    expect(problems(3)).toMatch(/PNS atau PPPK/);
    expect(problems(4)).toMatch(/Kode OPD "tidak-ada" tidak dikenal/);
    expect(problems(5)).toMatch(/tidak sama dengan jumlah keempat dimensi/);
    expect(problems(6)).toMatch(/mengulang .* baris 2/);
    expect(problems(7)).toMatch(/kualifikasi harus angka 0–25/);
    expect(await ctx.database.db.selectFrom('ip_asn_official').select('id').execute()).toHaveLength(0);
    const wrongHeader = await admin.upload(
      'POST',
      '/api/v1/ip-asn/official/import',
      multipart({ name: 'x.csv', data: Buffer.from('a,b\n1,2\n'), type: 'text/csv' }),
    );
    expect(wrongHeader.json().report[0].problems[0].id).toMatch(/Baris judul harus/);
    const good = [
      '2025,PNS,,120,"21,37","26,16","25,72",5,"78,25"',
      '2024,PNS,bpbd,5,"21,37","28,12","26,67",5,"81,16"',
    ];
    const dry = (await admin.upload('POST', '/api/v1/ip-asn/official/import', sheet(good))).json();
    expect(dry).toMatchObject({ committed: false, ok: true, counts: { valid: 2, error: 0 } });
    expect(await ctx.database.db.selectFrom('ip_asn_official').select('id').execute()).toHaveLength(0);
    const before = await count('ip_asn.official_import');
    const done = (await admin.upload('POST', '/api/v1/ip-asn/official/import?commit=true', sheet(good))).json();
    expect(done).toMatchObject({ committed: true, ok: true });
    // importing again replaces, never doubles
    await admin.upload('POST', '/api/v1/ip-asn/official/import?commit=true', sheet(good));
    expect(await ctx.database.db.selectFrom('ip_asn_official').select('id').execute()).toHaveLength(2);
    expect(await count('ip_asn.official_import')).toBe(before + 2);
    const city = (await admin.get('/api/v1/ip-asn/report?year=2025')).json();
    expect(city.official).toEqual([
      expect.objectContaining({
        year: 2025,
        employeeStatus: 'PNS',
        organizationId: null,
        name: 'Kota Palu',
        total: 78.25,
      }),
    ]);
    const bpbd = (await admin.get('/api/v1/ip-asn/report?organizationId=bpbd&group=PNS')).json();
    expect(bpbd.trend.find((t: { year: number }) => t.year === 2024).official).toBe(81.16);
    expect((await supervisor.upload('POST', '/api/v1/ip-asn/official/import', sheet(good))).statusCode).toBe(404);
    const template = await admin.get('/api/v1/ip-asn/official/template?format=csv');
    expect(template.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(header);
  });

  it('the public figures and the open-data file show groups of five or more only, with the instrument stated', async () => {
    const res = await anonymous.get('/api/v1/public/ip-asn');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ year: 2025, minGroup: 5, instrument: { version: 'perban-8-2019' } });
    expect(p.instrument.provisionalCells.length).toBeGreaterThan(0);
    const all = p.city.find((g: { group: string }) => g.group === 'all').figure;
    expect(all).toMatchObject({ shown: true, n: 13, of: 14 });
    const bpbd = p.organizations.find((o: { organizationId: string }) => o.organizationId === 'bpbd');
    const byGroup = Object.fromEntries(bpbd.groups.map((g: { group: string; figure: unknown }) => [g.group, g.figure]));
    expect(byGroup.PNS).toMatchObject({ shown: true, n: 5, total: 78.25, band: 'sedang' });
    expect(byGroup.PPPK).toEqual({
      of: null,
      shown: false,
      n: null,
      participation: null,
      total: null,
      band: null,
      means: null,
      bands: null,
    });
    const kominfo = p.organizations.find((o: { organizationId: string }) => o.organizationId === 'kominfo');
    expect(kominfo.groups.find((g: { group: string }) => g.group === 'PPPK').figure.shown).toBe(false);
    expect(JSON.stringify(p)).not.toMatch(/19900101/);

    const csv = await anonymous.get('/api/v1/public/open-data/ip-asn.csv');
    expect(csv.statusCode, csv.body).toBe(200);
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^tahun,opd,jenis_pegawai,ditampilkan,diukur,lengkap,persen_partisipasi,kualifikasi/);
    const pppk = lines.find((l) => l.startsWith('2025,Badan Penanggulangan Bencana Daerah,PPPK'))!;
    expect(pppk).toBe('2025,Badan Penanggulangan Bencana Daerah,PPPK,kurang dari 5 orang,,,,,,,,,,,,,,,perban-8-2019');
    expect(lines.find((l) => l.startsWith('2025,Badan Penanggulangan Bencana Daerah,PNS'))).toContain(',78.25,Sedang,');
    expect(csv.body).not.toMatch(/19900101|Pegawai Uji/);
    const catalog = (await anonymous.get('/api/v1/public/open-data')).json();
    expect(catalog.datasets.find((d: { id: string }) => d.id === 'ip-asn').description).toMatch(/perban-8-2019/);
  });
});
