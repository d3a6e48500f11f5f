/**
 * Demo education and competency history (issue 26 §1) for the demo ASN records, imported through
 * the same sheet import BKPSDM uses. Sitti Aisyah (pegawai@) is left without history on purpose:
 * the journeys import hers and show what an incomplete record looks like.
 */
import type { Database } from '../src/db/database.ts';
import type { Services } from '../src/compose.ts';

export const DEMO_EDUCATION_SHEET = [
  'nip,jenjang,institusi,jurusan,tahun_lulus,tertinggi',
  '197203151998031004,S-1,Universitas Tadulako,Ilmu Pemerintahan,1995,N',
  '197203151998031004,S-2,Universitas Hasanuddin,Administrasi Publik,2005,Y',
  '197808122003121002,S-1,Universitas Hasanuddin,Teknik Elektro,2001,Y',
  '199307182019031003,S-1,Universitas Tadulako,Teknik Informatika,2016,Y',
  '199512032022032004,S-1,Universitas Tadulako,Sistem Informasi,2018,Y',
  '199009092023211005,SMK,SMK Negeri 2 Palu,Teknik Komputer dan Jaringan,2008,Y',
  '198206302008012005,S-1,Universitas Tadulako,Kimia,2005,Y',
  '199211112017031002,S-1,Universitas Tadulako,Teknik Sipil,2015,Y',
  '199906062024211001,D-III,Politeknik Palu,Manajemen Logistik,2020,Y',
];
export const DEMO_COMPETENCY_SHEET = [
  'nip,jenis,tingkat,judul,penyelenggara,tanggal_mulai,tanggal_selesai,jp,sesuai_jabatan',
  '197203151998031004,kepemimpinan,PKN II,Pelatihan Kepemimpinan Nasional Tingkat II Angkatan XV,LAN,2019-03-04,2019-07-26,,',
  '197808122003121002,kepemimpinan,PKA,Pelatihan Kepemimpinan Administrator Angkatan II,BPSDMD Sulawesi Tengah,2018-04-02,2018-08-31,,',
  '197808122003121002,teknis,,Manajemen Proyek Teknologi Informasi,BPSDM Kota Palu,2025-05-12,2025-05-16,40,',
  '199307182019031003,fungsional,,Diklat Fungsional Pranata Komputer Ahli,Kementerian Komunikasi dan Informatika,2020-09-07,2020-09-18,,Y',
  '199307182019031003,seminar,,Webinar Keamanan Siber Pemerintah Daerah,BSSN,,2024-10-15,,',
  '198206302008012005,kepemimpinan,PKA,Pelatihan Kepemimpinan Administrator Angkatan I,BPSDMD Sulawesi Tengah,2016-03-07,2016-07-29,,',
  '198206302008012005,teknis,,Manajemen Logistik dan Peralatan Penanggulangan Bencana,BNPB,2024-03-04,2024-03-08,32,',
  '199211112017031002,teknis,,Kajian Risiko Bencana,BNPB,2023-06-05,2023-06-09,24,',
];

/** Imports the demo histories once (nothing when any education record exists); returns the rows made. */
export async function seedDemoRecords(database: Database, services: Services): Promise<number> {
  if (await database.db.selectFrom('education_records').select('id').limit(1).executeTakeFirst()) return 0;
  const admin = await database.db
    .selectFrom('accounts')
    .select(['id', 'role', 'organization_id'])
    .where('email_normalized', '=', 'pelatihan@merit.test')
    .executeTakeFirst();
  if (!admin) return 0;
  const actor = { accountId: admin.id, role: admin.role, organizationId: admin.organization_id };
  let made = 0;
  for (const [rows, run] of [
    [DEMO_EDUCATION_SHEET, services.records.importEducationSheet],
    [DEMO_COMPETENCY_SHEET, services.records.importCompetencySheet],
  ] as const) {
    const result = await run(actor, Buffer.from(`${rows.join('\n')}\n`), 'csv', true);
    if (!result.committed)
      throw new Error(
        `Demo history did not import: ${JSON.stringify(result.report.filter((r) => r.status === 'error'))}`,
      );
    made += result.counts.new;
  }
  return made;
}
