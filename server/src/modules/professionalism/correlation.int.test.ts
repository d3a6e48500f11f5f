/**
 * Does selection pick people who perform? through the API: the demo seed's synthetic cohort (120
 * appointees) and a small period of 12. ρ matches the domain's Spearman on the same pairs; the
 * small period warns and hides every group and grid; groups under 30 are hidden; no response
 * carries a person's numbers; the committee sees only its periods, an employee gets 404, nobody
 * signed out reaches the staff routes, and the public aggregate needs no sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorrelationReport } from '../../../../common/contracts/correlation.ts';
import { DEMO_COHORT_CODE, demoCohort, insertCohort, seedDemoCorrelationCohort } from '../../../seeds/correlation.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { appointeeOutcomes } from '../development/index.ts';
import { firstYearPredikats } from '../performance/index.ts';
import { finalNumerator, roundFinalThousandths, selectionScoresOf } from '../selection/index.ts';
import { spearman } from './domain/correlation.ts';
import { IP_ASN_2019 } from './domain/ip-asn.ts';
import { predikatScore } from './domain/correlation-grid.ts';

let ctx: TestContext;
let panitia: Agent;
let otherCommittee: Agent;
let admin: Agent;
let training: Agent;
let employee: Agent;
let demoId: string;
let smallId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.services.identity.createAccountWithPassword({
    email: 'panitia@merit.test',
    fullName: 'Panitia',
    role: 'committee',
    password: 'sandi-uji-yang-panjang-sekali',
    organizationId: 'bkpsdm',
  });
  panitia = new Agent(ctx.app);
  await panitia.post('/api/v1/auth/login', {
    identifier: 'panitia@merit.test',
    password: 'sandi-uji-yang-panjang-sekali',
  });
  const started = Date.now();
  await seedDemoCorrelationCohort(ctx.database, ctx.services);
  console.info(`demo cohort seeded in ${Date.now() - started} ms`);
  await seedDemoCorrelationCohort(ctx.database, ctx.services); // a second run changes nothing
  otherCommittee = await signedInAgent(ctx, 'committee');
  admin = await signedInAgent(ctx, 'admin');
  training = await signedInAgent(ctx, 'training_admin');
  employee = await signedInAgent(ctx, 'employee');
  const other = (await otherCommittee.get('/api/v1/me')).json() as { account: { id: string; role: 'committee' } };
  const small = await ctx.services.recruitment.createPeriod(
    { accountId: other.account.id, role: 'committee', organizationId: 'bkpsdm' },
    {
      code: 'UJI-KECIL-2024',
      name: 'Periode uji kecil',
      year: 2024,
      type: 'CPNS',
      ageCutoffDate: '2024-08-01',
      stages: { registration: { start: '2024-08-20T00:00:00.000Z', end: '2024-09-10T00:00:00.000Z' } },
    },
  );
  smallId = small.id;
  await insertCohort(ctx.database, ctx.services, smallId, demoCohort('kecil').slice(0, 12), 500);
  demoId = (
    await ctx.database.db
      .selectFrom('recruitment_periods')
      .select('id')
      .where('code', '=', DEMO_COHORT_CODE)
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => ctx?.close());

const rel = (r: CorrelationReport, p: string, o: string) =>
  r.relations.find((x) => x.predictor === p && x.outcome === o)!;

/** Every key anywhere in a JSON value. */
function keysOf(v: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => keysOf(x, into));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      into.add(k);
      keysOf(x, into);
    }
  return into;
}
const ALLOWED = new Set(
  'periods reports period id code name year type demo appointees withSkp outcomesAvailable latsar skp ipAsn relations predictor outcome n rho low high warning groups dimension key size hidden grids xCuts yCuts counts minGroup smallSample'.split(
    ' ',
  ),
);

