/**
 * The hukuman disiplin sheet (issue 26 §1, §5): one punishment per row, checked row by row with a
 * message per problem in Indonesian (and English) — unknown kind, impossible dates, a punishment
 * overlapping another of the same kind (in the sheet or already recorded), an NIP not in the
 * city's records. Pure: the caller hands in the register and the recorded punishments.
 */
import { isIsoDate } from '../../../../../common/rules/calendar.ts';
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { PUNISHMENT_KINDS, type PunishmentKind, termEnd } from './discipline.ts';
import { recordProblems, type TermFacts } from './discipline-checks.ts';

export const DISCIPLINE_SHEET_COLUMNS = [
  'nip',
  'jenis',
  'alasan',
  'nomor_sk',
  'tanggal_sk',
  'pejabat',
  'mulai',
  'selesai',
] as const;
export const MAX_DISCIPLINE_ROWS = 5000;

/** One sheet record as the platform's reader gives it: the row number Excel shows and its cells. */
export interface SheetRecord {
  line: number;
  cells: string[];
}

export interface DisciplineRow {
  employeeId: string;
  nip: string;
  kind: PunishmentKind;
  reason: string;
  skNumber: string;
  skDate: string;
  imposedBy: string;
  start: string;
  end: string | null;
}
export interface DisciplineRowReport {
  line: number;
  nip: string | null;
  status: 'valid' | 'error';
  problems: Msg[];
}
export interface DisciplineSheetContext {
  /** NIP → employee id, for every record in the register. */
  employees: ReadonlyMap<string, string>;
  /** Employee id → the punishments already recorded for them. */
  existing: ReadonlyMap<string, readonly TermFacts[]>;
}

const LABELS: Record<string, Msg> = {
  alasan: msg('Alasan', 'Reason'),
  nomor_sk: msg('Nomor SK', 'SK number'),
  pejabat: msg('Pejabat yang menjatuhkan', 'Imposing official'),
  tanggal_sk: msg('Tanggal SK', 'SK date'),
  mulai: msg('Mulai hukuman', 'Start'),
  selesai: msg('Akhir hukuman', 'End'),
};

function headerProblem(header: string[]): Msg | null {
  const missing = DISCIPLINE_SHEET_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length === 0) return null;
  return msg(
    `Kolom ${missing.join(', ')} tidak ada di baris judul. Unduh templat hukuman disiplin lalu salin datanya ke sana.`,
    `Column(s) ${missing.join(', ')} missing from the header row. Download the discipline template and copy the data into it.`,
  );
}

const dateOf = (cell: string, col: string, problems: Msg[], optional = false): string | null => {
  if (cell === '') {
    if (!optional) problems.push(msg(`${LABELS[col]!.id} wajib diisi.`, `${LABELS[col]!.en} is required.`));
    return null;
  }
  if (isIsoDate(cell)) return cell;
  problems.push(
    msg(
      `${LABELS[col]!.id} "${cell}" bukan tanggal yang ada. Tulis TTTT-BB-HH, mis. 2026-03-01.`,
      `${LABELS[col]!.en} "${cell}" is not a real date. Write YYYY-MM-DD, e.g. 2026-03-01.`,
    ),
  );
  return null;
};

const text = (cell: string, col: string, max: number, problems: Msg[]): string => {
  if (cell.length < 2) problems.push(msg(`${LABELS[col]!.id} wajib diisi.`, `${LABELS[col]!.en} is required.`));
  else if (cell.length > max)
    problems.push(
      msg(`${LABELS[col]!.id} paling panjang ${max} karakter.`, `${LABELS[col]!.en}: at most ${max} characters.`),
    );
  return cell;
};

function kindOf(cell: string, problems: Msg[]): PunishmentKind | null {
  const key = cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if ((PUNISHMENT_KINDS as readonly string[]).includes(key)) return key as PunishmentKind;
  problems.push(
    msg(
      `Jenis hukuman "${cell}" tidak dikenal. Pakai salah satu kode PP 94/2021: ${PUNISHMENT_KINDS.join(', ')}.`,
      `Unknown punishment kind "${cell}". Use one of the PP 94/2021 codes: ${PUNISHMENT_KINDS.join(', ')}.`,
    ),
  );
  return null;
}

