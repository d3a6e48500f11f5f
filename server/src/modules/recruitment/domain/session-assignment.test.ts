import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExamSession, type SessionParticipant, assignSessions } from './session-assignment.ts';

const P = (no: number, needsAccessibleSite = false, extraMinutes = 0): SessionParticipant => ({
  id: `p${no}`,
  participantNo: String(no).padStart(4, '0'),
  needsAccessibleSite,
  extraMinutes,
});
const S = (
  id: string,
  startsAt: string,
  capacity: number,
  accessible = false,
  siteId = 'upt-bkn-palu',
): ExamSession => ({
  id,
  siteId,
  startsAt,
  capacity,
  accessible,
});

const seats = (r: ReturnType<typeof assignSessions>) =>
  r.assignments.map((a) => `${a.participantId}@${a.sessionId}#${a.seat}`);

describe('assignSessions examples', () => {
  it('alternates between two equal sessions, earlier session first on ties', () => {
    const r = assignSessions(
      [P(3), P(1), P(2), P(4), P(5)],
      [S('b', '2024-10-16T01:00:00Z', 10), S('a', '2024-10-16T00:00:00Z', 10)],
    );
    expect(seats(r)).toEqual(['p1@a#1', 'p2@b#1', 'p3@a#2', 'p4@b#2', 'p5@a#3']);
    expect(r.unassigned).toEqual([]);
  });

  it('orders sessions by instant, not by text, across time-zone offsets', () => {
    // 08:00 WITA (+08:00) is 00:00Z, earlier than 07:30 WIB (+07:00) = 00:30Z.
    const r = assignSessions(
      [P(1)],
      [S('wib', '2024-10-16T07:30:00+07:00', 5), S('wita', '2024-10-16T08:00:00+08:00', 5)],
    );
    expect(r.assignments[0]?.sessionId).toBe('wita');
  });

  it('breaks a startsAt tie by session id', () => {
    const r = assignSessions([P(1)], [S('s2', '2024-10-16T00:00:00Z', 5), S('s1', '2024-10-16T00:00:00Z', 5)]);
    expect(r.assignments[0]?.sessionId).toBe('s1');
  });

  it('balances by fill ratio when capacities differ', () => {
    const r = assignSessions(
      [1, 2, 3, 4, 5, 6].map((n) => P(n)),
      [S('small', '2024-10-16T00:00:00Z', 2), S('big', '2024-10-16T01:00:00Z', 4)],
    );
    const count = (id: string) => r.assignments.filter((a) => a.sessionId === id).length;
    expect([count('small'), count('big')]).toEqual([2, 4]);
  });

  it('places accessible-needing participants first and only in accessible sessions, seats in participantNo order', () => {
    const r = assignSessions(
      [P(1), P(2), P(3, true, 30), P(4)],
      [S('a', '2024-10-16T00:00:00Z', 2), S('acc', '2024-10-16T02:00:00Z', 2, true)],
    );
    // p3 first → acc; then p1 → a (0/2 < 1/2); p2 → a (1/2 tie, earlier start); p4 → acc.
    expect(seats(r)).toEqual(['p1@a#1', 'p2@a#2', 'p3@acc#1', 'p4@acc#2']);
    expect(r.assignments.find((a) => a.participantId === 'p3')?.extraMinutes).toBe(30);
  });

  it('reports who did not fit and why', () => {
    const r = assignSessions(
      [P(1, true), P(2, true), P(3), P(4)],
      [S('acc', '2024-10-16T00:00:00Z', 1, true), S('a', '2024-10-16T01:00:00Z', 1)],
    );
    expect(seats(r)).toEqual(['p1@acc#1', 'p3@a#1']);
    expect(r.unassigned).toEqual([
      { participantId: 'p2', reason: 'no_accessible_capacity' },
      { participantId: 'p4', reason: 'no_capacity' },
    ]);
  });

  it('leaves everyone unassigned when there are no sessions, and skips zero-capacity sessions', () => {
    expect(assignSessions([P(1)], []).unassigned).toEqual([{ participantId: 'p1', reason: 'no_capacity' }]);
    expect(
      assignSessions([P(1)], [S('z', '2024-10-16T00:00:00Z', 0), S('a', '2024-10-16T01:00:00Z', 1)]).assignments[0]
        ?.sessionId,
    ).toBe('a');
  });

  it.each([
    ['duplicate participant ids', [P(1), P(1)], [S('a', '2024-10-16T00:00:00Z', 5)]],
    ['duplicate session ids', [P(1)], [S('a', '2024-10-16T00:00:00Z', 5), S('a', '2024-10-16T01:00:00Z', 5)]],
    ['an unparsable startsAt', [P(1)], [S('a', 'besok pagi', 5)]],
    ['a negative capacity', [P(1)], [S('a', '2024-10-16T00:00:00Z', -1)]],
    ['fractional extra minutes', [P(1, false, 2.5)], [S('a', '2024-10-16T00:00:00Z', 5)]],
  ])('refuses %s', (_name, participants, sessions) => {
    expect(() => assignSessions(participants, sessions)).toThrow(RangeError);
  });
});

