/**
 * Demo participation data, written through the services: two service units with questionnaires
 * this period, complaints at each stage (one awaiting verification, one followed up by Diskominfo,
 * one closed), and the demo observer (pemantau@) accredited for the demo period with one answered
 * and one open finding. Anonymous forms solve the same challenge a browser does.
 */
import type { Database } from '../src/db/database.ts';
import type { Services } from '../src/compose.ts';
import { solveChallenge } from '../src/modules/participation/index.ts';
import { createDoc, drawLetterhead, finish, PAGE } from '../src/platform/pdf/kit.ts';

const SCORES: number[][] = [
  [4, 4, 3, 4, 3, 4, 4, 3, 3],
  [3, 3, 3, 4, 3, 3, 4, 3, 3],
  [4, 3, 4, 4, 4, 4, 4, 3, 4],
  [3, 3, 2, 4, 3, 3, 3, 2, 3],
  [4, 4, 4, 4, 4, 4, 4, 4, 3],
  [3, 4, 3, 4, 3, 4, 4, 3, 3],
  [2, 3, 3, 4, 3, 3, 3, 3, 2],
  [4, 4, 3, 4, 4, 4, 4, 4, 4],
];
const PROFILES = [
  { gender: 'P', ageBand: '20-29', education: 'S1', occupation: 'swasta' },
  { gender: 'L', ageBand: '30-39', education: 'SMA', occupation: 'wirausaha' },
  { gender: 'P', ageBand: '40-49', education: 'S1', occupation: 'asn' },
  { gender: 'L', ageBand: '<20', education: 'SMA', occupation: 'pelajar' },
] as const;

async function actorOf(database: Database, email: string) {
  const a = await database.db
    .selectFrom('accounts')
    .select(['id', 'role', 'organization_id'])
    .where('email_normalized', '=', email)
    .executeTakeFirst();
  return a ? { accountId: a.id, role: a.role, organizationId: a.organization_id } : null;
}

async function letterPdf(org: string): Promise<Buffer> {
  const doc = createDoc(`Surat permohonan akreditasi ${org}`, {});
  const y = drawLetterhead(doc, {
    heading: org.toUpperCase(),
    subtitle: 'Jl. Moh. Hatta No. 12, Palu',
    title: 'SURAT PERMOHONAN AKREDITASI PEMANTAU',
  });
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(
      'Kepada Yth. Panitia Seleksi CASN Pemerintah Kota Palu. Dengan hormat, kami mengajukan akreditasi sebagai pemantau independen seleksi ASN periode berjalan, dengan tim tiga orang pemantau.',
      PAGE.margin,
      y + 10,
      { width: doc.page.width - 2 * PAGE.margin },
    );
  return finish(doc);
}

