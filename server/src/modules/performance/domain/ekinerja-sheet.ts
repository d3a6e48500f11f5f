/**
 * Reading last year's results from an e-Kinerja-like sheet (the columns Merit's export writes):
 * each row's NIP must be a recorded employee, the year and period known, the two ratings and the
 * predikat named as PermenPANRB 6/2022 names them, and the predikat must follow the year's matrix
 * (RULES.md §4.4 — a mismatch means a wrong row or a year whose matrix needs setting first). Only
 * final evaluations are imported; every row is reported by the line Excel shows. Pure.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import {
  PERIODS,
  PERIOD_LABELS,
  PREDIKATS,
  PREDIKAT_LABELS,
  RATINGS,
  RATING_LABELS,
  type Period,
  type Predikat,
  type PredikatMatrix,
  type Rating,
  predikatOf,
} from './predikat.ts';

/** The export's columns (performance-dashboard.ts writes them in this order). */
export const EKINERJA_COLUMN_NAMES = [
  'NIP',
  'Nama',
  'Status Kepegawaian',
  'Jabatan',
  'Golongan',
  'Unit Kerja',
  'Perangkat Daerah',
  'Tahun',
  'Periode Penilaian',
  'NIP Pejabat Penilai',
  'Nama Pejabat Penilai',
  'Status SKP',
  'Rating Hasil Kerja',
  'Rating Perilaku Kerja',
  'Predikat Kinerja',
  'Status Penilaian',
] as const;
const REQUIRED = [
  'NIP',
  'Tahun',
  'Periode Penilaian',
  'Rating Hasil Kerja',
  'Rating Perilaku Kerja',
  'Predikat Kinerja',
  'Status Penilaian',
] as const;
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportedEvaluation {
  line: number;
  nip: string;
  year: number;
  period: Period;
  evaluatorNip: string | null;
  ratingResults: Rating;
  ratingBehaviour: Rating;
  predikat: Predikat;
}

export interface ImportRowReport {
  line: number;
  nip: string | null;
  status: 'import' | 'skip' | 'error';
  problems: Msg[];
}

