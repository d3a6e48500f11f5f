/**
 * Named reads other modules may call about the IP ASN index: the index-driven training needs per
 * OPD and the expected gain of planned trainings (performance's competency development plan uses
 * it, issue 26 §3). Aggregates only — counts and points per OPD, never a person. No audit: nothing
 * personal leaves.
 */
import type { Executor } from '../../db/database.ts';
import { aggregateIpAsn, type IpAsnInstrument, type IpAsnResult } from './domain/ip-asn.ts';
import { competencyOfTraining, type MeritProgramKind } from './domain/ip-asn-edit.ts';
import {
  type ExpectedGain,
  expectedGain,
  type IndexNeed,
  indexNeeds,
  type MeasuredPerson,
} from './domain/index-needs.ts';
import { inputOf, loadIpAsnSources } from './ip-asn-inputs.ts';
import { ipAsnRepository } from './ip-asn-tables.repository.ts';
import { provisionalCells } from './ip-report-figures.ts';
import { ipReportRepository } from './ip-report.repository.ts';

/** A training the caller plans or offers: a programme (its kind and JP) and, for a batch, its free seats. */
export interface PlannedTraining {
  key: string;
  kind: string;
  jp: number;
  /** At most this many people covered; null or absent for no limit. */
  seats?: number | null;
}

export interface OrganizationIndexNeeds {
  organizationId: string;
  /** People measured in the year (complete or not). */
  people: number;
  /** Of them with a complete index: the OPD's average is over them. */
  measured: number;
  /** The OPD's index (mean of the complete totals), null without any complete result. */
  average: number | null;
  needs: IndexNeed[];
  /** Per planned training (by key), only those that would raise someone's index. */
  gains: (ExpectedGain & { key: string })[];
}

export interface IndexTrainingNeeds {
  year: number;
  instrumentVersion: string;
  /** How many cells of the instrument no source settles (their points are provisional). */
  provisionalCells: number;
  organizations: OrganizationIndexNeeds[];
}

/** A stored detail written by the recompute is a full result; anything else (a hand-made row) is skipped. */
const isResult = (d: unknown): d is IpAsnResult =>
  !!d && typeof d === 'object' && 'dimensions' in d && 'asOf' in d && typeof (d as IpAsnResult).asOf === 'string';

/**
 * The index-driven needs of each OPD (one, or every OPD when organizationId is undefined) from the
 * newest year up to `upToYear` with stored results, under the instrument version that counts for
 * that year, and each planned training's expected gain there. Each person's input is rebuilt as
 * of the result's measurement date with the jabatan type the result was computed for. Null when
 * no year has results.
 */
export async function indexTrainingNeeds(
  db: Executor,
  upToYear: number,
  organizationId: string | undefined,
  trainings: readonly PlannedTraining[],
): Promise<IndexTrainingNeeds | null> {
  const chosen = (await ipReportRepository.yearInstruments(db))
    .filter((y) => y.year <= upToYear)
    .sort((a, b) => b.year - a.year)[0];
  if (!chosen) return null;
  const stored = await ipReportRepository.instrument(db, chosen.instrument_id);
  if (!stored) return null;
  const inst = stored.body as unknown as IpAsnInstrument;
  const rows = (await ipAsnRepository.resultsWithDetail(db, chosen.year, chosen.instrument_id, organizationId)).filter(
    (r) => isResult(r.detail),
  );
  const src = await loadIpAsnSources(
    db,
    rows.map((r) => r.employee_id),
    chosen.year,
  );
  const byId = new Map(src.people.map((p) => [p.id, p]));
  const perOrg = new Map<string, MeasuredPerson[]>();
  for (const r of rows) {
    const person = byId.get(r.employee_id);
    if (!person) continue;
    const result = r.detail as unknown as IpAsnResult;
    const input = {
      ...inputOf(src, person, result.asOf),
      jabatan: r.jabatan_type as MeasuredPerson['input']['jabatan'],
    };
    perOrg.set(r.organization_id, [...(perOrg.get(r.organization_id) ?? []), { input, result }]);
  }
  const records = trainings.map((t) => ({
    key: t.key,
    seats: t.seats ?? null,
    record: competencyOfTraining(t.kind as MeritProgramKind, t.jp, ''),
  }));
  const organizations = [...perOrg].map(([id, people]): OrganizationIndexNeeds => {
    const agg = aggregateIpAsn(
      inst,
      people.map((p) => p.result),
    );
    return {
      organizationId: id,
      people: people.length,
      measured: agg.n,
      average: agg.n ? agg.total : null,
      needs: indexNeeds(inst, people),
      gains: records
        .map((t) => ({ key: t.key, ...expectedGain(inst, people, t.record, t.seats) }))
        .filter((g) => g.covered > 0),
    };
  });
  return {
    year: chosen.year,
    instrumentVersion: chosen.version,
    provisionalCells: provisionalCells(inst).length,
    organizations,
  };
}
