/** Participants with participant numbers for selection tests, written straight to the tables (the recruitment flow is tested on its own). */
import type { TestContext } from './harness.ts';

let counter = 0;

export async function addParticipants(
  ctx: TestContext,
  periodId: string,
  formationId: string,
  people: { participantNo: string; name: string; ipk: number; birthDate: string }[],
) {
  const now = ctx.clock.now();
  for (const p of people) {
    counter += 1;
    const accountId = ctx.services.ids.uuid();
    await ctx.database.db
      .insertInto('accounts')
      .values({
        id: accountId,
        email: `peserta${counter}.${p.participantNo}@contoh.id`,
        email_normalized: `peserta${counter}.${p.participantNo}@contoh.id`,
        password_hash: 'x',
        role: 'applicant',
        full_name: p.name,
        birth_date: p.birthDate,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await ctx.database.db
      .insertInto('applications')
      .values({
        id: ctx.services.ids.uuid(),
        period_id: periodId,
        applicant_id: accountId,
        formation_id: formationId,
        registration_no: `T-${p.participantNo}`,
        status: 'ms',
        published_result: 'ms',
        participant_no: p.participantNo,
        biodata: JSON.stringify({ nameOnIjazah: p.name, ipk: p.ipk }),
        submitted_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}
