import { describe, expect, it } from 'vitest';
import { DISCIPLINE_KIND_VALUES } from '../../../../../common/contracts/discipline.ts';
import { overlaps, recordProblems, sameSk, spanEnd, type TermFacts } from './discipline-checks.ts';
import { PUNISHMENT_KINDS } from './discipline.ts';

const base: TermFacts = {
  kind: 'tukin_25_6',
  skNumber: '800/12/BKPSDM/2026',
  skDate: '2026-03-01',
  start: '2026-03-01',
  end: '2026-08-31',
};

describe('discipline record checks', () => {
  it('the contract lists the same kinds as the domain', () => {
    expect([...DISCIPLINE_KIND_VALUES]).toEqual([...PUNISHMENT_KINDS]);
  });

  it('accepts a clean record', () => {
    expect(recordProblems(base, [])).toEqual([]);
  });

  it('refuses a start before the SK date and an end before the start', () => {
    const p = recordProblems({ ...base, start: '2026-02-01', end: '2026-01-31' }, []);
    expect(p.map((x) => x.field)).toEqual(['start', 'end']);
    expect(p[0]!.message.id).toContain('tidak boleh sebelum tanggal SK');
  });

  it('asks for an end when the kind has a term, not for a teguran or PDHTAPS', () => {
    expect(recordProblems({ ...base, end: null }, [])[0]!.message.id).toContain('berlaku 6 bulan');
    expect(recordProblems({ ...base, kind: 'teguran_lisan', end: null }, [])).toEqual([]);
    expect(recordProblems({ ...base, kind: 'pdhtaps', end: null }, [])).toEqual([]);
  });

  it('refuses an overlap of the same kind, not of another kind nor a cancelled one', () => {
    const other: TermFacts = { ...base, id: 'x', skNumber: 'B', start: '2026-08-01', end: '2027-01-31' };
    expect(recordProblems(base, [other]).map((x) => x.field)).toEqual(['start']);
    expect(recordProblems(base, [{ ...other, kind: 'tukin_25_9' }])).toEqual([]);
    expect(recordProblems(base, [{ ...other, cancelled: true }])).toEqual([]);
    expect(recordProblems(base, [{ ...other, start: '2026-09-01' }])).toEqual([]);
  });

  it('treats a teguran as one day and PDHTAPS as for ever', () => {
    expect(spanEnd({ kind: 'teguran_lisan', start: '2026-01-05', end: null })).toBe('2026-01-05');
    expect(spanEnd({ kind: 'pdhtaps', start: '2026-01-05', end: null })).toBe('9999-12-31');
    const t = { kind: 'teguran_lisan' as const, skNumber: 'A', skDate: '2026-01-05', start: '2026-01-05', end: null };
    expect(overlaps(t, { ...t, skNumber: 'B' })).toBe(true);
    expect(overlaps(t, { ...t, skNumber: 'B', start: '2026-01-06' })).toBe(false);
  });

  it('refuses an SK number used twice for the person, ignoring case and spaces, but not the record itself', () => {
    expect(sameSk('800/12/bkpsdm/2026', '800/12/BKPSDM /2026')).toBe(true);
    const own = { ...base, id: 'r1' };
    expect(recordProblems(own, [own])).toEqual([]);
    const dup = recordProblems({ ...base, kind: 'teguran_tertulis', end: null }, [{ ...own, start: '2025-01-01' }]);
    expect(dup.map((x) => x.field)).toEqual(['skNumber']);
  });
});
