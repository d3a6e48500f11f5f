/**
 * Demo ASN records for Palu: two supervisor trees (Diskominfo's applications division, BPBD's
 * emergency division) and BKPSDM's own staff, imported through the same sheet import BKPSDM uses.
 * The demo supervisor (atasan@) and employee (pegawai@) accounts are linked to their records.
 */
import { createHash } from 'node:crypto';
import { dayNumber, localDate, shiftDate } from '../../common/rules/calendar.ts';
import type { Database } from '../src/db/database.ts';
import type { Services } from '../src/compose.ts';
import { AppError } from '../src/errors.ts';
import { seedTrainingBank } from './exam.ts';
import { TRAINING_BANK } from './training-bank.ts';

const HEADER = 'nip,nama,status,tmt,kode_opd,unit,jenis_jabatan,jabatan,jenjang,golongan,nip_atasan,email';
/** NIPs follow the 18-digit layout: birth date, TMT month, gender, sequence (common/rules/nip.ts). */
const ROWS = [
  '197203151998031004,"Drs. Rizal Lamarauna, M.Si.",PNS,1998-03-01,kominfo,Pimpinan,struktural,Kepala Dinas,JPT Pratama,IV/c,,',
  '197808122003121002,"Ir. Hasan Lasoso",PNS,2003-12-01,kominfo,Bidang Aplikasi Informatika,struktural,Kepala Bidang Aplikasi Informatika,Administrator,IV/a,197203151998031004,atasan@merit.test',
  '199104252015032001,"Sitti Aisyah, S.Kom.",PNS,2015-03-01,kominfo,Bidang Aplikasi Informatika,fungsional,Pranata Komputer Ahli Muda,Ahli Muda,III/c,197808122003121002,pegawai@merit.test',
  '199307182019031003,"Moh. Fadli Tanjumbulu, S.T.",PNS,2019-03-01,kominfo,Bidang Aplikasi Informatika,fungsional,Pranata Komputer Ahli Pertama,Ahli Pertama,III/b,197808122003121002,',
  '199512032022032004,"Nurul Anisa Dg. Masiga, S.Kom.",PNS,2022-03-01,kominfo,Bidang Aplikasi Informatika,fungsional,Pranata Komputer Ahli Pertama,Ahli Pertama,III/a,197808122003121002,',
  '199802142025061001,"Rahmat Hidayat Lapasere, S.Kom.",CPNS,2025-06-01,kominfo,Bidang Aplikasi Informatika,fungsional,Pranata Komputer Ahli Pertama,Ahli Pertama,III/a,197808122003121002,',
  '199009092023211005,"Andi Baso Tondei",PPPK,2023-02-01,kominfo,Bidang Aplikasi Informatika,pelaksana,Operator Layanan Operasional,Terampil,V,197808122003121002,',
  '197501202000031003,"Ir. Muh. Nur Lawira",PNS,2000-03-01,bpbd,Pimpinan,struktural,Kepala Pelaksana BPBD,JPT Pratama,IV/b,,',
  '198206302008012005,"Fitriani Lamakampali, S.Si.",PNS,2008-01-01,bpbd,Bidang Kedaruratan dan Logistik,struktural,Kepala Bidang Kedaruratan dan Logistik,Administrator,IV/a,197501202000031003,',
  '199211112017031002,"Yusuf Lalu, S.T.",PNS,2017-03-01,bpbd,Bidang Kedaruratan dan Logistik,fungsional,Analis Kebencanaan Ahli Pertama,Ahli Pertama,III/b,198206302008012005,',
  '199403302020122003,"Dewi Sartika Pakava, S.Geo.",PNS,2020-12-01,bpbd,Bidang Kedaruratan dan Logistik,fungsional,Analis Kebencanaan Ahli Pertama,Ahli Pertama,III/a,198206302008012005,',
  '199906062024211001,"Ilham Bora",PPPK,2024-02-01,bpbd,Bidang Kedaruratan dan Logistik,pelaksana,Pengelola Logistik,Terampil,VII,198206302008012005,',
  '197909091999032002,"Hj. Nurhayati Kaili, S.Sos., M.AP.",PNS,1999-03-01,bkpsdm,Bidang Pengembangan Kompetensi,struktural,Kepala Bidang Pengembangan Kompetensi Aparatur,Administrator,IV/a,,',
];

