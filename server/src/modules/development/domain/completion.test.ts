import { describe, expect, it } from 'vitest';
import { attendancePercent, batchGain, certificateNumber, type CompletionFacts, type CompletionRule, completionProblems, feedbackSummary, testGain } from './completion.ts';

const LATSAR: CompletionRule = { minAttendancePct: 80, postTestPass: 70, assignmentRequired: true };
const SEMINAR: CompletionRule = { minAttendancePct: 0, postTestPass: null, assignmentRequired: false };
const done: CompletionFacts = { attended: 10, meetings: 10, postTestScore: 85, assignmentDone: true };

describe('completionProblems', () => {
  it.each<[string, CompletionRule, Partial<CompletionFacts>, string[]]>([
    ['all met', LATSAR, {}, []],
    ['exactly 80 % attendance', LATSAR, { attended: 8 }, []],
    ['79 % attendance', { ...LATSAR, minAttendancePct: 80 }, { attended: 79, meetings: 100 }, ['Kehadiran 79 % (79 dari 100 pertemuan), kurang dari syarat 80 %.']],
    ['no meetings yet', LATSAR, { attended: 0, meetings: 0 }, ['Angkatan ini belum punya pertemuan, jadi kehadiran belum dapat dihitung.']],
    ['post-test at the pass mark', LATSAR, { postTestScore: 70 }, []],
    ['post-test below', LATSAR, { postTestScore: 69 }, ['Nilai post-test 69 di bawah batas lulus 70.']],
    ['post-test missing', LATSAR, { postTestScore: null }, ['Nilai post-test belum diisi.']],
    ['assignment missing', LATSAR, { assignmentDone: false }, ['Tugas (aktualisasi/proyek) belum dinyatakan selesai.']],
    ['everything missing', LATSAR, { attended: 2, postTestScore: null, assignmentDone: false }, ['Kehadiran 20 % (2 dari 10 pertemuan), kurang dari syarat 80 %.', 'Nilai post-test belum diisi.', 'Tugas (aktualisasi/proyek) belum dinyatakan selesai.']],
    ['a seminar needs nothing', SEMINAR, { attended: 0, meetings: 0, postTestScore: null, assignmentDone: false }, []],
  ])('%s', (_n, rule, facts, problems) => {
    expect(completionProblems(rule, { ...done, ...facts }).map((p) => p.id)).toEqual(problems);
  });
});

describe('attendance, test gain and numbers', () => {
  it.each([[0, 0, null], [0, 4, 0], [2, 3, 66], [3, 3, 100], [5, 3, 100]])('%i of %i meetings → %s %', (a, m, pct) => {
    expect(attendancePercent(a, m)).toBe(pct);
  });
  it.each([[40, 75, 35], [80, 70, -10], [null, 70, null], [50, null, null]])('pre %s, post %s → gain %s', (pre, post, gain) => {
    expect(testGain(pre, post)).toBe(gain);
  });
  it('averages a batch over those with both scores', () => {
    expect(batchGain([{ pre: 40, post: 80 }, { pre: 50, post: 75 }, { pre: 60, post: null }])).toEqual({ count: 2, pre: 45, post: 77.5, gain: 32.5 });
    expect(batchGain([])).toEqual({ count: 0, pre: null, post: null, gain: null });
  });
  it('numbers a certificate within its programme and year', () => {
    expect(certificateNumber('latsar-2026', 2026, 7)).toBe('0007/LATSAR-2026/BKPSDM-PLU/2026');
  });
  it('summarises feedback per aspect', () => {
    const s = feedbackSummary([{ facilitator: 5, material: 4, venue: 3, usefulness: 5 }, { facilitator: 4, material: 4, venue: 2, usefulness: 5 }]);
    expect(s[0]).toEqual({ aspect: 'facilitator', mean: 4.5, counts: [0, 0, 0, 1, 1] });
    expect(s[2]).toEqual({ aspect: 'venue', mean: 2.5, counts: [0, 1, 1, 0, 0] });
    expect(feedbackSummary([])[0]!.mean).toBeNull();
  });
});
