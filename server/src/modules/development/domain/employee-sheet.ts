/**
 * The ASN records sheet (data pegawai): one row per civil servant, Indonesian column names, XLSX or
 * CSV. Validation is pure and reports every problem of every row with the line Excel shows, so
 * BKPSDM fixes a sheet of thousands in one pass (dry run), then imports it whole (commit). A row
 * whose NIP exists updates that record, so an export imports back unchanged.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { isIsoDate } from '../../../../../common/rules/calendar.ts';
import { normalizeNip, parseNip } from '../../../../../common/rules/nip.ts';

export const EMPLOYEE_SHEET_COLUMNS = [
  'nip',
  'nama',
  'status',
  'tmt',
  'kode_opd',
  'unit',
  'jenis_jabatan',
  'jabatan',
  'jenjang',
  'golongan',
  'nip_atasan',
  'email',
] as const;
export type EmployeeSheetColumn = (typeof EMPLOYEE_SHEET_COLUMNS)[number];
const REQUIRED: readonly EmployeeSheetColumn[] = [
  'nip',
  'nama',
  'status',
  'tmt',
  'kode_opd',
  'jenis_jabatan',
  'jabatan',
  'golongan',
];

export const EMPLOYEE_STATUSES = ['CPNS', 'PNS', 'PPPK'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];
export const JABATAN_KINDS = ['struktural', 'fungsional', 'pelaksana'] as const;
export type JabatanKind = (typeof JABATAN_KINDS)[number];
export const MAX_EMPLOYEE_ROWS = 20_000;
const MAX_TEXT = 200;

/** PNS golongan ruang I/a … IV/e (PP 11/2017); PPPK golongan I … XVII (Perpres 98/2020). */
const PNS_GOLONGAN = /^(I\/[a-d]|II\/[a-d]|III\/[a-d]|IV\/[a-e])$/;
const PPPK_GOLONGAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII)$/;

export interface EmployeeInput {
  nip: string;
  fullName: string;
  status: EmployeeStatus;
  gender: 'L' | 'P';
  birthDate: string;
  tmt: string;
  organizationId: string;
  unit: string;
  jabatanKind: JabatanKind;
  jabatan: string;
  jenjang: string;
  golongan: string;
  supervisorNip: string | null;
  email: string | null;
}

export interface EmployeeRowReport {
  line: number;
  nip: string | null;
  status: 'new' | 'update' | 'error';
  problems: Msg[];
}

export interface EmployeeSheetContext {
  organizationIds: ReadonlySet<string>;
  /** NIPs already recorded, with their supervisor's NIP (for the cycle check). */
  existing: ReadonlyMap<string, string | null>;
  /** Accounts by e-mail (lower case) → the NIP already linked to that account, or null; the record links to it. */
  accounts: ReadonlyMap<string, string | null>;
}

export interface EmployeeSheetResult {
  ok: boolean;
  rows: EmployeeInput[];
  report: EmployeeRowReport[];
}

const clean = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();

type CellGetter = (c: EmployeeSheetColumn) => string;
type ParsedNip = ReturnType<typeof parseNip>;

/**
 * Validates the records of a sheet (header first). `ok` only when every data row is valid; then
 * `rows` holds them all, in sheet order.
 */
