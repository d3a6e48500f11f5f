import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format.ts';

describe('formatDateTime', () => {
  it('shows Palu time (UTC+8) with the WITA label', () => {
    expect(formatDateTime('2026-03-01T16:30:00.000Z', 'id')).toMatch(/2 Mar 2026.*00[.:]30 WITA$/);
    expect(formatDateTime('2026-03-01T16:30:00.000Z', 'en')).toMatch(/2 Mar 2026.*00:30 WITA$/);
  });
  it('shows a dash for a missing time and the raw text for a broken one', () => {
    expect(formatDateTime(null, 'id')).toBe('—');
    expect(formatDateTime('nope', 'id')).toBe('nope');
  });
});

describe('formatDate', () => {
  it('uses the Palu calendar day, which can be the next day in UTC terms', () => {
    expect(formatDate('2026-03-01T16:30:00.000Z', 'id')).toBe('2 Mar 2026');
  });
});