/** Imports the demo records once (nothing when any record exists); returns how many it made. */
export async function seedDemoEmployees(database: Database, services: Services): Promise<number> {
  if (await database.db.selectFrom('employees').select('id').limit(1).executeTakeFirst()) return 0;
  const admin = await database.db
    .selectFrom('accounts')
    .select(['id', 'role', 'organization_id'])
    .where('email_normalized', '=', 'admin@merit.test')
    .executeTakeFirst();
  if (!admin) return 0;
  const sheet = Buffer.from(`${HEADER}\n${ROWS.join('\n')}\n`);
  const result = await services.employees.importSheet(
    { accountId: admin.id, role: admin.role, organizationId: admin.organization_id },
    sheet,
    'csv',
    true,
  );
  if (!result.committed)
    throw new Error(
      `Demo employees did not import: ${JSON.stringify(result.report.filter((r) => r.status === 'error'))}`,
    );
  return result.counts.new;
}

const PARTNERS = [
  { id: 'untad', name: 'Universitas Tadulako', kind: 'universitas' },
  { id: 'bpbd-palu', name: 'BPBD Kota Palu', kind: 'pemerintah' },
  { id: 'diskominfo-palu', name: 'Diskominfo Kota Palu', kind: 'pemerintah' },
  { id: 'bpsdm-sulteng', name: 'BPSDM Provinsi Sulawesi Tengah', kind: 'lembaga_diklat' },
  { id: 'lan', name: 'Lembaga Administrasi Negara', kind: 'lembaga_diklat' },
] as const;

/**
 * Demo training: partners; Latsar, PKP, disaster-risk mapping with Untad and BPBD (after the 2018
 * earthquake, tsunami and liquefaction), cyber hygiene with Diskominfo; a finished batch whose JP
 * are on the ledger and an open one with a waitlist. Written through the training service.
 */