export function validateEmployeeSheet(
  records: readonly { line: number; cells: readonly string[] }[],
  ctx: EmployeeSheetContext,
): EmployeeSheetResult {
  const [header, ...data] = records;
  if (!header)
    return fileProblem(
      msg(
        `Berkas tidak berisi data. Baris pertama harus berisi judul kolom: ${EMPLOYEE_SHEET_COLUMNS.join(', ')}.`,
        `The file has no data. The first row must hold the column names: ${EMPLOYEE_SHEET_COLUMNS.join(', ')}.`,
      ),
    );
  const index = readHeader(header.cells);
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return fileProblem(
      msg(
        `Kolom wajib tidak ditemukan di baris judul: ${missing.join(', ')}. Gunakan templat data pegawai.`,
        `Required columns missing from the header row: ${missing.join(', ')}. Use the employee template.`,
      ),
      1,
    );
  }

  const report: EmployeeRowReport[] = [];
  const rows: { line: number; input: EmployeeInput }[] = [];
  const seen = new Map<string, number>();
  const seenEmails = new Map<string, number>();
  for (const rec of data) {
    const get: CellGetter = (c) => {
      const i = index.get(c);
      return i === undefined ? '' : clean(rec.cells[i] ?? '');
    };
    if (EMPLOYEE_SHEET_COLUMNS.every((c) => get(c) === '')) continue;
    const checked = checkRow(rec.line, get, ctx, seen, seenEmails);
    report.push(checked.entry);
    if (checked.input) rows.push({ line: rec.line, input: checked.input });
  }
  if (report.length === 0)
    return fileProblem(
      msg(
        'Berkas hanya berisi baris judul; isi satu pegawai per baris.',
        'The file holds only the header row; fill in one employee per row.',
      ),
      1,
    );

  checkSupervisors(
    rows.map((r) => r.input),
    report,
    ctx,
  );
  for (const r of report) if (r.problems.length > 0) r.status = 'error';
  const ok = report.every((r) => r.status !== 'error');
  return { ok, rows: ok ? rows.map((r) => r.input) : [], report };
}

/** Maps each known column name in the header row to its first cell index. */
function readHeader(cells: readonly string[]): Map<EmployeeSheetColumn, number> {
  const index = new Map<EmployeeSheetColumn, number>();
  cells.forEach((raw, i) => {
    const name = clean(raw).toLowerCase().replace(/ /g, '_') as EmployeeSheetColumn;
    if ((EMPLOYEE_SHEET_COLUMNS as readonly string[]).includes(name) && !index.has(name)) index.set(name, i);
  });
  return index;
}

/** Checks one non-empty data row; returns its report entry and, when it is valid, the record. */
function checkRow(
  line: number,
  get: CellGetter,
  ctx: EmployeeSheetContext,
  seen: Map<string, number>,
  seenEmails: Map<string, number>,
): { entry: EmployeeRowReport; input: EmployeeInput | null } {
  const problems: Msg[] = [];
  const nipText = normalizeNip(get('nip'));
  const nip = parseNip(nipText);
  if (!nip.ok) problems.push(nip.error);
  const firstLine = seen.get(nipText);
  if (firstLine !== undefined)
    problems.push(
      msg(
        `NIP ${nipText} sudah ada di baris ${firstLine} berkas ini.`,
        `NIP ${nipText} is already on line ${firstLine} of this file.`,
      ),
    );
  else seen.set(nipText, line);

  checkTextColumns(get, problems);
  const status = get('status').toUpperCase();
  const tmt = get('tmt');
  checkStatusAndTmt(get, status, tmt, nip, problems);
  const org = get('kode_opd').toLowerCase();
  const kind = get('jenis_jabatan').toLowerCase();
  const golongan = get('golongan');
  checkPlacement(get, ctx, { status, org, kind, golongan }, problems);
  const supervisor = normalizeNip(get('nip_atasan'));
  if (supervisor && supervisor === nipText)
    problems.push(msg('Pegawai tidak dapat menjadi atasannya sendiri.', 'An employee cannot be their own supervisor.'));
  const email = get('email').toLowerCase();
  if (email) checkEmail(email, nipText, line, ctx, seenEmails, problems);

  const entry: EmployeeRowReport = {
    line,
    nip: nipText || null,
    status: ctx.existing.has(nipText) ? 'update' : 'new',
    problems,
  };
  if (problems.length > 0 || !nip.ok) return { entry, input: null };
  return {
    entry,
    input: {
      nip: nipText,
      fullName: get('nama'),
      status: status as EmployeeStatus,
      gender: nip.parts.gender,
      birthDate: nip.parts.birthDate,
      tmt,
      organizationId: org,
      unit: get('unit'),
      jabatanKind: kind as JabatanKind,
      jabatan: get('jabatan'),
      jenjang: get('jenjang'),
      golongan,
      supervisorNip: supervisor || null,
      email: email || null,
    },
  };
}

