/**
 * Training rules (RULES.md §3): who a programme is for, the enrolment life cycle with a waitlist,
 * and the 20 JP a year each civil servant has a right to (PP 11/2017 jo. PP 17/2020 Pasal 203(4);
 * PerLAN 5/2018: 1 JP = 45 minutes). Pure: time and ids are the caller's.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { defineStateMachine } from '../../../../../common/rules/state-machine.ts';

/** The yearly minimum (PP 17/2020 Pasal 203(4)). */
export const JP_PER_YEAR = 20;
export const MINUTES_PER_JP = 45;

export const PROGRAM_KINDS = [
  'latsar',
  'orientasi_pppk',
  'pkp',
  'pka',
  'pkn',
  'teknis',
  'fungsional',
  'seminar',
  'elearning',
] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

export interface Eligibility {
  statuses?: readonly string[];
  jabatanKinds?: readonly string[];
  organizationIds?: readonly string[];
}

export interface EligibleEmployee {
  status: string;
  jabatanKind: string;
  organizationId: string;
}

/** Why an employee may not join a programme (empty = eligible); each reason names what is required. */
export function eligibilityProblems(e: Eligibility, who: EligibleEmployee): Msg[] {
  const problems: Msg[] = [];
  if (e.statuses?.length && !e.statuses.includes(who.status))
    problems.push(
      msg(
        `Program ini untuk pegawai berstatus ${e.statuses.join('/')}, bukan ${who.status}.`,
        `This programme is for ${e.statuses.join('/')} employees, not ${who.status}.`,
      ),
    );
  if (e.jabatanKinds?.length && !e.jabatanKinds.includes(who.jabatanKind))
    problems.push(
      msg(
        `Program ini untuk jabatan ${e.jabatanKinds.join('/')}, bukan ${who.jabatanKind}.`,
        `This programme is for ${e.jabatanKinds.join('/')} positions, not ${who.jabatanKind}.`,
      ),
    );
  if (e.organizationIds?.length && !e.organizationIds.includes(who.organizationId))
    problems.push(
      msg(
        'Program ini hanya untuk pegawai perangkat daerah tertentu.',
        'This programme is only for employees of certain agencies.',
      ),
    );
  return problems;
}

export const ENROLLMENT_STATUSES = ['enrolled', 'waitlisted', 'cancelled', 'completed', 'not_completed'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export const ENROLLMENT_EVENTS = ['promote', 'cancel', 'complete', 'fail', 'revoke'] as const;

/** An enrolment: enrolled or on the waitlist; a seat freed promotes the first waiting; finished or not. */
export const enrollmentMachine = defineStateMachine({
  statuses: ENROLLMENT_STATUSES,
  events: ENROLLMENT_EVENTS,
  transitions: {
    enrolled: { cancel: 'cancelled', complete: 'completed', fail: 'not_completed' },
    waitlisted: { promote: 'enrolled', cancel: 'cancelled' },
    cancelled: {},
    // A revoked certificate withdraws the completion it proved (and the JP it posted).
    completed: { revoke: 'not_completed' },
    not_completed: {},
  },
  refusal: (status, event) =>
    event === 'complete' || event === 'fail'
      ? msg(
          'Hanya peserta terdaftar (bukan daftar tunggu atau yang batal) yang dapat dinyatakan selesai.',
          'Only enrolled participants (not waitlisted or cancelled) can be marked as finished.',
        )
      : status === 'cancelled'
        ? msg('Pendaftaran ini sudah dibatalkan.', 'This enrolment was already cancelled.')
        : msg(
            'Pelatihan ini sudah selesai untuk peserta tersebut.',
            'This participant has already finished the training.',
          ),
});

export const CLAIM_KINDS = [
  'seminar',
  'coaching',
  'mentoring',
  'elearning',
  'benchmarking',
  'pelatihan_jarak_jauh',
  'belajar_mandiri',
  'lainnya',
] as const;

/** A claimed outside activity: the supervisor (or BKPSDM) approves or rejects it once. */
export const claimMachine = defineStateMachine({
  statuses: ['submitted', 'approved', 'rejected'] as const,
  events: ['approve', 'reject'] as const,
  transitions: { submitted: { approve: 'approved', reject: 'rejected' }, approved: {}, rejected: {} },
  refusal: () => msg('Klaim JP ini sudah diputuskan.', 'This JP claim was already decided.'),
});

/** JP an activity is worth: whole 45-minute hours (PerLAN 5/2018: 1 JP = 45 minutes), at least 1. */
export const jpOfMinutes = (minutes: number) => Math.max(1, Math.floor(minutes / MINUTES_PER_JP));

export type BatchStatus = 'open' | 'closed' | 'cancelled' | 'finished';

/** What a batch is today: an open batch whose end date (Palu) has passed is finished ("Selesai") and takes no one new. */
export const batchStatus = (stored: 'open' | 'closed' | 'cancelled', endsOn: string, today: string): BatchStatus =>
  stored === 'open' && today > endsOn ? 'finished' : stored;

/** A new enrolment takes a seat while there is one, else waits (first come, first promoted). */
export const placement = (capacity: number, enrolled: number): 'enrolled' | 'waitlisted' =>
  enrolled < capacity ? 'enrolled' : 'waitlisted';

/** Who moves up when seats free: the earliest waiting, as many as there are free seats. */
export function promotions<T extends { requestedAt: Date }>(waitlist: readonly T[], freeSeats: number): T[] {
  if (freeSeats <= 0) return [];
  return [...waitlist].sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime()).slice(0, freeSeats);
}

export interface Compliance {
  jp: number;
  required: number;
  /** JP still missing this year (0 when met). */
  short: number;
  met: boolean;
}

/** One employee's year against the 20 JP right. */
export function compliance(jp: number, required = JP_PER_YEAR): Compliance {
  return { jp, required, short: Math.max(0, required - jp), met: jp >= required };
}

/** Per OPD: employees, how many met the year's JP, and the share in whole percent (rounded down). */
export function complianceByOrganization(
  rows: readonly { organizationId: string; jp: number }[],
  required = JP_PER_YEAR,
) {
  const by = new Map<string, { organizationId: string; employees: number; met: number }>();
  for (const r of rows) {
    const o = by.get(r.organizationId) ?? { organizationId: r.organizationId, employees: 0, met: 0 };
    o.employees++;
    if (r.jp >= required) o.met++;
    by.set(r.organizationId, o);
  }
  return [...by.values()]
    .map((o) => ({ ...o, percent: o.employees === 0 ? 0 : Math.floor((o.met * 100) / o.employees) }))
    .sort((a, b) => a.percent - b.percent || a.organizationId.localeCompare(b.organizationId));
}
