/**
 * The question bank and blueprints (kisi-kisi), for exam admins only. Items are versioned: a
 * version that was ever delivered in a participant's form is frozen, so editing a delivered item
 * creates version n+1 (new forms use it; old attempts keep scoring against theirs), while editing
 * a version nobody has seen yet updates it in place. Every read and export is audit-logged.
 */
import type { Kysely } from 'kysely';
import { msg } from '../../../../common/contracts/messages.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import type { Actor } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { type ItemImagesService, unknownImage } from './item-images.service.ts';
import { type Blueprint, BlueprintSchema, blueprintItemCount, type ExamType, type ItemContent } from './domain/index.ts';
import { itemBankRepository } from './item-bank.repository.ts';
import { parseItemSheet, writeItemSheet } from './item-sheet.ts';

export interface ItemBankDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  /** Checks an item's `imageKey` names an uploaded picture. */
  images?: Pick<ItemImagesService, 'exists'>;
}

export interface ItemFilter {
  examType?: string | undefined;
  subtest?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
  includeRetired?: boolean | undefined;
  page: number;
  pageSize: number;
}

const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });

/** JSON with sorted keys and without undefined/null optional noise: equal content, equal text. */
function canonical(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(norm);
    if (x && typeof x === 'object') {
      return Object.fromEntries(Object.entries(x).filter(([, val]) => val !== undefined && val !== null).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, val]) => [k, norm(val)]));
    }
    return x;
  };
  return JSON.stringify(norm(v));
}

const presentItem = (r: { id: string; current_version: number; retired_at: Date | null; content: unknown; first_delivered_at: Date | null; updated_at: Date }) => ({
  id: r.id,
  version: r.current_version,
  delivered: r.first_delivered_at !== null,
  retired: r.retired_at !== null,
  updatedAt: new Date(r.updated_at).toISOString(),
  content: r.content as ItemContent,
});

export const presentBlueprint = (b: { id: string; name: string; exam_type: string; content: unknown; updated_at: Date }) => ({
  id: b.id,
  name: b.name,
  examType: b.exam_type as ExamType,
  itemCount: blueprintItemCount(b.content as Blueprint),
  blueprint: b.content as Blueprint,
  updatedAt: new Date(b.updated_at).toISOString(),
});