/** Required columns filled; free-text columns short enough and not read by Excel as a formula. */
function checkTextColumns(get: CellGetter, problems: Msg[]): void {
  for (const c of REQUIRED)
    if (get(c) === '') problems.push(msg(`Kolom ${c} wajib diisi.`, `Column ${c} is required.`));
  for (const c of ['nama', 'unit', 'jabatan', 'jenjang'] as const) {
    if (get(c).length > MAX_TEXT)
      problems.push(
        msg(
          `Kolom ${c} terlalu panjang (maksimal ${MAX_TEXT} karakter).`,
          `Column ${c} is too long (at most ${MAX_TEXT} characters).`,
        ),
      );
    if (/^[=+\-@]/.test(get(c)))
      problems.push(
        msg(
          `Kolom ${c} tidak boleh diawali =, +, - atau @ (dibaca Excel sebagai rumus).`,
          `Column ${c} cannot start with =, +, - or @ (Excel reads it as a formula).`,
        ),
      );
  }
}

/** Status known, TMT a date matching the NIP, and NIP vs NI PPPK matching the status. */
function checkStatusAndTmt(get: CellGetter, status: string, tmt: string, nip: ParsedNip, problems: Msg[]): void {
  if (status && !(EMPLOYEE_STATUSES as readonly string[]).includes(status))
    problems.push(
      msg(
        `Status "${get('status')}" tidak dikenal; pilih CPNS, PNS atau PPPK.`,
        `Status "${get('status')}" is unknown; choose CPNS, PNS or PPPK.`,
      ),
    );
  if (tmt && !isIsoDate(tmt))
    problems.push(
      msg(
        `TMT "${tmt}" harus tanggal TTTT-BB-HH, mis. 2015-03-01.`,
        `TMT "${tmt}" must be a YYYY-MM-DD date, e.g. 2015-03-01.`,
      ),
    );
  else if (tmt && nip.ok && !tmt.startsWith(nip.parts.tmt))
    problems.push(
      msg(
        `TMT ${tmt} tidak sesuai TMT di NIP (${nip.parts.tmt}).`,
        `TMT ${tmt} does not match the TMT in the NIP (${nip.parts.tmt}).`,
      ),
    );
  if (
    nip.ok &&
    (status === 'PPPK') !== (nip.parts.kind === 'ni_pppk') &&
    (EMPLOYEE_STATUSES as readonly string[]).includes(status)
  ) {
    problems.push(
      status === 'PPPK'
        ? msg(
            'Pegawai PPPK memakai NI PPPK (angka 13–14 = 21), bukan NIP.',
            'A PPPK employee has an NI PPPK (digits 13–14 = 21), not an NIP.',
          )
        : msg(
            `Pegawai ${status} memakai NIP, bukan NI PPPK (angka 13–14 adalah bulan TMT).`,
            `A ${status} employee has an NIP, not an NI PPPK (digits 13–14 are the TMT month).`,
          ),
    );
  }
}

/** OPD code known, jabatan kind known, golongan in the form of the status (PNS or PPPK). */
function checkPlacement(
  get: CellGetter,
  ctx: EmployeeSheetContext,
  { status, org, kind, golongan }: { status: string; org: string; kind: string; golongan: string },
  problems: Msg[],
): void {
  if (org && !ctx.organizationIds.has(org))
    problems.push(
      msg(
        `Kode OPD "${get('kode_opd')}" tidak dikenal. Lihat daftar kode OPD di Merit.`,
        `OPD code "${get('kode_opd')}" is unknown. See the OPD codes in Merit.`,
      ),
    );
  if (kind && !(JABATAN_KINDS as readonly string[]).includes(kind))
    problems.push(
      msg(
        `Jenis jabatan "${get('jenis_jabatan')}" tidak dikenal; pilih struktural, fungsional atau pelaksana.`,
        `Jabatan kind "${get('jenis_jabatan')}" is unknown; choose struktural, fungsional or pelaksana.`,
      ),
    );
  if (golongan && (status === 'PPPK' ? !PPPK_GOLONGAN.test(golongan) : !PNS_GOLONGAN.test(golongan))) {
    problems.push(
      status === 'PPPK'
        ? msg(
            `Golongan PPPK "${golongan}" harus angka Romawi I–XVII.`,
            `PPPK golongan "${golongan}" must be a Roman numeral I–XVII.`,
          )
        : msg(
            `Golongan "${golongan}" harus berbentuk I/a–IV/e, mis. III/a.`,
            `Golongan "${golongan}" must look like I/a–IV/e, e.g. III/a.`,
          ),
    );
  }
}

