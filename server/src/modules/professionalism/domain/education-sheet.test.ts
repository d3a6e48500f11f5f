import { describe, expect, it } from 'vitest';
import {
  COMPETENCY_KIND_VALUES,
  EDUCATION_LEVEL_NAMES,
  EDUCATION_LEVEL_VALUES,
  LEADERSHIP_LEVEL_VALUES,
} from '../../../../../common/contracts/records.ts';
import { competencyKey, validateCompetencySheet } from './competency-sheet.ts';
import { educationKey, parseEducationLevel, validateEducationSheet } from './education-sheet.ts';
import { COMPETENCY_KINDS, EDUCATION_LABELS, EDUCATION_LEVELS, LEADERSHIP_LEVELS } from './ip-asn.ts';

const NIP_A = '199104252015032001';
const NIP_B = '197808122003121002';
const ctx = (existing: string[] = []) => ({
  employees: new Map([
    [NIP_A, 'emp-a'],
    [NIP_B, 'emp-b'],
  ]),
  existing: new Set(existing),
  today: '2026-08-12',
});
const sheet = (header: string, rows: string[]) =>
  [header, ...rows].map((r, i) => ({ line: i + 1, cells: r.split(',') }));
const texts = (r: { problems: { id: string }[] }) => r.problems.map((p) => p.id).join(' | ');

describe('the contracts mirror the IP ASN catalogues', () => {
  it('has the same levels, labels, kinds and leadership levels as domain/ip-asn.ts', () => {
    expect(EDUCATION_LEVEL_VALUES).toEqual(EDUCATION_LEVELS);
    expect(EDUCATION_LEVEL_NAMES).toEqual(EDUCATION_LABELS);
    expect(COMPETENCY_KIND_VALUES).toEqual(COMPETENCY_KINDS);
    expect(LEADERSHIP_LEVEL_VALUES).toEqual(LEADERSHIP_LEVELS);
  });
});

describe('education sheet', () => {
  const H = 'nip,jenjang,institusi,jurusan,tahun_lulus,tertinggi';
  it('reads jenjang as officials write it', () => {
    expect(['S-1', 's1', 'D-IV', 'D III', 'SMK', 'SLTP', 'S.2'].map(parseEducationLevel)).toEqual([
      's1',
      's1',
      'd4',
      'd3',
      'sma',
      'smp',
      's2',
    ]);
    expect(parseEducationLevel('S4')).toBeNull();
  });

  it('accepts a clean sheet and marks a row matching a held record as an update', () => {
    const r = validateEducationSheet(
      sheet(H, [`${NIP_A},SMA,SMA Negeri 1 Palu,IPA,2009,N`, `${NIP_A},S-1,Universitas Tadulako,Informatika,2014,Y`]),
      ctx([educationKey('emp-a', 'sma', 'SMA Negeri 1 Palu', 2009)]),
    );
    expect(r.ok).toBe(true);
    expect(r.report.map((x) => x.status)).toEqual(['update', 'new']);
    expect(r.rows[1]).toMatchObject({ employeeId: 'emp-a', level: 's1', graduationYear: 2014, isHighest: true });
  });

  it('refuses unknown jenjang, a future year, an NIP not in the records and two highest for one NIP — and keeps no row', () => {
    const r = validateEducationSheet(
      sheet(H, [
        `${NIP_A},S4,Universitas X,,2010,N`,
        `${NIP_B},S-2,Universitas Hasanuddin,,2031,N`,
        `199001012015031001,S-1,Universitas Tadulako,,2012,N`,
        `${NIP_A},S-1,Universitas Tadulako,,2012,Y`,
        `${NIP_A},S-2,Universitas Gadjah Mada,,2018,Y`,
        `${NIP_B},S-1,Universitas Tadulako,,2005,mungkin`,
      ]),
      ctx(),
    );
    expect(r.ok).toBe(false);
    expect(r.rows).toEqual([]);
    expect(texts(r.report[0]!)).toContain('Jenjang "S4" tidak dikenal');
    expect(texts(r.report[1]!)).toContain('Tahun lulus 2031 belum terjadi');
    expect(texts(r.report[2]!)).toContain('tidak ada dalam data pegawai Kota Palu');
    expect(r.report[3]!.status).toBe('new');
    expect(texts(r.report[4]!)).toContain('sudah ditandai pendidikan tertinggi di baris 5');
    expect(texts(r.report[5]!)).toContain('isi Y (ya) atau N (tidak)');
  });

  it('names missing header columns and an empty file', () => {
    expect(texts(validateEducationSheet(sheet('nip,jenjang', []), ctx()).report[0]!)).toContain(
      'institusi, tahun_lulus',
    );
    expect(validateEducationSheet(sheet(H, []), ctx()).report[0]!.problems[0]!.id).toContain(
      'hanya berisi baris judul',
    );
  });
});