const participantsArb = fc
  .uniqueArray(
    fc.record({ no: fc.integer({ min: 1, max: 99999 }), acc: fc.boolean(), extra: fc.constantFrom(0, 30) }),
    {
      selector: (x) => x.no,
      maxLength: 80,
    },
  )
  .map((xs) => xs.map((x) => P(x.no, x.acc, x.extra)));
const sessionsArb = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^s[0-9a-f]{1,3}$/),
      hour: fc.integer({ min: 0, max: 5 }),
      capacity: fc.integer({ min: 0, max: 20 }),
      accessible: fc.boolean(),
    }),
    { selector: (x) => x.id, maxLength: 8 },
  )
  .map((xs) => xs.map((x) => S(x.id, `2024-10-16T0${x.hour}:00:00Z`, x.capacity, x.accessible)));

describe('assignSessions properties', () => {
  it('never overfills, places everyone at most once, keeps accessibility, numbers seats 1..n', () => {
    fc.assert(
      fc.property(participantsArb, sessionsArb, (participants, sessions) => {
        const r = assignSessions(participants, sessions);
        const ids = [...r.assignments.map((a) => a.participantId), ...r.unassigned.map((u) => u.participantId)];
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(participants.length);
        for (const s of sessions) {
          const here = r.assignments.filter((a) => a.sessionId === s.id);
          expect(here.length).toBeLessThanOrEqual(s.capacity);
          expect(here.map((a) => a.seat).sort((x, y) => x - y)).toEqual(here.map((_, i) => i + 1));
          const byNo = [...here]
            .sort((x, y) => x.seat - y.seat)
            .map((a) => participants.find((p) => p.id === a.participantId)?.participantNo ?? '');
          expect(byNo).toEqual([...byNo].sort());
        }
        for (const a of r.assignments) {
          const p = participants.find((x) => x.id === a.participantId);
          if (p?.needsAccessibleSite) expect(sessions.find((s) => s.id === a.sessionId)?.accessible).toBe(true);
          expect(a.extraMinutes).toBe(p?.extraMinutes);
        }
        // Nobody is turned away while a fitting session still has room.
        const free = (pred: (s: ExamSession) => boolean) =>
          sessions
            .filter(pred)
            .reduce((n, s) => n + s.capacity - r.assignments.filter((a) => a.sessionId === s.id).length, 0);
        if (r.unassigned.some((u) => u.reason === 'no_capacity')) expect(free(() => true)).toBe(0);
        if (r.unassigned.some((u) => u.reason === 'no_accessible_capacity')) expect(free((s) => s.accessible)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic whatever the input order', () => {
    fc.assert(
      fc.property(participantsArb, sessionsArb, fc.integer(), (participants, sessions, seed) => {
        const shuffle = <T>(xs: readonly T[]) =>
          [...xs]
            .map((x, i) => ({ x, k: (i * 7919 + seed) % 104729 }))
            .sort((a, b) => a.k - b.k)
            .map((e) => e.x);
        expect(assignSessions(shuffle(participants), shuffle(sessions))).toEqual(
          assignSessions(participants, sessions),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('balances equal-capacity sessions within one seat when everyone fits and nobody needs access', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 0, max: 90 }),
        fc.array(fc.integer({ min: 1, max: 15 }), { maxLength: 3 }),
        (k, capacity, wanted, otherCaps) => {
          const sessions = [
            ...Array.from({ length: k }, (_, i) => S(`eq${i}`, `2024-10-16T0${i % 6}:00:00Z`, capacity)),
            ...otherCaps.map((c, i) => S(`ot${i}`, '2024-10-17T00:00:00Z', c)),
          ];
          const total = sessions.reduce((n, s) => n + s.capacity, 0);
          const participants = Array.from({ length: Math.min(wanted, total) }, (_, i) => P(i + 1));
          const r = assignSessions(participants, sessions);
          expect(r.unassigned).toEqual([]);
          const loads = new Map<number, number[]>();
          for (const s of sessions) {
            const n = r.assignments.filter((a) => a.sessionId === s.id).length;
            loads.set(s.capacity, [...(loads.get(s.capacity) ?? []), n]);
          }
          for (const ns of loads.values()) expect(Math.max(...ns) - Math.min(...ns)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
