/**
 * Demo SKP and policy follow-up for Palu, written through the services: a year in progress in
 * Diskominfo's applications division — the division head's (atasan@) results cascaded to the
 * unit, three staff agreed and evaluated for Triwulan I and II, Sitti Aisyah (pegawai@) still to
 * agree — a programme that answers a weak Kolaboratif rating, and SE MenPANRB 20/2021 (BerAKHLAK)
 * as a local action plan with a done, a late (answered) and a coming milestone.
 */
import type { Database } from '../src/db/database.ts';
import type { Services } from '../src/compose.ts';
import { AppError } from '../src/errors.ts';
import { DEMO_PASSWORD } from './demo.ts';

const EVALUATED: { nip: string; q1: [string, string]; q2: [string, string]; below?: string }[] = [
  { nip: '199307182019031003', q1: ['meets', 'meets'], q2: ['above', 'meets'] },
  { nip: '199512032022032004', q1: ['above', 'above'], q2: ['above', 'above'] },
  { nip: '199009092023211005', q1: ['meets', 'meets'], q2: ['below', 'meets'], below: 'berorientasi_pelayanan' },
];

/**
 * A Merit account for a demo staff member (the demo password), linked to their record through the
 * same sheet import BKPSDM uses, so they agree to their own SKP.
 */
async function staffAccount(database: Database, services: Services, nip: string) {
  const e = await database.db
    .selectFrom('employees as e')
    .leftJoin('employees as s', 's.id', 'e.supervisor_id')
    .select([
      'e.nip',
      'e.full_name',
      'e.status',
      'e.tmt',
      'e.organization_id',
      'e.unit',
      'e.jabatan_kind',
      'e.jabatan',
      'e.jenjang',
      'e.golongan',
      's.nip as supervisor_nip',
    ])
    .where('e.nip', '=', nip)
    .executeTakeFirstOrThrow();
  const email = `pegawai.${nip}@merit.test`;
  const account = await services.identity.createAccountWithPassword({
    email,
    fullName: e.full_name,
    role: 'employee',
    password: DEMO_PASSWORD,
    organizationId: e.organization_id,
  });
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const row = [
    e.nip,
    q(e.full_name),
    e.status,
    e.tmt,
    e.organization_id,
    q(e.unit),
    e.jabatan_kind,
    q(e.jabatan),
    q(e.jenjang),
    e.golongan,
    e.supervisor_nip ?? '',
    email,
  ].join(',');
  const admin = (await actorOf(database, 'admin@merit.test'))!;
  const done = await services.employees.importSheet(
    admin,
    Buffer.from(`nip,nama,status,tmt,kode_opd,unit,jenis_jabatan,jabatan,jenjang,golongan,nip_atasan,email\n${row}\n`),
    'csv',
    true,
  );
  if (!done.committed) throw new Error(`Demo account for ${nip} did not link: ${JSON.stringify(done.report)}`);
  return { accountId: account.id, role: 'employee' as const, organizationId: e.organization_id };
}

async function actorOf(database: Database, email: string) {
  const a = await database.db
    .selectFrom('accounts')
    .select(['id', 'role', 'organization_id'])
    .where('email_normalized', '=', email)
    .executeTakeFirst();
  return a ? { accountId: a.id, role: a.role, organizationId: a.organization_id } : null;
}

