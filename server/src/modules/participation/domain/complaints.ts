/**
 * Complaint (pengaduan) rules, SP4N-LAPOR! style (RULES.md §5.1): verification and disposition to
 * the responsible OPD within 3 working days of filing, the OPD's follow-up within 5 working days of
 * disposition, and closure when 10 working days pass after the follow-up without a reply — all
 * configurable. A window of n working days starts the working day after its event (the day a
 * report arrives is not day 1), on Palu's holiday calendar (common/rules/calendar.ts).
 */
import { msg } from '../../../../../common/contracts/messages.ts';
import { addDays, dayNumber, shiftDate, workingDaysBetween } from '../../../../../common/rules/calendar.ts';
import { defineStateMachine } from '../../../../../common/rules/state-machine.ts';

export interface ComplaintSla {
  /** Working days from filing to verification and disposition (LAPOR!: 3). */
  verifyDays: number;
  /** Working days from disposition to the OPD's follow-up (LAPOR!: 5). */
  followUpDays: number;
  /** Working days after a follow-up without reply before the report closes (LAPOR!: 10). */
  closeAfterDays: number;
}

export const DEFAULT_SLA: Readonly<ComplaintSla> = Object.freeze({
  verifyDays: 3,
  followUpDays: 5,
  closeAfterDays: 10,
});

