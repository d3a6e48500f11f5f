/** The IP ASN dashboard (a supervisor's OPD, BKPSDM's city) and the public figures (groups of five or more). */
import { IP_GROUPS, IP_JABATAN, IP_PUBLIC_MIN_GROUP } from '../../../../common/contracts/ip-report.ts';
import type { Actor } from '../identity/index.ts';
import { bandOf, type IpAsnInstrument, round2 } from './domain/ip-asn.ts';
import { figureOfTallies, groupBy, holdsBack, publicFigure, type Tally } from './ip-report-figures.ts';
import { ipReportRepository as repo } from './ip-report.repository.ts';
import { instrumentInfo, type IpReportContext, isBkpsdm, scopeOf, yearsOf, yearTallies } from './ip-report.shared.ts';

export type Group = 'all' | 'PNS' | 'PPPK';
const inGroup = (group: Group) => (t: Tally) => group === 'all' || t.group === group;
type Chosen = Awaited<ReturnType<typeof yearsOf>>['chosen'];

/**
 * Per year: the chosen instrument version's index (sum of totals / complete) next to BKN's official
 * city or OPD figure; the caller bands it under the shown year's instrument.
 */
async function trendOf(
  ctx: Pick<IpReportContext, 'db'>,
  organizationId: string | undefined,
  group: Group,
  chosen: Chosen,
) {
  const statuses = group === 'all' ? ['CPNS', 'PNS', 'PPPK'] : group === 'PNS' ? ['CPNS', 'PNS'] : ['PPPK'];
  const [rows, official] = await Promise.all([
    repo.trend(ctx.db, organizationId, statuses),
    repo.official(
      ctx.db,
      chosen.map((c) => c.year),
    ),
  ]);
  return chosen.map((c) => {
    const r = rows.find((x) => x.year === c.year && x.instrument_id === c.instrument_id);
    const n = Number(r?.n ?? 0);
    const total = n ? round2(Number(r!.sum_total) / n) : 0;
    const off =
      group === 'all'
        ? undefined
        : official.find(
            (o) =>
              o.year === c.year && o.employee_status === group && (o.organization_id ?? undefined) === organizationId,
          );
    return {
      year: c.year,
      instrumentVersion: c.version,
      total,
      n,
      of: Number(r?.of ?? 0),
      official: off ? Number(off.total) : null,
    };
  });
}

/**
 * The dashboard of a year: the chosen group's index (PNS — with CPNS — or PPPK, or both), the two
 * groups apart, per OPD with the dimension that holds it back, per jabatan type, the trend and
 * BKN's official figures of the year to compare. BKPSDM sees the city (or one OPD); a supervisor
 * their own OPD only.
 */
export async function dashboard(
  ctx: IpReportContext,
  actor: Actor,
  q: { year?: number | undefined; organizationId?: string | undefined; group: Group },
) {
  const organizationId = await scopeOf(ctx, actor, q.organizationId);
  const { years, year, chosen: instruments } = await yearsOf(ctx, q.year);
  const [data, orgs, official, trend] = await Promise.all([
    yearTallies(ctx, year, organizationId, instruments),
    repo.organizations(ctx.db),
    repo.official(ctx.db, [year]),
    trendOf(ctx, organizationId, q.group, instruments),
  ]);
  const inst = data.instrument?.body ?? null;
  const chosen = data.tallies.filter(inGroup(q.group));
  const fig = (tallies: Tally[]) => (inst ? figureOfTallies(inst, tallies) : figureOfTallies(EMPTY, []));
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const byOrg = [...groupBy(chosen, (p) => p.organizationId)]
    .map(([id, points]) => {
      const figure = fig(points);
      return {
        organizationId: id,
        name: names.get(id) ?? id,
        figure,
        holdsBack: inst ? holdsBack(inst, figure) : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const jabatan = groupBy(chosen, (p) => p.jabatanType);
  return {
    year,
    years,
    group: q.group,
    organizationId: organizationId ?? null,
    scopeName: organizationId ? (names.get(organizationId) ?? organizationId) : 'Kota Palu',
    organizations: isBkpsdm(actor)
      ? orgs
      : orgs.filter((o) => o.id === organizationId).map((o) => ({ id: o.id, name: o.name })),
    instrument: data.instrument ? instrumentInfo(data.instrument) : null,
    overall: fig(chosen),
    byGroup: IP_GROUPS.map((g) => ({ group: g, figure: fig(data.tallies.filter(inGroup(g))) })),
    byOrganization: byOrg,
    byJabatan: [...IP_JABATAN, null]
      .filter((j) => jabatan.has(j))
      .map((j) => ({ jabatanType: j, figure: fig(jabatan.get(j)!) })),
    trend: trend.map((t) => ({ ...t, band: t.n && inst ? bandOf(inst, t.total) : null })),
    official: official
      .filter((o) => !organizationId || o.organization_id === organizationId)
      .map((o) => ({
        year: o.year,
        employeeStatus: o.employee_status as 'PNS' | 'PPPK',
        organizationId: o.organization_id,
        name: o.organization_name ?? 'Kota Palu',
        respondents: o.respondents,
        means: {
          kualifikasi: Number(o.kualifikasi),
          kompetensi: Number(o.kompetensi),
          kinerja: Number(o.kinerja),
          disiplin: Number(o.disiplin),
        },
        total: Number(o.total),
      })),
  };
}

// Only for a year without an instrument (no results): every figure is empty and has no band.
const EMPTY = {
  maxima: { kualifikasi: 25, kompetensi: 40, kinerja: 30, disiplin: 5 },
  bands: [],
} as unknown as IpAsnInstrument;

/**
 * The public figures of a year (the newest with results by default): the city and each OPD, for
 * all ASN and for PNS and PPPK apart, each group only when five or more people have a complete
 * index — smaller groups say so without a number (so nobody can be singled out).
 */
export async function publicFigures(ctx: Pick<IpReportContext, 'db' | 'clock'>, askedYear?: number) {
  const { years } = await yearsOf(ctx, askedYear);
  const year = askedYear ?? years[0] ?? null;
  if (year === null)
    return { year, years, minGroup: IP_PUBLIC_MIN_GROUP, instrument: null, city: [], organizations: [] };
  const [data, orgs] = await Promise.all([yearTallies(ctx, year), repo.organizations(ctx.db)]);
  const inst = data.instrument?.body ?? EMPTY;
  const groups = (tallies: Tally[]) =>
    (['all', ...IP_GROUPS] as const).map((g) => ({
      group: g,
      figure: publicFigure(figureOfTallies(inst, tallies.filter(inGroup(g)))),
    }));
  const byOrg = groupBy(data.tallies, (p) => p.organizationId);
  return {
    year,
    years,
    minGroup: IP_PUBLIC_MIN_GROUP,
    instrument: data.instrument ? instrumentInfo(data.instrument) : null,
    city: groups(data.tallies),
    organizations: orgs
      .filter((o) => byOrg.has(o.id))
      .map((o) => ({ organizationId: o.id, name: o.name, groups: groups(byOrg.get(o.id)!) })),
  };
}
