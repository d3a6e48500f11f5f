/**
 * The signed-in home: each person's inbox comes from the real data, through the owning module's
 * read — an item appears when the work arrives and disappears when it is done, its count equals
 * the module page's total, its deadline is Palu's working days, and late ones come first.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../../common/rules/calendar.ts';
import { makeJpeg, makePdf, multipart } from '../../../test/fixtures.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { openPeriodWithFormation, PROFILE } from '../../../test/recruitment-setup.ts';
import { ManualClock } from '../../platform/clock.ts';

let ctx: TestContext;
let committee: Agent;
let verifier: Agent;
let applicant: Agent;
let periodId: string;
const REQUIRED = ['pas_foto', 'ktp', 'swafoto', 'surat_lamaran', 'ijazah', 'transkrip'] as const;
type Task = {
  key: string;
  count: number;
  to: string;
  dueAt: string | null;
  late: boolean;
  provisional: boolean;
  detail?: Record<string, unknown>;
};
const task = (body: { tasks: Task[] }, key: string) => body.tasks.find((t) => t.key === key);

const DAY = 86_400_000;
// Monday 7 December 2026, 09:00 WITA: Q1–Q3 of 2026 have ended.
const clock = new ManualClock(new Date('2026-12-07T01:00:00Z'));

beforeAll(async () => {
  ctx = await createTestContext({ clock, limits: { sessionIdleMs: 365 * DAY, sessionAbsoluteMs: 365 * DAY } });
  committee = await signedInAgent(ctx, 'committee');
  verifier = await signedInAgent(ctx, 'verifier');
  applicant = await signedInAgent(ctx, 'applicant');
  let formationId: string;
  ({ periodId, formationId } = await openPeriodWithFormation(ctx, committee, {}, [verifier]));
  expect((await applicant.put('/api/v1/me/profile', PROFILE)).statusCode).toBe(200);
  const id = (await applicant.post('/api/v1/me/applications', { periodId, formationId })).json().id;
  for (const kind of REQUIRED) {
    const file = ['pas_foto', 'ktp', 'swafoto'].includes(kind)
      ? { name: `${kind}.jpg`, data: makeJpeg() }
      : { name: `${kind}.pdf`, data: await makePdf(kind) };
    expect(
      (await applicant.upload('PUT', `/api/v1/me/applications/${id}/documents/${kind}`, multipart(file))).statusCode,
    ).toBe(200);
  }
  expect((await applicant.post(`/api/v1/me/applications/${id}/submit`)).statusCode).toBe(200);
}, 180_000); // a period, an application and six uploads on a shared machine
afterAll(() => ctx?.close());

describe('the home per role', () => {
  it('shows the committee the period’s counts per OPD and the unclaimed file', async () => {
    const res = await committee.get('/api/v1/me/home');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(task(body, 'unclaimed')).toMatchObject({ count: 1, to: '/verifikasi' });
    const period = body.periods.find((p: { id: string }) => p.id === periodId);
    expect(period.counts).toEqual({ submitted: 1, ms: 0, tms: 0, objection_filed: 0, tms_final: 0 });
    expect(period.byOrganization).toEqual([
      expect.objectContaining({
        organizationId: 'kominfo',
        formations: 1,
        quota: 2,
        counts: expect.objectContaining({ submitted: 1 }),
      }),
    ]);
    expect(period.stageEnds.registration).toMatch(/^\d{4}-/);
  });

  it('shows a committee member who does not sit on the period neither its counts nor its files', async () => {
    const outsider = await signedInAgent(ctx, 'committee');
    const body = (await outsider.get('/api/v1/me/home')).json();
    expect(body.periods.map((p: { id: string }) => p.id)).not.toContain(periodId);
    expect(task(body, 'unclaimed')?.count ?? 0).toBe(0);
  });

  it('moves the file from "unclaimed" to the verifier’s own queue, with the verification deadline', async () => {
    expect(task((await verifier.get('/api/v1/me/home')).json(), 'unclaimed')?.count).toBe(1);
    expect((await verifier.post('/api/v1/verification/claim', { periodId, count: 5 })).json().claimed).toBe(1);
    const body = (await verifier.get('/api/v1/me/home')).json();
    expect(task(body, 'myQueue')).toMatchObject({
      count: 1,
      to: '/verifikasi',
      dueAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(task(body, 'unclaimed')?.count).toBe(0);
  });

  it('lists today’s exam sessions for a proctor, and none of another day', async () => {
    const site = (
      await committee.post(`/api/v1/periods/${periodId}/exam-sites`, {
        name: 'UPT BKN Palu',
        address: 'Jl. Tanjung Manimbaya, Palu',
        accessible: true,
      })
    ).json();
    const soon = new Date(ctx.clock.now().getTime() + 60_000).toISOString();
    const later = new Date(ctx.clock.now().getTime() + 3 * 86_400_000).toISOString();
    expect(
      (
        await committee.post(`/api/v1/exam-sites/${site.id}/sessions`, {
          startsAt: soon,
          durationMinutes: 100,
          capacity: 40,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await committee.post(`/api/v1/exam-sites/${site.id}/sessions`, {
          startsAt: later,
          durationMinutes: 100,
          capacity: 40,
        })
      ).statusCode,
    ).toBe(201);
    const proctor = await signedInAgent(ctx, 'proctor');
    const body = (await proctor.get('/api/v1/me/home')).json();
    const wita = (iso: string) => localDate(new Date(iso));
    const today = wita(ctx.clock.now().toISOString());
    expect(body.sessions.length).toBeGreaterThanOrEqual(1);
    expect(body.sessions.every((s: { startsAt: string }) => wita(s.startsAt) === today)).toBe(true);
    expect(
      body.sessions.some(
        (s: { siteName: string; state: string }) => s.siteName === 'UPT BKN Palu' && s.state === 'scheduled',
      ),
    ).toBe(true);
  });

  it('shows the admin how many committee members the two-person rule still lacks', async () => {
    const admin = await signedInAgent(ctx, 'admin');
    const body = (await admin.get('/api/v1/me/home')).json();
    expect(body.accounts.committee).toBeGreaterThanOrEqual(1);
    expect(task(body, 'committeeShort')?.count).toBe(Math.max(0, 2 - body.accounts.committee));
    expect(task(body, 'accountsPending')?.to).toBe('/admin/akun');
  });

  it('shows the exam admin the bank by subtest', async () => {
    const examAdmin = await signedInAgent(ctx, 'exam_admin');
    const body = (await examAdmin.get('/api/v1/me/home')).json();
    expect(body.bank).toMatchObject({ blueprints: expect.any(Number), latestAnalysis: null });
    expect(task(body, 'analysisReady')?.count).toBe(0);
  });

  it('gives the applicant no task list (/lamaran is theirs), and staff with nothing waiting only zero counts', async () => {
    const res = await applicant.get('/api/v1/me/home');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ tasks: [] });
    for (const role of ['training_admin', 'supervisor', 'employee', 'observer'] as const) {
      const body = (await (await signedInAgent(ctx, role)).get('/api/v1/me/home')).json();
      // Not linked to an employee record: nothing of theirs waits except the 20 JP they cannot see yet.
      expect(
        body.tasks.filter((t: Task) => t.count > 0),
        role,
      ).toEqual([]);
    }
  });
});

/** A staff account of an OPD (the complaints disposed there are theirs to follow up). */
async function staffOf(
  role: 'supervisor' | 'employee',
  organizationId: string,
  email = `${role}.${randomBytes(4).toString('hex')}@merit.test`,
) {
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
  return { agent, email };
}
const home = async (agent: Agent) => {
  const res = await agent.get('/api/v1/me/home');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { tasks: Task[] };
};
const countOf = async (agent: Agent, key: string) => task(await home(agent), key)?.count ?? 0;

