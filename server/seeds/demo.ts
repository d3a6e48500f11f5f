/**
 * Palu demo data, written through the services: the city's OPDs and one account per role.
 * Idempotent: a second run changes nothing. The demo password is printed at start-up, never in prod.
 */
import type { Role } from '../src/db/schema.ts';
import type { Services } from '../src/compose.ts';
import type { Database } from '../src/db/database.ts';
import { AppError } from '../src/errors.ts';
import { PALU_ORGANIZATIONS } from './palu.ts';

export const DEMO_PASSWORD = 'merit-palu-2026';

export const DEMO_ACCOUNTS: { role: Role; email: string; fullName: string; organizationId: string | null; nik?: string; birthDate?: string; gender?: 'L' | 'P' }[] = [
  { role: 'admin', email: 'admin@merit.test', fullName: 'Admin BKPSDM', organizationId: 'bkpsdm' },
  { role: 'committee', email: 'panitia@merit.test', fullName: 'Rahmawati Lamarauna (Panitia Seleksi)', organizationId: 'bkpsdm' },
  { role: 'verifier', email: 'verifikator@merit.test', fullName: 'Andi Tadulako (Verifikator)', organizationId: 'bkpsdm' },
  { role: 'proctor', email: 'pengawas@merit.test', fullName: 'Moh. Syarif (Pengawas Ujian)', organizationId: 'bkpsdm' },
  { role: 'training_admin', email: 'pelatihan@merit.test', fullName: 'Nurhayati Kaili (Admin Pelatihan)', organizationId: 'bkpsdm' },
  { role: 'supervisor', email: 'atasan@merit.test', fullName: 'Ir. Hasan Lasoso (Atasan Langsung)', organizationId: 'kominfo' },
  { role: 'employee', email: 'pegawai@merit.test', fullName: 'Sitti Aisyah (Pegawai)', organizationId: 'kominfo' },
  { role: 'observer', email: 'pemantau@merit.test', fullName: 'Forum Pemantau Seleksi Sulteng', organizationId: null },
  { role: 'applicant', email: 'pelamar@merit.test', fullName: 'Putri Ayu Lestari', organizationId: null, nik: '7271045203990001', birthDate: '1999-03-12', gender: 'P' },
];

export async function seedOrganizations(database: Database): Promise<number> {
  const res = await database.db
    .insertInto('organizations')
    .values(PALU_ORGANIZATIONS)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

/** Seeds OPDs and demo accounts; returns the accounts it created (empty when already seeded). */
export async function seedDemo(database: Database, services: Services) {
  await seedOrganizations(database);
  const created: typeof DEMO_ACCOUNTS = [];
  for (const a of DEMO_ACCOUNTS) {
    const exists = await database.db.selectFrom('accounts').select('id').where('email_normalized', '=', a.email).executeTakeFirst();
    if (exists) continue;
    // Several instances may seed at once: whoever loses the race finds the account made.
    const made = await services.identity.createAccountWithPassword({
      email: a.email,
      fullName: a.fullName,
      role: a.role,
      password: DEMO_PASSWORD,
      organizationId: a.organizationId,
      ...(a.nik ? { nik: a.nik, birthDate: a.birthDate!, gender: a.gender!, birthPlace: 'Palu', phone: '081234567890' } : {}),
    }).catch((err) => {
      if (err instanceof AppError && err.code === 'CONFLICT') return null;
      throw err;
    });
    if (made) created.push(a);
  }
  return created;
}