/** Seeds the SKP year once (nothing when any plan exists). */
export async function seedDemoPerformance(database: Database, services: Services): Promise<void> {
  if (await database.db.selectFrom('skp_plans').select('id').limit(1).executeTakeFirst()) return;
  const head = await actorOf(database, 'atasan@merit.test');
  const trainer = await actorOf(database, 'pelatihan@merit.test');
  if (!head || !trainer) return;
  const p = services.performance;
  const year = new Date(services.clock.now().getTime()).getUTCFullYear();
  const own = await p
    .startPlan(head, year, null)
    .catch((err: unknown) => (err instanceof AppError && err.code === 'NOT_FOUND' ? null : Promise.reject(err)));
  if (!own?.created) return; // not linked yet, or another instance is seeding
  const first = await p.addResult(head, own.id, {
    title: 'Layanan aplikasi dan data Pemkot Palu tersedia dan aman bagi warga',
    perspective: 'penerima_layanan',
    isMain: true,
    indicators: [
      { description: 'Ketersediaan layanan aplikasi publik', kind: 'quantitative', target: '99', unit: '%' },
    ],
  });
  await p.addResult(head, own.id, {
    title: 'Aplikasi layanan kebencanaan terpadu dengan BPBD Kota Palu',
    perspective: 'proses_bisnis',
    isMain: true,
    indicators: [
      {
        description: 'Modul peringatan dini dan jalur evakuasi terbit',
        kind: 'qualitative',
        target: 'Terbit dan diuji dalam simulasi',
        unit: '',
      },
    ],
  });
  await p.cascade(head, first.id, { unit: true, kind: 'direct', title: '' });
  const team = await p.team(head, year);
  for (const e of EVALUATED) {
    const m = team.members.find((x) => x.employee.nip === e.nip);
    if (!m?.plan) continue;
    const planId = m.plan.id;
    const plan = await p.plan(head, planId);
    await p.setBehaviours(head, planId, {
      expectations: {
        berorientasi_pelayanan: 'Menjawab tiket layanan warga dalam 1 hari kerja',
        kolaboratif: 'Aktif dalam tim SPBE lintas OPD',
      },
    });
    await p.agree(await staffAccount(database, services, e.nip), planId, 'Disepakati dalam rapat SKP bidang.');
    for (const [period, ratings] of [
      ['q1', e.q1],
      ['q2', e.q2],
    ] as const) {
      const behaviourRatings = e.below ? { [e.below]: 'below' as const } : {};
      await p.saveEvaluation(head, planId, period, {
        resultRatings: Object.fromEntries(plan.results.map((r) => [r.id, ratings[0] as 'above'])),
        behaviourRatings,
        realisations: Object.fromEntries(
          plan.results.flatMap((r) => r.indicators.map((i) => [i.id, period === 'q1' ? '98,9%' : '99,4%'])),
        ),
        ratingResults: ratings[0] as 'above',
        ratingBehaviour: ratings[1] as 'above',
        note: '',
      });
      await p.finalise(head, planId, period);
    }
  }
  // A programme for a weak Kolaboratif rating, with an open batch.
  const program = await services.training.createProgram(trainer, {
    code: `KOLAB-${year}`,
    title: 'Kolaborasi dan Kerja Sama Tim Lintas OPD',
    kind: 'teknis',
    competencyArea: 'Kerja sama dan kolaborasi',
    jp: 16,
    modality: 'klasikal',
    partnerId: null,
    eligibility: {},
    costRupiah: 750_000,
    description:
      'Untuk pegawai yang penilaian perilaku Kolaboratif-nya di bawah ekspektasi: kerja tim, berbagi pengetahuan, dan layanan lintas OPD.',
    completion: { minAttendancePct: 80, postTestPass: null, assignmentRequired: false },
  });
  const day = (offset: number) =>
    new Date(services.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  await services.training.createBatch(trainer, program.id, {
    name: 'Angkatan I',
    startsOn: day(21),
    endsOn: day(22),
    venue: 'Aula Kantor Wali Kota Palu',
    facilitators: 'Widyaiswara BPSDM Sulteng',
    capacity: 30,
  });
}

/** Seeds SE MenPANRB 20/2021 as a local action plan once (nothing when any policy exists). */
export async function seedDemoPolicies(database: Database, services: Services): Promise<void> {
  if (await database.db.selectFrom('policies').select('id').limit(1).executeTakeFirst()) return;
  const admin = await actorOf(database, 'admin@merit.test');
  if (!admin) return;
  const s = services.policy;
  const day = (offset: number) =>
    new Date(services.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const created = await s
    .create(admin, {
      number: 'SE MenPANRB 20/2021',
      title: 'Implementasi Core Values dan Employer Branding Aparatur Sipil Negara',
      issuedOn: '2021-07-26',
      issuer: 'kemenpanrb',
      summary:
        'Nilai dasar BerAKHLAK (Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif) dan employer branding "Bangga Melayani Bangsa" diterapkan di setiap perangkat daerah.',
    })
    .catch((err: unknown) => (err instanceof AppError && err.code === 'CONFLICT' ? null : Promise.reject(err)));
  if (!created) return;
  await s.addAction(admin, created.id, {
    title: 'Sosialisasi dan internalisasi BerAKHLAK di Diskominfo',
    organizationId: 'kominfo',
    milestones: [
      { title: 'Sosialisasi BerAKHLAK ke seluruh pegawai', dueOn: day(-60) },
      { title: 'Agen perubahan ditetapkan dengan SK Kepala Dinas', dueOn: day(-20) },
      { title: 'Laporan evaluasi penerapan semester II', dueOn: day(25) },
    ],
  });
  await s.addAction(admin, created.id, {
    title: 'BerAKHLAK sebagai perilaku kerja dalam SKP seluruh OPD',
    organizationId: 'bkpsdm',
    milestones: [
      { title: 'Panduan ekspektasi khusus per nilai untuk pejabat penilai', dueOn: day(-45) },
      { title: 'Seluruh OPD menetapkan SKP dengan tujuh nilai BerAKHLAK', dueOn: day(40) },
    ],
  });
  const view = await s.get(admin, created.id);
  const [kominfo, bkpsdm] = view.actions;
  await s.updateMilestone(admin, kominfo!.milestones[0]!.id, {
    status: 'done',
    evidenceUrl: 'https://kominfo.palukota.go.id/berakhlak/sosialisasi',
    evidencePublic: true,
  });
  await s.updateMilestone(admin, bkpsdm!.milestones[0]!.id, {
    status: 'done',
    evidenceUrl: 'https://bkpsdm.palukota.go.id/panduan-skp-berakhlak',
    evidencePublic: true,
  });
  await s.updateMilestone(admin, bkpsdm!.milestones[1]!.id, { status: 'in_progress' });
  // kominfo's second milestone is late and unanswered: the division head answers it in the journey.
}