/** The e-mail names an existing account not linked to another NIP, and is not repeated in the file. */
function checkEmail(
  email: string,
  nipText: string,
  line: number,
  ctx: EmployeeSheetContext,
  seenEmails: Map<string, number>,
  problems: Msg[],
): void {
  const linked = ctx.accounts.get(email);
  if (linked === undefined)
    problems.push(
      msg(
        `Belum ada akun Merit dengan e-mail ${email}; kosongkan atau buat akunnya dulu.`,
        `No Merit account has the e-mail ${email}; leave it empty or create the account first.`,
      ),
    );
  else if (linked !== null && linked !== nipText)
    problems.push(
      msg(
        `Akun ${email} sudah terhubung ke pegawai NIP ${linked}.`,
        `Account ${email} is already linked to NIP ${linked}.`,
      ),
    );
  const emailLine = seenEmails.get(email);
  if (emailLine !== undefined)
    problems.push(
      msg(
        `E-mail ${email} sudah dipakai di baris ${emailLine} berkas ini.`,
        `E-mail ${email} is already used on line ${emailLine} of this file.`,
      ),
    );
  else seenEmails.set(email, line);
}

/** Supervisors must be known (in the file or already recorded), and the tree must have no loop. */
function checkSupervisors(
  rows: readonly EmployeeInput[],
  report: readonly EmployeeRowReport[],
  ctx: EmployeeSheetContext,
): void {
  const supervisorOf = new Map(ctx.existing);
  for (const r of rows) supervisorOf.set(r.nip, r.supervisorNip);
  const byNip = new Map(report.filter((r) => r.nip).map((r) => [r.nip!, r]));
  for (const r of rows) {
    const sup = r.supervisorNip;
    const entry = byNip.get(r.nip)!;
    if (sup && !supervisorOf.has(sup)) {
      entry.problems.push(
        msg(
          `NIP atasan ${sup} tidak ada di berkas ini maupun di data pegawai.`,
          `Supervisor NIP ${sup} is neither in this file nor in the records.`,
        ),
      );
      continue;
    }
    if (sup && inLoop(r.nip, supervisorOf))
      entry.problems.push(
        msg(
          'Rantai atasan pegawai ini kembali ke dirinya sendiri; periksa kolom nip_atasan.',
          'This employee’s chain of supervisors comes back to them; check nip_atasan.',
        ),
      );
  }
}

/** Whether following supervisors from `nip` comes back to it. */
function inLoop(nip: string, supervisorOf: ReadonlyMap<string, string | null>): boolean {
  const visited = new Set<string>();
  for (let at = supervisorOf.get(nip) ?? null; at !== null; at = supervisorOf.get(at) ?? null) {
    if (at === nip) return true;
    if (visited.has(at)) return false; // a loop elsewhere, reported on its own rows
    visited.add(at);
  }
  return false;
}

function fileProblem(problem: Msg, line = 0): EmployeeSheetResult {
  return { ok: false, rows: [], report: [{ line, nip: null, status: 'error', problems: [problem] }] };
}

/** The cells of a record in EMPLOYEE_SHEET_COLUMNS order, for export (import reads them back). */
export function employeeCells(e: EmployeeInput): string[] {
  return [
    e.nip,
    e.fullName,
    e.status,
    e.tmt,
    e.organizationId,
    e.unit,
    e.jabatanKind,
    e.jabatan,
    e.jenjang,
    e.golongan,
    e.supervisorNip ?? '',
    e.email ?? '',
  ];
}
