import { describe, expect, it } from 'vitest';
import { DISCIPLINE_SHEET_COLUMNS, validateDisciplineSheet } from './discipline-sheet.ts';

const NIP = '199104252015032001';
const header = { line: 1, cells: [...DISCIPLINE_SHEET_COLUMNS] };
const row = (line: number, over: Partial<Record<(typeof DISCIPLINE_SHEET_COLUMNS)[number], string>> = {}) => {
  const v = {
    nip: NIP,
    jenis: 'tukin_25_6',
    alasan: 'Tidak masuk kerja 12 hari',
    nomor_sk: `800/${line}/2026`,
    tanggal_sk: '2026-03-01',
    pejabat: 'Wali Kota Palu',
    mulai: '2026-03-01',
    selesai: '',
    ...over,
  };
  return { line, cells: DISCIPLINE_SHEET_COLUMNS.map((c) => v[c]) };
};
const ctx = {
  employees: new Map([[NIP, 'e1']]),
  existing: new Map([
    [
      'e1',
      [{ kind: 'teguran_lisan' as const, skNumber: 'LAMA/1', skDate: '2025-01-02', start: '2025-01-02', end: null }],
    ],
  ]),
};
const texts = (r: ReturnType<typeof validateDisciplineSheet>, i: number) =>
  r.report[i]!.problems.map((p) => p.id).join(' ');

describe('discipline sheet', () => {
  it('accepts good rows and proposes the end from the kind', () => {
    const r = validateDisciplineSheet([header, row(2)], ctx);
    expect(r.ok).toBe(true);
    expect(r.rows[0]).toMatchObject({ employeeId: 'e1', end: '2026-08-31' });
  });

  it('refuses an unknown kind, an impossible date and an NIP not in the records, per row', () => {
    const r = validateDisciplineSheet(
      [header, row(2, { jenis: 'skorsing' }), row(3, { mulai: '2026-02-30' }), row(4, { nip: '199001012015031999' })],
      ctx,
    );
    expect(r.ok).toBe(false);
    expect(r.rows).toEqual([]);
    expect(texts(r, 0)).toContain('Jenis hukuman "skorsing" tidak dikenal');
    expect(texts(r, 1)).toContain('bukan tanggal yang ada');
    expect(texts(r, 2)).toContain('tidak ada dalam data pegawai');
  });

  it('refuses overlaps of the same kind within the sheet and against the records', () => {
    const r = validateDisciplineSheet(
      [
        header,
        row(2),
        row(3, { mulai: '2026-05-01', tanggal_sk: '2026-04-20' }),
        row(4, { jenis: 'teguran_lisan', tanggal_sk: '2025-01-02', mulai: '2025-01-02' }),
      ],
      ctx,
    );
    expect(r.report.map((x) => x.status)).toEqual(['valid', 'error', 'error']);
    expect(texts(r, 1)).toContain('Bertumpang tindih');
    expect(texts(r, 2)).toContain('Bertumpang tindih');
  });

  it('refuses a sheet without the template header', () => {
    const r = validateDisciplineSheet([{ line: 1, cells: ['nip', 'nama'] }, row(2)], ctx);
    expect(r.report[0]!.problems[0]!.id).toContain('Unduh templat');
  });
});
