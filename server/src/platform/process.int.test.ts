/** The process step: a refused move changes nothing and records nothing; an allowed one applies, writes its timeline and its audit event together. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msg } from '../../../common/contracts/messages.ts';
import { defineStateMachine } from '../../../common/rules/state-machine.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { SYSTEM_ACTOR } from '../modules/transparency/index.ts';
import { createProcessSteps } from './process.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const claim = defineStateMachine({
  statuses: ['filed', 'approved', 'rejected'] as const,
  events: ['approve', 'reject'] as const,
  transitions: { filed: { approve: 'approved', reject: 'rejected' }, approved: {}, rejected: {} },
  refusal: () => msg('Klaim ini sudah diputuskan.', 'This claim was already decided.'),
});

const auditCount = async (id: string) =>
  (await ctx.database.db.selectFrom('audit_events').select('seq').where('subject_id', '=', id).execute()).length;

describe('process step', () => {
  it('applies an allowed move, then its timeline, then one audit event with before and after', async () => {
    const step = createProcessSteps({ audit: ctx.services.audit });
    const done: string[] = [];
    const status = await ctx.database.db.transaction().execute((trx) =>
      step(trx, {
        machine: claim,
        subject: { type: 'jp_claim', id: 'klaim-1', status: 'filed' },
        event: 'approve',
        actor: SYSTEM_ACTOR,
        apply: async (s) => done.push(`apply:${s}`),
        timeline: async (s) => done.push(`timeline:${s}`),
        audit: { action: 'jp_claim.approve' },
      }),
    );
    expect(status).toBe('approved');
    expect(done).toEqual(['apply:approved', 'timeline:approved']);
    expect(await auditCount('klaim-1')).toBe(1);
  });

  it('refuses a move the machine does not allow with its message, and writes nothing', async () => {
    const step = createProcessSteps({ audit: ctx.services.audit });
    const done: string[] = [];
    const run = ctx.database.db.transaction().execute((trx) =>
      step(trx, {
        machine: claim,
        subject: { type: 'jp_claim', id: 'klaim-2', status: 'approved' },
        event: 'reject',
        actor: SYSTEM_ACTOR,
        apply: async (s) => done.push(s),
        audit: { action: 'jp_claim.reject' },
      }),
    );
    await expect(run).rejects.toMatchObject({ code: 'CONFLICT', userMessage: { id: 'Klaim ini sudah diputuskan.' } });
    expect(done).toEqual([]);
    expect(await auditCount('klaim-2')).toBe(0);
  });
});