/** One data row: its cells read, checked against the register and the punishments seen so far. */
function checkRow(
  cells: Record<string, string>,
  ctx: DisciplineSheetContext,
  seen: Map<string, TermFacts[]>,
): { problems: Msg[]; row: DisciplineRow | null } {
  const problems: Msg[] = [];
  const nip = cells.nip!;
  let employeeId: string | undefined;
  if (!/^\d{18}$/.test(nip)) problems.push(msg(`NIP "${nip}" harus 18 angka.`, `The NIP "${nip}" must be 18 digits.`));
  else if (!(employeeId = ctx.employees.get(nip)))
    problems.push(
      msg(
        `NIP ${nip} tidak ada dalam data pegawai Kota Palu. Periksa NIP-nya atau tambahkan pegawainya lebih dulu di Data Pegawai.`,
        `NIP ${nip} is not in the city's employee records. Check the NIP or add the employee under Employee records first.`,
      ),
    );
  const kind = kindOf(cells.jenis!, problems);
  const reason = text(cells.alasan!, 'alasan', 2000, problems);
  const skNumber = text(cells.nomor_sk!, 'nomor_sk', 100, problems);
  const imposedBy = text(cells.pejabat!, 'pejabat', 200, problems);
  const skDate = dateOf(cells.tanggal_sk!, 'tanggal_sk', problems);
  const start = dateOf(cells.mulai!, 'mulai', problems);
  const endCell = dateOf(cells.selesai!, 'selesai', problems, true);
  if (problems.length > 0 || !employeeId || !kind || !skDate || !start) return { problems, row: null };
  // An empty end takes the term PP 94/2021 gives the kind, as the form proposes it.
  const end = cells.selesai === '' ? termEnd(kind, start) : endCell;
  const facts: TermFacts = { kind, skNumber, skDate, start, end };
  const mine = [...(ctx.existing.get(employeeId) ?? []), ...(seen.get(employeeId) ?? [])];
  const found = recordProblems(facts, mine).map((p) => p.message);
  if (found.length > 0) return { problems: found, row: null };
  seen.set(employeeId, [...(seen.get(employeeId) ?? []), facts]);
  return { problems, row: { employeeId, nip, kind, reason, skNumber, skDate, imposedBy, start, end } };
}

/**
 * Validates the records of a sheet (header first). `ok` only when every data row is valid; then
 * `rows` holds what to insert. Rows are checked against the recorded punishments and the rows
 * above them, so two overlapping rows are caught on the second.
 */
export function validateDisciplineSheet(records: readonly SheetRecord[], ctx: DisciplineSheetContext) {
  const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const bad = headerProblem(header);
  if (bad || records.length < 2) {
    const problem =
      bad ??
      msg(
        'Lembar ini tidak berisi baris data. Isi satu baris per hukuman.',
        'The sheet has no data rows. Fill one row per punishment.',
      );
    return { ok: false, report: [{ line: 1, nip: null, status: 'error' as const, problems: [problem] }], rows: [] };
  }
  const seen = new Map<string, TermFacts[]>();
  const report: DisciplineRowReport[] = [];
  const rows: DisciplineRow[] = [];
  for (const rec of records.slice(1)) {
    const cells = Object.fromEntries(
      DISCIPLINE_SHEET_COLUMNS.map((c) => [c, (rec.cells[header.indexOf(c)] ?? '').trim()]),
    );
    const { problems, row } = checkRow(cells, ctx, seen);
    report.push({ line: rec.line, nip: cells.nip || null, status: row ? 'valid' : 'error', problems });
    if (row) rows.push(row);
  }
  return { ok: report.every((r) => r.status === 'valid'), report, rows };
}
