/**
 * Recomputing the index (issue 26 §2): every employee's result for a year under the year's
 * instrument version, stored in ip_asn_results. Recomputing with the same version replaces that
 * version's rows; rows of another version stay beside them. Fast by shape: the sources are read
 * once in bulk for all the years asked, computed in memory, and written in multi-row inserts
 * inside one transaction per year (with its audit event).
 */
import type { z } from 'zod';
import type { RecomputeBody } from '../../../../common/contracts/ip-asn.ts';
import type { Executor } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { computeIpAsn, type IpAsnResult } from './domain/ip-asn.ts';
import { reducedInput } from './domain/ip-asn-edit.ts';
import { inputOf, type IpAsnPerson, type IpAsnSources, loadIpAsnSources, measuredOn } from './ip-asn-inputs.ts';
import {
  actorOf,
  instrumentOfYear,
  type IpAsnContext,
  measurementDate,
  today,
  type YearInstrument,
} from './ip-asn.shared.ts';
import { ipAsnRepository as repo } from './ip-asn-tables.repository.ts';

export interface YearCount {
  year: number;
  version: string;
  computed: number;
  complete: number;
  incomplete: number;
}

/** A stored row of one person's result (numbers rounded as the numeric(5,2) columns keep them). */
export function resultRow(
  person: IpAsnPerson,
  year: number,
  instrumentId: string,
  computed: { result: IpAsnResult; detail: string },
  at: Date,
) {
  const r = computed.result;
  const d = r.dimensions;
  return {
    employee_id: person.id,
    year,
    instrument_id: instrumentId,
    employee_status: person.status,
    organization_id: person.organizationId,
    jabatan_type: person.jabatanType,
    kualifikasi: d.kualifikasi.points,
    kompetensi: d.kompetensi.points,
    kinerja: d.kinerja.points,
    disiplin: d.disiplin.points,
    total: r.total,
    band: r.band,
    complete: r.complete,
    provisional: r.provisional,
    detail: computed.detail,
    computed_at: at,
  };
}

/** The years a request names: one year, every assigned year (and the running one), or the running year. */
async function yearsAsked(ctx: IpAsnContext, body: z.infer<typeof RecomputeBody>): Promise<number[]> {
  const current = today(ctx).year;
  if (body.allYears) {
    const assigned = (await repo.years(ctx.db)).map((y) => y.year).filter((y) => y <= current);
    return [...new Set([...assigned, current])].sort((a, b) => a - b);
  }
  return [body.year ?? current];
}

/** Computes and stores one year for the people given; the year's version is assigned explicitly if it was implicit. */
async function storeYear(
  ctx: IpAsnContext,
  actor: Actor,
  src: IpAsnSources,
  year: number,
  inst: YearInstrument,
  only: readonly string[] | null,
  ex: Executor,
): Promise<YearCount> {
  const asOf = measurementDate(ctx, year);
  const at = ctx.clock.now();
  // Equal facts give equal results: each distinct case is computed (and serialised) once.
  const cache = new Map<string, { result: IpAsnResult; detail: string }>();
  const rows = src.people
    .filter((p) => measuredOn(p, asOf))
    .map((p) => {
      const input = reducedInput(inst.instrument, inputOf(src, p, asOf));
      const key = JSON.stringify(input);
      let computed = cache.get(key);
      if (!computed) {
        const result = computeIpAsn(inst.instrument, input);
        computed = { result, detail: JSON.stringify(result) };
        cache.set(key, computed);
      }
      return resultRow(p, year, inst.id, computed, at);
    });
  if (!inst.assigned)
    await repo.assignYear(ex, { year, instrument_id: inst.id, updated_by: actor.accountId, updated_at: at });
  await repo.deleteResults(ex, year, inst.id, only);
  await repo.insertResults(ex, rows);
  const complete = rows.filter((r) => r.complete).length;
  const count = { year, version: inst.version, computed: rows.length, complete, incomplete: rows.length - complete };
  await ctx.audit.record(ex, {
    actor: actorOf(actor),
    action: only ? 'ip_asn.recompute.employee' : 'ip_asn.recompute',
    subjectType: only ? 'employee' : 'ip_asn_year',
    subjectId: only ? (only[0] ?? null) : String(year),
    after: count,
  });
  return count;
}

/**
 * Recomputes the index of every employee for a year, or for every assigned year, under each
 * year's instrument version; answers the counts per year and the time it took.
 */
export async function recompute(ctx: IpAsnContext, actor: Actor, body: z.infer<typeof RecomputeBody>) {
  const started = performance.now();
  const years = await yearsAsked(ctx, body);
  for (const y of years) measurementDate(ctx, y); // refuse a future year before any work
  const instruments = await Promise.all(years.map((y) => instrumentOfYear(ctx, ctx.db, y)));
  const src = await loadIpAsnSources(ctx.db, null, Math.max(...years));
  const out: YearCount[] = [];
  for (const [i, year] of years.entries())
    out.push(await ctx.db.transaction().execute((trx) => storeYear(ctx, actor, src, year, instruments[i]!, null, trx)));
  return { years: out, milliseconds: Math.round(performance.now() - started) };
}

/** Recomputes one person's index for every assigned year and the running one (their page's "hitung ulang"). */
export async function recomputeEmployee(ctx: IpAsnContext, actor: Actor, employeeId: string) {
  const started = performance.now();
  const years = await yearsAsked(ctx, { allYears: true });
  const src = await loadIpAsnSources(ctx.db, [employeeId], Math.max(...years));
  if (src.people.length === 0) throw notFound();
  const instruments = await Promise.all(years.map((y) => instrumentOfYear(ctx, ctx.db, y)));
  const out = await ctx.db.transaction().execute(async (trx) => {
    const counts: YearCount[] = [];
    for (const [i, year] of years.entries())
      counts.push(await storeYear(ctx, actor, src, year, instruments[i]!, [employeeId], trx));
    return counts;
  });
  return { years: out, milliseconds: Math.round(performance.now() - started) };
}
