/** SQL for exam item pictures. Executor first. */
import { type Executor, sql } from '../../db/database.ts';
import type { ItemImagesTable } from '../../db/schema.ts';
import type { Insertable } from 'kysely';

export const itemImagesRepository = {
  insert: (db: Executor, row: Insertable<ItemImagesTable>) => db.insertInto('item_images').values(row).execute(),
  /** Whether the account is taking an exam now whose form holds an item showing this picture. */
  inOpenAttemptOf: async (db: Executor, imageId: string, accountId: string) =>
    (
      await sql<{ one: number }>`
        select 1 as one from item_versions iv
        join attempts t on t.form @> jsonb_build_array(jsonb_build_object('itemId', iv.item_id::text))
        join applications a on a.id = t.application_id
        where iv.content->>'imageKey' = ${imageId} and a.applicant_id = ${accountId} and t.status = 'in_progress'
        limit 1`.execute(db)
    ).rows.length > 0,

  /** Whether the account is taking a training test now whose form holds an item showing this picture. */
  inOpenAssessmentOf: async (db: Executor, imageId: string, accountId: string) =>
    (
      await sql<{ one: number }>`
        select 1 as one from item_versions iv
        join assessment_attempts t on t.form @> jsonb_build_array(jsonb_build_object('itemId', iv.item_id::text))
        where iv.content->>'imageKey' = ${imageId} and t.account_id = ${accountId} and t.status = 'in_progress'
        limit 1`.execute(db)
    ).rows.length > 0,

  byId: (db: Executor, id: string) =>
    db.selectFrom('item_images').select(['id', 'file_key', 'mime', 'size']).where('id', '=', id).executeTakeFirst(),
};
