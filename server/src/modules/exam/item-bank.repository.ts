/** SQL of the item bank and blueprints (item-bank.service.ts). Executor first. */
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { BlueprintsTable, ItemVersionsTable } from '../../db/schema.ts';

export interface ItemRowFilter {
  examType?: string | undefined;
  subtest?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
  includeRetired?: boolean | undefined;
}

const ITEM_COLUMNS = [
  'items.id',
  'items.current_version',
  'items.retired_at',
  'item_versions.content',
  'item_versions.first_delivered_at',
  'item_versions.updated_at',
] as const;

function currentVersions(ex: Executor) {
  return ex
    .selectFrom('items')
    .innerJoin('item_versions', (j) =>
      j.onRef('item_versions.item_id', '=', 'items.id').onRef('item_versions.version', '=', 'items.current_version'),
    );
}

function filtered(ex: Executor, f: ItemRowFilter) {
  let q = currentVersions(ex);
  if (f.examType) q = q.where('item_versions.exam_type', '=', f.examType);
  if (f.subtest) q = q.where('item_versions.subtest', '=', f.subtest);
  if (f.category) q = q.where('item_versions.category', '=', f.category);
  if (!f.includeRetired) q = q.where('items.retired_at', 'is', null);
  if (f.q)
    q = q.where((eb) =>
      eb(eb.cast(eb.ref('item_versions.content'), 'text'), 'ilike', `%${f.q!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
    );
  return q;
}

export const itemBankRepository = {
  // ── items ──
  insertItem: async (ex: Executor, id: string, version: Omit<Insertable<ItemVersionsTable>, 'item_id' | 'version'>) => {
    await ex
      .insertInto('items')
      .values({ id, current_version: 1, created_by: version.created_by ?? null })
      .execute();
    await ex
      .insertInto('item_versions')
      .values({ item_id: id, version: 1, ...version })
      .execute();
  },
  itemForUpdate: (ex: Executor, id: string) =>
    ex.selectFrom('items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  itemExists: async (ex: Executor, id: string) =>
    (await ex.selectFrom('items').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,
  version: (ex: Executor, id: string, version: number) =>
    ex
      .selectFrom('item_versions')
      .selectAll()
      .where('item_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirstOrThrow(),
  /** A delivered version is frozen: the edit becomes version `version`, the item's current one. */
  addVersion: async (ex: Executor, row: Insertable<ItemVersionsTable>) => {
    await ex.insertInto('item_versions').values(row).execute();
    await ex.updateTable('items').set({ current_version: row.version }).where('id', '=', row.item_id).execute();
  },
  editVersion: (ex: Executor, id: string, version: number, row: Updateable<ItemVersionsTable>) =>
    ex.updateTable('item_versions').set(row).where('item_id', '=', id).where('version', '=', version).execute(),
  /** Whether an unretired item was retired now. */
  retire: async (ex: Executor, id: string, at: Date) =>
    Number(
      (
        await ex
          .updateTable('items')
          .set({ retired_at: at })
          .where('id', '=', id)
          .where('retired_at', 'is', null)
          .executeTakeFirst()
      ).numUpdatedRows,
    ) > 0,
  current: (ex: Executor, id: string) =>
    currentVersions(ex).select(ITEM_COLUMNS).where('items.id', '=', id).executeTakeFirst(),
  versions: (ex: Executor, id: string) =>
    ex
      .selectFrom('item_versions')
      .select(['version', 'first_delivered_at', 'created_at'])
      .where('item_id', '=', id)
      .orderBy('version')
      .execute(),
  count: async (ex: Executor, f: ItemRowFilter) =>
    Number(
      (
        await filtered(ex, f)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  page: (ex: Executor, f: ItemRowFilter, page: { limit: number; offset: number }) =>
    filtered(ex, f)
      .select(ITEM_COLUMNS)
      .orderBy('item_versions.exam_type')
      .orderBy('item_versions.subtest')
      .orderBy('item_versions.category')
      .orderBy('items.created_at')
      .orderBy('items.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  exportRows: (ex: Executor, f: ItemRowFilter) =>
    filtered(ex, f)
      .select(['items.id', 'item_versions.content'])
      .orderBy('item_versions.exam_type')
      .orderBy('item_versions.subtest')
      .orderBy('item_versions.category')
      .orderBy('items.id')
      .execute(),

  // ── blueprints ──
  blueprints: (ex: Executor) => ex.selectFrom('blueprints').selectAll().orderBy('name').execute(),
  blueprint: (ex: Executor, id: string) =>
    ex.selectFrom('blueprints').selectAll().where('id', '=', id).executeTakeFirst(),
  blueprintForUpdate: (ex: Executor, id: string) =>
    ex.selectFrom('blueprints').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  insertBlueprint: (ex: Executor, row: Insertable<BlueprintsTable>) =>
    ex.insertInto('blueprints').values(row).execute(),
  updateBlueprint: (ex: Executor, id: string, row: Updateable<BlueprintsTable>) =>
    ex.updateTable('blueprints').set(row).where('id', '=', id).execute(),
  /** Whether an opened CAT session uses the blueprint. */
  blueprintInUse: async (ex: Executor, id: string) =>
    (await ex.selectFrom('cat_sessions').select('session_id').where('blueprint_id', '=', id).executeTakeFirst()) !==
    undefined,
};