/** Seeds once (nothing when a service unit exists). */
export async function seedDemoParticipation(database: Database, services: Services): Promise<boolean> {
  if (await database.db.selectFrom('service_units').select('id').limit(1).executeTakeFirst()) return false;
  const admin = await actorOf(database, 'admin@merit.test');
  const committee = await actorOf(database, 'panitia@merit.test');
  const supervisor = await actorOf(database, 'atasan@merit.test');
  const observer = await actorOf(database, 'pemantau@merit.test');
  if (!admin || !committee || !supervisor || !observer) return false;

  // ── SKM/IKM ──
  await services.surveys.createUnit(admin, {
    id: 'loket-bkpsdm',
    name: 'Loket Layanan Kepegawaian BKPSDM',
    organizationId: 'bkpsdm',
    desk: 'Loket 1 — Jl. Balai Kota Selatan No. 1',
    periodKind: 'triwulan',
    unsur: null,
    population: 1200,
  });
  await services.surveys.createUnit(admin, {
    id: 'helpdesk-seleksi',
    name: 'Helpdesk Seleksi CASN',
    organizationId: 'bkpsdm',
    desk: 'Ruang Helpdesk',
    periodKind: 'semester',
    unsur: null,
    population: 400,
  });
  const survey = async (unitId: string, i: number) => {
    const c = services.surveys.challenge();
    await services.surveys.respond(
      null,
      unitId,
      {
        scores: SCORES[i % SCORES.length]!,
        ...PROFILES[i % PROFILES.length]!,
        respondentRef: `DEMO-${unitId}-${i}`,
        suggestion: i === 2 ? 'Mohon tambah kursi ruang tunggu.' : '',
        challenge: { token: c.token, solution: solveChallenge(c.token, c.difficulty) },
      },
      'seed',
    );
  };
  for (let i = 0; i < 12; i++) await survey('loket-bkpsdm', i);
  for (let i = 0; i < 5; i++) await survey('helpdesk-seleksi', i);

  // ── complaints ──
  const file = async (body: {
    kind: 'pengaduan' | 'aspirasi' | 'informasi';
    category: 'recruitment' | 'exam' | 'training' | 'service';
    title: string;
    body: string;
    privacy: 'open' | 'confidential' | 'anonymous';
    name: string | null;
  }) => {
    const c = services.complaints.challenge();
    return services.complaints.file(
      null,
      { ...body, contact: null, challenge: { token: c.token, solution: solveChallenge(c.token, c.difficulty) } },
      'seed',
    );
  };
  await file({
    kind: 'pengaduan',
    category: 'recruitment',
    title: 'Unggahan ijazah gagal berulang kali',
    body: 'Saat mengunggah ijazah PDF 450 KB halaman lamaran menampilkan galat. Sudah dicoba tiga kali dari dua peramban.',
    privacy: 'anonymous',
    name: null,
  });
  const followed = await file({
    kind: 'aspirasi',
    category: 'service',
    title: 'Jadwal helpdesk seleksi di akhir pekan',
    body: 'Mohon helpdesk seleksi juga buka Sabtu pagi selama masa pendaftaran, karena banyak pelamar bekerja pada hari kerja.',
    privacy: 'confidential',
    name: 'Warga Kelurahan Besusu',
  });
  const closed = await file({
    kind: 'informasi',
    category: 'training',
    title: 'Jadwal Latsar CPNS 2026',
    body: 'Kapan jadwal pelatihan dasar CPNS angkatan 2026 diumumkan dan di mana pengumumannya dapat dilihat?',
    privacy: 'open',
    name: 'Rahmawati',
  });
  const idOf = async (trackingId: string) =>
    (
      await database.db
        .selectFrom('complaints')
        .select('id')
        .where('tracking_id', '=', trackingId)
        .executeTakeFirstOrThrow()
    ).id;
  const f1 = await idOf(followed.trackingId);
  await services.complaints.dispose(committee, f1, {
    organizationId: 'kominfo',
    note: 'Mohon Diskominfo menyesuaikan jadwal layanan helpdesk daring.',
  });
  await services.complaints.followUp(
    supervisor,
    f1,
    'Helpdesk daring melalui kanal obrolan di laman Merit kini melayani Sabtu pukul 08.00–12.00 WITA selama masa pendaftaran.',
  );
  const c1 = await idOf(closed.trackingId);
  await services.complaints.dispose(committee, c1, {
    organizationId: 'bkpsdm',
    note: 'Pertanyaan jadwal pelatihan: bidang pengembangan kompetensi.',
  });
  await services.complaints.followUp(
    committee,
    c1,
    'Jadwal Latsar CPNS 2026 diumumkan di menu Pelatihan setelah SK CPNS terbit; perkiraan bulan Agustus 2026.',
  );
  await services.complaints.reporterAction(closed.trackingId, 'accept', 'Terima kasih atas penjelasannya.', 'seed');

  // ── public consultation: the year's formation criteria, open for comment for 14 days ──
  const now = services.clock.now();
  const cons = await services.consultations.create(committee, {
    title: 'Rancangan kriteria formasi CASN Pemerintah Kota Palu',
    summary:
      'Syarat usia, pendidikan dan prioritas kebutuhan formasi teknis dan tenaga kesehatan tahun ini, sebelum diusulkan ke KemenPANRB.',
    periodId: null,
    moderationRules:
      'Komentar yang menyerang pribadi, memuat data pribadi orang lain, berisi promosi, atau di luar pokok bahasan disembunyikan dengan alasan yang diumumkan.',
    sections: [
      {
        heading: 'Batas usia',
        body: 'Usia paling rendah 18 tahun dan paling tinggi 35 tahun pada tanggal penutupan pendaftaran.\nDokter spesialis: paling tinggi 40 tahun.',
      },
      {
        heading: 'Kualifikasi pendidikan',
        body: 'Pranata Komputer Ahli Pertama: S1 Informatika, Sistem Informasi atau Teknik Komputer.\nAnalis Kebencanaan: S1 Geografi, Geologi atau Teknik Sipil.',
      },
      {
        heading: 'Prioritas kebutuhan',
        body: 'Formasi disabilitas paling sedikit 2 persen dari seluruh kebutuhan.\nFormasi putra/putri daerah tidak dibuka: NIK tidak menentukan domisili.',
      },
    ],
  });
  await services.consultations.open(committee, cons.id, {
    opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
    closesAt: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
  });
  const consView = await services.consultations.view(cons.id, committee);
  const applicantActor = await actorOf(database, 'pelamar@merit.test');
  if (applicantActor) {
    const made = await services.consultations.comment(
      applicantActor,
      consView.sections[0]!.id,
      'Mohon batas usia tenaga kesehatan (bukan hanya dokter spesialis) juga 40 tahun, karena banyak perawat Palu baru selesai profesi.',
    );
    await services.consultations.answer(
      committee,
      made.id,
      'Terima kasih. Usulan akan dibahas bersama Dinas Kesehatan dan dijelaskan di versi final.',
    );
  }
  // The demo citizen comments too; the committee can close the window early and set the final text.
  const citizenActor = await actorOf(database, 'warga@merit.test');
  if (citizenActor)
    await services.consultations.comment(
      citizenActor,
      consView.sections[2]!.id,
      'Mohon formasi disabilitas dijelaskan per jabatan, agar pelamar tahu jabatan mana yang terbuka bagi mereka.',
    );

  // ── public forums: one held with minutes and follow-up, one coming ──
  const held = await services.forums.create(committee, {
    title: 'Forum konsultasi standar pelayanan kepegawaian',
    topic: 'Rancangan standar pelayanan loket BKPSDM Kota Palu',
    agenda: '1. Paparan rancangan standar pelayanan\n2. Tanggapan peserta\n3. Kesepakatan dan tindak lanjut',
    heldAt: new Date(now.getTime() - 10 * 86_400_000).toISOString(),
    venue: 'Aula BKPSDM Kota Palu',
    mode: 'tatap_muka',
    capacity: 60,
  });
  const due = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  await services.forums.minutes(committee, held.id, {
    minutes:
      'Peserta dari LSM, perguruan tinggi dan warga menyepakati jam layanan loket 08.00–15.00 WITA, papan informasi antrean, dan kanal pengaduan daring di Merit.',
    actions: [
      { description: 'Pasang papan informasi antrean di loket 1', owner: 'BKPSDM — Sekretariat', dueOn: due(-2) },
      {
        description: 'Tetapkan standar pelayanan dengan keputusan kepala badan',
        owner: 'BKPSDM — Kepala Badan',
        dueOn: due(20),
      },
    ],
  });
  await services.forums.create(committee, {
    title: 'Forum publik pelaksanaan seleksi CASN',
    topic: 'Jadwal, lokasi ujian dan layanan disabilitas seleksi CASN',
    agenda: '1. Jadwal dan lokasi ujian CAT\n2. Akomodasi peserta disabilitas\n3. Tanya jawab',
    heldAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
    venue: 'Gedung Pogombo, Kantor Wali Kota Palu',
    mode: 'hibrida',
    capacity: 100,
  });

  // ── observers ──
  const period = await database.db
    .selectFrom('recruitment_periods')
    .select(['id', 'year'])
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (period) {
    const acc = await services.observers.apply(
      observer,
      {
        periodId: period.id,
        organizationName: 'Forum Pemantau Seleksi Sulteng',
        organizationKind: 'lsm',
        contactPerson: 'Koordinator Forum Pemantau',
      },
      await letterPdf('Forum Pemantau Seleksi Sulteng'),
    );
    await services.observers.decide(committee, acc.id, {
      approve: true,
      reason: 'Surat permohonan dan susunan tim pemantau lengkap.',
      expiresOn: `${services.clock.now().getUTCFullYear() + 1}-03-31`,
    });
    const answered = await services.observers.fileFinding(observer, period.id, {
      stage: 'pendaftaran',
      title: 'Batas ukuran unggahan tidak tertulis di pengumuman',
      body: 'Pengumuman pendaftaran tidak menyebut batas ukuran berkas per dokumen, sehingga pelamar baru tahu saat unggahan ditolak.',
    });
    await services.observers.answerFinding(
      committee,
      answered.id,
      'Batas ukuran per dokumen kini tercantum di halaman formasi dan di pesan penolakan unggahan, sesuai aturan periode.',
    );
    await services.observers.fileFinding(observer, period.id, {
      stage: 'verifikasi',
      title: 'Antrean verifikasi menumpuk di satu verifikator',
      body: 'Pada hari ketiga verifikasi, sebagian besar berkas diklaim satu verifikator sementara dua lainnya menganggur.',
    });
  }
  return true;
}
