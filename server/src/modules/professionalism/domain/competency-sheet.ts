/**
 * The competency history sheet (riwayat diklat): one course per row — NIP, jenis (kepemimpinan,
 * fungsional, teknis, seminar), tingkat for kepemimpinan, title, organizer, start and end dates,
 * JP (required for teknis, and only with a date), sesuai jabatan for fungsional. Pure; every
 * problem of every row is reported and the import saves all rows or none (issue 26 §5).
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import {
  type CellGetter,
  checkNip,
  checkSheet,
  checkText,
  parseDateCell,
  parseYesNo,
  type RecordSheetContext,
  type SheetResult,
} from './education-sheet.ts';
import type { CompetencyKind, LeadershipLevel } from './ip-asn.ts';

export const COMPETENCY_SHEET_COLUMNS = [
  'nip',
  'jenis',
  'tingkat',
  'judul',
  'penyelenggara',
  'tanggal_mulai',
  'tanggal_selesai',
  'jp',
  'sesuai_jabatan',
] as const;

export interface CompetencyRow {
  line: number;
  employeeId: string;
  nip: string;
  kind: CompetencyKind;
  leadershipLevel: LeadershipLevel | null;
  matchesJabatan: boolean | null;
  title: string;
  organizer: string;
  startedOn: string | null;
  completedOn: string;
  jp: number | null;
  key: string;
}

/** The key a competency record is matched on when a sheet is imported again. */
export const competencyKey = (employeeId: string, kind: string, title: string, completedOn: string) =>
  `${employeeId}|${kind}|${title.toLowerCase()}|${completedOn}`;

const KIND_ALIASES: Record<string, CompetencyKind> = {
  kepemimpinan: 'kepemimpinan',
  pim: 'kepemimpinan',
  fungsional: 'fungsional',
  teknis: 'teknis',
  seminar: 'seminar',
  workshop: 'seminar',
  webinar: 'seminar',
  lokakarya: 'seminar',
};

/** "Diklat Teknis", "teknis", "Webinar" → the kind, or null. */
export function parseCompetencyKind(text: string): CompetencyKind | null {
  const t = text.toLowerCase().replace(/^(diklat|pelatihan)\s+/, '');
  return KIND_ALIASES[t] ?? null;
}

const LEVEL_ALIASES: Record<string, LeadershipLevel> = {
  PKNI: 'pkn_i',
  PKNTINGKATI: 'pkn_i',
  DIKLATPIMI: 'pkn_i',
  PIMI: 'pkn_i',
  PKNII: 'pkn_ii',
  PKNTINGKATII: 'pkn_ii',
  DIKLATPIMII: 'pkn_ii',
  PIMII: 'pkn_ii',
  PKA: 'pka',
  DIKLATPIMIII: 'pka',
  PIMIII: 'pka',
  PKP: 'pkp',
  DIKLATPIMIV: 'pkp',
  PIMIV: 'pkp',
};

/** "PKN II", "pkn_ii", "Diklatpim III" → the level (legacy Diklatpim as its successor, RULES.md §3.4), or null. */
export function parseLeadershipLevel(text: string): LeadershipLevel | null {
  return LEVEL_ALIASES[text.toUpperCase().replace(/[\s._\-]/g, '')] ?? null;
}

function checkKindColumns(get: CellGetter, problems: Msg[]) {
  const kindText = get('jenis');
  const kind = parseCompetencyKind(kindText);
  if (kindText === '') problems.push(msg('Kolom jenis wajib diisi.', 'Column jenis is required.'));
  else if (!kind)
    problems.push(
      msg(
        `Jenis "${kindText}" tidak dikenal. Isi kepemimpinan, fungsional, teknis, atau seminar.`,
        `Unknown kind "${kindText}". Use kepemimpinan, fungsional, teknis or seminar.`,
      ),
    );
  const levelText = get('tingkat');
  let leadershipLevel: LeadershipLevel | null = null;
  if (kind === 'kepemimpinan') {
    leadershipLevel = parseLeadershipLevel(levelText);
    if (!leadershipLevel)
      problems.push(
        levelText === ''
          ? msg(
              'Diklat kepemimpinan wajib mencantumkan tingkat: PKN I, PKN II, PKA, atau PKP.',
              'A leadership course needs its level: PKN I, PKN II, PKA or PKP.',
            )
          : msg(
              `Tingkat "${levelText}" tidak dikenal. Isi PKN I, PKN II, PKA, atau PKP.`,
              `Unknown level "${levelText}". Use PKN I, PKN II, PKA or PKP.`,
            ),
      );
  } else if (kind && levelText !== '')
    problems.push(
      msg(
        'Kolom tingkat hanya untuk diklat kepemimpinan; kosongkan untuk jenis lain.',
        'Column tingkat is only for leadership courses; leave it empty for other kinds.',
      ),
    );
  let matchesJabatan: boolean | null = null;
  if (kind === 'fungsional') {
    matchesJabatan = parseYesNo(get, 'sesuai_jabatan', null, problems);
    if (get('sesuai_jabatan') === '')
      problems.push(
        msg(
          'Diklat fungsional wajib mengisi sesuai_jabatan: Y bila diklat jabatan fungsional yang diduduki, N bila bukan.',
          'A functional course needs sesuai_jabatan: Y if it is the course of the functional post held, N if not.',
        ),
      );
  } else if (kind && get('sesuai_jabatan') !== '')
    problems.push(
      msg(
        'Kolom sesuai_jabatan hanya untuk diklat fungsional; kosongkan untuk jenis lain.',
        'Column sesuai_jabatan is only for functional courses; leave it empty for other kinds.',
      ),
    );
  return { kind, leadershipLevel, matchesJabatan };
}

