import { describe, expect, it } from 'vitest';
import type { AuditEvent } from './api.ts';
import { eventsCsv, filterEvents, NO_FILTER } from './filter.ts';

const ev = (
  seq: number,
  action: string,
  occurredAt: string,
  actorRole: string | null,
  subjectId: string | null = null,
): AuditEvent => ({
  seq,
  occurredAt,
  actorId: null,
  actorRole,
  action,
  subjectType: action.split('.')[0]!,
  subjectId,
  beforeDigest: null,
  afterDigest: null,
  prevHash: '0',
  hash: `h${seq}`,
});
const events = [
  ev(1, 'account.create', '2026-12-02T15:59:00Z', null), // 23.59 WITA on 2 Dec
  ev(2, 'document.verify', '2026-12-02T16:00:00Z', 'verifier', 'app-1'), // 00.00 WITA on 3 Dec
  ev(3, 'cat.session.open', '2026-12-03T01:00:00Z', 'proctor'),
  ev(4, 'document.view', '2026-12-03T02:00:00Z', 'committee', 'app-2'),
];

describe('filterEvents', () => {
  it('keeps everything without a filter', () => expect(filterEvents(events, NO_FILTER)).toHaveLength(4));
  it('filters by area (the action’s first part) and by role, system included', () => {
    expect(filterEvents(events, { ...NO_FILTER, area: 'document' }).map((e) => e.seq)).toEqual([2, 4]);
    expect(filterEvents(events, { ...NO_FILTER, role: 'system' }).map((e) => e.seq)).toEqual([1]);
  });
  it('reads dates as Palu days (WITA), inclusive', () => {
    expect(filterEvents(events, { ...NO_FILTER, from: '2026-12-03' }).map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(filterEvents(events, { ...NO_FILTER, to: '2026-12-02' }).map((e) => e.seq)).toEqual([1]);
  });
  it('matches text in the action and the subject', () => {
    expect(filterEvents(events, { ...NO_FILTER, text: 'APP-2' }).map((e) => e.seq)).toEqual([4]);
    expect(filterEvents(events, { ...NO_FILTER, text: 'session' }).map((e) => e.seq)).toEqual([3]);
  });
});

describe('eventsCsv', () => {
  it('writes a header and one quoted row per event, neutralising formulas', () => {
    const csv = eventsCsv([ev(9, 'account.create', '2026-12-03T00:00:00Z', null, '=HYPERLINK("x")')]);
    const [head, row] = csv.replace('\uFEFF', '').trim().split('\n');
    expect(head).toBe(
      'seq,occurred_at,actor_role,action,subject_type,subject_id,before_digest,after_digest,prev_hash,hash',
    );
    expect(row).toContain('"system","account.create"');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
