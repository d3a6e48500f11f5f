/**
 * Demo IP ASN results (issue 26): the last three years measured with the 2019 instrument and
 * computed from whatever the demo holds (employees, trainings, SKP, and the professionalism records
 * when their seeds ran first — so this runs last), through the same service BKPSDM's button calls.
 * Last year's annual SKP comes first, imported as BKPSDM imports it from e-Kinerja: without an
 * annual predikat nobody's kinerja counts and every index would say "data belum lengkap".
 */
import type { Services } from '../src/compose.ts';
import type { Database } from '../src/db/database.ts';

export async function seedDemoIpAsn(database: Database, services: Services): Promise<void> {
  // A restart keeps what BKPSDM computed (or changed) since.
  if (await database.db.selectFrom('ip_asn_results').select('year').limit(1).executeTakeFirst()) return;
  const admin = await database.db
    .selectFrom('accounts')
    .select(['id', 'organization_id'])
    .where('email_normalized', '=', 'admin@merit.test')
    .executeTakeFirst();
  if (!admin) return;
  const actor = { accountId: admin.id, role: 'admin' as const, organizationId: admin.organization_id };
  const current = (await services.ipAsn.instruments()).currentYear;
  await importLastYearSkp(database, services, actor, current - 1);
  for (const year of [current - 2, current - 1, current])
    await services.ipAsn.recompute(actor, { year, allYears: false });
}

const EKINERJA_HEADER =
  'NIP,Nama,Status Kepegawaian,Jabatan,Golongan,Unit Kerja,Perangkat Daerah,Tahun,Periode Penilaian,NIP Pejabat Penilai,Nama Pejabat Penilai,Status SKP,Rating Hasil Kerja,Rating Perilaku Kerja,Predikat Kinerja,Status Penilaian';
/** Mostly Baik, as SKP distributions are; the ratings that give each predikat in the PermenPANRB 6/2022 matrix. */
const LAST_YEAR = [
  ['Sesuai Ekspektasi', 'Sesuai Ekspektasi', 'Baik'],
  ['Di Atas Ekspektasi', 'Di Atas Ekspektasi', 'Sangat Baik'],
  ['Sesuai Ekspektasi', 'Sesuai Ekspektasi', 'Baik'],
  ['Di Bawah Ekspektasi', 'Sesuai Ekspektasi', 'Butuh Perbaikan'],
] as const;

/** The demo register's final annual SKP of `year` (people appointed later, the demo cohort and pegawai@ excepted). */
async function importLastYearSkp(
  database: Database,
  services: Services,
  actor: { accountId: string; role: 'admin'; organizationId: string | null },
  year: number,
) {
  const people = await database.db
    .selectFrom('employees')
    .select(['nip', 'status', 'organization_id'])
    .where('application_id', 'is', null)
    // Sitti Aisyah's (pegawai@) is left for BKPSDM to import in the SKP walk-through.
    .where((eb) =>
      eb.or([
        eb('account_id', 'is', null),
        eb(
          'account_id',
          'not in',
          eb.selectFrom('accounts').select('id').where('email_normalized', '=', 'pegawai@merit.test'),
        ),
      ]),
    )
    .where('tmt', '<=', `${year}-12-31`)
    .orderBy('nip')
    .execute();
  if (people.length === 0) return;
  const rows = people.map((p, i) => {
    const [results, behaviour, predikat] = LAST_YEAR[i % LAST_YEAR.length]!;
    return `${p.nip},-,${p.status},-,-,-,${p.organization_id},${year},Tahunan,,,Disetujui,${results},${behaviour},${predikat},Final`;
  });
  const sheet = Buffer.from(`${EKINERJA_HEADER}\n${rows.join('\n')}\n`);
  await services.performance.importResults(actor, sheet, 'csv', true);
}
