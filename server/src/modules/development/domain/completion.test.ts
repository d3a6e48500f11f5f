import { describe, expect, it } from 'vitest';
import {
  attendancePercent,
  batchGain,
  batchNotOverProblems,
  certificateNumber,
  certificateProblems,
  completionYear,
  type CompletionFacts,
  type CompletionRule,
  completionProblems,
  feedbackSummary,
  testGain,
} from './completion.ts';

const LATSAR: CompletionRule = { minAttendancePct: 80, postTestPass: 70, assignmentRequired: true };
const SEMINAR: CompletionRule = { minAttendancePct: 0, postTestPass: null, assignmentRequired: false };
const done: CompletionFacts = { attended: 10, meetings: 10, postTestScore: 85, assignmentDone: true };

describe('completionProblems', () => {
  it.each<[string, CompletionRule, Partial<CompletionFacts>, string[]]>([
    ['all met', LATSAR, {}, []],
    ['exactly 80 % attendance', LATSAR, { attended: 8 }, []],
    [
      '79 % attendance',
      { ...LATSAR, minAttendancePct: 80 },
      { attended: 79, meetings: 100 },
      ['Kehadiran 79 % (79 dari 100 pertemuan), kurang dari syarat 80 %.'],
    ],
    [
      'no meetings yet',
      LATSAR,
      { attended: 0, meetings: 0 },
      ['Angkatan ini belum punya pertemuan, jadi kehadiran belum dapat dihitung.'],
    ],
    ['post-test at the pass mark', LATSAR, { postTestScore: 70 }, []],
    ['post-test below', LATSAR, { postTestScore: 69 }, ['Nilai post-test 69 di bawah batas lulus 70.']],
    ['post-test missing', LATSAR, { postTestScore: null }, ['Nilai post-test belum diisi.']],
    ['assignment missing', LATSAR, { assignmentDone: false }, ['Tugas (aktualisasi/proyek) belum dinyatakan selesai.']],
    [
      'everything missing',
      LATSAR,
      { attended: 2, postTestScore: null, assignmentDone: false },
      [
        'Kehadiran 20 % (2 dari 10 pertemuan), kurang dari syarat 80 %.',
        'Nilai post-test belum diisi.',
        'Tugas (aktualisasi/proyek) belum dinyatakan selesai.',
      ],
    ],
    ['a seminar needs nothing', SEMINAR, { attended: 0, meetings: 0, postTestScore: null, assignmentDone: false }, []],
  ])('%s', (_n, rule, facts, problems) => {
    expect(completionProblems(rule, { ...done, ...facts }).map((p) => p.id)).toEqual(problems);
  });
});

describe('attendance, test gain and numbers', () => {
  it.each([
    [0, 0, null],
    [0, 4, 0],
    [2, 3, 66],
    [3, 3, 100],
    [5, 3, 100],
  ])('%i of %i meetings → %s %', (a, m, pct) => {
    expect(attendancePercent(a, m)).toBe(pct);
  });
  it.each([
    [40, 75, 35],
    [80, 70, -10],
    [null, 70, null],
    [50, null, null],
  ])('pre %s, post %s → gain %s', (pre, post, gain) => {
    expect(testGain(pre, post)).toBe(gain);
  });
  it('averages a batch over those with both scores', () => {
    expect(
      batchGain([
        { pre: 40, post: 80 },
        { pre: 50, post: 75 },
        { pre: 60, post: null },
      ]),
    ).toEqual({ count: 2, pre: 45, post: 77.5, gain: 32.5 });
    expect(batchGain([])).toEqual({ count: 0, pre: null, post: null, gain: null });
  });
  it('numbers a certificate within its programme and year', () => {
    expect(certificateNumber('latsar-2026', 2026, 7)).toBe('0007/LATSAR-2026/BKPSDM-PLU/2026');
  });
  it('summarises feedback per aspect', () => {
    const s = feedbackSummary([
      { facilitator: 5, material: 4, venue: 3, usefulness: 5 },
      { facilitator: 4, material: 4, venue: 2, usefulness: 5 },
    ]);
    expect(s[0]).toEqual({ aspect: 'facilitator', mean: 4.5, counts: [0, 0, 0, 1, 1] });
    expect(s[2]).toEqual({ aspect: 'venue', mean: 2.5, counts: [0, 1, 1, 0, 0] });
    expect(feedbackSummary([])[0]!.mean).toBeNull();
  });
});

describe('completionYear: JP count for the year the training was completed, in Palu', () => {
  it.each([
    ['a Latsar ending next March, certified on 7 December', '2026-12-07T02:00:00Z', 2026],
    ['31 December 23.30 WITA is still that year', '2026-12-31T15:30:00Z', 2026],
    ['1 January 00.30 WITA is already the next year (UTC still says 31 December)', '2026-12-31T16:30:00Z', 2027],
  ])('%s', (_, at, year) => {
    expect(completionYear(new Date(at))).toBe(year);
  });
});

describe('batchNotOverProblems: a certificate waits for the last meeting or the end date', () => {
  const latsar = {
    endsOn: '2027-03-07',
    meetings: [
      { seq: 1, title: 'Pembukaan', endsAt: new Date('2026-12-07T09:00:00Z') },
      { seq: 2, title: 'Penutupan', endsAt: new Date('2027-03-07T08:00:00Z') },
    ],
  };
  it('refuses on the first day of a three-month Latsar after one meeting, naming the last meeting and the end date', () => {
    const [m, ...rest] = batchNotOverProblems(latsar, new Date('2026-12-07T10:00:00Z'));
    expect(rest).toEqual([]);
    expect(m?.id).toBe(
      'Angkatan belum selesai: pertemuan terakhir (ke-2, Penutupan) berakhir 7 Maret 2027, 16.00 WITA dan angkatan berakhir 7 Maret 2027.',
    );
    expect(m?.en).toBe(
      'The batch has not finished: its last meeting (no. 2, Penutupan) ends 7 March 2027, 16:00 WITA and the batch ends on 7 March 2027.',
    );
  });
  it('is over once the last meeting has been held, even before the end date', () => {
    expect(batchNotOverProblems({ ...latsar, endsOn: '2027-03-10' }, new Date('2027-03-07T08:00:00Z'))).toEqual([]);
  });
  it('is over on the end date (Palu), with or without meetings', () => {
    expect(batchNotOverProblems(latsar, new Date('2027-03-06T16:00:00Z'))).toEqual([]); // 7 March 00.00 WITA
    expect(batchNotOverProblems({ endsOn: '2027-03-07', meetings: [] }, new Date('2027-03-07T01:00:00Z'))).toEqual([]);
  });
  it('says so when a batch has no meetings and has not reached its end date', () => {
    expect(batchNotOverProblems({ endsOn: '2027-03-07', meetings: [] }, new Date('2027-03-06T01:00:00Z'))[0]?.id).toBe(
      'Angkatan belum selesai: berakhir 7 Maret 2027 dan belum ada pertemuan yang dijadwalkan.',
    );
  });
  it('lists everything missing for a certificate: the batch first, then the programme’s rule', () => {
    const problems = certificateProblems(
      LATSAR,
      { attended: 1, meetings: 1, postTestScore: 100, assignmentDone: false },
      latsar,
      new Date('2026-12-07T10:00:00Z'),
    );
    expect(problems.map((p) => p.id)).toEqual([
      expect.stringMatching(/^Angkatan belum selesai/),
      'Tugas (aktualisasi/proyek) belum dinyatakan selesai.',
    ]);
  });
});