export async function seedDemoTraining(database: Database, services: Services): Promise<void> {
  if (await database.db.selectFrom('training_programs').select('id').limit(1).executeTakeFirst()) return;
  const account = await database.db
    .selectFrom('accounts')
    .select(['id', 'role', 'organization_id'])
    .where('email_normalized', '=', 'pelatihan@merit.test')
    .executeTakeFirst();
  if (!account) return;
  const actor = { accountId: account.id, role: account.role, organizationId: account.organization_id };
  const t = services.training;
  // Instances starting together: whoever adds the first partner seeds the rest; the others stop here.
  const [first, ...others] = PARTNERS;
  const claimed = await t.createPartner(actor, { ...first }).then(
    () => true,
    (err: unknown) => (err instanceof AppError && err.code === 'CONFLICT' ? false : Promise.reject(err)),
  );
  if (!claimed) return;
  for (const p of others) await t.createPartner(actor, { ...p });
  // Palu's calendar (WITA), as the services read it: after 16:00 UTC it is already tomorrow there.
  const today = localDate(services.clock.now());
  const year = Number(today.slice(0, 4));
  const day = (offset: number) => shiftDate(today, offset);
  const program = async (body: Parameters<typeof t.createProgram>[1]) => (await t.createProgram(actor, body)).id;
  const latsar = await program({
    code: `LATSAR-${year}`,
    title: 'Pelatihan Dasar CPNS',
    kind: 'latsar',
    competencyArea: 'Nilai dasar ASN (BerAKHLAK) dan bela negara',
    jp: 120,
    modality: 'blended',
    partnerId: 'bpsdm-sulteng',
    eligibility: { statuses: ['CPNS'] },
    costRupiah: 6_500_000,
    description: 'PerLAN 1/2021 jo. 10/2021: masa percobaan CPNS satu tahun; wajib lulus sebelum diangkat PNS.',
    completion: { minAttendancePct: 80, postTestPass: 70, assignmentRequired: true },
  });
  await program({
    code: `PKP-${year}`,
    title: 'Pelatihan Kepemimpinan Pengawas (PKP)',
    kind: 'pkp',
    competencyArea: 'Kepemimpinan',
    jp: 100,
    modality: 'blended',
    partnerId: 'bpsdm-sulteng',
    eligibility: { statuses: ['PNS'], jabatanKinds: ['struktural'] },
    costRupiah: 12_000_000,
    description: 'PerLAN 5/2022: untuk pejabat pengawas (eselon IV).',
    completion: { minAttendancePct: 90, postTestPass: 70, assignmentRequired: true },
  });
  const gis = await program({
    code: `GIS-KRB-${year}`,
    title: 'Pemetaan Kawasan Rawan Bencana dengan GIS',
    kind: 'teknis',
    competencyArea: 'Kebencanaan',
    jp: 24,
    modality: 'klasikal',
    partnerId: 'untad',
    eligibility: { statuses: ['PNS', 'CPNS', 'PPPK'] },
    costRupiah: 1_500_000,
    description:
      'Bersama Universitas Tadulako dan BPBD Kota Palu: zona likuefaksi, sesar Palu-Koro dan jalur evakuasi tsunami.',
    completion: { minAttendancePct: 75, postTestPass: 60, assignmentRequired: false },
  });
  const cyber = await program({
    code: `SIBER-${year}`,
    title: 'Keamanan Siber dan Pelindungan Data Pribadi untuk ASN',
    kind: 'teknis',
    competencyArea: 'Teknologi informasi',
    jp: 16,
    modality: 'daring',
    partnerId: 'diskominfo-palu',
    eligibility: {},
    costRupiah: 0,
    description: 'UU 27/2022: menjaga NIK, dokumen dan data warga di layanan Pemkot Palu.',
    completion: { minAttendancePct: 0, postTestPass: null, assignmentRequired: false },
  });
  const data = await program({
    code: `DATA-${year}`,
    title: 'Analisis Data untuk Kebijakan (Satu Data Kota Palu)',
    kind: 'teknis',
    competencyArea: 'Data dan statistik sektoral',
    jp: 20,
    modality: 'blended',
    partnerId: 'untad',
    eligibility: { statuses: ['PNS', 'CPNS', 'PPPK'] },
    costRupiah: 750_000,
    description:
      'Bersama Universitas Tadulako dan Diskominfo: data sektoral, dasbor dan kebijakan berbasis bukti; tugas akhir berupa analisis data OPD sendiri.',
    completion: { minAttendancePct: 50, postTestPass: 65, assignmentRequired: true },
  });
  // The finished batch ended this year (about two months ago, or early January), so this year's JP show it.
  const daysIntoYear = dayNumber(today) - dayNumber(`${year}-01-01`);
  const endedAgo = Math.min(57, Math.max(0, daysIntoYear - 1));
  // Enrolment closes once a batch has ended, so its participants are enrolled while it is still to
  // come and the batch is then moved to the dates it ran (audited like any reschedule).
  const done = (
    await t.createBatch(actor, gis, {
      name: 'Angkatan I',
      startsOn: day(1),
      endsOn: day(4),
      venue: 'Kampus Untad, Palu',
      facilitators: 'Dosen Geofisika Untad; Tim BPBD Kota Palu',
      capacity: 25,
    })
  ).id;
  const open = (
    await t.createBatch(actor, cyber, {
      name: 'Angkatan I',
      startsOn: day(14),
      endsOn: day(15),
      venue: 'Daring (Zoom Pemkot Palu)',
      facilitators: 'Tim CSIRT Diskominfo Kota Palu',
      capacity: 3,
    })
  ).id;
  const idOf = async (nip: string) =>
    (await database.db.selectFrom('employees').select('id').where('nip', '=', nip).executeTakeFirstOrThrow()).id;
  const finished: string[] = [];
  for (const nip of ['199104252015032001', '199211112017031002', '199403302020122003', '199009092023211005'])
    finished.push((await t.enroll(actor, done, await idOf(nip))).id);
  await t.reschedule(actor, done, {
    startsOn: day(-endedAgo - 3),
    endsOn: day(-endedAgo),
    reason: 'Data contoh: angkatan yang sudah berlangsung.',
  });
  // The finished batch's four meetings (08.00–16.00 WITA), attendance, tests, certificates and feedback.
  const c = services.completion;
  const meetings: string[] = [];
  for (let i = 0; i < 4; i++) {
    const d = day(-endedAgo - 3 + i);
    meetings.push(
      (
        await c.addMeeting(actor, done, {
          title: [
            'Zona likuefaksi Balaroa dan Petobo',
            'Sesar Palu-Koro dan peta guncangan',
            'Jalur evakuasi tsunami Teluk Palu',
            'Praktik QGIS: peta rawan bencana kelurahan',
          ][i]!,
          startsAt: `${d}T08:00:00+08:00`,
          endsAt: `${d}T16:00:00+08:00`,
        })
      ).id,
    );
  }
  const scores = [
    [55, 85],
    [60, 80],
    [45, 78],
    [50, 72],
  ] as const;
  for (const [i, enrollmentId] of finished.entries()) {
    for (const [k, meetingId] of meetings.entries())
      if (!(i === 3 && k === 2)) await c.mark(actor, meetingId, { enrollmentId, present: true });
    await c.setScores(actor, enrollmentId, { preTest: scores[i]![0], postTest: scores[i]![1], assignmentDone: false });
  }
  await c.issueCertificates(actor, done, finished);
  // Feedback from the three attendees without a Merit account (the demo pegawai gives theirs in the app).
  const now = services.clock.now();
  await database.db
    .insertInto('training_feedback')
    .values([
      {
        enrollment_id: finished[1]!,
        facilitator: 5,
        material: 5,
        venue: 4,
        usefulness: 5,
        comment: 'Peta likuefaksi langsung terpakai untuk rencana kontinjensi kelurahan.',
        submitted_at: now,
      },
      {
        enrollment_id: finished[2]!,
        facilitator: 4,
        material: 5,
        venue: 3,
        usefulness: 5,
        comment: 'Ruang praktik QGIS terlalu sempit untuk 25 peserta.',
        submitted_at: now,
      },
      {
        enrollment_id: finished[3]!,
        facilitator: 4,
        material: 4,
        venue: 4,
        usefulness: 4,
        comment: '',
        submitted_at: now,
      },
    ])
    .execute();
  // A one-day batch running today, with a meeting now: the facilitator's QR and the scans happen
  // here; it ends today, so certificates can be issued once the journey's participants qualify.
  const running = (
    await t.createBatch(actor, data, {
      name: 'Angkatan I',
      startsOn: day(0),
      endsOn: day(0),
      venue: 'Aula Diskominfo Kota Palu',
      facilitators: 'Dr. Nurhayati (Statistika Untad); Tim Satu Data Diskominfo',
      capacity: 30,
    })
  ).id;
  const hour = 3_600_000;
  await c.addMeeting(actor, running, {
    title: 'Data sektoral dan Satu Data Indonesia',
    startsAt: new Date(now.getTime() - hour).toISOString(),
    endsAt: new Date(now.getTime() + 9 * hour).toISOString(),
  });
  await c.addMeeting(actor, running, {
    title: 'Dasbor dan analisis untuk kebijakan',
    startsAt: `${day(1)}T08:00:00+08:00`,
    endsAt: `${day(1)}T16:00:00+08:00`,
  });
  // Latsar opens today (its first meeting is now), so last year's appointees are seated in it and
  // the new CPNS of the journey joins it too; later meetings are scheduled as the batch goes on.
  const latsarBatch = (
    await t.createBatch(actor, latsar, {
      name: 'Angkatan I',
      startsOn: day(0),
      endsOn: day(90),
      venue: 'BPSDM Provinsi Sulawesi Tengah, Palu',
      facilitators: 'Widyaiswara BPSDM Sulteng',
      capacity: 40,
    })
  ).id;
  await c.addMeeting(actor, latsarBatch, {
    title: 'Pembukaan; nilai dasar ASN BerAKHLAK',
    startsAt: new Date(now.getTime() - hour).toISOString(),
    endsAt: new Date(now.getTime() + 9 * hour).toISOString(),
  });
  const seated: Record<string, string> = {};
  for (const nip of [
    '199104252015032001',
    '197808122003121002',
    '199307182019031003',
    '199802142025061001',
    '198206302008012005',
    '199906062024211001',
  ])
    seated[nip] = (await t.enroll(actor, running, await idOf(nip))).id;
  // Its pre-test and post-test run on the CAT engine (kesiapsiagaan bencana items): the demo pegawai
  // took the pre-test this morning (5 of 10 right); the post-test is open until the batch ends.
  const blueprintId = await seedTrainingBank(database, services);
  await services.trainingTests.setTest(actor, running, 'pre', {
    blueprintId,
    opensAt: new Date(now.getTime() - 2 * hour).toISOString(),
    closesAt: new Date(now.getTime() + hour).toISOString(),
  });
  await services.trainingTests.setTest(actor, running, 'post', {
    blueprintId,
    opensAt: new Date(now.getTime() - hour).toISOString(),
    closesAt: `${day(1)}T17:00:00+08:00`,
  });
  const pegawai = await database.db
    .selectFrom('accounts')
    .select(['id', 'role', 'organization_id'])
    .where('email_normalized', '=', 'pegawai@merit.test')
    .executeTakeFirst();
  const sitti = seated['199104252015032001'];
  if (pegawai && sitti) {
    const who = { accountId: pegawai.id, role: pegawai.role, organizationId: pegawai.organization_id };
    const { attemptId } = await services.trainingTests.start(who, sitti, 'pre');
    const form = await services.trainingTests.view(who, attemptId);
    const keyOf = new Map(TRAINING_BANK.map((i) => [i.stem, i.scoring.kind === 'key' ? i.scoring.correct : 'A']));
    for (const [n, item] of form.items.entries()) {
      const key = keyOf.get(item.stem)!;
      await services.trainingTests.answer(who, attemptId, {
        itemId: item.itemId,
        chosen: n < 5 ? key : item.options.find((o) => o.key !== key)!.key,
        seq: 1,
      });
    }
    await services.trainingTests.submit(who, attemptId);
  }
  for (const nip of ['199307182019031003', '199512032022032004', '198206302008012005', '199104252015032001'])
    await t.enroll(actor, open, await idOf(nip));
}

