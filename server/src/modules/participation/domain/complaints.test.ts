import { describe, expect, it } from 'vitest';
import {
  complaintClock,
  complaintMachine,
  dueAfter,
  normalizeTrackingId,
  onTime,
  onTimeByOpd,
  slaProblems,
  trackingIdOf,
} from './complaints.ts';

// Palu 2026 around Nyepi and Idul Fitri 1447 H (SKB 1497/2025), and Christmas.
const H = new Set([
  '2026-03-18',
  '2026-03-19',
  '2026-03-20',
  '2026-03-21',
  '2026-03-22',
  '2026-03-23',
  '2026-03-24',
  '2026-12-24',
  '2026-12-25',
]);

describe('dueAfter: n working days after the event day', () => {
  const cases: [string, number, string, string][] = [
    ['2026-03-02', 3, '2026-03-05', 'Mon + 3 → Thu'],
    ['2026-03-06', 3, '2026-03-11', 'Fri + 3 skips the weekend → Wed'],
    ['2026-03-07', 3, '2026-03-11', 'filed on a Saturday → Wed'],
    ['2026-03-16', 3, '2026-03-26', 'Mon before Nyepi and Lebaran: 17, 25, 26'],
    ['2026-03-16', 5, '2026-03-30', 'follow-up window over the holidays'],
    ['2026-12-18', 10, '2027-01-05', '10 days over Christmas (24–25 Dec): 21–23, 28–31, 1, 4, 5 Jan'],
  ];
  for (const [from, n, due, name] of cases) it(name, () => expect(dueAfter(from, n, H)).toBe(due));
});

describe('complaintClock', () => {
  const base = { filedOn: '2026-03-02', disposedOn: null, followedUpOn: null };
  const cases: {
    name: string;
    c: Parameters<typeof complaintClock>[0];
    today: string;
    want: ReturnType<typeof complaintClock>;
  }[] = [
    {
      name: 'awaiting verification, on time',
      c: { ...base, status: 'submitted' },
      today: '2026-03-05',
      want: { awaiting: 'verification', dueOn: '2026-03-05', late: false, lateDays: 0 },
    },
    {
      name: 'verification late by one working day',
      c: { ...base, status: 'submitted' },
      today: '2026-03-06',
      want: { awaiting: 'verification', dueOn: '2026-03-05', late: true, lateDays: 1 },
    },
    {
      name: 'late over a weekend counts working days',
      c: { ...base, status: 'submitted' },
      today: '2026-03-09',
      want: { awaiting: 'verification', dueOn: '2026-03-05', late: true, lateDays: 2 },
    },
    {
      name: 'OPD follow-up due 5 working days after disposition',
      c: { ...base, status: 'disposed', disposedOn: '2026-03-04' },
      today: '2026-03-11',
      want: { awaiting: 'follow_up', dueOn: '2026-03-11', late: false, lateDays: 0 },
    },
    {
      name: 'OPD follow-up late',
      c: { ...base, status: 'disposed', disposedOn: '2026-03-04' },
      today: '2026-03-12',
      want: { awaiting: 'follow_up', dueOn: '2026-03-11', late: true, lateDays: 1 },
    },
    {
      name: 'reporter has 10 working days to reply',
      c: { ...base, status: 'followed_up', disposedOn: '2026-03-03', followedUpOn: '2026-03-04' },
      today: '2026-03-10',
      want: { awaiting: 'reporter', dueOn: '2026-03-25', late: false, lateDays: 0 },
    },
    {
      name: 'closed: nothing awaited',
      c: { ...base, status: 'closed' },
      today: '2027-01-01',
      want: { awaiting: null, dueOn: null, late: false, lateDays: 0 },
    },
    {
      name: 'rejected: nothing awaited',
      c: { ...base, status: 'rejected' },
      today: '2027-01-01',
      want: { awaiting: null, dueOn: null, late: false, lateDays: 0 },
    },
  ];
  for (const c of cases) it(c.name, () => expect(complaintClock(c.c, c.today, H)).toEqual(c.want));

  it('takes other windows (a local standard: ringan ≤ 2 hari kerja)', () => {
    expect(
      complaintClock({ ...base, status: 'submitted' }, '2026-03-05', H, {
        verifyDays: 2,
        followUpDays: 5,
        closeAfterDays: 10,
      }),
    ).toMatchObject({ dueOn: '2026-03-04', late: true, lateDays: 1 });
  });
});

describe('onTime and onTimeByOpd', () => {
  it('judges a step against its window', () => {
    expect(onTime('2026-03-04', '2026-03-11', 5, H)).toBe(true);
    expect(onTime('2026-03-04', '2026-03-12', 5, H)).toBe(false);
  });
  it('counts on time, late (done late or still open past due) and pending per OPD', () => {
    const rows = onTimeByOpd(
      [
        { organizationId: 'bkpsdm', disposedOn: '2026-03-02', followedUpOn: '2026-03-03' },
        { organizationId: 'bkpsdm', disposedOn: '2026-03-02', followedUpOn: '2026-03-20' },
        { organizationId: 'bkpsdm', disposedOn: '2026-03-02', followedUpOn: null },
        { organizationId: 'dinkes', disposedOn: '2026-03-30', followedUpOn: null },
      ],
      '2026-03-31',
      H,
    );
    expect(rows).toEqual([
      { organizationId: 'bkpsdm', disposed: 3, onTime: 1, late: 2, pending: 0, percent: 33 },
      { organizationId: 'dinkes', disposed: 1, onTime: 0, late: 0, pending: 1, percent: null },
    ]);
  });
});

describe('complaintMachine', () => {
  const moves: [
    Parameters<typeof complaintMachine.transition>[0],
    Parameters<typeof complaintMachine.transition>[1],
    string | null,
  ][] = [
    ['submitted', 'dispose', 'disposed'],
    ['submitted', 'reject', 'rejected'],
    ['submitted', 'follow_up', null],
    ['disposed', 'follow_up', 'followed_up'],
    ['disposed', 'dispose', 'disposed'],
    ['disposed', 'accept', null],
    ['followed_up', 'reopen', 'disposed'],
    ['followed_up', 'accept', 'closed'],
    ['followed_up', 'expire', 'closed'],
    ['closed', 'reopen', null],
    ['rejected', 'dispose', null],
  ];
  for (const [from, ev, to] of moves)
    it(`${from} --${ev}--> ${to ?? 'refused'}`, () => {
      const r = complaintMachine.transition(from, ev);
      expect(r.ok ? r.status : null).toBe(to);
    });
});

describe('tracking IDs', () => {
  it('are PGD- and two groups of five unambiguous characters', () => {
    const id = trackingIdOf(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 30]));
    expect(id).toBe('PGD-23456-789AZ');
  });
  it('normalise what people type', () => {
    expect(normalizeTrackingId(' pgd 23456 789az ')).toBe('PGD-23456-789AZ');
    expect(normalizeTrackingId('23456789AZ')).toBe('PGD-23456-789AZ');
    expect(normalizeTrackingId('PGD-23456-789A0')).toBeNull();
    expect(normalizeTrackingId('PGD-1234')).toBeNull();
  });
  it('checks SLA settings', () => {
    expect(slaProblems({ verifyDays: 3, followUpDays: 5, closeAfterDays: 10 })).toEqual([]);
    expect(slaProblems({ verifyDays: 0, followUpDays: 5, closeAfterDays: 61 })).toHaveLength(2);
  });
});
