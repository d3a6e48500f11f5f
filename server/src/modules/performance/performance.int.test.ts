/**
 * SKP through the API: the supervisor cascades hasil kerja to one report or the whole unit (never
 * into another OPD), the employee agrees, the pejabat penilai — and only they — evaluates the
 * quarters in order, sees the predikat and the distribution warning before finalising, and a final
 * evaluation never changes; evidence goes through the upload check; the employee sees the
 * programmes recommended from the result and enrols. Every change is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg, makePdf, multipart } from '../../../test/fixtures.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let admin: Agent;
let trainingAdmin: Agent;
let head: Agent;
let supervisor: Agent;
let otherSupervisor: Agent;
let employee: Agent;
const emails: Record<string, string> = {};
const YEAR = 2026;

const HEADER = 'nip,nama,status,tmt,kode_opd,unit,jenis_jabatan,jabatan,jenjang,golongan,nip_atasan,email';
const rows = () => [
  `197203151998031004,Drs. Rizal Lamarauna,PNS,1998-03-01,kominfo,Pimpinan,struktural,Kepala Dinas,JPT Pratama,IV/c,,${emails.head}`,
  `197808122003121002,Ir. Hasan Lasoso,PNS,2003-12-01,kominfo,Bidang Aplikasi,struktural,Kepala Bidang Aplikasi,Administrator,IV/a,197203151998031004,${emails.supervisor}`,
  `199104252015032001,Sitti Aisyah,PNS,2015-03-01,kominfo,Bidang Aplikasi,fungsional,Pranata Komputer Ahli Muda,Ahli Muda,III/c,197808122003121002,${emails.employee}`,
  '199009092023211005,Andi Baso Tondei,PPPK,2023-02-01,kominfo,Bidang Aplikasi,pelaksana,Operator Layanan Operasional,Terampil,V,197808122003121002,',
  '199307182019031003,Moh. Fadli Tanjumbulu,PNS,2019-03-01,kominfo,Bidang Aplikasi,fungsional,Pranata Komputer Ahli Pertama,Ahli Pertama,III/b,197808122003121002,',
  // Recorded under Hasan although in BPBD: a cascade into another OPD must be refused.
  '199211112017031002,Yusuf Lalu,PNS,2017-03-01,bpbd,Bidang Kedaruratan,fungsional,Analis Kebencanaan Ahli Pertama,Ahli Pertama,III/b,197808122003121002,',
  `198206302008012005,Fitriani Lamakampali,PNS,2008-01-01,bpbd,Bidang Kedaruratan,struktural,Kepala Bidang Kedaruratan,Administrator,IV/a,,${emails.otherSupervisor}`,
];
const idOf = async (nip: string) =>
  (await ctx.database.db.selectFrom('employees').select('id').where('nip', '=', nip).executeTakeFirstOrThrow()).id;
const count = async (table: 'skp_results' | 'skp_plans' | 'skp_evaluations' | 'skp_notes') =>
  Number(
    (
      await ctx.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const audits = async (action: string) =>
  (await ctx.database.db.selectFrom('audit_events').select('seq').where('action', '=', action).execute()).length;
const INDICATORS = [{ description: 'Layanan aplikasi yang tersedia', kind: 'quantitative', target: '99', unit: '%' }];

let parentId: string;
let sittiPlan: string;
let sittiId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedInAgent(ctx, 'admin');
  trainingAdmin = await signedInAgent(ctx, 'training_admin');
  head = await signedInAgent(ctx, 'supervisor');
  supervisor = await signedInAgent(ctx, 'supervisor');
  otherSupervisor = await signedInAgent(ctx, 'supervisor');
  employee = await signedInAgent(ctx, 'employee');
  for (const [k, a] of Object.entries({ head, supervisor, otherSupervisor, employee }))
    emails[k] = (await a.get('/api/v1/me')).json().account.email;
  const sheet = multipart({
    name: 'pegawai.csv',
    data: Buffer.from(`${HEADER}\n${rows().join('\n')}\n`),
    type: 'text/csv',
  });
  const imported = (await trainingAdmin.upload('POST', '/api/v1/employees/import?commit=true', sheet)).json();
  if (!imported.committed) throw new Error(JSON.stringify(imported.report));
  sittiId = await idOf('199104252015032001');
});
afterAll(() => ctx?.close());

describe('SKP planning: cascade, expectations, agreement', () => {
  it('the supervisor opens their own year and sets a hasil kerja with indicators; the team lists the direct reports', async () => {
    const start = await supervisor.post('/api/v1/performance/plans', { year: YEAR, employeeId: null });
    expect(start.statusCode, start.body).toBe(201);
    expect((await supervisor.post('/api/v1/performance/plans', { year: YEAR, employeeId: null })).statusCode).toBe(200);
    const res = await supervisor.post(`/api/v1/performance/plans/${start.json().id}/results`, {
      title: 'Layanan aplikasi Pemkot Palu tersedia tanpa gangguan',
      perspective: 'penerima_layanan',
      indicators: INDICATORS,
    });
    expect(res.statusCode, res.body).toBe(201);
    parentId = res.json().id;
    const team = (await supervisor.get(`/api/v1/performance/team?year=${YEAR}`)).json();
    expect(team.myPlan.results.map((r: { title: string }) => r.title)).toEqual([
      'Layanan aplikasi Pemkot Palu tersedia tanpa gangguan',
    ]);
    expect(team.members.map((m: { employee: { fullName: string } }) => m.employee.fullName)).toEqual([
      'Andi Baso Tondei',
      'Moh. Fadli Tanjumbulu',
      'Sitti Aisyah',
      'Yusuf Lalu',
    ]);
    expect(team.members.every((m: { plan: unknown }) => m.plan === null)).toBe(true);
  });

  it('refuses a cascade into another OPD and to someone who is not a direct report; nothing changes', async () => {
    const before = await count('skp_results');
    const foreign = await supervisor.post(`/api/v1/performance/results/${parentId}/cascade`, {
      employeeIds: [sittiId, await idOf('199211112017031002')],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toMatch(
      /tidak dapat diturunkan ke pegawai perangkat daerah lain \(Yusuf Lalu, Badan Penanggulangan Bencana Daerah\)/,
    );
    const stranger = await supervisor.post(`/api/v1/performance/results/${parentId}/cascade`, {
      employeeIds: [await idOf('197203151998031004')],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.message).toMatch(/bawahan langsung/);
    const both = await supervisor.post(`/api/v1/performance/results/${parentId}/cascade`, {
      unit: true,
      employeeIds: [sittiId],
    });
    expect(both.statusCode).toBe(400);
    expect(
      (await otherSupervisor.post(`/api/v1/performance/results/${parentId}/cascade`, { unit: true })).statusCode,
    ).toBe(404);
    expect(await count('skp_results')).toBe(before);
    expect(await count('skp_plans')).toBe(1);
  });

  it('cascades to the whole unit in one step (the OPD only), and a second time skips who already has it; audited', async () => {
    const res = await supervisor.post(`/api/v1/performance/results/${parentId}/cascade`, {
      unit: true,
      kind: 'direct',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ cascaded: 3, skipped: [] });
    const again = (await supervisor.post(`/api/v1/performance/results/${parentId}/cascade`, { unit: true })).json();
    expect(again.cascaded).toBe(0);
    expect(again.skipped.map((s: { reason: string }) => s.reason)).toEqual(['already', 'already', 'already']);
    expect(await audits('skp.result.cascade')).toBe(2);
    const team = (await supervisor.get(`/api/v1/performance/team?year=${YEAR}`)).json();
    expect(team.members.filter((m: { plan: { results: number } | null }) => m.plan?.results === 1)).toHaveLength(3);
    // the employee hears about it
    const notes = (await employee.get('/api/v1/me/notifications')).json();
    expect(JSON.stringify(notes)).toMatch(/Hasil kerja baru di SKP 2026/);
  });

  it('the employee sees the cascaded result with its parent, the evaluator and the atasan pejabat penilai', async () => {
    const mine = (await employee.get(`/api/v1/me/performance?year=${YEAR}`)).json();
    expect(mine.plan).toMatchObject({
      status: 'draft',
      evaluator: { nip: '197808122003121002', fullName: 'Ir. Hasan Lasoso' },
    });
    sittiPlan = mine.plan.id;
    const plan = (await employee.get(`/api/v1/performance/plans/${sittiPlan}`)).json();
    expect(plan.viewer).toBe('employee');
    expect(plan.plan.atasan).toEqual({ nip: '197203151998031004', fullName: 'Drs. Rizal Lamarauna' });
    expect(plan.results[0]).toMatchObject({
      title: 'Layanan aplikasi Pemkot Palu tersedia tanpa gangguan',
      cascadeKind: 'direct',
      parentTitle: 'Layanan aplikasi Pemkot Palu tersedia tanpa gangguan',
      indicators: [{ description: 'Layanan aplikasi yang tersedia', target: '99', unit: '%' }],
    });
    expect(plan.behaviours.map((b: { label: string }) => b.label)).toEqual([
      'Berorientasi Pelayanan',
      'Akuntabel',
      'Kompeten',
      'Harmonis',
      'Loyal',
      'Adaptif',
      'Kolaboratif',
    ]);
    expect(plan.can).toMatchObject({ agree: true, evaluate: false, setBehaviours: false });
    expect((await otherSupervisor.get(`/api/v1/performance/plans/${sittiPlan}`)).statusCode).toBe(404);
    expect((await head.get(`/api/v1/performance/plans/${sittiPlan}`)).json().viewer).toBe('atasan');
  });

  it('the employee proposes a result of their own; the evaluator sets ekspektasi khusus; the employee agrees with a clarification', async () => {
    const own = await employee.post(`/api/v1/performance/plans/${sittiPlan}/results`, {
      title: 'Dokumentasi API layanan perizinan',
      perspective: 'proses_bisnis',
      isMain: false,
      indicators: [{ description: 'Dokumen API terbit', kind: 'qualitative', target: 'Lengkap dan ditinjau' }],
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(
      (await employee.put(`/api/v1/performance/plans/${sittiPlan}/behaviours`, { expectations: { kolaboratif: 'x' } }))
        .statusCode,
    ).toBe(404);
    const set = await supervisor.put(`/api/v1/performance/plans/${sittiPlan}/behaviours`, {
      expectations: {
        kolaboratif: 'Membagikan pengetahuan ke tim setiap bulan',
        adaptif: 'Cepat menyesuaikan dengan SPBE',
      },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().behaviours.find((b: { value: string }) => b.value === 'kolaboratif').expectation).toBe(
      'Membagikan pengetahuan ke tim setiap bulan',
    );
    expect(
      (await supervisor.post(`/api/v1/performance/plans/${sittiPlan}/agree`, { clarification: '' })).json().error
        .message,
    ).toMatch(/Hanya Sitti Aisyah sendiri/);
    const agreed = await employee.post(`/api/v1/performance/plans/${sittiPlan}/agree`, {
      clarification: 'Target 99% dihitung per bulan.',
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json().plan).toMatchObject({ status: 'agreed', clarification: 'Target 99% dihitung per bulan.' });
    expect(
      (
        await employee.post(`/api/v1/performance/plans/${sittiPlan}/results`, {
          title: 'Lagi',
          perspective: 'anggaran',
          indicators: INDICATORS,
        })
      ).statusCode,
    ).toBe(409);
    expect((await employee.post(`/api/v1/performance/plans/${sittiPlan}/agree`, {})).statusCode).toBe(409);
    const single = await supervisor.post(`/api/v1/performance/results/${parentId}/cascade`, { employeeIds: [sittiId] });
    expect(single.statusCode).toBe(409);
    // Reopened before any evaluation, the plan is a draft again; the employee agrees anew.
    const reopened = await supervisor.post(`/api/v1/performance/plans/${sittiPlan}/reopen`);
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().plan).toMatchObject({ status: 'draft', agreedAt: null });
    expect(
      (
        await employee.post(`/api/v1/performance/plans/${sittiPlan}/agree`, {
          clarification: 'Target 99% dihitung per bulan.',
        })
      ).json().plan.status,
    ).toBe('agreed');
    expect(await audits('skp.plan.agree')).toBe(2);
  });
});

describe('evaluations by the pejabat penilai', () => {
  let results: { id: string; indicators: { id: string }[] }[];

  it('refuses evaluations out of order, before agreement, and from anyone but the pejabat penilai', async () => {
    const plan = (await supervisor.get(`/api/v1/performance/plans/${sittiPlan}`)).json();
    results = plan.results;
    expect(plan.nextPeriod).toBe('q1');
    const annual = await supervisor.put(`/api/v1/performance/plans/${sittiPlan}/evaluations/annual`, {});
    expect(annual.statusCode).toBe(409);
    expect(annual.json().error.message).toBe(
      'Evaluasi tahunan baru dapat dibuat setelah evaluasi Triwulan I, Triwulan II, Triwulan III, Triwulan IV difinalkan.',
    );
    expect((await supervisor.put(`/api/v1/performance/plans/${sittiPlan}/evaluations/q2`, {})).statusCode).toBe(409);
    const byHead = await head.put(`/api/v1/performance/plans/${sittiPlan}/evaluations/q1`, {});
    expect(byHead.statusCode).toBe(403);
    expect(byHead.json().error.message).toMatch(/Hanya pejabat penilai SKP ini \(Ir\. Hasan Lasoso\)/);
    expect((await employee.put(`/api/v1/performance/plans/${sittiPlan}/evaluations/q1`, {})).statusCode).toBe(404);
    const andi = (await supervisor.get(`/api/v1/performance/team?year=${YEAR}`))
      .json()
      .members.find((m: { employee: { fullName: string } }) => m.employee.fullName === 'Andi Baso Tondei');
    expect(
      (await supervisor.put(`/api/v1/performance/plans/${andi.plan.id}/evaluations/q1`, {})).json().error.message,
    ).toMatch(/belum disepakati/);
    expect(
      (
        await supervisor.put(`/api/v1/performance/plans/${sittiPlan}/evaluations/q1`, {
          resultRatings: { '00000000-0000-4000-8000-000000000000': 'above' },
        })
      ).statusCode,
    ).toBe(400);
    expect(await count('skp_evaluations')).toBe(0);
  });

  it('saves a quarter: predikat from the matrix, and the unit distribution warning before finalising', async () => {
    const res = await supervisor.put(`/api/v1/performance/plans/${sittiPlan}/evaluations/q1`, {
      resultRatings: { [results[0]!.id]: 'meets', [results[1]!.id]: 'below' },
      behaviourRatings: {
        berorientasi_pelayanan: 'meets',
        akuntabel: 'meets',
        kompeten: 'meets',
        harmonis: 'meets',
        loyal: 'meets',
        adaptif: 'meets',
        kolaboratif: 'below',
      },
      realisations: { [results[0]!.indicators[0]!.id]: '98,7%' },
      note: 'Perlu lebih sering berbagi dengan tim.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.evaluation).toMatchObject({
      period: 'q1',
      status: 'draft',
      ratingResults: 'meets',
      ratingBehaviour: 'meets',
      predikat: 'baik',
      realisations: { [results[0]!.indicators[0]!.id]: '98,7%' },
    });
    expect(body.distribution).toMatchObject({
      organizationPredikat: 'baik',
      organizationPredikatSet: false,
      counts: { baik: 1 },
    });
    expect(body.distribution.warnings.map((w: { id: string }) => w.id).join(' | ')).toMatch(
      /semestinya memiliki pegawai berpredikat Butuh Perbaikan dan\/atau Kurang/,
    );
    const plan = (await supervisor.get(`/api/v1/performance/plans/${sittiPlan}`)).json();
    expect(plan.distributions.q1.warnings.length).toBeGreaterThan(0);
    expect((await employee.get(`/api/v1/performance/plans/${sittiPlan}`)).json().distributions).toEqual({});
    // the evaluator may override the derived ratings
    const over = (
      await supervisor.put(`/api/v1/performance/plans/${sittiPlan}/evaluations/q1`, {
        ratingResults: 'above',
        ratingBehaviour: 'above',
        behaviourRatings: { kolaboratif: 'below' },
      })
    ).json();
    expect(over.evaluation.predikat).toBe('sangat_baik');
    const back = (
      await supervisor.put(`/api/v1/performance/plans/${sittiPlan}/evaluations/q1`, {
        resultRatings: { [results[0]!.id]: 'meets' },
        behaviourRatings: { kolaboratif: 'below', adaptif: 'below', loyal: 'below', akuntabel: 'meets' },
      })
    ).json();
    expect(back.evaluation).toMatchObject({ ratingBehaviour: 'below', predikat: 'kurang' });
  });

  it('finalises: the employee is told, and a final evaluation never changes', async () => {
    const fin = await supervisor.post(`/api/v1/performance/plans/${sittiPlan}/evaluations/q1/finalise`);
    expect(fin.statusCode, fin.body).toBe(200);
    expect(fin.json().evaluation).toMatchObject({ status: 'final', predikat: 'kurang' });
    const edit = await supervisor.put(`/api/v1/performance/plans/${sittiPlan}/evaluations/q1`, {
      ratingResults: 'above',
      ratingBehaviour: 'above',
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe('Evaluasi Triwulan I sudah final dan tidak dapat diubah.');
    expect((await supervisor.post(`/api/v1/performance/plans/${sittiPlan}/evaluations/q1/finalise`)).statusCode).toBe(
      409,
    );
    expect((await supervisor.post(`/api/v1/performance/plans/${sittiPlan}/evaluations/q2/finalise`)).statusCode).toBe(
      409,
    );
    expect((await supervisor.post(`/api/v1/performance/plans/${sittiPlan}/reopen`)).json().error.message).toMatch(
      /sudah dievaluasi/,
    );
    const row = await ctx.database.db
      .selectFrom('skp_evaluations')
      .select(['predikat', 'status'])
      .where('plan_id', '=', sittiPlan)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ predikat: 'kurang', status: 'final' });
    expect(await audits('skp.evaluation.finalise')).toBe(1);
    expect(JSON.stringify((await employee.get('/api/v1/me/notifications')).json())).toMatch(
      /Evaluasi Triwulan I 2026 final/,
    );
    expect((await supervisor.get(`/api/v1/performance/plans/${sittiPlan}`)).json().nextPeriod).toBe('q2');
  });

  it("follows the year's own matrix when BKPSDM sets one", async () => {
    const rules = (await admin.get(`/api/v1/performance/years/${YEAR}/rules`)).json();
    expect(rules).toMatchObject({ custom: false, matrix: { meets: { above: 'baik' } } });
    const matrix = { ...rules.matrix, below: { ...rules.matrix.below, above: 'baik' } };
    expect(
      (await admin.put(`/api/v1/performance/years/${YEAR}/rules`, { matrix: { above: rules.matrix.above } }))
        .statusCode,
    ).toBe(400);
    const set = await admin.put(`/api/v1/performance/years/${YEAR}/rules`, { matrix, note: 'Uji' });
    expect(set.statusCode, set.body).toBe(200);
    const q2 = (
      await supervisor.put(`/api/v1/performance/plans/${sittiPlan}/evaluations/q2`, {
        ratingResults: 'below',
        ratingBehaviour: 'above',
      })
    ).json();
    expect(q2.evaluation.predikat).toBe('baik');
    expect(
      (await admin.put(`/api/v1/performance/years/${YEAR}/organizations/kominfo`, { predikat: 'istimewa' })).statusCode,
    ).toBe(200);
    const again = (
      await supervisor.put(`/api/v1/performance/plans/${sittiPlan}/evaluations/q2`, {
        ratingResults: 'below',
        ratingBehaviour: 'above',
      })
    ).json();
    expect(again.distribution.organizationPredikat).toBe('istimewa');
    expect(again.distribution.warnings[0].id).toMatch(/sebagian besar pegawai semestinya Sangat Baik/);
    expect(await audits('performance.rules.set')).toBe(1);
  });
});

describe('feedback and evidence per hasil kerja', () => {
  let resultId: string;
  it('both sides add notes and links; files pass the upload check or are refused with the reason', async () => {
    resultId = (await employee.get(`/api/v1/performance/plans/${sittiPlan}`)).json().results[0].id;
    expect(
      (
        await employee.post(`/api/v1/performance/results/${resultId}/notes`, {
          kind: 'link',
          url: 'https://drive.palukota.go.id/laporan-uptime',
          body: 'Laporan uptime Januari',
        })
      ).statusCode,
    ).toBe(201);
    ctx.clock.advance(1000);
    expect(
      (
        await supervisor.post(`/api/v1/performance/results/${resultId}/notes`, {
          kind: 'feedback',
          body: 'Bagus, pertahankan.',
        })
      ).statusCode,
    ).toBe(201);
    ctx.clock.advance(1000);
    expect(
      (
        await employee.post(`/api/v1/performance/results/${resultId}/notes`, {
          kind: 'link',
          url: 'javascript:alert(1)',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await head.post(`/api/v1/performance/results/${resultId}/notes`, {
          kind: 'feedback',
          body: 'Dari atasan pejabat penilai',
        })
      ).statusCode,
    ).toBe(404);
    const pdf = await employee.upload(
      'POST',
      `/api/v1/performance/results/${resultId}/files`,
      multipart({ name: 'uptime.pdf', data: await makePdf('Laporan uptime'), type: 'application/pdf' }),
    );
    expect(pdf.statusCode, pdf.body).toBe(201);
    const png = await employee.upload(
      'POST',
      `/api/v1/performance/results/${resultId}/files`,
      multipart({ name: 'bukti.pdf', data: Buffer.from('\x89PNG\r\n\x1a\n0000000000000000'), type: 'application/pdf' }),
    );
    expect(png.statusCode).toBe(400);
    expect(png.json().error.message).toMatch(/harus berformat PDF atau JPG/);
    const big = await employee.upload(
      'POST',
      `/api/v1/performance/results/${resultId}/files`,
      multipart({ name: 'besar.jpg', data: makeJpeg(1400, 1400, true), type: 'image/jpeg' }),
    );
    expect([400, 413]).toContain(big.statusCode);
    // A NUL in the file name once answered 500 and left the file on disk (issue 24 §4): now 400, nothing stored.
    const storedCount = async () => {
      let n = 0;
      for await (const _ of ctx.services.files.list()) n++;
      return n;
    };
    const storedBefore = await storedCount();
    const nul = await employee.upload(
      'POST',
      `/api/v1/performance/results/${resultId}/files`,
      multipart({ name: 'a\u0000b.pdf', data: await makePdf('Laporan uptime'), type: 'application/pdf' }),
    );
    expect(nul.statusCode, nul.body).toBe(400);
    expect(await storedCount()).toBe(storedBefore);
    expect(await count('skp_notes')).toBe(3);
    const plan = (await supervisor.get(`/api/v1/performance/plans/${sittiPlan}`)).json();
    const notes = plan.results[0].notes;
    expect(notes.map((n: { kind: string; side: string }) => `${n.kind}/${n.side}`)).toEqual([
      'link/employee',
      'feedback/evaluator',
      'file/employee',
    ]);
    const file = await supervisor.get(`/api/v1/performance/notes/${notes[2].id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(file.headers['content-security-policy']).toMatch(/sandbox/);
    expect((await otherSupervisor.get(`/api/v1/performance/notes/${notes[2].id}/file`)).statusCode).toBe(404);
  });
});

describe('a confidential complaint in the public audit log (ADR 0007)', () => {
  it("shares no identifier with the reporter's other public events, such as their SKP evidence", async () => {
    const me = (await employee.get('/api/v1/me')).json().account.id as string;
    const filed = await employee.post('/api/v1/public/complaints', {
      kind: 'pengaduan',
      category: 'service',
      title: 'Penilaian kinerja tidak transparan',
      body: 'Nilai SKP triwulan di bidang kami diberikan tanpa penjelasan dan tanpa melihat bukti dukung yang diunggah.',
      privacy: 'confidential',
      name: null,
      contact: null,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const complaintId = (
      await ctx.database.db
        .selectFrom('complaints')
        .select('id')
        .where('tracking_id', '=', filed.json().trackingId)
        .executeTakeFirstOrThrow()
    ).id;
    const events: { actorId: string | null; actorRole: string | null; action: string; subjectId: string | null }[] = (
      await new Agent(ctx.app).get('/api/v1/public/audit/events?limit=1000')
    ).json().events;
    const upload = events.filter((e) => e.action === 'skp.evidence.upload');
    expect(upload.length).toBeGreaterThan(0);
    const mine = events.filter((e) => e.subjectId === complaintId);
    expect(mine.map((e) => e.action)).toEqual(['complaint.file']);
    expect(mine[0]!.actorRole).toBe('reporter');
    const identifiers = new Set(mine.flatMap((e) => [e.actorId, e.subjectId]).filter((x): x is string => x !== null));
    expect(identifiers.has(me)).toBe(false);
    for (const e of events.filter((x) => x.subjectId !== complaintId)) {
      expect(identifiers.has(e.actorId ?? ''), `${e.action} shares an identifier with the complaint`).toBe(false);
      expect(identifiers.has(e.subjectId ?? ''), `${e.action} shares an identifier with the complaint`).toBe(false);
    }
    expect((await ctx.services.audit.verify(ctx.database.db)).ok).toBe(true);
  });
});

describe('training needs from performance', () => {
  it('recommends a programme with the reason, and enrols through the development module', async () => {
    const actor = trainingAdmin;
    const program = (
      await actor.post('/api/v1/training/programs', {
        code: 'KOLAB-2026',
        title: 'Kepemimpinan Kolaboratif dan Kerja Sama Tim',
        kind: 'teknis',
        competencyArea: 'Kepemimpinan dan kerja sama',
        jp: 16,
        modality: 'klasikal',
        partnerId: null,
        eligibility: {},
        costRupiah: 0,
        description: '',
      })
    ).json();
    const other = (
      await actor.post('/api/v1/training/programs', {
        code: 'PKA-2026',
        title: 'PKA',
        kind: 'pka',
        competencyArea: 'Kepemimpinan',
        jp: 100,
        modality: 'blended',
        partnerId: null,
        eligibility: { jabatanKinds: ['struktural'] },
        costRupiah: 0,
        description: '',
      })
    ).json();
    const batch = (
      await actor.post(`/api/v1/training/programs/${program.id}/batches`, {
        name: 'Angkatan I',
        startsOn: '2026-12-20',
        endsOn: '2026-12-21',
        venue: 'Aula Diskominfo',
        facilitators: '',
        capacity: 10,
      })
    ).json();
    const mine = (await employee.get(`/api/v1/me/performance?year=${YEAR}`)).json();
    expect(mine.evaluations.map((e: { period: string; predikat: string }) => `${e.period}:${e.predikat}`)).toEqual([
      'q1:kurang',
    ]);
    expect(mine.recommendations.map((r: { program: { id: string } }) => r.program.id)).toEqual([program.id]); // PKA is for struktural only
    expect(mine.recommendations[0].reasons.map((r: { id: string }) => r.id)).toContain(
      'Di Bawah Ekspektasi pada Kolaboratif, Triwulan I',
    );
    expect(mine.recommendations[0].program.batches.map((b: { id: string }) => b.id)).toEqual([batch.id]);
    expect(
      (
        await employee.post(`/api/v1/me/performance/enrollments?year=${YEAR}`, {
          programId: other.id,
          batchId: batch.id,
        })
      ).statusCode,
    ).toBe(409);
    const enrol = await employee.post(`/api/v1/me/performance/enrollments?year=${YEAR}`, {
      programId: program.id,
      batchId: batch.id,
    });
    expect(enrol.statusCode, enrol.body).toBe(201);
    expect(enrol.json().status).toBe('enrolled');
    const training = (await employee.get(`/api/v1/me/training?year=${YEAR}`)).json();
    expect(training.enrollments.map((e: { title: string }) => e.title)).toEqual([
      'Kepemimpinan Kolaboratif dan Kerja Sama Tim',
    ]);
    expect((await employee.get(`/api/v1/me/performance?year=${YEAR}`)).json().recommendations).toEqual([]);
    expect(await audits('skp.recommendation.enroll')).toBe(1);
  });
});

describe('OPD dashboard and the e-Kinerja export', () => {
  it("shows BKPSDM each OPD's progress, the predikat distribution and who has not finalised; a supervisor only their OPD", async () => {
    const d = (await admin.get(`/api/v1/performance/dashboard?year=${YEAR}&period=q1`)).json();
    const kominfo = d.organizations.find((o: { organizationId: string }) => o.organizationId === 'kominfo');
    expect(kominfo).toMatchObject({
      employees: 5,
      plans: 4,
      agreed: 1,
      final: { q1: 1, q2: 0 },
      predikat: { kurang: 1, baik: 0 },
      organizationPredikat: 'istimewa',
    });
    expect(kominfo.warnings.length).toBeGreaterThan(0);
    expect(d.totals).toMatchObject({ final: 1, predikat: { kurang: 1 } });
    expect(d.lateEvaluators.map((v: { fullName: string; pending: number }) => `${v.fullName}:${v.pending}`)).toEqual([
      'Ir. Hasan Lasoso:2',
      'Drs. Rizal Lamarauna:1',
    ]);
    expect(d.due).toMatchObject({ period: 'q1', dueOn: '2026-04-08' }); // Good Friday (3 April) is not a working day
    const mine = (await supervisor.get(`/api/v1/performance/dashboard?year=${YEAR}&organizationId=bpbd`)).json();
    expect(mine.organizations.map((o: { organizationId: string }) => o.organizationId)).toEqual(['kominfo']);
    expect((await employee.get(`/api/v1/performance/dashboard?year=${YEAR}`)).statusCode).toBe(404);
  });

  it("exports every SKP of the year with the period's result in e-Kinerja columns; audited", async () => {
    const res = await admin.get(`/api/v1/performance/export?year=${YEAR}&period=q1&format=csv`);
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'NIP,Nama,Status Kepegawaian,Jabatan,Golongan,Unit Kerja,Perangkat Daerah,Tahun,Periode Penilaian,NIP Pejabat Penilai,Nama Pejabat Penilai,Status SKP,Rating Hasil Kerja,Rating Perilaku Kerja,Predikat Kinerja,Status Penilaian',
    );
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.startsWith('199104252015032001'))).toBe(
      '199104252015032001,Sitti Aisyah,PNS,Pranata Komputer Ahli Muda,III/c,Bidang Aplikasi,"Dinas Komunikasi, Informatika, Persandian dan Statistik",2026,Triwulan I,197808122003121002,Ir. Hasan Lasoso,Disetujui,Sesuai Ekspektasi,Di Bawah Ekspektasi,Kurang/Misconduct,Final',
    );
    const xlsx = await admin.get(`/api/v1/performance/export?year=${YEAR}&period=q1`);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await audits('skp.export')).toBe(2);
  });
});

describe('the draft competency development plan', () => {
  it('aggregates the needs of the OPD from final evaluations, with JP, cost and reasons; exportable', async () => {
    const plan = (await trainingAdmin.get(`/api/v1/performance/competency-plan?year=${YEAR}`)).json();
    const kominfo = plan.organizations.find((o: { organizationId: string }) => o.organizationId === 'kominfo');
    expect(kominfo).toMatchObject({ assessed: 1, withNeeds: 1, jp: 16, costRupiah: 0 });
    expect(
      kominfo.rows.map((r: { program: { title: string }; employees: number }) => `${r.program.title}:${r.employees}`),
    ).toEqual(['Kepemimpinan Kolaboratif dan Kerja Sama Tim:1']);
    expect(kominfo.rows[0].reasons.map((r: { reason: { id: string } }) => r.reason.id)).toContain(
      'Di Bawah Ekspektasi pada Kolaboratif',
    );
    expect(kominfo.valuesBelow.map((v: { label: string }) => v.label).sort()).toEqual([
      'Adaptif',
      'Kolaboratif',
      'Loyal',
    ]);
    expect(
      (await otherSupervisor.get(`/api/v1/performance/competency-plan?year=${YEAR}`)).json().organizations,
    ).toEqual([]);
    const csv = await trainingAdmin.get(`/api/v1/performance/competency-plan/export?year=${YEAR}&format=csv`);
    expect(csv.body.replace(/^\uFEFF/, '').split('\n')[1]).toMatch(
      /^"Dinas Komunikasi, Informatika, Persandian dan Statistik",Kepemimpinan Kolaboratif dan Kerja Sama Tim,Kepemimpinan dan kerja sama,1,16,16,0,0,/,
    );
    const pdf = await trainingAdmin.get(`/api/v1/performance/competency-plan/pdf?year=${YEAR}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await audits('skp.competency_plan.export')).toBe(2);
  });
});

describe('public monitoring figures', () => {
  it('publishes counts and percentages only, and hides an OPD with fewer than five evaluated', async () => {
    const res = await new Agent(ctx.app).get(`/api/v1/public/performance?year=${YEAR}&period=q1`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: YEAR, period: 'q1', evaluated: 1, predikat: { kurang: 1 }, minGroup: 5 });
    expect(body.byOrganization.find((o: { organizationId: string }) => o.organizationId === 'kominfo')).toMatchObject({
      evaluated: 1,
      predikat: null,
    });
    expect(
      body.jp.byOrganization.find((o: { organizationId: string }) => o.organizationId === 'kominfo'),
    ).toMatchObject({ employees: 5, percent: 0 });
    expect(body.jp.byOrganization.find((o: { organizationId: string }) => o.organizationId === 'bpbd')).toMatchObject({
      employees: 2,
      percent: null,
    });
    expect(res.body).not.toMatch(/199104252015032001|Sitti|Hasan|fullName|nip/);
  });
});

describe('the period a dashboard opens on', () => {
  it('is the newest with final evaluations (Triwulan I here), not the empty quarter that just ended, on the dashboard, the public page and the open-data file', async () => {
    // Only Triwulan I is final at this point; the clock is today's, past the end of Triwulan III.
    const dash = (await admin.get('/api/v1/performance/dashboard')).json();
    expect(dash).toMatchObject({ year: YEAR, period: 'q1', totals: { final: 1, predikat: { kurang: 1 } } });
    expect((await supervisor.get(`/api/v1/performance/dashboard?year=${YEAR}`)).json()).toMatchObject({
      year: YEAR,
      period: 'q1',
    });
    // A period asked for is shown as asked, even when empty.
    expect((await admin.get(`/api/v1/performance/dashboard?year=${YEAR}&period=q2`)).json()).toMatchObject({
      period: 'q2',
      totals: { final: 0 },
    });
    // BPBD has no final evaluation: its supervisor's dashboard falls back to the newest ended quarter.
    const bpbd = (await otherSupervisor.get(`/api/v1/performance/dashboard?year=${YEAR}`)).json();
    expect(bpbd.period).not.toBe('q1');
    expect(bpbd.totals.final).toBe(0);

    const anyone = new Agent(ctx.app);
    expect((await anyone.get('/api/v1/public/performance')).json()).toMatchObject({
      year: YEAR,
      period: 'q1',
      evaluated: 1,
    });
    const file = (await anyone.get('/api/v1/public/open-data/skp-predikat.csv')).body.trim().split(/\r?\n/);
    expect(file[1]).toBe(`${YEAR},q1,Kota Palu,1,,,,,`);
    const catalog = (await anyone.get('/api/v1/public/open-data')).json();
    expect(catalog.datasets.find((d: { id: string }) => d.id === 'skp-predikat').description).toMatch(
      new RegExp(`^Menampilkan Triwulan I ${YEAR}, periode terakhir dengan evaluasi SKP final`),
    );
  });
});

describe("importing last year's results from e-Kinerja", () => {
  const HEAD =
    'NIP,Nama,Status Kepegawaian,Jabatan,Golongan,Unit Kerja,Perangkat Daerah,Tahun,Periode Penilaian,NIP Pejabat Penilai,Nama Pejabat Penilai,Status SKP,Rating Hasil Kerja,Rating Perilaku Kerja,Predikat Kinerja,Status Penilaian';
  const line = (nip: string, results: string, behaviour: string, predikat: string, status = 'Final') =>
    `${nip},X,PNS,J,III/c,U,Diskominfo,2025,Tahunan,197808122003121002,Hasan,Disetujui,${results},${behaviour},${predikat},${status}`;
  const file = (rows: string[]) =>
    multipart({ name: 'ekinerja-2025.csv', data: Buffer.from(`${HEAD}\n${rows.join('\n')}\n`), type: 'text/csv' });

  it('checks every row, imports nothing while one is wrong, then all of them; audited; never twice', async () => {
    const good = [
      line('199104252015032001', 'Sesuai Ekspektasi', 'Di Atas Ekspektasi', 'Baik'),
      line('199009092023211005', 'Di Bawah Ekspektasi', 'Sesuai Ekspektasi', 'Butuh Perbaikan'),
      line('199307182019031003', 'Sesuai Ekspektasi', 'Sesuai Ekspektasi', 'Baik', 'Draf'),
    ];
    const bad = await trainingAdmin.upload(
      'POST',
      '/api/v1/performance/import?commit=true',
      file([...good, line('199211112017031002', 'Di Atas Ekspektasi', 'Di Atas Ekspektasi', 'Baik')]),
    );
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json()).toMatchObject({ committed: false, ok: false, counts: { import: 2, skip: 1, error: 1 } });
    expect(bad.json().report[3].problems[0].id).toMatch(/tidak sesuai matriks 2025/);
    const before = await count('skp_evaluations');
    const dry = (await trainingAdmin.upload('POST', '/api/v1/performance/import', file(good))).json();
    expect(dry).toMatchObject({ committed: false, ok: true, counts: { import: 2, skip: 1, error: 0 } });
    expect(await count('skp_evaluations')).toBe(before);
    const done = (await trainingAdmin.upload('POST', '/api/v1/performance/import?commit=true', file(good))).json();
    expect(done).toMatchObject({ committed: true, counts: { import: 2 } });
    expect(await count('skp_evaluations')).toBe(before + 2);
    const d = (await admin.get('/api/v1/performance/dashboard?year=2025&period=annual')).json();
    expect(d.organizations.find((o: { organizationId: string }) => o.organizationId === 'kominfo')).toMatchObject({
      plans: 2,
      agreed: 2,
      final: { annual: 2 },
      predikat: { baik: 1, butuh_perbaikan: 1 },
    });
    const again = (await trainingAdmin.upload('POST', '/api/v1/performance/import?commit=true', file(good))).json();
    expect(again.committed).toBe(false);
    expect(again.report[0].problems[0].id).toMatch(/sudah memiliki evaluasi Tahunan 2025/);
    expect(await audits('skp.import')).toBe(1);
    expect((await supervisor.upload('POST', '/api/v1/performance/import', file(good))).statusCode).toBe(404);
  });
});
