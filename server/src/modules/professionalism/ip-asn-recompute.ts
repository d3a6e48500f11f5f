/**
 * Recomputing the index (issue 26 §2): every employee's result for a year under the year's
 * instrument version, stored in ip_asn_results. Recomputing with the same version replaces that
 * version's rows; rows of another version stay beside them. Fast by shape: the sources are read
 * once in bulk for all the years asked, computed in memory (each distinct case once), and written
 * inside one transaction per year (with its audit event). Only what changed is written: each
 * distinct result's reasons are stored once in ip_asn_details (keyed by their hash), and a person
 * whose result and groups equal the stored row keeps that row — its computed_at then says since
 * when the result has stood. A recompute after a few changes touches a few rows.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { RecomputeBody } from '../../../../common/contracts/ip-asn.ts';
import type { Executor } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { computeIpAsn, type IpAsnResult } from './domain/ip-asn.ts';
import { reducedInput, reducedKey } from './domain/ip-asn-edit.ts';
import { inputOf, type IpAsnPerson, type IpAsnSources, loadIpAsnSources, measuredOn } from './ip-asn-inputs.ts';
import {
  actorOf,
  instrumentOfYear,
  type IpAsnContext,
  measurementDate,
  today,
  type YearInstrument,
} from './ip-asn.shared.ts';
import { ipAsnRepository as repo, type ResultRow } from './ip-asn-tables.repository.ts';

/** A computed result with its reasons as stored: the JSON text and its SHA-256 (the details key). */
interface Computed {
  result: IpAsnResult;
  json: string;
  hash: string;
}

export interface YearCount {
  year: number;
  version: string;
  computed: number;
  complete: number;
  incomplete: number;
  changed: number;
}

/** What decides whether a stored result changed: its detail (the whole result) and the person's groups. */
const resultKey = (r: ResultRow) =>
  `${r.detail_hash}|${r.employee_status}|${r.organization_id}|${r.jabatan_type ?? ''}`;

/** A stored row of one person's result (numbers rounded as the numeric(5,2) columns keep them). */
function resultRow(person: IpAsnPerson, computed: Computed): ResultRow {
  const r = computed.result;
  const d = r.dimensions;
  return {
    employee_id: person.id,
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
    detail_hash: computed.hash,
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
  const cache = new Map<string, Computed>();
  const rows = src.people
    .filter((p) => measuredOn(p, asOf))
    .map((p) => {
      const input = reducedInput(inst.instrument, inputOf(src, p, asOf));
      const key = reducedKey(input);
      let computed = cache.get(key);
      if (!computed) {
        const result = computeIpAsn(inst.instrument, input);
        const json = JSON.stringify(result);
        computed = { result, json, hash: createHash('sha256').update(json).digest('hex') };
        cache.set(key, computed);
      }
      return resultRow(p, computed);
    });
  if (!inst.assigned)
    await repo.assignYear(ex, { year, instrument_id: inst.id, updated_by: actor.accountId, updated_at: at });
  const diff = await repo.changes(
    ex,
    year,
    inst.id,
    rows.map((r) => ({ employeeId: r.employee_id, key: resultKey(r) })),
    only,
  );
  const changedIds = new Set(diff.changed.map((c) => c.employee_id));
  const changed = rows.filter((r) => changedIds.has(r.employee_id));
  const gone = diff.gone; // no longer in service on the measurement date
  // Rows about to be written again and rows of people no longer measured go first.
  await repo.deleteResults(ex, year, inst.id, [
    ...diff.changed.filter((c) => c.stored).map((c) => c.employee_id),
    ...gone,
  ]);
  // Sorted: years computed side by side insert shared details in one order, so they wait, never deadlock.
  const details = [...new Map([...cache.values()].map((c) => [c.hash, c])).values()];
  await repo.insertDetails(
    ex,
    details.sort((a, b) => (a.hash < b.hash ? -1 : 1)),
  );
  await repo.insertResults(ex, year, inst.id, at, changed);
  const complete = rows.filter((r) => r.complete).length;
  const count = {
    year,
    version: inst.version,
    computed: rows.length,
    complete,
    incomplete: rows.length - complete,
    changed: changed.length + gone.length,
  };
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
  // The years touch disjoint rows, so their transactions run side by side: one year's database
  // work overlaps the next year's computing (on PGlite they simply take turns).
  const out = await Promise.all(
    years.map((year, i) =>
      ctx.db.transaction().execute((trx) => storeYear(ctx, actor, src, year, instruments[i]!, null, trx)),
    ),
  );
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
