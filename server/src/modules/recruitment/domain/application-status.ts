/**
 * The application (lamaran) state machine, administration stage only (RULES.md §1.3, §1.5, §1.6):
 *
 *   draft ──submit──▶ submitted ──verify_ms──▶ ms
 *                         └──verify_tms──▶ tms ──file_objection──▶ objection_filed ──accept_objection──▶ ms
 *                                                                        └──reject_objection──▶ tms_final
 *   any of draft/submitted/ms/tms/objection_filed ──withdraw──▶ withdrawn
 *
 * Sanggah is once only, so tms_final cannot be objected to again. A tms whose window closes
 * without an objection is final in effect (RULES.md §1.6 "no sanggah = accepting the result"); the
 * service decides that from the window, the status stays tms. Windows and who may act are checked
 * by the service and policy; this file only knows which moves exist.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { defineStateMachine } from '../../../../../common/rules/state-machine.ts';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'ms',
  'tms',
  'objection_filed',
  'tms_final',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_EVENTS = [
  'submit',
  'verify_ms',
  'verify_tms',
  'file_objection',
  'accept_objection',
  'reject_objection',
  'withdraw',
] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, Msg>> = Object.freeze({
  draft: msg('Draf', 'Draft'),
  submitted: msg('Terkirim, menunggu verifikasi', 'Submitted, awaiting verification'),
  ms: msg('Memenuhi Syarat (MS)', 'Eligible (MS)'),
  tms: msg('Tidak Memenuhi Syarat (TMS)', 'Not eligible (TMS)'),
  objection_filed: msg('Sanggah diajukan', 'Objection filed'),
  tms_final: msg('TMS (final setelah sanggah)', 'TMS (final after objection)'),
  withdrawn: msg('Mengundurkan diri', 'Withdrawn'),
});

const WITHDRAWABLE = { withdraw: 'withdrawn' } as const;

const TRANSITIONS: Readonly<Record<ApplicationStatus, Partial<Record<ApplicationEvent, ApplicationStatus>>>> =
  Object.freeze({
    draft: { submit: 'submitted', ...WITHDRAWABLE },
    submitted: { verify_ms: 'ms', verify_tms: 'tms', ...WITHDRAWABLE },
    ms: { ...WITHDRAWABLE },
    tms: { file_objection: 'objection_filed', ...WITHDRAWABLE },
    objection_filed: { accept_objection: 'ms', reject_objection: 'tms_final', ...WITHDRAWABLE },
    tms_final: {},
    withdrawn: {},
  });

function refusal(status: ApplicationStatus, event: ApplicationEvent): Msg {
  if (status === 'withdrawn')
    return msg(
      'Lamaran ini sudah ditarik (mengundurkan diri) dan tidak dapat diubah lagi.',
      'This application was withdrawn and can no longer change.',
    );
  if (event === 'submit')
    return msg(
      'Lamaran sudah dikirim dan tidak dapat dikirim atau diubah lagi.',
      'The application was already submitted and cannot be submitted or changed again.',
    );
  if (event === 'file_objection') {
    return status === 'objection_filed' || status === 'tms_final'
      ? msg('Sanggah hanya dapat diajukan satu kali.', 'An objection can be filed only once.')
      : msg(
          'Sanggah hanya dapat diajukan oleh pelamar yang dinyatakan TMS.',
          'Only applicants declared TMS can file an objection.',
        );
  }
  if (event === 'verify_ms' || event === 'verify_tms')
    return msg(
      'Hanya lamaran yang sudah dikirim dan belum diverifikasi yang dapat diverifikasi.',
      'Only submitted, not yet verified applications can be verified.',
    );
  if (event === 'accept_objection' || event === 'reject_objection')
    return msg(
      'Tidak ada sanggah yang menunggu keputusan pada lamaran ini.',
      'This application has no objection awaiting a decision.',
    );
  return msg(
    `Lamaran berstatus "${APPLICATION_STATUS_LABELS[status].id}" tidak dapat ditarik.`,
    `An application with status "${APPLICATION_STATUS_LABELS[status].en}" cannot be withdrawn.`,
  );
}

/** The application's life cycle; services change a status only through the process step with this machine. */
export const applicationMachine = defineStateMachine({
  statuses: APPLICATION_STATUSES,
  events: APPLICATION_EVENTS,
  transitions: TRANSITIONS,
  refusal,
});

export type TransitionResult = ReturnType<typeof applicationMachine.transition>;
/** The status after `event`, or a bilingual refusal (RULES.md §1.5–§1.6: sanggah once, only after TMS). */
export const transition = applicationMachine.transition;
/** The events allowed from a status, in APPLICATION_EVENTS order. */
export const allowedEvents = applicationMachine.allowedEvents;
/** Whether no further event can change the status. */
export const isTerminal = applicationMachine.isTerminal;

/** Whether the applicant may still edit data and documents: only in draft — once submitted the application is frozen and sanggah cannot fix uploads (RULES.md §1.3, §1.6). */
export function canEdit(status: ApplicationStatus): boolean {
  return status === 'draft';
}

/**
 * What an applicant's timeline (riwayat) shows: each status the machine reaches, plus the
 * milestones that are not statuses (an objection's answer, the exam schedule, a result announced).
 */
export const TIMELINE_KINDS = [
  ...APPLICATION_STATUSES,
  'objection_accepted',
  'objection_rejected',
  'exam_scheduled',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