describe('correlation: does selection pick people who perform?', () => {
  it('relates the demo cohort: ρ equals the domain Spearman of the same pairs, with its interval and n', async () => {
    const res = await training.get(`/api/v1/correlation/periods/${demoId}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as CorrelationReport;
    expect(report.period).toMatchObject({ code: DEMO_COHORT_CODE, demo: true, appointees: 120, withSkp: 120 });
    expect(report.outcomesAvailable).toEqual({ latsar: 120, skp: 120, ipAsn: 0 });
    const people = demoCohort();
    const skd = people.map((p) => p.twk + p.tiu + p.tkp);
    const skdLatsar = rel(report, 'skd', 'latsar');
    expect(skdLatsar.n).toBe(120);
    expect(skdLatsar.rho).toBeCloseTo(
      spearman(
        skd,
        people.map((p) => p.latsar),
      )!,
      4,
    );
    expect(skdLatsar.low!).toBeLessThan(skdLatsar.rho!);
    expect(skdLatsar.high!).toBeGreaterThan(skdLatsar.rho!);
    expect(skdLatsar.warning).toBeNull();
    const tiuSkp = rel(report, 'tiu', 'skp');
    expect(tiuSkp.rho).toBeCloseTo(
      spearman(
        people.map((p) => p.tiu),
        people.map((p) => predikatScore(p.predikat)),
      )!,
      4,
    );
    // The synthetic relationship is moderate and real: positive, not perfect.
    expect(skdLatsar.rho!).toBeGreaterThan(0.1);
    expect(skdLatsar.rho!).toBeLessThan(0.8);
    // IP ASN not computed yet: n 0, no ρ.
    expect(rel(report, 'final', 'ipAsn')).toMatchObject({ n: 0, rho: null });
  });

  it('splits by jenis kebutuhan and formation type only for groups of 30 or more', async () => {
    const report = (await admin.get(`/api/v1/correlation/periods/${demoId}`)).json() as CorrelationReport;
    const group = (d: string, k: string) => report.groups.find((g) => g.dimension === d && g.key === k)!;
    expect(group('needType', 'umum')).toMatchObject({ size: 104, hidden: false });
    expect(group('needType', 'umum').relations).toHaveLength(18);
    expect(group('needType', 'cumlaude')).toMatchObject({ size: 12, hidden: true, relations: [] });
    expect(group('needType', 'disabilitas')).toMatchObject({ size: 4, hidden: true, relations: [] });
    expect(group('formationKind', 'guru')).toMatchObject({ size: 44, hidden: false });
    expect(group('formationKind', 'kesehatan')).toMatchObject({ size: 32, hidden: false });
    expect(group('formationKind', 'teknis')).toMatchObject({ size: 44, hidden: false });
    const pub = (await new Agent(ctx.app).get('/api/v1/public/correlation')).json() as { reports: CorrelationReport[] };
    const demo = pub.reports.find((r) => r.period.id === demoId)!;
    expect(demo.groups.find((g) => g.key === 'cumlaude')).toMatchObject({ size: null, hidden: true, relations: [] });
  });

  it('warns below 30 people and draws no grid for them', async () => {
    const report = (await otherCommittee.get(`/api/v1/correlation/periods/${smallId}`)).json() as CorrelationReport;
    expect(report.period).toMatchObject({ demo: false, appointees: 12, withSkp: 12 });
    expect(report.relations.every((r) => r.warning === 'small' || r.warning === 'flat')).toBe(true);
    expect(report.relations.filter((r) => r.outcome !== 'ipAsn').every((r) => r.n === 12)).toBe(true);
    expect(report.grids).toEqual([]);
    expect(report.groups.every((g) => g.hidden)).toBe(true);
  });

  it('shows only counts: grid cells are 0, ≥ 5 or "<5", and no response carries a person', async () => {
    const responses = [
      await admin.get('/api/v1/correlation/periods'),
      await admin.get(`/api/v1/correlation/periods/${demoId}`),
      await admin.get(`/api/v1/correlation/periods/${smallId}`),
      await new Agent(ctx.app).get('/api/v1/public/correlation'),
    ];
    for (const res of responses) {
      expect(res.statusCode).toBe(200);
      expect([...keysOf(res.json())].filter((k) => !ALLOWED.has(k))).toEqual([]);
      expect(res.body).not.toMatch(/DEMO24\d{3}|REG-DEMO|Peserta Demo|"\d{18}"/);
    }
    const report = responses[1]!.json() as CorrelationReport;
    expect(report.grids).toHaveLength(12); // 6 scores × Latsar and SKP; IP ASN has none
    for (const g of report.grids) {
      const cells = g.counts.flat();
      expect(cells.every((c) => c === '<5' || c === 0 || c >= 5)).toBe(true);
      expect(cells.reduce<number>((a, c) => a + (c === '<5' ? 0 : c), 0)).toBeLessThanOrEqual(120);
    }
    expect(report.grids.find((g) => g.outcome === 'skp')!.yCuts).toEqual([1, 2, 3, 4]);
    expect(report.grids.every((g) => g.xCuts.length === 4)).toBe(true);
  });

  it('relates the IP ASN total once it is computed', async () => {
    const ids = await ctx.database.db
      .selectFrom('employees as e')
      .innerJoin('applications as a', 'a.id', 'e.application_id')
      .select('e.id')
      .where('a.period_id', '=', demoId)
      .orderBy('e.nip')
      .limit(40)
      .execute();
    const instrument = ctx.services.ids.uuid();
    await ctx.database.db
      .insertInto('ip_asn_instruments')
      // A real instrument body: the public IP ASN figures (open data) band these results with it.
      .values({ id: instrument, version: 'uji-1', body: JSON.stringify(IP_ASN_2019) })
      .execute();
    await ctx.database.db
      .insertInto('ip_asn_details')
      .values({ hash: 'uji', detail: JSON.stringify({}) })
      .execute();
    await ctx.database.db
      .insertInto('ip_asn_results')
      .values(
        ids.map((e, i) => ({
          employee_id: e.id,
          year: 2025,
          instrument_id: instrument,
          employee_status: 'PNS' as const,
          organization_id: 'bkpsdm',
          kualifikasi: '25',
          kompetensi: '20',
          kinerja: '20',
          disiplin: '5',
          total: String(60 + (i % 30)),
          band: 'sedang',
          complete: true,
          provisional: true,
          detail_hash: 'uji',
        })),
      )
      .execute();
    const report = (await admin.get(`/api/v1/correlation/periods/${demoId}`)).json() as CorrelationReport;
    expect(report.outcomesAvailable.ipAsn).toBe(40);
    expect(rel(report, 'skd', 'ipAsn').n).toBe(40);
    expect(rel(report, 'skd', 'ipAsn').rho).not.toBeNull();
  });

  it('lets the committee open only its own periods; an employee gets 404 and nobody signed out gets in', async () => {
    const mine = (await panitia.get('/api/v1/correlation/periods')).json() as { periods: { id: string }[] };
    expect(mine.periods.map((p) => p.id)).toEqual([demoId]);
    const all = (await admin.get('/api/v1/correlation/periods')).json() as { periods: { id: string }[] };
    expect(new Set(all.periods.map((p) => p.id))).toEqual(new Set([demoId, smallId]));
    expect((await panitia.get(`/api/v1/correlation/periods/${smallId}`)).statusCode).toBe(404);
    expect((await panitia.get(`/api/v1/correlation/periods/${demoId}`)).statusCode).toBe(200);
    expect((await employee.get('/api/v1/correlation/periods')).statusCode).toBe(404);
    expect((await employee.get(`/api/v1/correlation/periods/${demoId}`)).statusCode).toBe(404);
    const anonymous = new Agent(ctx.app);
    expect((await anonymous.get('/api/v1/correlation/periods')).statusCode).toBe(401);
    expect((await anonymous.get(`/api/v1/correlation/periods/${demoId}`)).statusCode).toBe(401);
    // A period without rated appointees has no report.
    const empty = await ctx.services.recruitment.createPeriod(
      {
        accountId: (
          await ctx.database.db
            .selectFrom('accounts')
            .select('id')
            .where('email_normalized', '=', 'panitia@merit.test')
            .executeTakeFirstOrThrow()
        ).id,
        role: 'committee',
        organizationId: 'bkpsdm',
      },
      {
        code: 'UJI-KOSONG-2025',
        name: 'Periode tanpa SKP',
        year: 2025,
        type: 'CPNS',
        ageCutoffDate: '2025-08-01',
        stages: {},
      },
    );
    expect((await admin.get(`/api/v1/correlation/periods/${empty.id}`)).statusCode).toBe(404);
  });
});

describe('the correlation aggregate in open data', () => {
  type Row = {
    periode: string;
    kelompok: string;
    nilai_seleksi: string;
    hasil: string;
    ditampilkan: string;
    n: number | null;
    rho: number | null;
    sk95_bawah: number | null;
    sk95_atas: number | null;
    peringatan: string | null;
  };

  it('publishes the public page’s aggregate per period and measure pair, warning below 30, hiding small groups', async () => {
    const anon = new Agent(ctx.app);
    const cat = await anon.get('/api/v1/public/open-data');
    expect(cat.statusCode, cat.body).toBe(200);
    const catalog = cat.json() as { datasets: { id: string }[] };
    expect(catalog.datasets.map((d) => d.id)).toContain('selection-correlation');
    const page = (await anon.get('/api/v1/public/correlation')).json() as { reports: CorrelationReport[] };
    const file = await anon.get('/api/v1/public/open-data/selection-correlation.json');
    expect(file.statusCode, file.body).toBe(200);
    const rows = file.json().rows as Row[];
    // Every whole-cohort relation of every public period, with the same n, ρ and interval.
    for (const report of page.reports)
      for (const r of report.relations) {
        const mine = rows.filter((x) => x.periode === report.period.code && x.kelompok === 'Semua');
        expect(mine).toHaveLength(report.relations.length);
        expect(mine).toContainEqual(
          expect.objectContaining({ ditampilkan: 'ya', n: r.n, rho: r.rho, sk95_bawah: r.low, sk95_atas: r.high }),
        );
      }
    const demoSkd = rows.find(
      (x) =>
        x.periode === DEMO_COHORT_CODE &&
        x.kelompok === 'Semua' &&
        x.nilai_seleksi === 'SKD total' &&
        x.hasil === 'Hasil Latsar',
    )!;
    expect(demoSkd).toMatchObject({ n: 120, peringatan: null });
    expect(demoSkd.rho!).toBeGreaterThan(0.1);
    // The period of 12 warns on every pair; its groups keep their rows with every number empty.
    const small = rows.filter((x) => x.periode === 'UJI-KECIL-2024');
    expect(small.filter((x) => x.kelompok === 'Semua').every((x) => x.peringatan?.startsWith('sampel kecil'))).toBe(
      true,
    );
    const hidden = small.filter((x) => x.kelompok !== 'Semua');
    expect(hidden.length).toBeGreaterThan(0);
    for (const x of hidden)
      expect(x).toMatchObject({ ditampilkan: 'kurang dari 30 orang', n: null, rho: null, sk95_bawah: null });
    // Aggregates only: the file has exactly the documented columns, no person's pair of numbers.
    const csv = (await anon.get('/api/v1/public/open-data/selection-correlation.csv')).body;
    expect(csv.split('\r\n')[0]).toBe(
      'periode,nama_periode,tahun,jenis_seleksi,data_demo,kelompok,nilai_seleksi,hasil,ditampilkan,n,rho,sk95_bawah,sk95_atas,peringatan',
    );
  });
});

describe('the named reads the correlation page uses', () => {
  it('read appointees with their Latsar, their selection scores with the integrated final, and the first-year predikat', async () => {
    const appointees = (await appointeeOutcomes(ctx.database.db)).filter((a) => a.tmt === '2025-03-01');
    expect(appointees).toHaveLength(132); // the demo cohort and the small period
    const scores = await selectionScoresOf(
      ctx.database.db,
      appointees.map((a) => a.applicationId),
    );
    expect(scores).toHaveLength(132);
    const one = scores.find((s) => s.period.id === demoId)!;
    expect(one.skd!.total).toBe(one.skd!.twk + one.skd!.tiu + one.skd!.tkp);
    expect(one.finalThousandths).toBe(roundFinalThousandths(finalNumerator(one.skd!.total, one.skbHundredths!)));
    const predikats = await firstYearPredikats(
      ctx.database.db,
      appointees.map((a) => a.employeeId),
    );
    expect(predikats).toHaveLength(132);
    expect(predikats.every((p) => p.year === 2025)).toBe(true);
    expect(await selectionScoresOf(ctx.database.db, [])).toEqual([]);
    expect(await firstYearPredikats(ctx.database.db, [])).toEqual([]);
  });
});
