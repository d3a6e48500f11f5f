/**
 * Delivered item versions, kept for the process's life: a delivered version never changes, so each
 * one's content — and its JSON for participants per option order — is read once. Used by the exam
 * view (hot: a hall loads 110 items per participant), submit scoring and item analysis.
 */
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { attemptsRepository } from './attempts.repository.ts';
import type { FormItem, ItemContent } from './domain/index.ts';

/** A shuffled option order as a number (base 8, A = 1): a map key made without building a string, 110 times per exam load. */
export const orderCode = (order: readonly string[]) => {
  let code = 0;
  for (const key of order) code = code * 8 + (key.charCodeAt(0) - 64);
  return code;
};

export function createDeliveredItems(db: Kysely<DB>) {
  /** By item id then version (an exam load looks up 110 items: no key strings to build). */
  interface Delivered {
    content: ItemContent;
    bytesByOrder: Map<number, Buffer>;
  }
  const delivered = new Map<string, Map<number, Delivered>>();
  const deliveredOf = (f: { itemId: string; version: number }) => delivered.get(f.itemId)?.get(f.version);
  let renderedCount = 0;
  /** Fetches on their way, by version: a hall's first loads all miss together and share them. */
  const contentFetches = new Map<string, Promise<void>>();
  const versionKey = (f: { itemId: string; version: number }) => `${f.itemId}:${f.version}`;

  async function fetchContents(ex: Executor, missing: FormItem[]) {
    const rows = await attemptsRepository.deliveredContents(ex, [...new Set(missing.map((m) => m.itemId))]);
    for (const r of rows) {
      let versions = delivered.get(r.item_id);
      if (!versions) delivered.set(r.item_id, (versions = new Map()));
      if (!versions.has(r.version))
        versions.set(r.version, { content: r.content as ItemContent, bytesByOrder: new Map() });
    }
  }

  /** Makes sure the form's versions are in `delivered` (those that are delivered). */
  async function load(ex: Executor, form: FormItem[]) {
    const missing = form.filter((f) => !deliveredOf(f));
    if (missing.length === 0) return;
    if (ex !== db) return fetchContents(ex, missing); // in a transaction: never wait on another query
    const waits = new Set<Promise<void>>();
    const unfetched = missing.filter((f) => {
      const fetching = contentFetches.get(versionKey(f));
      if (fetching) waits.add(fetching);
      return !fetching;
    });
    if (unfetched.length > 0) {
      const fetching = fetchContents(db, unfetched).finally(() => {
        for (const f of unfetched) contentFetches.delete(versionKey(f));
      });
      for (const f of unfetched) contentFetches.set(versionKey(f), fetching);
      waits.add(fetching);
    }
    await Promise.all(waits);
  }

  async function contents(ex: Executor, form: FormItem[]): Promise<Map<string, ItemContent>> {
    await load(ex, form);
    const out = new Map<string, ItemContent>();
    for (const f of form) {
      const d = deliveredOf(f);
      if (d) out.set(f.itemId, d.content);
    }
    return out;
  }

  /**
   * A delivered version as the participant's page gets it, with its options in one shuffled order,
   * made once as bytes: a whitelist of stem, image and option texts — keys, weights and
   * explanations never leave the server. A hall loads the same texts in different orders (at most
   * 5! per version), and rendering ~50 KB per participant was most of an exam load's work.
   * The bytes are the item's JSON after its opening brace; the number goes in front (itemPrefix).
   * The form must have been loaded first.
   */
  function itemBytes(f: FormItem): Buffer {
    const d = deliveredOf(f)!;
    const order = orderCode(f.optionOrder);
    let bytes = d.bytesByOrder.get(order);
    if (!bytes) {
      const c = d.content;
      const text = new Map(c.options.map((o) => [o.key, o.text]));
      const options = f.optionOrder.map((k) => ({ key: k, text: text.get(k) ?? '' }));
      bytes = Buffer.from(
        JSON.stringify({ itemId: f.itemId, subtest: f.subtest, stem: c.stem, imageKey: c.imageKey, options }).slice(1),
      );
      // A bank of thousands of items could fill memory with orders: start afresh past 50,000.
      if (++renderedCount > 50_000) {
        for (const versions of delivered.values()) for (const v of versions.values()) v.bytesByOrder.clear();
        renderedCount = 1;
      }
      d.bytesByOrder.set(order, bytes);
    }
    return bytes;
  }
  /** `{"number":1,` then `,{"number":2,` …: one buffer per position, shared by every view. */
  const itemPrefixes: Buffer[] = [];
  const itemPrefix = (i: number) => (itemPrefixes[i] ??= Buffer.from(`${i > 0 ? ',' : ''}{"number":${i + 1},`));

  return { load, contents, itemBytes, itemPrefix };
}

export type DeliveredItems = ReturnType<typeof createDeliveredItems>;
