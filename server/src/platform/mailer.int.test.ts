/**
 * The outbox under several app instances: each queued message is claimed by one instance
 * (`for update skip locked`) and sent once; a failure is recorded, not retried forever; a claim
 * abandoned by a dead instance is taken again after ten minutes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { createMailer } from './mailer.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** A mailer whose "SMTP server" records what it was given, after a short network delay. */
function instance(sent: string[], fail = new Set<string>()) {
  const transport = {
    async sendMail(m: { to?: unknown }) {
      await new Promise((r) => setTimeout(r, 2));
      if (fail.has(String(m.to))) throw new Error('550 mailbox unavailable');
      sent.push(String(m.to));
      return {};
    },
  };
  return createMailer({
    smtpUrl: undefined,
    from: 'merit@palukota.go.id',
    ids: ctx.services.ids,
    clock: ctx.clock,
    transport: transport as never,
  });
}

describe('outbox delivery across instances', () => {
  it('sends every queued message exactly once when two instances deliver at the same time', async () => {
    const sent: string[] = [];
    const a = instance(sent);
    const b = instance(sent);
    await ctx.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 60; i++) await a.enqueue(trx, { to: `peserta${i}@contoh.id`, subject: 'Uji', text: 'Isi' });
    });
    const drain = async (m: typeof a) => {
      let n = 0;
      for (let got = 1; got > 0;) n += got = await m.deliverPending(ctx.database.db);
      return n;
    };
    const [na, nb] = await Promise.all([drain(a), drain(b)]);
    expect(na + nb).toBe(60);
    expect(sent).toHaveLength(60);
    expect(new Set(sent).size).toBe(60);
    const left = await ctx.database.db.selectFrom('outbox_emails').select('id').where('sent_at', 'is', null).execute();
    expect(left).toHaveLength(0);
  });

  it('records a refused message once and takes an abandoned claim again after ten minutes', async () => {
    const sent: string[] = [];
    const m = instance(sent, new Set(['ditolak@contoh.id']));
    const ids = await ctx.database.db
      .transaction()
      .execute(async (trx) => [
        await m.enqueue(trx, { to: 'ditolak@contoh.id', subject: 'Uji', text: 'Isi' }),
        await m.enqueue(trx, { to: 'terlantar@contoh.id', subject: 'Uji', text: 'Isi' }),
      ]);
    // An instance claimed the second message and died before sending it.
    await ctx.database.db
      .updateTable('outbox_emails')
      .set({ claimed_at: ctx.clock.now() })
      .where('id', '=', ids[1]!)
      .execute();
    expect(await m.deliverPending(ctx.database.db)).toBe(1);
    expect(await m.deliverPending(ctx.database.db)).toBe(0);
    const refused = await ctx.database.db
      .selectFrom('outbox_emails')
      .select(['error', 'sent_at'])
      .where('id', '=', ids[0]!)
      .executeTakeFirstOrThrow();
    expect(refused.error).toContain('550');
    expect(refused.sent_at).toBeNull();
    ctx.clock.advance(10 * 60_000 + 1);
    expect(await m.deliverPending(ctx.database.db)).toBe(1);
    expect(sent).toEqual(['terlantar@contoh.id']);
  });
});
