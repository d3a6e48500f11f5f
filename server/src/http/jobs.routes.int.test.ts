/**
 * The admin's failed-jobs page (issue 28 §3): a job whose retries ran out is listed with its last
 * error and attempts; "run again" runs it once more and is audited; other roles are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signedInAgent, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('failed background jobs', () => {
  it('lists a failed job for the admin and runs it again once, audited', async () => {
    const jobs = ctx.services.jobs;
    let runs = 0;
    jobs.define({
      name: 'test.flaky',
      retryLimit: 1,
      retryDelaySeconds: 1,
      pollingIntervalSeconds: 0.5,
      handler: async () => {
        runs++;
        if (runs <= 2) throw new Error('Layanan luar sedang tidak tersedia');
      },
    });
    await jobs.start();
    try {
      const id = await jobs.send(ctx.database.db, 'test.flaky', {});
      const admin = await signedInAgent(ctx, 'admin');
      const list = async () => (await admin.get('/api/v1/admin/jobs/failed')).json().jobs as { id: string }[];
      const failed = await until(list, (l) => l.some((j) => j.id === id));
      expect(failed.find((j) => j.id === id)).toMatchObject({
        name: 'test.flaky',
        attempts: 2,
        error: 'Layanan luar sedang tidak tersedia',
      });
      expect(runs).toBe(2);

      const committee = await signedInAgent(ctx, 'committee');
      expect((await committee.post(`/api/v1/admin/jobs/test.flaky/${id}/retry`)).statusCode).toBe(404);
      const res = await admin.post(`/api/v1/admin/jobs/test.flaky/${id}/retry`);
      expect(res.statusCode).toBe(200);
      await until(
        async () => runs,
        (n) => n === 3,
      );
      expect(runs).toBe(3);
      expect((await until(list, (l) => !l.some((j) => j.id === id))).some((j) => j.id === id)).toBe(false);
      // Not failed any more: a second retry finds nothing.
      expect((await admin.post(`/api/v1/admin/jobs/test.flaky/${id}/retry`)).statusCode).toBe(404);
      const audited = await ctx.database.db
        .selectFrom('audit_events')
        .select(['action', 'subject_id'])
        .where('action', '=', 'job.retry')
        .execute();
      expect(audited).toEqual([{ action: 'job.retry', subject_id: id }]);
    } finally {
      await jobs.stop();
    }
  });
});
