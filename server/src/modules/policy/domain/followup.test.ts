import { describe, expect, it } from 'vitest';
import { eventFor, lateness, milestoneMachine, rollUp, workingDeadline } from './followup.ts';

// 2026-08-17 (Mon) is Hari Kemerdekaan; 2026-08-15/16 a weekend.
const HOLIDAYS = new Set(['2026-08-17']);

describe('working-day deadlines and lateness', () => {
  it.each<[string, string]>([
    ['2026-08-14', '2026-08-14'], // a Friday stays
    ['2026-08-15', '2026-08-18'], // Saturday → past Sunday and the holiday
    ['2026-08-17', '2026-08-18'],
  ])('due %s → deadline %s', (due, deadline) => {
    expect(workingDeadline(due, HOLIDAYS)).toBe(deadline);
  });

  it.each<[string, 'planned' | 'in_progress' | 'done', string | null, string, boolean, number]>([
    ['2026-08-14', 'planned', null, '2026-08-14', false, 0],
    ['2026-08-14', 'in_progress', null, '2026-08-17', false, 0], // the weekend and the holiday are not working days
    ['2026-08-14', 'in_progress', null, '2026-08-18', true, 1],
    ['2026-08-14', 'planned', null, '2026-08-21', true, 4],
    ['2026-08-15', 'planned', null, '2026-08-18', false, 0],
    ['2026-08-14', 'done', '2026-08-19', '2026-09-30', false, 2], // done late: counted, but not late any more
    ['2026-08-14', 'done', '2026-08-13', '2026-09-30', false, 0],
  ])('due %s, %s (done %s), today %s → late %s by %i', (dueOn, status, doneOn, today, late, days) => {
    expect(lateness({ dueOn, status, doneOn }, today, HOLIDAYS)).toMatchObject({ late, workingDaysLate: days });
  });
});

describe('status moves and roll-up', () => {
  it.each<['planned' | 'in_progress' | 'done', 'planned' | 'in_progress' | 'done', string | null, boolean]>([
    ['planned', 'in_progress', 'start', true],
    ['planned', 'done', 'complete', true],
    ['in_progress', 'done', 'complete', true],
    ['done', 'in_progress', 'reopen', true],
    ['done', 'planned', 'reopen', false],
    ['in_progress', 'planned', 'start', false],
    ['done', 'done', null, true],
  ])('%s → %s via %s (allowed %s)', (from, to, event, ok) => {
    const e = eventFor(from, to);
    expect(e).toBe(event);
    if (e) {
      const r = milestoneMachine.transition(from, e);
      expect(r.ok && r.status === to).toBe(ok);
    }
  });

  it('rolls up done and late milestones', () => {
    expect(rollUp([])).toEqual({ done: 0, total: 0, percent: 0, late: 0 });
    expect(
      rollUp([
        { status: 'done', late: false },
        { status: 'planned', late: true },
        { status: 'in_progress', late: false },
      ]),
    ).toEqual({ done: 1, total: 3, percent: 33, late: 1 });
  });
});
