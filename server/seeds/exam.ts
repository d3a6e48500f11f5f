/**
 * The practice item bank and the SKD blueprint for the demo, written through the exam services.
 * Idempotent: a second run (or a second instance starting at the same time) changes nothing.
 */
import type { Services } from '../src/compose.ts';
import { type Database, sql } from '../src/db/database.ts';
import { SKD_BLUEPRINT } from '../src/modules/exam/domain/index.ts';
import { PRACTICE_BANK } from './practice-bank.ts';
import { TRAINING_BANK, TRAINING_BLUEPRINT } from './training-bank.ts';

const SEED_LOCK = 7_271_005;

/** Imports PRACTICE_BANK and SKD_BLUEPRINT once; returns how many items it created (0 when already seeded). */
export async function seedPracticeBank(database: Database, services: Pick<Services, 'items'>): Promise<number> {
  return database.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    const any = await trx.selectFrom('items').select('id').limit(1).executeTakeFirst();
    if (any) return 0;
    for (const item of PRACTICE_BANK) await services.items.insertItem(trx, null, item);
    const hasBlueprint = await trx
      .selectFrom('blueprints')
      .select('id')
      .where('name', '=', SKD_BLUEPRINT.name)
      .executeTakeFirst();
    if (!hasBlueprint) {
      await trx
        .insertInto('blueprints')
        .values({
          id: crypto.randomUUID(),
          name: SKD_BLUEPRINT.name,
          exam_type: SKD_BLUEPRINT.examType,
          content: JSON.stringify(SKD_BLUEPRINT),
          created_by: null,
        })
        .execute();
    }
    return PRACTICE_BANK.length;
  });
}

/** The demo's training item set (kesiapsiagaan bencana) and its blueprint, once; returns the blueprint id. */
export async function seedTrainingBank(database: Database, services: Pick<Services, 'items'>): Promise<string> {
  const existing = await database.db
    .selectFrom('blueprints')
    .select('id')
    .where('name', '=', TRAINING_BLUEPRINT.name)
    .executeTakeFirst();
  if (existing) return existing.id;
  await database.db.transaction().execute(async (trx) => {
    for (const item of TRAINING_BANK) await services.items.insertItem(trx, null, item);
  });
  return (await services.items.createBlueprint(null, TRAINING_BLUEPRINT)).id;
}
