/**
 * Appointment by sheet (issue 12): the period's appointees come out as a sheet with empty NIP and
 * TMT cells; BKPSDM fills them and uploads it back. Every filled row is checked like the form
 * (appointmentProblems) and against the file itself; rows left empty wait for later. The import
 * saves every filled row or none. Pure: the caller brings the appointees and what is recorded.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { parseIsoDate } from '../../../../../common/rules/calendar.ts';
import { normalizeNip } from '../../../../../common/rules/nip.ts';
import { type Appointee, appointmentProblems } from './appointment.ts';

export const APPOINTMENT_SHEET_COLUMNS = [
  'no_peserta',
  'nama',
  'formasi',
  'nip',
  'tmt',
  'golongan',
  'unit',
  'jenis_jabatan',
  'jenjang',
  'nip_atasan',
] as const;
type Column = (typeof APPOINTMENT_SHEET_COLUMNS)[number];
const KINDS = ['struktural', 'fungsional', 'pelaksana'] as const;

export interface SheetAppointee extends Appointee {
  participantNo: string;
  applicationId: string;
  /** Already recorded with this NIP. */
  recordedNip: string | null;
}

export interface AppointmentRow {
  applicationId: string;
  nip: string;
  tmt: string;
  golongan: string;
  unit: string;
  jabatanKind: (typeof KINDS)[number];
  jenjang: string;
  supervisorNip: string | null;
}

export interface AppointmentRowReport {
  line: number;
  participantNo: string | null;
  status: 'new' | 'later' | 'recorded' | 'error';
  problems: Msg[];
}

export interface AppointmentSheetContext {
  appointees: ReadonlyMap<string, SheetAppointee>;
  usedNips: ReadonlySet<string>;
  knownNips: ReadonlySet<string>;
}
type CellGetter = (c: Column) => string;
type RowResult = { entry: AppointmentRowReport; row: AppointmentRow | null };

/** Validates the records of a sheet (header first); `ok` when no row has an error. */
export function validateAppointmentSheet(
  records: readonly { line: number; cells: readonly string[] }[],
  ctx: AppointmentSheetContext,
): { ok: boolean; rows: AppointmentRow[]; report: AppointmentRowReport[] } {
  const [header, ...data] = records;
  const index = new Map<Column, number>();
  header?.cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase().replace(/ /g, '_') as Column;
    if ((APPOINTMENT_SHEET_COLUMNS as readonly string[]).includes(name) && !index.has(name)) index.set(name, i);
  });
  const missing = (['no_peserta', 'nip', 'tmt', 'golongan'] as const).filter((c) => !index.has(c));
  if (!header || missing.length > 0) {
    return {
      ok: false,
      rows: [],
      report: [
        {
          line: 1,
          participantNo: null,
          status: 'error',
          problems: [
            msg(
              `Kolom wajib tidak ditemukan di baris judul: ${missing.join(', ') || APPOINTMENT_SHEET_COLUMNS.join(', ')}. Unduh lembar pengangkatan periode ini.`,
              `Required columns missing from the header row: ${missing.join(', ')}. Download this period's appointment sheet.`,
            ),
          ],
        },
      ],
    };
  }
  const report: AppointmentRowReport[] = [];
  const rows: AppointmentRow[] = [];
  const seenNo = new Map<string, number>();
  const seenNip = new Map<string, number>();
  for (const rec of data) {
    const get: CellGetter = (c) => {
      const i = index.get(c);
      return i === undefined ? '' : (rec.cells[i] ?? '').trim();
    };
    if (APPOINTMENT_SHEET_COLUMNS.every((c) => get(c) === '')) continue;
    const checked = checkRow(rec.line, get, ctx, seenNo, seenNip);
    report.push(checked.entry);
    if (checked.row) rows.push(checked.row);
  }
  return { ok: report.every((r) => r.status !== 'error'), rows, report };
}

