/**
 * The demo IP ASN results, seeded as `npm start` seeds them: two years for the twelve demo ASN under
 * the 2019 instrument; the public page shows the city and the OPDs of five or more, hides the PPPK
 * groups, and a second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestContext, type TestContext } from '../test/harness.ts';
import { seedDemo } from './demo.ts';
import { seedDemoIpAsnFallback } from './ip-report.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.database, ctx.services, { examSession: false });
});
afterAll(() => ctx?.close());

describe('demo seed: IP ASN results', () => {
  it('measures the demo ASN for two years; the public figures hide groups under five', async () => {
    const rows = await ctx.database.db.selectFrom('ip_asn_results').select(['year', 'complete']).execute();
    expect(rows).toHaveLength(24);
    expect(rows.filter((r) => !r.complete)).toHaveLength(2);
    await seedDemoIpAsnFallback(ctx.database, ctx.clock.now());
    expect(await ctx.database.db.selectFrom('ip_asn_results').select('year').execute()).toHaveLength(24);
    const p = (await new Agent(ctx.app).get('/api/v1/public/ip-asn')).json();
    expect(p.year).toBe(ctx.clock.now().getUTCFullYear() - 1);
    const city = p.city.find((g: { group: string }) => g.group === 'all').figure;
    expect(city).toMatchObject({ shown: true, n: 11, of: 12 });
    for (const o of p.organizations) {
      const byGroup = Object.fromEntries(o.groups.map((g: { group: string; figure: unknown }) => [g.group, g.figure]));
      expect(byGroup.all.shown).toBe(true);
      expect(byGroup.PPPK).toMatchObject({ shown: false, total: null });
    }
  });
});
