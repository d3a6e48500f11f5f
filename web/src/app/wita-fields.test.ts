import { describe, expect, it } from 'vitest';
import { MeetingBody } from '../../../common/contracts/development.ts';
import { witaInstant, withWitaTimes } from './wita-fields.ts';

describe('WITA date-time fields checked as the contract', () => {
  const schema = withWitaTimes(MeetingBody, ['startsAt', 'endsAt']);

  it('turns the wall-clock time into the instant the API takes', () => {
    expect(witaInstant('2026-03-02T08:30')).toBe('2026-03-02T00:30:00.000Z');
    expect(witaInstant('  ')).toBeUndefined();
    const r = schema.safeParse({ title: 'Pembukaan', startsAt: '2026-03-02T08:00', endsAt: '2026-03-02T10:00' });
    expect(r.success && r.data).toEqual({
      title: 'Pembukaan',
      startsAt: '2026-03-02T00:00:00.000Z',
      endsAt: '2026-03-02T02:00:00.000Z',
    });
  });

  it('an empty field is missing, on its own path; the contract’s order check still holds', () => {
    const empty = schema.safeParse({ title: 'Pembukaan', startsAt: '', endsAt: '2026-03-02T10:00' });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['startsAt', 'invalid_type']]);
    const backwards = schema.safeParse({
      title: 'Pembukaan',
      startsAt: '2026-03-02T10:00',
      endsAt: '2026-03-02T08:00',
    });
    expect(backwards.error?.issues.map((i) => i.path.join('.'))).toEqual(['endsAt']);
  });
});