describe('competency sheet', () => {
  const H = 'nip,jenis,tingkat,judul,penyelenggara,tanggal_mulai,tanggal_selesai,jp,sesuai_jabatan';
  it('accepts each kind with what it needs, and legacy Diklatpim as its successor', () => {
    const r = validateCompetencySheet(
      sheet(H, [
        `${NIP_A},kepemimpinan,Diklatpim III,PKA Angkatan II,BPSDMD Sulteng,2019-03-01,2019-06-28,,`,
        `${NIP_A},Diklat Teknis,,Analisis Data,BPSDM,01/08/2025,05/08/2025,40,`,
        `${NIP_A},fungsional,,Pranata Komputer Ahli Muda,Kominfo,,2022-11-10,,Y`,
        `${NIP_B},webinar,,Keamanan Siber,BSSN,,2024-02-29,,`,
      ]),
      ctx([competencyKey('emp-b', 'seminar', 'Keamanan Siber', '2024-02-29')]),
    );
    expect(r.report.flatMap((x) => x.problems)).toEqual([]);
    expect(r.rows.map((x) => [x.kind, x.leadershipLevel, x.jp, x.matchesJabatan])).toEqual([
      ['kepemimpinan', 'pka', null, null],
      ['teknis', null, 40, null],
      ['fungsional', null, null, true],
      ['seminar', null, null, null],
    ]);
    expect(r.rows[1]!.startedOn).toBe('2025-08-01');
    expect(r.report[3]!.status).toBe('update');
  });

  it('refuses impossible, reversed and future dates, JP missing for teknis and JP without a date', () => {
    const r = validateCompetencySheet(
      sheet(H, [
        `${NIP_A},teknis,,Analisis Data,BPSDM,,2023-02-30,24,`,
        `${NIP_A},teknis,,Analisis Data,BPSDM,2023-03-10,2023-03-01,24,`,
        `${NIP_A},seminar,,Webinar Masa Depan,BKN,,2027-01-05,,`,
        `${NIP_A},teknis,,Tanpa JP,BPSDM,,2023-03-01,,`,
        `${NIP_A},seminar,,JP Tanpa Tanggal,BKN,,,8,`,
        `${NIP_A},kepemimpinan,,Tanpa Tingkat,LAN,,2020-01-01,,`,
        `${NIP_A},fungsional,,Tanpa Kesesuaian,LAN,,2020-01-01,,`,
      ]),
      ctx(),
    );
    expect(r.ok).toBe(false);
    expect(r.rows).toEqual([]);
    expect(texts(r.report[0]!)).toContain('2023-02-30 tidak ada di kalender');
    expect(texts(r.report[1]!)).toContain('sebelum tanggal mulai');
    expect(texts(r.report[2]!)).toContain('2027-01-05 belum terjadi');
    expect(texts(r.report[3]!)).toContain('Diklat teknis wajib mencantumkan JP');
    expect(texts(r.report[4]!)).toContain('JP diisi tetapi tanggal_selesai kosong');
    expect(texts(r.report[5]!)).toContain('wajib mencantumkan tingkat');
    expect(texts(r.report[6]!)).toContain('wajib mengisi sesuai_jabatan');
  });
});

describe('the demo seed sheets', () => {
  it('pass the same checks an import makes', async () => {
    const { DEMO_COMPETENCY_SHEET, DEMO_EDUCATION_SHEET } = await import('../../../../seeds/records.ts');
    const records = (rows: readonly string[]) => rows.map((r, i) => ({ line: i + 1, cells: r.split(',') }));
    const nips = new Set(DEMO_EDUCATION_SHEET.slice(1).map((r) => r.split(',')[0]!));
    const seedCtx = {
      employees: new Map([...nips].map((n) => [n, `emp-${n}`])),
      existing: new Set<string>(),
      today: '2026-08-12',
    };
    const edu = validateEducationSheet(records(DEMO_EDUCATION_SHEET), seedCtx);
    expect(edu.report.flatMap((r) => r.problems)).toEqual([]);
    const comp = validateCompetencySheet(records(DEMO_COMPETENCY_SHEET), seedCtx);
    expect(comp.report.flatMap((r) => r.problems)).toEqual([]);
    expect(comp.rows).toHaveLength(DEMO_COMPETENCY_SHEET.length - 1);
  });
});
