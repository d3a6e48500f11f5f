import { describe, expect, it } from 'vitest';
import { addMonths, appointmentProblems, probation } from './appointment.ts';

const cpns = { periodType: 'CPNS' as const, birthDate: '1999-03-12', gender: 'P' as const };

describe('appointmentProblems', () => {
  it.each<[string, typeof cpns | { periodType: 'PPPK'; birthDate: string; gender: 'L' }, string, string, string[]]>([
    ['a matching NIP', cpns, '199903122026032001', '2026-03-01', []],
    [
      'an NI PPPK for a CPNS',
      cpns,
      '199903122026212001',
      '2026-03-01',
      ['Pengadaan CPNS memakai NIP (angka 13–14 = bulan TMT), bukan NI PPPK.'],
    ],
    [
      'a TMT other than the NIP’s',
      cpns,
      '199903122026032001',
      '2026-04-01',
      ['TMT 2026-04-01 tidak sesuai TMT di NIP (2026-03).'],
    ],
    [
      'someone else’s birth date',
      cpns,
      '199903132026032001',
      '2026-03-01',
      ['Tanggal lahir di NIP (1999-03-13) tidak sama dengan tanggal lahir pelamar (1999-03-12).'],
    ],
    [
      'the wrong gender digit',
      cpns,
      '199903122026031001',
      '2026-03-01',
      ['Kode jenis kelamin di NIP (1 = laki-laki) tidak sesuai data pelamar.'],
    ],
    [
      'an NI PPPK for a PPPK',
      { periodType: 'PPPK', birthDate: '1990-09-09', gender: 'L' },
      '199009092026211005',
      '2026-02-01',
      [],
    ],
    [
      'an NIP for a PPPK',
      { periodType: 'PPPK', birthDate: '1990-09-09', gender: 'L' },
      '199009092026021005',
      '2026-02-01',
      ['Pengadaan PPPK memakai NI PPPK (angka 13–14 = 21), bukan NIP.'],
    ],
    [
      'not 18 digits',
      cpns,
      '1999031220260320',
      '2026-03-01',
      ['NIP harus 18 angka (tanggal lahir, TMT, jenis kelamin, nomor urut).'],
    ],
  ])('%s', (_n, who, nip, tmt, problems) => {
    const got = appointmentProblems(who, nip, tmt).map((p) => p.id);
    expect(
      problems.every((p) => got.includes(p)) && (problems.length > 0 || got.length === 0),
      JSON.stringify(got),
    ).toBe(true);
  });
});

describe('probation (one year, Latsar in it)', () => {
  it.each([
    ['2026-03-01', 12, '2027-03-01'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2027-03-01', -3, '2026-12-01'],
  ])('%s + %i months = %s', (from, n, to) => {
    expect(addMonths(from, n)).toBe(to);
  });
  it.each<[string, Parameters<typeof probation>[2], string, number]>([
    ['2026-06-01', 'completed', 'passed', 273],
    ['2026-06-01', null, 'on_track', 273],
    ['2026-12-01', null, 'at_risk', 90],
    ['2026-11-30', 'enrolled', 'on_track', 91],
    ['2026-12-15', 'waitlisted', 'at_risk', 76],
    ['2027-03-02', 'enrolled', 'overdue', -1],
    ['2026-09-01', 'not_completed', 'failed', 181],
  ])('on %s with Latsar %s: %s (%i days left)', (today, latsar, state, days) => {
    const p = probation('2026-03-01', today, latsar);
    expect(p).toMatchObject({ deadline: '2027-03-01', state, daysLeft: days });
  });
  it('says why it is at risk', () => {
    expect(probation('2026-03-01', '2026-12-01', null).reason.id).toBe(
      'Berisiko: sisa 90 hari masa percobaan dan belum terdaftar Latsar.',
    );
  });
});