export function createItemBankService(deps: ItemBankDeps) {
  const { db, clock, ids, audit } = deps;

  async function insertItem(trx: Executor, actor: Actor | null, content: ItemContent, id = ids.uuid()) {
    await itemBankRepository.insertItem(trx, id, { exam_type: content.examType, subtest: content.subtest, category: content.category, content: JSON.stringify(content), created_by: actor?.accountId ?? null });
    await audit.record(trx, { actor: actor ? actorOf(actor) : { id: null, role: 'system' }, action: 'item.create', subjectType: 'item', subjectId: id, after: content });
    return id;
  }

  /** Versioning rule: a delivered version is frozen (new version), an undelivered one is edited in place. */
  async function updateItem(trx: Executor, actor: Actor, id: string, content: ItemContent, opts: { keepUnsheeted?: boolean } = {}): Promise<'updated' | 'new_version' | 'unchanged'> {
    const item = await itemBankRepository.itemForUpdate(trx, id);
    if (!item) throw notFound();
    const cur = await itemBankRepository.version(trx, id, item.current_version);
    // A sheet carries no explanation or image: keep the stored ones rather than erase them.
    const prev = cur.content as ItemContent;
    if (opts.keepUnsheeted) content = { ...content, imageKey: content.imageKey ?? prev.imageKey, explanation: content.explanation ?? prev.explanation ?? null };
    if (canonical(prev) === canonical(content)) return 'unchanged';
    const now = clock.now();
    const row = { exam_type: content.examType, subtest: content.subtest, category: content.category, content: JSON.stringify(content), updated_at: now };
    let outcome: 'updated' | 'new_version';
    if (cur.first_delivered_at) {
      const version = item.current_version + 1;
      await itemBankRepository.addVersion(trx, { item_id: id, version, ...row, created_by: actor.accountId });
      outcome = 'new_version';
    } else {
      await itemBankRepository.editVersion(trx, id, item.current_version, row);
      outcome = 'updated';
    }
    await audit.record(trx, { actor: actorOf(actor), action: outcome === 'new_version' ? 'item.new_version' : 'item.update', subjectType: 'item', subjectId: id, before: cur.content, after: content });
    return outcome;
  }

  async function assertImage(content: ItemContent) {
    if (content.imageKey !== null && deps.images && !(await deps.images.exists(content.imageKey))) throw unknownImage();
  }

  return {
    insertItem,

    async createItem(actor: Actor, content: ItemContent) {
      await assertImage(content);
      const id = await db.transaction().execute((trx) => insertItem(trx, actor, content));
      return this.getItem(actor, id, { audited: false });
    },

    async updateItem(actor: Actor, id: string, content: ItemContent) {
      await assertImage(content);
      const outcome = await db.transaction().execute((trx) => updateItem(trx, actor, id, content));
      return { outcome, item: await this.getItem(actor, id, { audited: false }) };
    },

    async retireItem(actor: Actor, id: string) {
      await db.transaction().execute(async (trx) => {
        if (!(await itemBankRepository.retire(trx, id, clock.now()))) throw notFound();
        await audit.record(trx, { actor: actorOf(actor), action: 'item.retire', subjectType: 'item', subjectId: id });
      });
    },

    async getItem(actor: Actor, id: string, opts: { audited: boolean } = { audited: true }) {
      return db.transaction().execute(async (trx) => {
        const row = await itemBankRepository.current(trx, id);
        if (!row) throw notFound();
        const versions = await itemBankRepository.versions(trx, id);
        if (opts.audited) await audit.record(trx, { actor: actorOf(actor), action: 'item.read', subjectType: 'item', subjectId: id });
        return {
          ...presentItem(row),
          versions: versions.map((v) => ({ version: v.version, delivered: v.first_delivered_at !== null, createdAt: new Date(v.created_at).toISOString() })),
        };
      });
    },

    async listItems(actor: Actor, f: ItemFilter) {
      return db.transaction().execute(async (trx) => {
        const total = await itemBankRepository.count(trx, f);
        const rows = await itemBankRepository.page(trx, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
        await audit.record(trx, { actor: actorOf(actor), action: 'item.list', subjectType: 'item_bank', after: { filter: f, returned: rows.map((r) => r.id) } });
        return { total, page: f.page, pageSize: f.pageSize, items: rows.map(presentItem) };
      });
    },

    async exportItems(actor: Actor, f: Omit<ItemFilter, 'page' | 'pageSize'>, format: 'csv' | 'xlsx') {
      return db.transaction().execute(async (trx) => {
        const rows = await itemBankRepository.exportRows(trx, f);
        await audit.record(trx, { actor: actorOf(actor), action: 'item.export', subjectType: 'item_bank', after: { filter: f, format, count: rows.length } });
        return writeItemSheet(rows.map((r) => ({ id: r.id, content: r.content as ItemContent })), format);
      });
    },

    /**
     * Imports a sheet all-or-nothing: any row with a problem → nothing is stored and the report
     * lists every row. Rows with an item_id update that item (versioning rule), others create items.
     */
    async importItems(actor: Actor, data: Buffer, format: 'csv' | 'xlsx') {
      const parsed = await parseItemSheet(data, format);
      if (!parsed.ok) {
        const bad = new Set(parsed.problems.map((p) => p.line));
        return {
          ok: false as const,
          created: 0, updated: 0, unchanged: 0,
          report: [
            ...parsed.problems.map((p) => ({ line: p.line, itemId: p.itemId, status: 'error' as const, problems: p.problems })),
            ...parsed.rows.filter((r) => !bad.has(r.line)).map((r) => ({ line: r.line, itemId: r.itemId, status: 'valid' as const, problems: [] })),
          ].sort((a, b) => a.line - b.line),
        };
      }
      return db.transaction().execute(async (trx) => {
        const report: { line: number; itemId: string | null; status: 'created' | 'updated' | 'new_version' | 'unchanged' | 'error'; problems: { field: string; message: string }[] }[] = [];
        let failed = false;
        for (const row of parsed.rows) {
          if (row.itemId) {
            if (!(await itemBankRepository.itemExists(trx, row.itemId))) {
              failed = true;
              report.push({ line: row.line, itemId: row.itemId, status: 'error', problems: [{ field: 'item_id', message: 'Soal dengan item_id ini tidak ada di bank; kosongkan untuk membuat soal baru.' }] });
              continue;
            }
            report.push({ line: row.line, itemId: row.itemId, status: await updateItem(trx, actor, row.itemId, row.content, { keepUnsheeted: true }), problems: [] });
          } else {
            report.push({ line: row.line, itemId: await insertItem(trx, actor, row.content), status: 'created', problems: [] });
          }
        }
        if (failed) throw new ImportRolledBack(report);
        await audit.record(trx, { actor: actorOf(actor), action: 'item.import', subjectType: 'item_bank', after: { rows: report.length, format } });
        return {
          ok: true as const,
          created: report.filter((r) => r.status === 'created').length,
          updated: report.filter((r) => r.status === 'updated' || r.status === 'new_version').length,
          unchanged: report.filter((r) => r.status === 'unchanged').length,
          report,
        };
      }).catch((err) => {
        if (err instanceof ImportRolledBack) return { ok: false as const, created: 0, updated: 0, unchanged: 0, report: err.report.map((r) => (r.status === 'error' ? r : { ...r, status: 'valid' as const, itemId: r.status === 'created' ? null : r.itemId })) };
        throw err;
      });
    },

    // ── blueprints ──
    async listBlueprints() {
      const rows = await itemBankRepository.blueprints(db);
      return rows.map(presentBlueprint);
    },

    async getBlueprint(id: string) {
      const b = await itemBankRepository.blueprint(db, id);
      if (!b) throw notFound();
      return presentBlueprint(b);
    },

    async createBlueprint(actor: Actor | null, blueprint: Blueprint) {
      const parsed = BlueprintSchema.parse(blueprint) as Blueprint;
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        await itemBankRepository.insertBlueprint(trx, { id, name: parsed.name, exam_type: parsed.examType, content: JSON.stringify(parsed), created_by: actor?.accountId ?? null });
        await audit.record(trx, { actor: actor ? actorOf(actor) : { id: null, role: 'system' }, action: 'blueprint.create', subjectType: 'blueprint', subjectId: id, after: parsed });
      });
      return this.getBlueprint(id);
    },

    async updateBlueprint(actor: Actor, id: string, blueprint: Blueprint) {
      await db.transaction().execute(async (trx) => {
        const b = await itemBankRepository.blueprintForUpdate(trx, id);
        if (!b) throw notFound();
        // A blueprint in use by an opened CAT session is history: make a new one instead.
        if (await itemBankRepository.blueprintInUse(trx, id)) throw new AppError('CONFLICT', msg('Kisi-kisi ini sudah dipakai sesi ujian dan tidak dapat diubah. Buat kisi-kisi baru.', 'This blueprint was used by an exam session and cannot change. Create a new one.'));
        await itemBankRepository.updateBlueprint(trx, id, { name: blueprint.name, exam_type: blueprint.examType, content: JSON.stringify(blueprint), updated_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'blueprint.update', subjectType: 'blueprint', subjectId: id, before: b.content, after: blueprint });
      });
      return this.getBlueprint(id);
    },
  };
}

class ImportRolledBack extends Error {
  constructor(readonly report: { line: number; itemId: string | null; status: 'created' | 'updated' | 'new_version' | 'unchanged' | 'error'; problems: { field: string; message: string }[] }[]) {
    super('import rolled back');
  }
}

export type ItemBankService = ReturnType<typeof createItemBankService>;
