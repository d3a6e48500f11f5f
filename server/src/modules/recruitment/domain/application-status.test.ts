import { describe, expect, it } from 'vitest';
import {
  APPLICATION_EVENTS,
  APPLICATION_STATUSES,
  type ApplicationEvent,
  type ApplicationStatus,
  allowedEvents,
  canEdit,
  isTerminal,
  transition,
} from './application-status.ts';

// The whole machine: every pair not listed here must be refused.
const ALLOWED: [ApplicationStatus, ApplicationEvent, ApplicationStatus][] = [
  ['draft', 'submit', 'submitted'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'verify_ms', 'ms'],
  ['submitted', 'verify_tms', 'tms'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['ms', 'withdraw', 'withdrawn'],
  ['tms', 'file_objection', 'objection_filed'],
  ['tms', 'withdraw', 'withdrawn'],
  ['objection_filed', 'accept_objection', 'ms'],
  ['objection_filed', 'reject_objection', 'tms_final'],
  ['objection_filed', 'withdraw', 'withdrawn'],
];

describe('transition', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(transition(from, event)).toEqual({ ok: true, status: to });
  });

  const refused = APPLICATION_STATUSES.flatMap((s) => APPLICATION_EVENTS.map((e) => [s, e] as const)).filter(
    ([s, e]) => !ALLOWED.some(([f, ev]) => f === s && ev === e),
  );
  it.each(refused)('%s refuses %s with a bilingual message', (status, event) => {
    const result = transition(status, event);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.id.length).toBeGreaterThan(10);
      expect(result.error.en.length).toBeGreaterThan(10);
    }
  });

  it.each([
    ['tms_final', 'file_objection', 'satu kali'],
    ['objection_filed', 'file_objection', 'satu kali'],
    ['ms', 'file_objection', 'dinyatakan TMS'],
    ['submitted', 'submit', 'sudah dikirim'],
    ['withdrawn', 'submit', 'ditarik'],
  ] as const)('%s + %s explains: "%s"', (status, event, words) => {
    const result = transition(status, event);
    expect(result.ok ? '' : result.error.id).toContain(words);
  });
});

describe('canEdit, allowedEvents, isTerminal', () => {
  it.each(APPLICATION_STATUSES)('%s', (status) => {
    expect(canEdit(status)).toBe(status === 'draft');
    expect(allowedEvents(status)).toEqual(APPLICATION_EVENTS.filter((e) => transition(status, e).ok));
    expect(isTerminal(status)).toBe(status === 'tms_final' || status === 'withdrawn');
  });
});