function checkDatesAndJp(get: CellGetter, kind: CompetencyKind | null, today: string, problems: Msg[]) {
  const startedOn = parseDateCell(get, 'tanggal_mulai', { id: 'Tanggal mulai', en: 'Start date' }, today, problems);
  const completedOn = parseDateCell(get, 'tanggal_selesai', { id: 'Tanggal selesai', en: 'End date' }, today, problems);
  const jpText = get('jp');
  const jp = /^\d{1,4}$/.test(jpText) ? Number(jpText) : null;
  if (get('tanggal_selesai') === '')
    problems.push(
      jpText !== ''
        ? msg(
            'JP diisi tetapi tanggal_selesai kosong: JP dihitung menurut tanggalnya. Isi tanggal selesai.',
            'JP is given but tanggal_selesai is empty: JP counts by its date. Fill in the end date.',
          )
        : msg('Kolom tanggal_selesai wajib diisi.', 'Column tanggal_selesai is required.'),
    );
  if (startedOn && completedOn && startedOn > completedOn)
    problems.push(
      msg(
        `Tanggal selesai ${completedOn} sebelum tanggal mulai ${startedOn}.`,
        `End date ${completedOn} is before the start date ${startedOn}.`,
      ),
    );
  if (jpText !== '' && (jp === null || jp < 1 || jp > 2000))
    problems.push(
      msg(
        `JP "${jpText}" tidak sah; isi bilangan bulat 1–2000.`,
        `JP "${jpText}" is not valid; use a whole number 1–2000.`,
      ),
    );
  if (kind === 'teknis' && jpText === '')
    problems.push(
      msg(
        'Diklat teknis wajib mencantumkan JP (jam pelajaran) dari sertifikatnya.',
        'A technical course needs its JP (lesson hours) from the certificate.',
      ),
    );
  return { startedOn, completedOn, jp };
}

/** Validates a competency sheet (header first); see `checkSheet` for the all-or-nothing result. */
export function validateCompetencySheet(
  records: readonly { line: number; cells: readonly string[] }[],
  ctx: RecordSheetContext,
): SheetResult<CompetencyRow> {
  const seen = new Map<string, number>();
  return checkSheet<CompetencyRow>(
    records,
    COMPETENCY_SHEET_COLUMNS,
    ['nip', 'jenis', 'judul', 'tanggal_selesai'],
    { id: 'riwayat kompetensi', en: 'competency history' },
    (line, get, problems) => {
      const { nip, employeeId } = checkNip(get, ctx, problems);
      const { kind, leadershipLevel, matchesJabatan } = checkKindColumns(get, problems);
      const title = checkText(get, 'judul', true, problems);
      const organizer = checkText(get, 'penyelenggara', false, problems);
      const { startedOn, completedOn, jp } = checkDatesAndJp(get, kind, ctx.today, problems);
      const key = employeeId && kind && completedOn ? competencyKey(employeeId, kind, title, completedOn) : null;
      if (key) {
        const first = seen.get(key);
        if (first !== undefined)
          problems.push(
            msg(`Baris ini sama dengan baris ${first} berkas ini.`, `This row repeats line ${first} of this file.`),
          );
        else seen.set(key, line);
      }
      const row =
        employeeId && nip && kind && completedOn && key
          ? {
              line,
              employeeId,
              nip,
              kind,
              leadershipLevel,
              matchesJabatan,
              title,
              organizer,
              startedOn,
              completedOn,
              jp: jp ?? null,
              key,
            }
          : null;
      return { nip, row, isUpdate: key !== null && ctx.existing.has(key) };
    },
  );
}
