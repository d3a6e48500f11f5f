/** SKB: the component weights of a formation, and the scores per component from the CSV import or the form. */
import { createHash } from 'node:crypto';
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import {
  parseScoreHundredths,
  skbWeightProblems,
  weightedSkbHundredths,
  type SkbComponent,
} from './domain/skb-weights.ts';
import { selectionRepository as repo } from './selection.repository.ts';
import {
  actorOf,
  advancingIn,
  conflict,
  latestPublished,
  participants,
  type SelectionContext,
} from './selection.shared.ts';

/** A formation's SKB components and weights; one CAT component at 100 % until the committee sets them. */
export async function skbWeights(ctx: SelectionContext, formationId: string) {
  const row = await repo.skbWeights(ctx.db, formationId);
  return {
    components: (row?.components as SkbComponent[] | undefined) ?? [
      { key: 'cat', name: 'SKB CAT', kind: 'cat', weightPct: 100 },
    ],
    configured: Boolean(row),
  };
}

/** Sets a formation's SKB components and weights once they satisfy the rules (skbWeightProblems); audited. */
export async function setSkbWeights(
  ctx: SelectionContext,
  actor: Actor,
  formationId: string,
  components: SkbComponent[],
) {
  const problems = skbWeightProblems(components);
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', msg('Bobot SKB tidak sesuai ketentuan.', 'SKB weights break the rules.'), {
      fields: problems.map((m) => ({ field: 'components', message: m })),
    });
  }
  if (!(await ctx.recruitment.formationExists(formationId))) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveSkbWeights(trx, formationId, {
      components: JSON.stringify(components),
      updated_by: actor.accountId,
      updated_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'skb.set_weights',
      subjectType: 'formation',
      subjectId: formationId,
      after: components,
    });
  });
}

/**
 * Enters one participant's SKB scores from the form, by exactly the rules of the CSV import
 * (importSkb): component scores 0–100 with at most 2 decimals, null = absent, only a
 * participant who advanced to SKB. Audited as `skb.entry`.
 */
export async function enterSkb(
  ctx: SelectionContext,
  actor: Actor,
  periodId: string,
  participantNo: string,
  components: Record<string, string> | null,
) {
  const keys = components ? Object.keys(components).sort() : ['hadir'];
  const values = components ? keys.map((k) => components[k]!) : [''];
  const csv = `participant_no,${keys.join(',')}\n${participantNo},${values.join(',')}\n`;
  await importSkb(ctx, actor, periodId, Buffer.from(csv), { source: 'form' });
  return { participantNo, absent: components === null };
}

/**
 * Imports SKB scores per component: header `participant_no,<component keys…>`, scores 0–100
 * with at most 2 decimals, all empty = absent. Only participants who advanced to SKB.
 * `source: 'form'` (enterSkb): messages name no file line, the audit action is `skb.entry`.
 */
export async function importSkb(
  ctx: SelectionContext,
  actor: Actor,
  periodId: string,
  data: Buffer,
  opts: { source?: 'csv' | 'form' } = {},
) {
  const fromForm = opts.source === 'form';
  const skd = await latestPublished(ctx, periodId, 'skd');
  if (!skd) throw conflict('Umumkan hasil SKD terlebih dahulu.', 'Publish the SKD results first.');
  const advancing = advancingIn(skd.files.get('ranking.csv')!.content);
  const ps = new Map((await participants(ctx, periodId)).map((p) => [p.participant_no!, p]));
  const weights = new Map<string, SkbComponent[]>();
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const bad = (line: number, id: string, en: string) =>
    new AppError(
      'VALIDATION_FAILED',
      fromForm
        ? msg(`Nilai SKB: ${id}.`, `SKB scores: ${en}.`)
        : msg(`skb-komponen.csv baris ${line}: ${id}`, `skb-components.csv line ${line}: ${en}`),
    );
  if (header[0] !== 'participant_no' || header.length < 2)
    throw bad(
      1,
      'header harus participant_no lalu kunci komponen, mis. participant_no,cat,praktik',
      'header must be participant_no then component keys',
    );
  const rows: { application_id: string; components: Record<string, number> | null; skb: number | null }[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== header.length)
      throw bad(
        i + 1,
        `jumlah kolom ${cells.length}, seharusnya ${header.length}`,
        `${cells.length} columns, expected ${header.length}`,
      );
    const no = cells[0]!;
    const p = ps.get(no);
    if (!p) throw bad(i + 1, `peserta ${no} tidak ada di periode ini`, `participant ${no} is not in this period`);
    if (!advancing.has(no))
      throw bad(i + 1, `peserta ${no} tidak lolos ke SKB`, `participant ${no} did not advance to SKB`);
    if (seen.has(no)) throw bad(i + 1, `peserta ${no} ganda`, `participant ${no} twice`);
    seen.add(no);
    let w = weights.get(p.formation_id);
    if (!w) {
      w = (await skbWeights(ctx, p.formation_id)).components;
      weights.set(p.formation_id, w);
    }
    const values = cells.slice(1);
    if (values.every((v) => v === '')) {
      rows.push({ application_id: p.id, components: null, skb: null });
      continue;
    }
    const scores: Record<string, number> = {};
    for (const c of w) {
      const at = header.indexOf(c.key);
      if (at < 0)
        throw bad(
          1,
          `kolom komponen "${c.key}" (formasi ${p.formation_code}) tidak ada`,
          `component column "${c.key}" missing`,
        );
      const v = parseScoreHundredths(cells[at] ?? '');
      if (v === null)
        throw bad(
          i + 1,
          `nilai ${c.key} "${cells[at]}" harus 0–100 dengan paling banyak 2 desimal`,
          `${c.key} must be 0–100 with at most 2 decimals`,
        );
      scores[c.key] = v;
    }
    rows.push({ application_id: p.id, components: scores, skb: weightedSkbHundredths(w, scores) });
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      await repo.saveSkb(trx, r.application_id, periodId, {
        components: r.components ? JSON.stringify(r.components) : null,
        skb_hundredths: r.skb,
        recorded_by: actor.accountId,
        recorded_at: ctx.clock.now(),
      });
    }
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: fromForm ? 'skb.entry' : 'skb.import',
      subjectType: 'recruitment_period',
      subjectId: periodId,
      after: { rows: rows.length, sha256: createHash('sha256').update(data).digest('hex') },
    });
  });
  return { imported: rows.length };
}
