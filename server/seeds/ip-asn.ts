/**
 * Demo IP ASN results (issue 26): the last three years measured with the 2019 instrument and
 * computed from whatever the demo holds (employees, trainings, SKP, and the professionalism records
 * when their seeds ran first — so this runs last), through the same service BKPSDM's button calls.
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
  for (const year of [current - 2, current - 1, current])
    await services.ipAsn.recompute(actor, { year, allYears: false });
}