/**
 * Appointment feeds development: last year's CPNS procurement with a published final result —
 * two appointees (L) at Diskominfo and one not (TL). BKPSDM has already entered the first one's
 * NIP and TMT (so she is a CPNS with Latsar in her plan and a probation running); the second waits
 * on /pegawai/pengangkatan. Runs after the demo recruitment (which seeds only an empty database).
 */
export async function seedDemoAppointments(database: Database, services: Services): Promise<void> {
  const now = services.clock.now();
  const year = now.getUTCFullYear();
  const code = `CASN-${year - 1}-CPNS`;
  const db = database.db;
  if (await db.selectFrom('recruitment_periods').select('id').where('code', '=', code).executeTakeFirst()) return;
  const acct = async (email: string) =>
    db
      .selectFrom('accounts')
      .select(['id', 'role', 'organization_id'])
      .where('email_normalized', '=', email)
      .executeTakeFirst();
  const [panitia, panitia2, pelatihan] = [
    await acct('panitia@merit.test'),
    await acct('panitia2@merit.test'),
    await acct('pelatihan@merit.test'),
  ];
  if (!panitia || !panitia2 || !pelatihan) return;
  const committee = { accountId: panitia.id, role: panitia.role, organizationId: panitia.organization_id };
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  const period = await services.recruitment.createPeriod(committee, {
    code,
    name: `Pengadaan CPNS Kota Palu ${year - 1} (hasil akhir diumumkan)`,
    year: year - 1,
    type: 'CPNS',
    ageCutoffDate: `${year - 1}-08-01`,
    stages: { registration: { start: at(-420), end: at(-400) }, verification: { start: at(-420), end: at(-390) } },
  });
  await services.recruitment.createFormation(committee, period.id, {
    code: 'KOMINFO-APL',
    organizationId: 'kominfo',
    jabatan: 'Pranata Komputer Ahli Pertama',
    educationLevels: ['S1'],
    majors: ['Teknik Informatika', 'Sistem Informasi'],
    needType: 'umum',
    quota: 2,
    placement: 'Dinas Kominfo Kota Palu',
  });
  const formation = await db
    .selectFrom('formations')
    .select(['id', 'code'])
    .where('period_id', '=', period.id)
    .executeTakeFirstOrThrow();
  const people = [
    {
      no: `${year - 1}0001`,
      email: 'cpns@merit.test',
      name: 'Nur Aisyah Lamarauna, S.Kom.',
      birth: '1999-07-21',
      gender: 'P' as const,
      result: 'L',
    },
    {
      no: `${year - 1}0002`,
      email: 'cpns2@merit.test',
      name: 'Moh. Fadel Lasahido, S.Kom.',
      birth: '1998-11-05',
      gender: 'L' as const,
      result: 'L',
    },
    {
      no: `${year - 1}0003`,
      email: 'pelamar.tl@merit.test',
      name: 'Andi Rahmawati Daeng Matona, S.T.',
      birth: '1997-02-14',
      gender: 'P' as const,
      result: 'TL',
    },
  ];
  const apps: string[] = [];
  for (const p of people) {
    const made = await services.identity.createAccountWithPassword({
      email: p.email,
      fullName: p.name,
      role: 'applicant',
      password: 'merit-palu-2026',
      birthDate: p.birth,
      gender: p.gender,
      birthPlace: 'Palu',
    });
    const appId = services.ids.uuid();
    await db
      .insertInto('applications')
      .values({
        id: appId,
        period_id: period.id,
        applicant_id: made.id,
        formation_id: formation.id,
        registration_no: `REG-${p.no}`,
        status: 'ms',
        published_result: 'ms',
        participant_no: p.no,
        biodata: JSON.stringify({ nameOnIjazah: p.name }),
        submitted_at: at(-410),
        created_at: at(-410),
        updated_at: at(-410),
      })
      .execute();
    apps.push(appId);
  }
  // The final result as the committee published it (proposed by one member, approved by another).
  const finalCsv = `formation_id,participant_no,skd_total,skb,final_score,rank,result\n${people.map((p, i) => `${formation.code},${p.no},${[452, 437, 421][i]},${['86.50', '82.25', '79.00'][i]},${['83.180', '80.075', '76.980'][i]},${i + 1},${p.result}`).join('\n')}\n`;
  const pubId = services.ids.uuid();
  await db
    .insertInto('result_publications')
    .values({
      id: pubId,
      period_id: period.id,
      stage: 'final',
      version: 1,
      status: 'published',
      reason: null,
      proposed_by: panitia.id,
      proposed_at: at(-120),
      decided_by: panitia2.id,
      decided_at: at(-119),
    })
    .execute();
  await db
    .insertInto('publication_files')
    .values({
      publication_id: pubId,
      name: 'final.csv',
      content: finalCsv,
      sha256: createHash('sha256').update(finalCsv).digest('hex'),
    })
    .execute();
  // BKPSDM entered the first appointee's NIP: TMT the first of the month two months ago.
  const tmtDate = new Date(Date.UTC(year, now.getUTCMonth() - 2, 1));
  const tmt = tmtDate.toISOString().slice(0, 10);
  const nip = `${people[0]!.birth.replaceAll('-', '')}${tmt.slice(0, 4)}${tmt.slice(5, 7)}2001`;
  await services.appointments.appoint(
    { accountId: pelatihan.id, role: pelatihan.role, organizationId: pelatihan.organization_id },
    {
      periodId: period.id,
      applicationId: apps[0]!,
      nip,
      tmt,
      unit: 'Bidang Aplikasi Informatika',
      jabatanKind: 'fungsional',
      jenjang: 'Ahli Pertama',
      golongan: 'III/a',
      supervisorNip: '197808122003121002',
    },
  );
}
