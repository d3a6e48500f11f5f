/**
 * The demo seed for SKP and policy follow-up, run as `npm start` runs it: a year in progress with
 * cascaded plans, three staff agreed with two final quarters, Sitti Aisyah (pegawai@) still to
 * agree, a programme for weak Kolaboratif ratings, and a policy with done, late and coming
 * milestones. A second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';
import { seedDemo } from './demo.ts';

let ctx: TestContext;
let YEAR: number;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.database, ctx.services, { examSession: false });
  YEAR = ctx.clock.now().getUTCFullYear();
});
afterAll(() => ctx?.close());

const n = async (table: 'skp_plans' | 'skp_evaluations' | 'policy_milestones') =>
  Number(
    (
      await ctx.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('demo seed: SKP and policy follow-up', () => {
  it('makes a year in progress with two evaluated quarters, and the employee still to agree', async () => {
    const plans = await ctx.database.db
      .selectFrom('skp_plans as p')
      .innerJoin('employees as e', 'e.id', 'p.employee_id')
      .select(['e.nip', 'p.status'])
      .where('p.year', '=', YEAR) // last year's annual SKP is imported for the IP ASN demo (seeds/ip-asn.ts)
      .orderBy('e.nip')
      .execute();
    expect(plans.find((p) => p.nip === '199104252015032001')?.status).toBe('draft');
    expect(plans.filter((p) => p.status === 'agreed')).toHaveLength(3);
    expect(plans).toHaveLength(6); // the division head and five staff
    const evaluations = await ctx.database.db
      .selectFrom('skp_evaluations')
      .select(['period', 'status'])
      .where('year', '=', YEAR)
      .execute();
    expect(evaluations).toHaveLength(6);
    expect(evaluations.every((e) => e.status === 'final')).toBe(true);
    expect(new Set(evaluations.map((e) => e.period))).toEqual(new Set(['q1', 'q2']));
    expect(
      await ctx.database.db
        .selectFrom('training_programs')
        .select('id')
        .where('title', '=', 'Kolaborasi dan Kerja Sama Tim Lintas OPD')
        .executeTakeFirst(),
    ).toBeDefined();
  });

  it('records SE MenPANRB 20/2021 with a late milestone for Diskominfo, and a second run changes nothing', async () => {
    const list = await ctx.services.policy.list(null);
    expect(list.policies).toHaveLength(1);
    expect(list.policies[0]!.progress).toMatchObject({ done: 2, total: 5, late: 1 });
    const before = [await n('skp_plans'), await n('skp_evaluations'), await n('policy_milestones')];
    await seedDemo(ctx.database, ctx.services, { examSession: false });
    expect([await n('skp_plans'), await n('skp_evaluations'), await n('policy_milestones')]).toEqual(before);
  });
});

describe('demo seed: training tests on the CAT engine', () => {
  it('attaches the kesiapsiagaan bencana blueprint to the running batch; pegawai@ took the pre-test and may take the post-test', async () => {
    const tests = await ctx.database.db
      .selectFrom('batch_tests as t')
      .innerJoin('blueprints as b', 'b.id', 't.blueprint_id')
      .select(['t.phase', 'b.name', 'b.exam_type'])
      .orderBy('t.phase', 'desc')
      .execute();
    expect(tests).toEqual([
      { phase: 'pre', name: 'Tes Kesiapsiagaan Bencana (10 soal)', exam_type: 'PELATIHAN' },
      { phase: 'post', name: 'Tes Kesiapsiagaan Bencana (10 soal)', exam_type: 'PELATIHAN' },
    ]);
    const pegawai = await ctx.database.db
      .selectFrom('accounts')
      .select(['id', 'role', 'organization_id'])
      .where('email_normalized', '=', 'pegawai@merit.test')
      .executeTakeFirstOrThrow();
    const mine = await ctx.services.trainingTests.mine({
      accountId: pegawai.id,
      role: pegawai.role,
      organizationId: pegawai.organization_id,
    });
    expect(mine.tests.map((t) => [t.phase, t.open, t.attempt?.result?.percent ?? null])).toEqual([
      ['pre', false, 50],
      ['post', true, null],
    ]);
  });
});
