/** Bank items: create, edit (versioning rule), retire, read one, list and export, every read audited. */
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import type { ItemContent } from './domain/index.ts';
import {
  actorOf,
  assertImage,
  insertItem,
  type ItemBankContext,
  type ItemFilter,
  presentItem,
  reviseItem,
} from './item-bank.shared.ts';
import { itemBankRepository } from './item-bank.repository.ts';
import { writeItemSheet } from './item-sheet.ts';

/** One item with its versions; the read is audited unless the caller just wrote it. */
export async function getItem(
  ctx: ItemBankContext,
  actor: Actor,
  id: string,
  opts: { audited: boolean } = { audited: true },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await itemBankRepository.current(trx, id);
    if (!row) throw notFound();
    const versions = await itemBankRepository.versions(trx, id);
    if (opts.audited)
      await ctx.audit.record(trx, { actor: actorOf(actor), action: 'item.read', subjectType: 'item', subjectId: id });
    return {
      ...presentItem(row),
      versions: versions.map((v) => ({
        version: v.version,
        delivered: v.first_delivered_at !== null,
        createdAt: new Date(v.created_at).toISOString(),
      })),
    };
  });
}

/** Adds an item to the bank (its picture must have been uploaded). */
export async function createItem(ctx: ItemBankContext, actor: Actor, content: ItemContent) {
  await assertImage(ctx, content);
  const id = await ctx.db.transaction().execute((trx) => insertItem(ctx, trx, actor, content));
  return getItem(ctx, actor, id, { audited: false });
}

/** Edits an item under the versioning rule: a delivered version is never changed. */
export async function updateItem(ctx: ItemBankContext, actor: Actor, id: string, content: ItemContent) {
  await assertImage(ctx, content);
  const outcome = await ctx.db.transaction().execute((trx) => reviseItem(ctx, trx, actor, id, content));
  return { outcome, item: await getItem(ctx, actor, id, { audited: false }) };
}

/** Retires an item: new forms no longer draw it; old attempts keep scoring against it. */
export async function retireItem(ctx: ItemBankContext, actor: Actor, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await itemBankRepository.retire(trx, id, ctx.clock.now()))) throw notFound();
    await ctx.audit.record(trx, { actor: actorOf(actor), action: 'item.retire', subjectType: 'item', subjectId: id });
  });
}

/** One page of the filtered bank; the list (with the ids returned) is audited. */
export async function listItems(ctx: ItemBankContext, actor: Actor, f: ItemFilter) {
  return ctx.db.transaction().execute(async (trx) => {
    const total = await itemBankRepository.count(trx, f);
    const rows = await itemBankRepository.page(trx, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'item.list',
      subjectType: 'item_bank',
      after: { filter: f, returned: rows.map((r) => r.id) },
    });
    return { total, page: f.page, pageSize: f.pageSize, items: rows.map(presentItem) };
  });
}

/** The filtered bank as a sheet in the import format; the export is audited. */
export async function exportItems(
  ctx: ItemBankContext,
  actor: Actor,
  f: Omit<ItemFilter, 'page' | 'pageSize'>,
  format: 'csv' | 'xlsx',
) {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await itemBankRepository.exportRows(trx, f);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'item.export',
      subjectType: 'item_bank',
      after: { filter: f, format, count: rows.length },
    });
    return writeItemSheet(
      rows.map((r) => ({ id: r.id, content: r.content as ItemContent })),
      format,
    );
  });
}
