/** What the item-bank use-cases share: their context, the filter, presenters, and writing an item under the versioning rule. */
import type { Executor } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { type ItemImagesService, unknownImage } from './item-images.service.ts';
import { type Blueprint, blueprintItemCount, type ExamType, type ItemContent } from './domain/index.ts';
import type { ExamContext } from './exam.shared.ts';
import { itemBankRepository } from './item-bank.repository.ts';

/** The exam context with the check that an item's `imageKey` names an uploaded picture. */
export type ItemBankContext = ExamContext & { images?: Pick<ItemImagesService, 'exists'> | undefined };

export interface ItemFilter {
  examType?: string | undefined;
  subtest?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
  includeRetired?: boolean | undefined;
  page: number;
  pageSize: number;
}

export const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });

/** JSON with sorted keys and without undefined/null optional noise: equal content, equal text. */
function canonical(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(norm);
    if (x && typeof x === 'object') {
      return Object.fromEntries(
        Object.entries(x)
          .filter(([, val]) => val !== undefined && val !== null)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, val]) => [k, norm(val)]),
      );
    }
    return x;
  };
  return JSON.stringify(norm(v));
}

export const presentItem = (r: {
  id: string;
  current_version: number;
  retired_at: Date | null;
  content: unknown;
  first_delivered_at: Date | null;
  updated_at: Date;
}) => ({
  id: r.id,
  version: r.current_version,
  delivered: r.first_delivered_at !== null,
  retired: r.retired_at !== null,
  updatedAt: new Date(r.updated_at).toISOString(),
  content: r.content as ItemContent,
});

export const presentBlueprint = (b: {
  id: string;
  name: string;
  exam_type: string;
  content: unknown;
  updated_at: Date;
}) => ({
  id: b.id,
  name: b.name,
  examType: b.exam_type as ExamType,
  itemCount: blueprintItemCount(b.content as Blueprint),
  blueprint: b.content as Blueprint,
  updatedAt: new Date(b.updated_at).toISOString(),
});

/** Stores a new item (version 1) and audits it; a null actor is the seed. */
export async function insertItem(
  ctx: ItemBankContext,
  trx: Executor,
  actor: Actor | null,
  content: ItemContent,
  id = ctx.ids.uuid(),
) {
  await itemBankRepository.insertItem(trx, id, {
    exam_type: content.examType,
    subtest: content.subtest,
    category: content.category,
    content: JSON.stringify(content),
    created_by: actor?.accountId ?? null,
  });
  await ctx.audit.record(trx, {
    actor: actor ? actorOf(actor) : { id: null, role: 'system' },
    action: 'item.create',
    subjectType: 'item',
    subjectId: id,
    after: content,
  });
  return id;
}

/** Versioning rule: a delivered version is frozen (new version), an undelivered one is edited in place. */
export async function reviseItem(
  ctx: ItemBankContext,
  trx: Executor,
  actor: Actor,
  id: string,
  content: ItemContent,
  opts: { keepUnsheeted?: boolean } = {},
): Promise<'updated' | 'new_version' | 'unchanged'> {
  const item = await itemBankRepository.itemForUpdate(trx, id);
  if (!item) throw notFound();
  const cur = await itemBankRepository.version(trx, id, item.current_version);
  // A sheet carries no explanation or image: keep the stored ones rather than erase them.
  const prev = cur.content as ItemContent;
  if (opts.keepUnsheeted)
    content = {
      ...content,
      imageKey: content.imageKey ?? prev.imageKey,
      explanation: content.explanation ?? prev.explanation ?? null,
    };
  if (canonical(prev) === canonical(content)) return 'unchanged';
  const now = ctx.clock.now();
  const row = {
    exam_type: content.examType,
    subtest: content.subtest,
    category: content.category,
    content: JSON.stringify(content),
    updated_at: now,
  };
  let outcome: 'updated' | 'new_version';
  if (cur.first_delivered_at) {
    const version = item.current_version + 1;
    await itemBankRepository.addVersion(trx, { item_id: id, version, ...row, created_by: actor.accountId });
    outcome = 'new_version';
  } else {
    await itemBankRepository.editVersion(trx, id, item.current_version, row);
    outcome = 'updated';
  }
  await ctx.audit.record(trx, {
    actor: actorOf(actor),
    action: outcome === 'new_version' ? 'item.new_version' : 'item.update',
    subjectType: 'item',
    subjectId: id,
    before: cur.content,
    after: content,
  });
  return outcome;
}

/** Refuses an item whose picture was never uploaded. */
export async function assertImage(ctx: ItemBankContext, content: ItemContent) {
  if (content.imageKey !== null && ctx.images && !(await ctx.images.exists(content.imageKey))) throw unknownImage();
}
