import { describe, expect, it } from 'vitest';
import {
  batchStatus,
  claimMachine,
  compliance,
  complianceByOrganization,
  eligibilityProblems,
  enrollmentMachine,
  jpOfMinutes,
  placement,
  promotions,
} from './training.ts';

describe('eligibilityProblems', () => {
  const pns = { status: 'PNS', jabatanKind: 'fungsional', organizationId: 'kominfo' };
  it.each<[string, Parameters<typeof eligibilityProblems>[0], number]>([
    ['open to all', {}, 0],
    ['status matches', { statuses: ['PNS', 'CPNS'] }, 0],
    ['status does not', { statuses: ['CPNS'] }, 1],
    ['jabatan does not', { jabatanKinds: ['struktural'] }, 1],
    ['OPD does not', { organizationIds: ['bpbd'] }, 1],
    ['all three fail', { statuses: ['PPPK'], jabatanKinds: ['struktural'], organizationIds: ['bpbd'] }, 3],
  ])('%s', (_n, rule, problems) => {
    expect(eligibilityProblems(rule, pns)).toHaveLength(problems);
  });
  it('says what the programme requires', () => {
    expect(eligibilityProblems({ statuses: ['CPNS'] }, pns)[0]!.id).toBe(
      'Program ini untuk pegawai berstatus CPNS, bukan PNS.',
    );
  });
});

describe('enrolment', () => {
  it('takes a seat while there is one, then waits', () => {
    expect(placement(30, 29)).toBe('enrolled');
    expect(placement(30, 30)).toBe('waitlisted');
  });
  it('promotes the earliest waiting into the freed seats', () => {
    const w = [
      { id: 'c', requestedAt: new Date('2026-01-03') },
      { id: 'a', requestedAt: new Date('2026-01-01') },
      { id: 'b', requestedAt: new Date('2026-01-02') },
    ];
    expect(promotions(w, 2).map((x) => x.id)).toEqual(['a', 'b']);
    expect(promotions(w, 0)).toEqual([]);
  });
  it.each<
    [
      Parameters<typeof enrollmentMachine.transition>[0],
      Parameters<typeof enrollmentMachine.transition>[1],
      string | null,
    ]
  >([
    ['waitlisted', 'promote', 'enrolled'],
    ['enrolled', 'complete', 'completed'],
    ['enrolled', 'fail', 'not_completed'],
    ['waitlisted', 'cancel', 'cancelled'],
    ['waitlisted', 'complete', null],
    ['cancelled', 'cancel', null],
    ['completed', 'cancel', null],
  ])('%s --%s--> %s', (from, event, to) => {
    const r = enrollmentMachine.transition(from, event);
    expect(r.ok ? r.status : null).toBe(to);
  });
});

describe('the 20 JP a year (PP 17/2020 Pasal 203(4))', () => {
  it.each([
    [0, 20, false],
    [19, 1, false],
    [20, 0, true],
    [45, 0, true],
  ])('%i JP → short %i, met %s', (jp, short, met) => {
    expect(compliance(jp)).toEqual({ jp, required: 20, short, met });
  });
  it('summarises each OPD, lowest share first', () => {
    const rows = [
      { organizationId: 'kominfo', jp: 24 },
      { organizationId: 'kominfo', jp: 8 },
      { organizationId: 'kominfo', jp: 20 },
      { organizationId: 'bpbd', jp: 3 },
    ];
    expect(complianceByOrganization(rows)).toEqual([
      { organizationId: 'bpbd', employees: 1, met: 0, percent: 0 },
      { organizationId: 'kominfo', employees: 3, met: 2, percent: 66 },
    ]);
  });
});

describe('outside activities (RULES.md §3.3)', () => {
  it.each([
    [45, 1],
    [89, 1],
    [90, 2],
    [480, 10],
  ])('%i minutes are worth %i JP', (minutes, jp) => {
    expect(jpOfMinutes(minutes)).toBe(jp);
  });
  it('is decided once', () => {
    expect(claimMachine.transition('submitted', 'approve')).toEqual({ ok: true, status: 'approved' });
    expect(claimMachine.transition('approved', 'reject').ok).toBe(false);
  });
});

describe('batchStatus: a batch past its end date is finished', () => {
  it.each([
    ['open before its end', 'open', '2026-10-11', '2026-10-10', 'open'],
    ['open on its last day', 'open', '2026-10-11', '2026-10-11', 'open'],
    ['open the day after it ended → Selesai', 'open', '2026-10-11', '2026-10-12', 'finished'],
    ['closed stays closed', 'closed', '2026-10-11', '2026-10-12', 'closed'],
    ['cancelled stays cancelled', 'cancelled', '2026-10-11', '2026-10-01', 'cancelled'],
  ] as const)('%s', (_, stored, endsOn, today, want) => {
    expect(batchStatus(stored, endsOn, today)).toBe(want);
  });
});
