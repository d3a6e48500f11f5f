/** Importing a sheet of items: all rows or none, with a report per row. */
import type { Actor } from '../identity/index.ts';
import { actorOf, insertItem, type ItemBankContext, reviseItem } from './item-bank.shared.ts';
import { itemBankRepository } from './item-bank.repository.ts';
import { parseItemSheet } from './item-sheet.ts';

/**
 * Imports a sheet all-or-nothing: any row with a problem → nothing is stored and the report
 * lists every row. Rows with an item_id update that item (versioning rule), others create items.
 */
export async function importItems(ctx: ItemBankContext, actor: Actor, data: Buffer, format: 'csv' | 'xlsx') {
  const parsed = await parseItemSheet(data, format);
  if (!parsed.ok) {
    const bad = new Set(parsed.problems.map((p) => p.line));
    return {
      ok: false as const,
      created: 0,
      updated: 0,
      unchanged: 0,
      report: [
        ...parsed.problems.map((p) => ({
          line: p.line,
          itemId: p.itemId,
          status: 'error' as const,
          problems: p.problems,
        })),
        ...parsed.rows
          .filter((r) => !bad.has(r.line))
          .map((r) => ({ line: r.line, itemId: r.itemId, status: 'valid' as const, problems: [] })),
      ].sort((a, b) => a.line - b.line),
    };
  }
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const report: {
        line: number;
        itemId: string | null;
        status: 'created' | 'updated' | 'new_version' | 'unchanged' | 'error';
        problems: { field: string; message: string }[];
      }[] = [];
      let failed = false;
      for (const row of parsed.rows) {
        if (row.itemId) {
          if (!(await itemBankRepository.itemExists(trx, row.itemId))) {
            failed = true;
            report.push({
              line: row.line,
              itemId: row.itemId,
              status: 'error',
              problems: [
                {
                  field: 'item_id',
                  message: 'Soal dengan item_id ini tidak ada di bank; kosongkan untuk membuat soal baru.',
                },
              ],
            });
            continue;
          }
          report.push({
            line: row.line,
            itemId: row.itemId,
            status: await reviseItem(ctx, trx, actor, row.itemId, row.content, { keepUnsheeted: true }),
            problems: [],
          });
        } else {
          report.push({
            line: row.line,
            itemId: await insertItem(ctx, trx, actor, row.content),
            status: 'created',
            problems: [],
          });
        }
      }
      if (failed) throw new ImportRolledBack(report);
      await ctx.audit.record(trx, {
        actor: actorOf(actor),
        action: 'item.import',
        subjectType: 'item_bank',
        after: { rows: report.length, format },
      });
      return {
        ok: true as const,
        created: report.filter((r) => r.status === 'created').length,
        updated: report.filter((r) => r.status === 'updated' || r.status === 'new_version').length,
        unchanged: report.filter((r) => r.status === 'unchanged').length,
        report,
      };
    })
    .catch((err) => {
      if (err instanceof ImportRolledBack)
        return {
          ok: false as const,
          created: 0,
          updated: 0,
          unchanged: 0,
          report: err.report.map((r) =>
            r.status === 'error'
              ? r
              : { ...r, status: 'valid' as const, itemId: r.status === 'created' ? null : r.itemId },
          ),
        };
      throw err;
    });
}

class ImportRolledBack extends Error {
  constructor(
    readonly report: {
      line: number;
      itemId: string | null;
      status: 'created' | 'updated' | 'new_version' | 'unchanged' | 'error';
      problems: { field: string; message: string }[];
    }[],
  ) {
    super('import rolled back');
  }
}
