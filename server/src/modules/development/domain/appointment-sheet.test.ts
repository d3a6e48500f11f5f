import { describe, expect, it } from 'vitest';
import { APPOINTMENT_SHEET_COLUMNS, type SheetAppointee, validateAppointmentSheet } from './appointment-sheet.ts';

const who = (no: string, birthDate: string, gender: 'L' | 'P', recordedNip: string | null = null): SheetAppointee => ({
  participantNo: no,
  applicationId: `app-${no}`,
  periodType: 'CPNS',
  birthDate,
  gender,
  recordedNip,
});
const appointees = new Map([
  ['1', who('1', '1999-07-21', 'P')],
  ['2', who('2', '1998-11-05', 'L')],
  ['3', who('3', '1997-01-01', 'L', '199701012026031001')],
]);
const ctx = { appointees, usedNips: new Set(['197808122003121002']), knownNips: new Set(['197808122003121002']) };
const header = { line: 1, cells: [...APPOINTMENT_SHEET_COLUMNS] };
const row = (line: number, cells: Partial<Record<(typeof APPOINTMENT_SHEET_COLUMNS)[number], string>>) => ({
  line,
  cells: APPOINTMENT_SHEET_COLUMNS.map((c) => cells[c] ?? ''),
});

describe('validateAppointmentSheet', () => {
  it('takes filled rows, leaves empty ones for later and skips the recorded', () => {
    const r = validateAppointmentSheet(
      [
        header,
        row(2, {
          no_peserta: '1',
          nip: '199907212026032001',
          tmt: '2026-03-01',
          golongan: 'III/a',
          nip_atasan: '197808122003121002',
        }),
        row(3, { no_peserta: '2' }),
        row(4, { no_peserta: '3', nip: '199701012026031001', tmt: '2026-03-01', golongan: 'III/a' }),
      ],
      ctx,
    );
    expect(r.ok).toBe(true);
    expect(r.report.map((x) => [x.line, x.status])).toEqual([
      [2, 'new'],
      [3, 'later'],
      [4, 'recorded'],
    ]);
    expect(r.rows).toEqual([
      {
        applicationId: 'app-1',
        nip: '199907212026032001',
        tmt: '2026-03-01',
        golongan: 'III/a',
        unit: '',
        jabatanKind: 'fungsional',
        jenjang: '',
        supervisorNip: '197808122003121002',
      },
    ]);
  });
  it.each<[string, Partial<Record<(typeof APPOINTMENT_SHEET_COLUMNS)[number], string>>, RegExp]>([
    [
      'someone not L',
      { no_peserta: '9', nip: '199907212026032001', tmt: '2026-03-01', golongan: 'III/a' },
      /tidak berstatus L/,
    ],
    [
      'a TMT that is not a date',
      { no_peserta: '1', nip: '199907212026032001', tmt: '01-03-2026', golongan: 'III/a' },
      /bukan tanggal/,
    ],
    [
      'a birth date not theirs',
      { no_peserta: '1', nip: '199907222026032001', tmt: '2026-03-01', golongan: 'III/a' },
      /Tanggal lahir di NIP/,
    ],
    [
      'a used NIP',
      { no_peserta: '2', nip: '197808122003121002', tmt: '2003-12-01', golongan: 'III/a' },
      /sudah dipakai pegawai lain/,
    ],
    ['no golongan', { no_peserta: '1', nip: '199907212026032001', tmt: '2026-03-01' }, /Golongan wajib/],
    [
      'an unknown supervisor',
      {
        no_peserta: '1',
        nip: '199907212026032001',
        tmt: '2026-03-01',
        golongan: 'III/a',
        nip_atasan: '199001012015031001',
      },
      /NIP atasan 199001012015031001/,
    ],
    [
      'a wrong position kind',
      { no_peserta: '1', nip: '199907212026032001', tmt: '2026-03-01', golongan: 'III/a', jenis_jabatan: 'guru' },
      /Jenis jabatan "guru"/,
    ],
  ])('refuses %s, and the whole file', (_n, cells, problem) => {
    const r = validateAppointmentSheet([header, row(2, cells)], ctx);
    expect(r.ok).toBe(false);
    expect(r.report[0]!.problems.map((p) => p.id).join(' ')).toMatch(problem);
  });
  it('refuses the same person or NIP twice in one file', () => {
    const r = validateAppointmentSheet(
      [
        header,
        row(2, { no_peserta: '1', nip: '199907212026032001', tmt: '2026-03-01', golongan: 'III/a' }),
        row(3, { no_peserta: '1', nip: '199907212026032001', tmt: '2026-03-01', golongan: 'III/a' }),
      ],
      ctx,
    );
    expect(r.report[1]!.problems.map((p) => p.id)).toEqual([
      'No. peserta 1 sudah ada di baris 2 berkas ini.',
      'NIP 199907212026032001 sudah ada di baris 2 berkas ini.',
    ]);
  });
  it('names missing columns', () => {
    expect(
      validateAppointmentSheet([{ line: 1, cells: ['no_peserta', 'nama'] }], ctx).report[0]!.problems[0]!.id,
    ).toMatch(/nip, tmt, golongan/);
  });
});