export const COMPLAINT_STATUSES = ['submitted', 'disposed', 'followed_up', 'closed', 'rejected'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_EVENTS = ['dispose', 'reject', 'follow_up', 'reopen', 'accept', 'expire'] as const;
export type ComplaintEvent = (typeof COMPLAINT_EVENTS)[number];

const STATUS_ID: Record<ComplaintStatus, string> = {
  submitted: 'menunggu verifikasi',
  disposed: 'didisposisikan ke OPD',
  followed_up: 'sudah ditindaklanjuti',
  closed: 'selesai',
  rejected: 'ditolak',
};

/**
 * submitted → dispose (verified, sent to an OPD) | reject (out of scope / unclear, with a reason);
 * disposed → follow_up (the OPD answers); followed_up → reopen (the reporter is not satisfied: back
 * to the OPD with a new deadline) | accept (the reporter is satisfied) | expire (no reply in time).
 */
export const complaintMachine = defineStateMachine<ComplaintStatus, ComplaintEvent>({
  statuses: COMPLAINT_STATUSES,
  events: COMPLAINT_EVENTS,
  transitions: {
    submitted: { dispose: 'disposed', reject: 'rejected' },
    disposed: { follow_up: 'followed_up', dispose: 'disposed' },
    followed_up: { reopen: 'disposed', accept: 'closed', expire: 'closed' },
    closed: {},
    rejected: {},
  },
  refusal: (status) =>
    msg(
      `Laporan ini ${STATUS_ID[status]}; langkah itu tidak dapat dilakukan sekarang.`,
      `This report is ${status.replace('_', ' ')}; that step is not possible now.`,
    ),
});

/** The last day of a window of `n` working days that starts after `eventDay`. */
export function dueAfter(eventDay: string, n: number, holidays: ReadonlySet<string>): string {
  return addDays(shiftDate(eventDay, 1), n, 'working', holidays);
}

export interface ComplaintDates {
  status: ComplaintStatus;
  /** Local (WITA) dates of each event, null when it has not happened. */
  filedOn: string;
  disposedOn: string | null;
  followedUpOn: string | null;
}

export interface ComplaintClock {
  /** What is awaited now and from whom; null when nothing is (closed, rejected). */
  awaiting: 'verification' | 'follow_up' | 'reporter' | null;
  dueOn: string | null;
  /** Past the due day with the step not done. */
  late: boolean;
  /** Working days past the due day (0 when on time). */
  lateDays: number;
}

/**
 * Where a report stands against its deadlines on `today`: verification is due 3 working days after
 * filing, follow-up 5 after disposition, the reporter's reply 10 after the follow-up (the report
 * closes then; being "late" there means it should be closed).
 */
export function complaintClock(
  c: ComplaintDates,
  today: string,
  holidays: ReadonlySet<string>,
  sla: ComplaintSla = DEFAULT_SLA,
): ComplaintClock {
  const due = (awaiting: ComplaintClock['awaiting'], dueOn: string): ComplaintClock => {
    const lateDays = dayNumber(today) > dayNumber(dueOn) ? workingDaysBetween(shiftDate(dueOn, 1), today, holidays) : 0;
    return { awaiting, dueOn, late: dayNumber(today) > dayNumber(dueOn), lateDays };
  };
  if (c.status === 'submitted') return due('verification', dueAfter(c.filedOn, sla.verifyDays, holidays));
  if (c.status === 'disposed') return due('follow_up', dueAfter(c.disposedOn ?? c.filedOn, sla.followUpDays, holidays));
  if (c.status === 'followed_up')
    return due('reporter', dueAfter(c.followedUpOn ?? c.filedOn, sla.closeAfterDays, holidays));
  return { awaiting: null, dueOn: null, late: false, lateDays: 0 };
}

/** Whether a step that happened on `doneOn` met its window of `n` working days after `eventDay`. */
export function onTime(eventDay: string, doneOn: string, n: number, holidays: ReadonlySet<string>): boolean {
  return dayNumber(doneOn) <= dayNumber(dueAfter(eventDay, n, holidays));
}

export interface OpdStep {
  organizationId: string;
  disposedOn: string;
  /** The first follow-up after this disposition; null while none. */
  followedUpOn: string | null;
}

export interface OpdOnTime {
  organizationId: string;
  disposed: number;
  onTime: number;
  late: number;
  pending: number;
  /** on time / (on time + late), whole percent; null when nothing is decided yet. */
  percent: number | null;
}

/**
 * On-time follow-up per OPD: a disposition followed up within the window is on time; one followed
 * up after it, or still open past it, is late; one still inside its window is pending.
 */
export function onTimeByOpd(
  steps: readonly OpdStep[],
  today: string,
  holidays: ReadonlySet<string>,
  sla: ComplaintSla = DEFAULT_SLA,
): OpdOnTime[] {
  const by = new Map<string, OpdOnTime>();
  for (const s of steps) {
    const row = by.get(s.organizationId) ?? {
      organizationId: s.organizationId,
      disposed: 0,
      onTime: 0,
      late: 0,
      pending: 0,
      percent: null,
    };
    row.disposed++;
    const dueOn = dueAfter(s.disposedOn, sla.followUpDays, holidays);
    if (s.followedUpOn) {
      if (dayNumber(s.followedUpOn) <= dayNumber(dueOn)) row.onTime++;
      else row.late++;
    } else if (dayNumber(today) > dayNumber(dueOn)) row.late++;
    else row.pending++;
    by.set(s.organizationId, row);
  }
  return [...by.values()]
    .map((r) => ({
      ...r,
      percent: r.onTime + r.late === 0 ? null : Math.round((100 * r.onTime) / (r.onTime + r.late)),
    }))
    .sort((a, b) => a.organizationId.localeCompare(b.organizationId));
}

/** Settings problems: every window a whole number of working days, 1–60. */
export function slaProblems(sla: ComplaintSla): string[] {
  return (Object.entries(sla) as [keyof ComplaintSla, number][])
    .filter(([, v]) => !Number.isInteger(v) || v < 1 || v > 60)
    .map(([k]) => `${k}: 1–60 hari kerja`);
}

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A tracking ID from random bytes: `PGD-` and 10 characters of an alphabet without look-alikes
 * (0/O, 1/I/L), ~49 bits, so an ID cannot be guessed and reads well over the phone.
 */
export function trackingIdOf(random: Uint8Array): string {
  if (random.length < 10) throw new RangeError('need 10 random bytes');
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[random[i]! % ALPHABET.length];
  return `PGD-${out.slice(0, 5)}-${out.slice(5)}`;
}

/** Normalises what a person typed as a tracking ID (case, spaces, missing dashes). */
export function normalizeTrackingId(text: string): string | null {
  const s = text.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const body = s.startsWith('PGD') ? s.slice(3) : s;
  if (body.length !== 10 || [...body].some((ch) => !ALPHABET.includes(ch))) return null;
  return `PGD-${body.slice(0, 5)}-${body.slice(5)}`;
}