/** One non-empty row: an appointee of the period, not repeated; recorded and empty rows are not checked further. */
function checkRow(
  line: number,
  get: CellGetter,
  ctx: AppointmentSheetContext,
  seenNo: Map<string, number>,
  seenNip: Map<string, number>,
): RowResult {
  const no = get('no_peserta');
  const who = ctx.appointees.get(no);
  const problems: Msg[] = [];
  if (!who) {
    const notAppointee = msg(
      `No. peserta ${no || '(kosong)'} tidak berstatus L di hasil akhir periode ini.`,
      `Participant ${no || '(empty)'} is not L in this period's final result.`,
    );
    return { entry: { line, participantNo: no || null, status: 'error', problems: [notAppointee] }, row: null };
  }
  if (seenNo.has(no))
    problems.push(
      msg(
        `No. peserta ${no} sudah ada di baris ${seenNo.get(no)} berkas ini.`,
        `Participant ${no} is already on line ${seenNo.get(no)} of this file.`,
      ),
    );
  else seenNo.set(no, line);
  const nip = normalizeNip(get('nip'));
  const tmt = get('tmt');
  if (who.recordedNip) {
    const problems =
      nip && nip !== who.recordedNip
        ? [
            msg(
              `Sudah tercatat dengan NIP ${who.recordedNip}; baris ini dilewati.`,
              `Already recorded with NIP ${who.recordedNip}; this row is skipped.`,
            ),
          ]
        : [];
    return { entry: { line, participantNo: no, status: 'recorded', problems }, row: null };
  }
  if (nip === '' && tmt === '') return { entry: { line, participantNo: no, status: 'later', problems: [] }, row: null };
  return checkFilledRow({ line, no, who, nip, tmt }, get, ctx, seenNip, problems);
}

/** A filled row: checked like the form (appointmentProblems), against the file and against recorded NIPs. */
function checkFilledRow(
  { line, no, who, nip, tmt }: { line: number; no: string; who: SheetAppointee; nip: string; tmt: string },
  get: CellGetter,
  ctx: AppointmentSheetContext,
  seenNip: Map<string, number>,
  problems: Msg[],
): RowResult {
  if (!parseIsoDate(tmt))
    problems.push(msg(`TMT "${tmt}" bukan tanggal TTTT-BB-HH.`, `TMT "${tmt}" is not a YYYY-MM-DD date.`));
  else problems.push(...appointmentProblems(who, nip, tmt));
  if (nip && seenNip.has(nip))
    problems.push(
      msg(
        `NIP ${nip} sudah ada di baris ${seenNip.get(nip)} berkas ini.`,
        `NIP ${nip} is already on line ${seenNip.get(nip)} of this file.`,
      ),
    );
  else if (nip) seenNip.set(nip, line);
  if (ctx.usedNips.has(nip))
    problems.push(msg(`NIP ${nip} sudah dipakai pegawai lain.`, `NIP ${nip} is already another employee's.`));
  const golongan = get('golongan');
  if (!golongan) problems.push(msg('Golongan wajib diisi.', 'The golongan is required.'));
  const kindText = get('jenis_jabatan').toLowerCase() || 'fungsional';
  if (!(KINDS as readonly string[]).includes(kindText))
    problems.push(
      msg(
        `Jenis jabatan "${kindText}" harus struktural, fungsional atau pelaksana.`,
        `Position kind "${kindText}" must be struktural, fungsional or pelaksana.`,
      ),
    );
  const supervisorNip = normalizeNip(get('nip_atasan')) || null;
  if (supervisorNip && !ctx.knownNips.has(supervisorNip))
    problems.push(
      msg(
        `Tidak ada pegawai dengan NIP atasan ${supervisorNip}.`,
        `No employee has the supervisor NIP ${supervisorNip}.`,
      ),
    );
  const entry: AppointmentRowReport = {
    line,
    participantNo: no,
    status: problems.length > 0 ? 'error' : 'new',
    problems,
  };
  if (problems.length > 0) return { entry, row: null };
  const row: AppointmentRow = {
    applicationId: who.applicationId,
    nip,
    tmt,
    golongan,
    unit: get('unit'),
    jabatanKind: kindText as AppointmentRow['jabatanKind'],
    jenjang: get('jenjang'),
    supervisorNip,
  };
  return { entry, row };
}