describe('the inbox: complaints from arrival to follow-up, the same count as the complaints page', () => {
  let supervisor: Agent;
  let complaintId: string;

  beforeAll(async () => {
    supervisor = (await staffOf('supervisor', 'kominfo')).agent;
  });

  it('shows the committee a new complaint to verify, due in 3 working days, and the page’s total agrees', async () => {
    const before = await countOf(committee, 'complaintsToVerify');
    const filed = await supervisor.post('/api/v1/public/complaints', {
      kind: 'pengaduan',
      category: 'recruitment',
      title: 'Loket verifikasi tutup lebih awal',
      body: 'Pada hari Senin loket verifikasi berkas di BKPSDM sudah tutup pukul 13.00 padahal jadwal sampai 15.00.',
      privacy: 'open',
      name: null,
      contact: null,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const body = await home(committee);
    const t = task(body, 'complaintsToVerify')!;
    expect(t.count).toBe(before + 1);
    const list = (await committee.get('/api/v1/complaints?status=submitted')).json();
    expect(t.count).toBe(list.total);
    complaintId = list.complaints.find((c: { trackingId: string }) => c.trackingId === filed.json().trackingId).id;
    // Filed Monday 7 Dec: due Thursday 10 Dec, the end of that day in Palu.
    expect(t).toMatchObject({
      to: '/pengaduan/kelola?status=submitted',
      late: false,
      provisional: false,
      dueAt: '2026-12-10T15:59:59.999Z',
    });
  });

  it('moves it to the OPD’s supervisor when disposed, with the 5-working-day follow-up deadline; the OPD’s list agrees', async () => {
    expect(await countOf(supervisor, 'complaintsToFollowUp')).toBe(0);
    const disposed = await committee.post(`/api/v1/complaints/${complaintId}/dispose`, {
      organizationId: 'kominfo',
      note: 'Mohon ditindaklanjuti oleh Diskominfo.',
    });
    expect(disposed.statusCode, disposed.body).toBe(200);
    expect(await countOf(committee, 'complaintsToVerify')).toBe(
      (await committee.get('/api/v1/complaints?status=submitted')).json().total,
    );
    const t = task(await home(supervisor), 'complaintsToFollowUp')!;
    expect(t).toMatchObject({
      count: 1,
      to: '/pengaduan/kelola?status=disposed',
      late: false,
      dueAt: '2026-12-14T15:59:59.999Z',
    });
    expect(t.count).toBe((await supervisor.get('/api/v1/complaints?status=disposed')).json().total);
  });

  it('marks it late once the deadline has passed and puts it first; gone once followed up', async () => {
    clock.advance(8 * DAY); // Tuesday 15 December
    const body = await home(supervisor);
    expect(task(body, 'complaintsToFollowUp')).toMatchObject({ count: 1, late: true });
    expect(body.tasks[0]!.key).toBe('complaintsToFollowUp');
    const done = await supervisor.post(`/api/v1/complaints/${complaintId}/follow-up`, {
      body: 'Jam layanan loket sudah dikembalikan sampai 15.00 dan petugas diberi teguran.',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(await countOf(supervisor, 'complaintsToFollowUp')).toBe(0);
    clock.advance(-8 * DAY);
  });
});

describe('the inbox: observer accreditation and findings for the committee', () => {
  it('shows a request until it is decided, then the finding until it is answered', async () => {
    const observer = await signedInAgent(ctx, 'observer');
    const applied = await observer.upload(
      'POST',
      `/api/v1/observer/accreditations?periodId=${periodId}&organizationName=${encodeURIComponent('KIPP Sulteng')}&organizationKind=lsm&contactPerson=${encodeURIComponent('Andi Mappanyukki')}`,
      multipart({ name: 'surat.pdf', data: await makePdf('Surat permohonan akreditasi pemantau') }),
    );
    expect(applied.statusCode, applied.body).toBe(201);
    const accreditationId = applied.json().id;
    expect(task(await home(committee), 'accreditationsToDecide')).toMatchObject({
      count: 1,
      to: '/panitia/pemantau#requests-title',
    });
    expect(task(await home(observer), 'accreditationPending')).toMatchObject({
      count: 1,
      to: '/pemantauan#mine-title',
    });
    // Approved until 31 December: it ends within 30 days, so the observer is told to renew.
    expect(
      (
        await committee.post(`/api/v1/accreditations/${accreditationId}/decision`, {
          approve: true,
          reason: 'Surat dan susunan tim lengkap.',
          expiresOn: '2026-12-31',
        })
      ).statusCode,
    ).toBe(200);
    expect(await countOf(committee, 'accreditationsToDecide')).toBe(0);
    expect(await countOf(observer, 'accreditationPending')).toBe(0);
    expect(task(await home(observer), 'accreditationExpiring')).toMatchObject({
      count: 1,
      late: false,
      dueAt: '2026-12-31T15:59:59.999Z',
    });

    const filed = await observer.post(`/api/v1/observer/periods/${periodId}/findings`, {
      stage: 'verifikasi',
      title: 'Alasan TMS tidak dijelaskan',
      body: 'Dua pelamar TMS formasi ini hanya menerima kode alasan tanpa penjelasan dokumen yang kurang.',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const t = task(await home(committee), 'findingsToAnswer')!;
    expect(t).toMatchObject({ count: 1, late: false, to: '/panitia/pemantau#cfindings-title' });
    expect(t.dueAt).toMatch(/^2026-12-1\dT15:59:59.999Z$/);
    // A member of another period's committee does not see it.
    expect(await countOf(await signedInAgent(ctx, 'committee'), 'findingsToAnswer')).toBe(0);
    expect(await countOf(observer, 'findingsOverdue')).toBe(0);
    clock.advance(14 * DAY); // Monday 21 December: past the working-day deadline
    expect(task(await home(committee), 'findingsToAnswer')).toMatchObject({ count: 1, late: true });
    const overdue = task(await home(observer), 'findingsOverdue')!;
    expect(overdue).toMatchObject({ count: 1, late: true, to: `/pemantauan/${periodId}#findings-title` });
    expect(
      (
        await committee.post(`/api/v1/findings/${filed.json().id}/answer`, {
          answer: 'Penjelasan dokumen yang kurang sudah ditambahkan pada pengumuman.',
        })
      ).statusCode,
    ).toBe(200);
    expect(await countOf(committee, 'findingsToAnswer')).toBe(0);
    const after = await home(observer);
    expect(task(after, 'findingsOverdue')?.count).toBe(0);
    expect(task(after, 'findingsAnswered')).toMatchObject({ count: 1, to: `/pemantauan/${periodId}#findings-title` });
    clock.advance(-14 * DAY);
  });
});

describe('the inbox: a result publication waits for the second committee member only', () => {
  it('shows another member’s proposal to the other member, never to the proposer, until decided', async () => {
    const admin = await signedInAgent(ctx, 'admin');
    const proposer = await signedInAgent(ctx, 'committee');
    const proposerId = (await proposer.get('/api/v1/me')).json().account.id;
    expect((await admin.post(`/api/v1/periods/${periodId}/committee`, { accountId: proposerId })).statusCode).toBe(200);
    // The SKD ranking is another module's long road; the proposal row is the state that matters here.
    const id = crypto.randomUUID();
    await ctx.database.db
      .insertInto('result_publications')
      .values({
        id,
        period_id: periodId,
        stage: 'skd',
        version: 1,
        status: 'proposed',
        reason: null,
        proposed_by: proposerId,
        proposed_at: clock.now(),
      })
      .execute();
    expect(task(await home(committee), 'publicationsToApprove')).toMatchObject({
      count: 1,
      to: `/seleksi/${periodId}#pub-title`,
    });
    expect(await countOf(proposer, 'publicationsToApprove')).toBe(0);
    expect((await committee.post(`/api/v1/publications/${id}/decision`, { approve: false })).statusCode).toBe(200);
    expect(await countOf(committee, 'publicationsToApprove')).toBe(0);
  });
});

describe('the inbox: SKP, JP claims and training for the supervisor and the employee', () => {
  let supervisor: Agent;
  let employee: Agent;
  let cpns: Agent;
  let sittiId: string;
  let planId: string;
  const YEAR = 2026;
  const HEADER = 'nip,nama,status,tmt,kode_opd,unit,jenis_jabatan,jabatan,jenjang,golongan,nip_atasan,email';
  const INDICATORS = [{ description: 'Layanan aplikasi yang tersedia', kind: 'quantitative', target: '99', unit: '%' }];
  const teamNotAgreed = async () =>
    (await supervisor.get(`/api/v1/performance/team?year=${YEAR}`))
      .json()
      .members.filter((m: { plan: { status: string } | null }) => m.plan?.status !== 'agreed').length;

  beforeAll(async () => {
    const sup = await staffOf('supervisor', 'kominfo');
    const emp = await staffOf('employee', 'kominfo');
    const newCpns = await staffOf('employee', 'kominfo');
    supervisor = sup.agent;
    employee = emp.agent;
    cpns = newCpns.agent;
    const trainingAdmin = await signedInAgent(ctx, 'training_admin');
    const rows = [
      `197808122003121002,Ir. Hasan Lasoso,PNS,2003-12-01,kominfo,Bidang Aplikasi,struktural,Kepala Bidang Aplikasi,Administrator,IV/a,,${sup.email}`,
      `199104252015032001,Sitti Aisyah,PNS,2015-03-01,kominfo,Bidang Aplikasi,fungsional,Pranata Komputer Ahli Muda,Ahli Muda,III/c,197808122003121002,${emp.email}`,
      '199009092023211005,Andi Baso Tondei,PPPK,2023-02-01,kominfo,Bidang Aplikasi,pelaksana,Operator Layanan Operasional,Terampil,V,197808122003121002,',
      // A new CPNS since January: probation ends 1 January 2027, Latsar not taken yet.
      `199901012026012001,Rina Lamadjido,CPNS,2026-01-01,kominfo,Bidang Aplikasi,fungsional,Pranata Komputer Ahli Pertama,Ahli Pertama,III/a,197808122003121002,${newCpns.email}`,
    ];
    const imported = (
      await trainingAdmin.upload(
        'POST',
        '/api/v1/employees/import?commit=true',
        multipart({ name: 'pegawai.csv', data: Buffer.from(`${HEADER}\n${rows.join('\n')}\n`), type: 'text/csv' }),
      )
    ).json();
    if (!imported.committed) throw new Error(JSON.stringify(imported.report));
    sittiId = (
      await ctx.database.db
        .selectFrom('employees')
        .select('id')
        .where('nip', '=', '199104252015032001')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('shows the supervisor the team’s plans not agreed (the team page’s count), and the employee the SKP to agree once it has results', async () => {
    expect(task(await home(supervisor), 'skpPlansNotAgreed')).toMatchObject({ count: 3, to: '/skp/tim' });
    expect(await countOf(supervisor, 'skpPlansNotAgreed')).toBe(await teamNotAgreed());
    expect(await countOf(employee, 'skpToAgree')).toBe(0);
    const own = (await supervisor.post('/api/v1/performance/plans', { year: YEAR, employeeId: null })).json().id;
    const parent = (
      await supervisor.post(`/api/v1/performance/plans/${own}/results`, {
        title: 'Layanan aplikasi Pemkot Palu tersedia tanpa gangguan',
        perspective: 'penerima_layanan',
        indicators: INDICATORS,
      })
    ).json().id;
    expect(
      (await supervisor.post(`/api/v1/performance/results/${parent}/cascade`, { employeeIds: [sittiId] })).statusCode,
    ).toBe(200);
    planId = (await employee.get(`/api/v1/me/performance?year=${YEAR}`)).json().plan.id;
    expect(task(await home(employee), 'skpToAgree')).toMatchObject({ count: 1, to: `/skp/rencana/${planId}` });
  });

  it('drops the item for both once the employee agrees; the supervisor then has the ended quarters to evaluate, one fewer per final evaluation', async () => {
    expect(
      (
        await employee.post(`/api/v1/performance/plans/${planId}/agree`, {
          clarification: 'Target dihitung per bulan.',
        })
      ).statusCode,
    ).toBe(200);
    expect(await countOf(employee, 'skpToAgree')).toBe(0);
    expect(await countOf(supervisor, 'skpPlansNotAgreed')).toBe(2);
    expect(await countOf(supervisor, 'skpPlansNotAgreed')).toBe(await teamNotAgreed());
    expect(task(await home(supervisor), 'skpToEvaluate')).toMatchObject({ count: 3, detail: { quarter: 'q1' } });
    const plan = (await supervisor.get(`/api/v1/performance/plans/${planId}`)).json();
    const saved = await supervisor.put(`/api/v1/performance/plans/${planId}/evaluations/q1`, {
      resultRatings: { [plan.results[0].id]: 'meets' },
      behaviourRatings: {
        berorientasi_pelayanan: 'meets',
        akuntabel: 'meets',
        kompeten: 'meets',
        harmonis: 'meets',
        loyal: 'meets',
        adaptif: 'meets',
        kolaboratif: 'meets',
      },
      realisations: {},
      note: '',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await countOf(supervisor, 'skpToEvaluate')).toBe(3); // a draft still waits for finalising
    expect((await supervisor.post(`/api/v1/performance/plans/${planId}/evaluations/q1/finalise`)).statusCode).toBe(200);
    expect(task(await home(supervisor), 'skpToEvaluate')).toMatchObject({ count: 2, detail: { quarter: 'q2' } });
  });

  it('shows the new CPNS their Latsar deadline and the supervisor the CPNS at risk (the probation page’s count)', async () => {
    const own = task(await home(cpns), 'latsarDeadline')!;
    expect(own).toMatchObject({ count: 1, to: '/pegawai/saya#probation-title', dueAt: '2027-01-01T15:59:59.999Z' });
    expect(['at_risk', 'on_track']).toContain(own.detail?.state);
    expect(await countOf(employee, 'latsarDeadline')).toBe(0); // a PNS has no probation
    const atRisk = (await supervisor.get('/api/v1/probation')).json().atRisk;
    expect(await countOf(supervisor, 'probationAtRisk')).toBe(atRisk);
  });

  it('shows a JP claim to the supervisor until it is decided (the JP page’s list agrees); the employee sees the JP still missing', async () => {
    expect(task(await home(employee), 'jpShort')).toMatchObject({
      count: 20,
      dueAt: '2026-12-31T15:59:59.999Z',
      detail: { jp: 0 },
    });
    const claim = await employee.post('/api/v1/me/jp-claims', {
      kind: 'seminar',
      title: 'Seminar Mitigasi Likuefaksi Kota Palu',
      organizer: 'Universitas Tadulako',
      heldOn: '2026-12-01',
      minutes: 180,
      evidenceUrl: 'https://drive.palukota.go.id/sertifikat/seminar.pdf',
    });
    expect(claim.statusCode, claim.body).toBe(201);
    const t = task(await home(supervisor), 'jpClaimsToDecide')!;
    expect(t).toMatchObject({ count: 1, to: '/jp#claims-waiting' });
    expect(t.count).toBe((await supervisor.get('/api/v1/training/jp-claims?status=submitted')).json().claims.length);
    expect(
      (await supervisor.post(`/api/v1/training/jp-claims/${claim.json().id}/decision`, { approve: true, note: null }))
        .statusCode,
    ).toBe(200);
    expect(await countOf(supervisor, 'jpClaimsToDecide')).toBe(0);
    expect(task(await home(employee), 'jpShort')).toMatchObject({ count: 16, detail: { jp: 4 } });
  });

  it('shows the training admin the week’s batch, and the employee today’s training meeting with whether its QR is open, not tomorrow’s', async () => {
    const trainingAdmin = await signedInAgent(ctx, 'training_admin');
    const p = await trainingAdmin.post('/api/v1/training/programs', {
      code: 'TEK-HOME-2026',
      title: 'Keamanan Aplikasi Web',
      kind: 'teknis',
      competencyArea: 'Informatika',
      jp: 24,
      modality: 'klasikal',
      partnerId: null,
      eligibility: {},
      costRupiah: 0,
      description: '',
    });
    expect(p.statusCode, p.body).toBe(201);
    const b = await trainingAdmin.post(`/api/v1/training/programs/${p.json().id}/batches`, {
      name: 'Angkatan I',
      startsOn: '2026-12-07',
      endsOn: '2026-12-09',
      venue: 'Aula Diskominfo',
      facilitators: '',
      capacity: 10,
    });
    expect(b.statusCode, b.body).toBe(201);
    const batchId = b.json().id;
    // The training admin's week: this batch starts and ends in it.
    expect(task(await home(trainingAdmin), 'batchesThisWeek')).toMatchObject({
      count: 1,
      to: `/pelatihan/angkatan/${batchId}`,
      detail: { starting: 1, ending: 1 },
    });
    expect(
      (await trainingAdmin.post(`/api/v1/training/batches/${batchId}/enrollments`, { employeeId: sittiId })).statusCode,
    ).toBe(201);
    expect(await countOf(employee, 'meetingsToday')).toBe(0);
    // 09:30–12:00 WITA today (the clock is 09:00: the QR is already up), and one tomorrow.
    expect(
      (
        await trainingAdmin.post(`/api/v1/training/batches/${batchId}/meetings`, {
          title: 'Pertemuan 1',
          startsAt: '2026-12-07T09:30:00+08:00',
          endsAt: '2026-12-07T12:00:00+08:00',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await trainingAdmin.post(`/api/v1/training/batches/${batchId}/meetings`, {
          title: 'Pertemuan 2',
          startsAt: '2026-12-08T09:30:00+08:00',
          endsAt: '2026-12-08T12:00:00+08:00',
        })
      ).statusCode,
    ).toBe(201);
    expect(task(await home(employee), 'meetingsToday')).toMatchObject({
      count: 1,
      to: '/hadir',
      dueAt: '2026-12-07T01:30:00.000Z',
      detail: { qrOpen: true },
    });
  });

  it('shows the training admin a finished batch’s participants awaiting a certificate until it is issued, then the holder sees it', async () => {
    const trainingAdmin = await signedInAgent(ctx, 'training_admin');
    const p = await trainingAdmin.post('/api/v1/training/programs', {
      code: 'TEK-CERT-2026',
      title: 'Pengelolaan Data Kebencanaan',
      kind: 'teknis',
      competencyArea: 'Kebencanaan',
      jp: 4,
      modality: 'klasikal',
      partnerId: null,
      eligibility: {},
      costRupiah: 0,
      description: '',
    });
    expect(p.statusCode, p.body).toBe(201);
    const b = await trainingAdmin.post(`/api/v1/training/programs/${p.json().id}/batches`, {
      name: 'Angkatan Pagi',
      startsOn: '2026-12-07',
      endsOn: '2026-12-08',
      venue: 'Aula BPBD',
      facilitators: '',
      capacity: 10,
    });
    expect(b.statusCode, b.body).toBe(201);
    const batchId = b.json().id;
    const enrolled = await trainingAdmin.post(`/api/v1/training/batches/${batchId}/enrollments`, {
      employeeId: sittiId,
    });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    // Before its only meeting the batch is not over (it ends tomorrow): nobody waits for a certificate yet.
    const before = await countOf(trainingAdmin, 'certificatesToIssue');
    // The only meeting ran 07:00–08:30 WITA (the clock is 09:00): the batch is over once it is held.
    const m = await trainingAdmin.post(`/api/v1/training/batches/${batchId}/meetings`, {
      title: 'Satu-satunya pertemuan',
      startsAt: '2026-12-07T07:00:00+08:00',
      endsAt: '2026-12-07T08:30:00+08:00',
    });
    expect(m.statusCode, m.body).toBe(201);
    expect(
      (
        await trainingAdmin.post(`/api/v1/training/meetings/${m.json().id}/attendance`, {
          enrollmentId: enrolled.json().id,
          present: true,
        })
      ).statusCode,
    ).toBe(200);
    expect(task(await home(trainingAdmin), 'certificatesToIssue')).toMatchObject({ count: before + 1 });
    expect(await countOf(employee, 'certificatesIssued')).toBe(0);
    const issued = await trainingAdmin.post(`/api/v1/training/batches/${batchId}/certificates`, {
      enrollmentIds: [enrolled.json().id],
    });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(await countOf(trainingAdmin, 'certificatesToIssue')).toBe(before);
    expect(task(await home(employee), 'certificatesIssued')).toMatchObject({
      count: 1,
      to: '/pelatihan/saya#my-trainings',
    });
  });

  it('shows the training admin the OPDs below the city’s 20 JP share (the /jp report’s table)', async () => {
    const trainingAdmin = await signedInAgent(ctx, 'training_admin');
    const report = (await trainingAdmin.get('/api/v1/training/jp?year=2026')).json();
    const city = Math.floor((report.met * 100) / report.employees);
    const behind = report.byOrganization.filter((o: { percent: number }) => o.percent < city).length;
    expect(task(await home(trainingAdmin), 'opdsBelowJpShare')).toMatchObject({
      count: behind,
      to: '/jp',
      detail: { percent: city },
    });
  });
});