export interface ImportContext {
  /** Recorded employees by NIP. */
  employees: ReadonlySet<string>;
  /** (NIP, year, period) already evaluated in Merit. */
  existing: ReadonlySet<string>;
  matrixOf: (year: number) => PredikatMatrix;
  /** The year being imported must be before this one ("last year's results"). */
  currentYear: number;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
const byLabel = <T extends string>(values: readonly T[], labels: Record<T, Msg>) =>
  new Map(
    values.flatMap(
      (v) =>
        [
          [norm(labels[v].id), v],
          [norm(labels[v].en), v],
          [v, v],
        ] as [string, T][],
    ),
  );
const RATING_BY = byLabel(RATINGS, RATING_LABELS);
const PREDIKAT_BY = new Map([
  ...byLabel(PREDIKATS, PREDIKAT_LABELS),
  ['kurang', 'kurang' as Predikat],
  ['misconduct', 'kurang' as Predikat],
]);
const PERIOD_BY = new Map([
  ...byLabel(PERIODS, PERIOD_LABELS),
  ['tw i', 'q1' as Period],
  ['tw ii', 'q2' as Period],
  ['tw iii', 'q3' as Period],
  ['tw iv', 'q4' as Period],
  ['triwulan iv-akhir', 'q4' as Period],
  ['akhir', 'annual' as Period],
]);
export const importKey = (nip: string, year: number, period: Period) => `${nip}|${year}|${period}`;

type EkinerjaColumn = (typeof EKINERJA_COLUMN_NAMES)[number];
type CellGetter = (c: EkinerjaColumn) => string;

/** Validates the records of a sheet (header first); `ok` when no row has an error and some row imports. */
export function validateImport(
  records: readonly { line: number; cells: readonly string[] }[],
  ctx: ImportContext,
): { ok: boolean; rows: ImportedEvaluation[]; report: ImportRowReport[] } {
  const [header, ...data] = records;
  const index = new Map<string, number>();
  header?.cells.forEach((c, i) => {
    const hit = EKINERJA_COLUMN_NAMES.find((n) => norm(n) === norm(c));
    if (hit && !index.has(hit)) index.set(hit, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (!header || missing.length > 0) {
    return {
      ok: false,
      rows: [],
      report: [
        {
          line: 1,
          nip: null,
          status: 'error',
          problems: [
            msg(
              `Kolom wajib tidak ditemukan di baris judul: ${missing.join(', ')}. Gunakan berkas ekspor SKP Merit atau kolom yang sama.`,
              `Required columns missing from the header row: ${missing.join(', ')}. Use Merit's SKP export or the same columns.`,
            ),
          ],
        },
      ],
    };
  }
  const rows: ImportedEvaluation[] = [];
  const report: ImportRowReport[] = [];
  const seen = new Map<string, number>();
  for (const rec of data) {
    const get: CellGetter = (c) => {
      const i = index.get(c);
      return i === undefined ? '' : (rec.cells[i] ?? '').trim();
    };
    if (EKINERJA_COLUMN_NAMES.every((c) => get(c) === '')) continue;
    const checked = checkRow(rec.line, get, ctx, seen);
    if (checked.row) rows.push(checked.row);
    report.push(checked.entry);
  }
  return { ok: report.every((r) => r.status !== 'error') && rows.length > 0, rows, report };
}

/** Checks one non-empty data row: its report entry and, when it imports, the evaluation. */
function checkRow(
  line: number,
  get: CellGetter,
  ctx: ImportContext,
  seen: Map<string, number>,
): { entry: ImportRowReport; row: ImportedEvaluation | null } {
  const problems: Msg[] = [];
  const nip = get('NIP').replace(/\s/g, '');
  if (!/^\d{18}$/.test(nip)) problems.push(msg(`NIP "${nip}" harus 18 angka.`, `NIP "${nip}" must be 18 digits.`));
  else if (!ctx.employees.has(nip))
    problems.push(
      msg(
        `NIP ${nip} tidak ada di data pegawai; impor data pegawai lebih dulu.`,
        `NIP ${nip} is not in the employee records; import the records first.`,
      ),
    );
  if (norm(get('Status Penilaian')) !== 'final') {
    const skipped = msg(
      'Dilewati: hanya penilaian berstatus Final yang diimpor.',
      'Skipped: only final evaluations are imported.',
    );
    return { entry: { line, nip: nip || null, status: 'skip', problems: [skipped] }, row: null };
  }
  const { year, period, results, behaviour, predikat } = readValues(get, ctx, problems);
  let row: ImportedEvaluation | null = null;
  if (problems.length === 0 && results && behaviour && predikat && period) {
    checkAgainstRecords({ nip, year, period, results, behaviour, predikat }, line, ctx, seen, problems);
    if (problems.length === 0) {
      const evaluatorNip = get('NIP Pejabat Penilai').replace(/\s/g, '');
      row = {
        line,
        nip,
        year,
        period,
        evaluatorNip: /^\d{18}$/.test(evaluatorNip) && ctx.employees.has(evaluatorNip) ? evaluatorNip : null,
        ratingResults: results,
        ratingBehaviour: behaviour,
        predikat,
      };
    }
  }
  return { entry: { line, nip: nip || null, status: problems.length > 0 ? 'error' : 'import', problems }, row };
}

/** Reads the year (an earlier one), period, both ratings and predikat, reporting each unknown value. */
function readValues(get: CellGetter, ctx: ImportContext, problems: Msg[]) {
  const year = Number(get('Tahun'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    problems.push(msg(`Tahun "${get('Tahun')}" tidak valid.`, `Year "${get('Tahun')}" is not valid.`));
  else if (year >= ctx.currentYear)
    problems.push(
      msg(
        `Tahun ${year}: yang diimpor hanya hasil tahun-tahun sebelumnya; tahun berjalan dinilai di Merit.`,
        `Year ${year}: only earlier years are imported; the current year is evaluated in Merit.`,
      ),
    );
  const period = PERIOD_BY.get(norm(get('Periode Penilaian')));
  if (!period)
    problems.push(
      msg(
        `Periode "${get('Periode Penilaian')}" tidak dikenal; tulis Triwulan I–IV atau Tahunan.`,
        `Unknown period "${get('Periode Penilaian')}"; write Triwulan I–IV or Tahunan.`,
      ),
    );
  const results = RATING_BY.get(norm(get('Rating Hasil Kerja')));
  const behaviour = RATING_BY.get(norm(get('Rating Perilaku Kerja')));
  if (!results)
    problems.push(
      msg(
        `Rating hasil kerja "${get('Rating Hasil Kerja')}" tidak dikenal; tulis Di Atas, Sesuai atau Di Bawah Ekspektasi.`,
        `Unknown results rating "${get('Rating Hasil Kerja')}".`,
      ),
    );
  if (!behaviour)
    problems.push(
      msg(
        `Rating perilaku kerja "${get('Rating Perilaku Kerja')}" tidak dikenal; tulis Di Atas, Sesuai atau Di Bawah Ekspektasi.`,
        `Unknown behaviour rating "${get('Rating Perilaku Kerja')}".`,
      ),
    );
  const predikat = PREDIKAT_BY.get(norm(get('Predikat Kinerja')));
  if (!predikat)
    problems.push(
      msg(`Predikat "${get('Predikat Kinerja')}" tidak dikenal.`, `Unknown predikat "${get('Predikat Kinerja')}".`),
    );
  return { year, period, results, behaviour, predikat };
}

/** The predikat follows the year's matrix, and the evaluation is neither repeated in the file nor already in Merit. */
function checkAgainstRecords(
  v: { nip: string; year: number; period: Period; results: Rating; behaviour: Rating; predikat: Predikat },
  line: number,
  ctx: ImportContext,
  seen: Map<string, number>,
  problems: Msg[],
): void {
  const { nip, year, period, results, behaviour, predikat } = v;
  const expected = predikatOf(ctx.matrixOf(year), results, behaviour);
  if (expected !== predikat)
    problems.push(
      msg(
        `Predikat ${PREDIKAT_LABELS[predikat].id} tidak sesuai matriks ${year} (${RATING_LABELS[results].id} × ${RATING_LABELS[behaviour].id} = ${PREDIKAT_LABELS[expected].id}). Periksa baris ini atau tetapkan matriks tahun ${year} lebih dulu.`,
        `Predikat ${PREDIKAT_LABELS[predikat].en} does not follow the ${year} matrix (= ${PREDIKAT_LABELS[expected].en}). Check this row or set the ${year} matrix first.`,
      ),
    );
  const key = importKey(nip, year, period);
  const first = seen.get(key);
  if (first !== undefined)
    problems.push(
      msg(
        `Penilaian ini sudah ada di baris ${first} berkas ini.`,
        `This evaluation is already on line ${first} of this file.`,
      ),
    );
  else seen.set(key, line);
  if (ctx.existing.has(key))
    problems.push(
      msg(
        `NIP ${nip} sudah memiliki evaluasi ${PERIOD_LABELS[period].id} ${year} di Merit.`,
        `NIP ${nip} already has a ${PERIOD_LABELS[period].en} ${year} evaluation in Merit.`,
      ),
    );
}
