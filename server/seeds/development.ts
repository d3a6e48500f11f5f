/**
 * Demo ASN records for Palu: two supervisor trees (Diskominfo's applications division, BPBD's
 * emergency division) and BKPSDM's own staff, imported through the same sheet import BKPSDM uses.
 * The demo supervisor (atasan@) and employee (pegawai@) accounts are linked to their records.
 */
import type { Database } from '../src/db/database.ts';
import type { Services } from '../src/compose.ts';

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
  const admin = await database.db.selectFrom('accounts').select(['id', 'role', 'organization_id']).where('email_normalized', '=', 'admin@merit.test').executeTakeFirst();
  if (!admin) return 0;
  const sheet = Buffer.from(`${HEADER}\n${ROWS.join('\n')}\n`);
  const result = await services.employees.importSheet({ accountId: admin.id, role: admin.role, organizationId: admin.organization_id }, sheet, 'csv', true);
  if (!result.committed) throw new Error(`Demo employees did not import: ${JSON.stringify(result.report.filter((r) => r.status === 'error'))}`);
  return result.counts.new;
}
