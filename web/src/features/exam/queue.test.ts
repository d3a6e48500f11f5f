import { describe, expect, it } from 'vitest';
import {
  applyAck,
  keepLatest,
  mergeAnswers,
  nextSeq,
  type PendingAnswer,
  reconcile,
  retryDelay,
  type ServerAnswer,
  unsent,
} from './queue.ts';

const server = (itemId: string, seq: number, chosen: ServerAnswer['chosen'] = 'A', flagged = false): ServerAnswer => ({
  itemId,
  seq,
  chosen,
  flagged,
  savedAt: '2026-11-27T01:00:00.000Z',
});
const pending = (
  itemId: string,
  seq: number,
  chosen: PendingAnswer['chosen'] = 'B',
  flagged = false,
): PendingAnswer => ({ attemptId: 'att', itemId, seq, chosen, flagged });

describe('mergeAnswers', () => {
  it('keeps the server answers as saved when nothing is pending', () => {
    const r = mergeAnswers([server('i1', 2, 'C', true)], []);
    expect(r.answers).toEqual({ i1: { chosen: 'C', flagged: true, seq: 2, status: 'saved' } });
    expect(r.resend).toEqual([]);
  });

  it('lets a pending local answer win when its seq is higher, and resends it', () => {
    const r = mergeAnswers([server('i1', 2, 'A')], [pending('i1', 3, 'D')]);
    expect(r.answers.i1).toEqual({ chosen: 'D', flagged: false, seq: 3, status: 'pending' });
    expect(r.resend.map((p) => p.itemId)).toEqual(['i1']);
    expect(r.drop).toEqual([]);
  });

  it('drops a pending answer the server already holds at that seq or later', () => {
    const r = mergeAnswers(
      [server('i1', 3, 'A'), server('i2', 5, 'B')],
      [pending('i1', 3, 'A'), pending('i2', 4, 'E')],
    );
    expect(r.answers.i1?.status).toBe('saved');
    expect(r.answers.i2).toMatchObject({ chosen: 'B', seq: 5, status: 'saved' });
    expect(r.drop.map((p) => p.itemId)).toEqual(['i1', 'i2']);
  });

  it('adds pending answers for items the server has never seen', () => {
    const r = mergeAnswers([], [pending('i9', 1, null, true)]);
    expect(r.answers.i9).toEqual({ chosen: null, flagged: true, seq: 1, status: 'pending' });
  });
});

describe('sequence numbers and acknowledgements', () => {
  it('counts one past the highest seq seen for the item', () => {
    expect(nextSeq(undefined)).toBe(1);
    expect(nextSeq({ chosen: 'A', flagged: false, seq: 7 })).toBe(8);
  });

  it('keeps the queued version with the higher seq', () => {
    expect(keepLatest(pending('i1', 4, 'A'), pending('i1', 3, 'B')).chosen).toBe('A');
    expect(keepLatest(pending('i1', 4, 'A'), pending('i1', 5, 'B')).chosen).toBe('B');
    expect(keepLatest(undefined, pending('i1', 1, 'C')).chosen).toBe('C');
  });

  it('marks an item saved on its ack, but keeps a newer local change pending', () => {
    expect(
      applyAck({ chosen: 'B', flagged: false, seq: 2, status: 'pending' }, { chosen: 'B', flagged: false, seq: 2 }),
    ).toEqual({ chosen: 'B', flagged: false, seq: 2, status: 'saved' });
    const newer = { chosen: 'C' as const, flagged: false, seq: 3, status: 'pending' as const };
    expect(applyAck(newer, { chosen: 'B', flagged: false, seq: 2 })).toBe(newer);
  });

  it('adopts the stored state when the server refused an older seq (applied:false)', () => {
    expect(
      applyAck({ chosen: 'D', flagged: false, seq: 2, status: 'pending' }, { chosen: 'A', flagged: true, seq: 6 }),
    ).toEqual({ chosen: 'A', flagged: true, seq: 6, status: 'saved' });
  });

  it('lists only unacknowledged answers as queue entries', () => {
    const list = unsent(
      {
        a: { chosen: 'A', flagged: false, seq: 1, status: 'saved' },
        b: { chosen: 'B', flagged: false, seq: 2, status: 'failed' },
        c: { chosen: null, flagged: true, seq: 1, status: 'pending' },
      },
      'att',
    );
    expect(list.map((p) => p.itemId)).toEqual(['b', 'c']);
    expect(list[0]).toEqual({ attemptId: 'att', itemId: 'b', chosen: 'B', flagged: false, seq: 2 });
  });

  it('backs off 2 s, 4 s, 8 s … up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(retryDelay)).toEqual([0, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
});

describe('reconcile (re-sync while running)', () => {
  it('never rolls back an answer the page holds at a higher seq than a slow server read', () => {
    const local = { i1: { chosen: 'C' as const, flagged: false, seq: 3, status: 'saved' as const } };
    expect(reconcile(local, [server('i1', 2, 'A')], []).answers.i1).toEqual({
      chosen: 'C',
      flagged: false,
      seq: 3,
      status: 'saved',
    });
  });

  it('takes the server’s newer answer (another device after an approved move) and keeps a failed mark', () => {
    const local = {
      i1: { chosen: 'C' as const, flagged: false, seq: 3, status: 'saved' as const },
      i2: { chosen: 'B' as const, flagged: false, seq: 2, status: 'failed' as const },
    };
    const r = reconcile(local, [server('i1', 7, 'E')], [pending('i2', 2, 'B')]);
    expect(r.answers.i1).toMatchObject({ chosen: 'E', seq: 7, status: 'saved' });
    expect(r.answers.i2).toMatchObject({ chosen: 'B', seq: 2, status: 'failed' });
  });
});
