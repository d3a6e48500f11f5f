/** The `idsec.` texts in English: exactly the keys of the Indonesian original. */
import type { Texts } from '../../../app/i18n.ts';
import type { idsecId } from './idsec.id.ts';

export const idsecEn: Texts<typeof idsecId> = {
  outbox: {
    secretsHidden:
      'One-time links and codes are masked here: only the e-mail’s recipient can use them. Without SMTP, e-mails are not delivered — set SMTP_URL so applicants and staff receive their links.',
    secretsShown:
      'Development demo mode (MAIL_OUTBOX_SECRETS): links and codes are shown in full. Never use this in production.',
  },
  proctors: {
    title: 'Session proctors',
    lead: 'Only the proctors assigned here may open, close and watch this session. Every assignment is written to the audit log.',
    none: 'No proctor assigned yet.',
    pick: 'Proctor account',
    assign: 'Assign',
    remove: 'Remove {{name}}',
  },
  lockout: {
    title: 'Unlock a participant’s sign-in',
    lead: 'After five wrong passwords with the right token a participant waits 15 minutes. Unlock once you have checked who they are (written to the audit log).',
    who: 'Participant',
    submit: 'Unlock sign-in',
    done: 'Unlocked ({{count}} failed attempts cleared).',
  },
  address: {
    title: 'The hall’s network addresses',
    lead: 'A hall behind one NAT shows as one address. After 50 failed sign-ins within 15 minutes from one address, answers to failed attempts are slowed; participants with the right token and password still get in. Lift the slowdown when the failures were typos in your hall (written to the audit log).',
    committeeTitle: 'Network addresses with failed sign-ins',
    committeeLead:
      'Addresses with failed sign-ins in the last 15 minutes, slowed ones first. A slowdown only delays answers to failed attempts; a correct credential is always accepted. Lift it with a reason (written to the audit log).',
    none: 'No address recorded yet.',
    noneFailing: 'No failed sign-ins in the last 15 minutes.',
    colAddress: 'Address',
    colFailures: 'Wrong passwords',
    colTokens: 'Wrong tokens',
    colState: 'State',
    colLast: 'Last',
    slowed: 'Slowed',
    normal: 'Normal',
    lift: 'Lift the slowdown of {{address}}',
    pick: 'Address',
    reason: 'Reason',
    reasonHint: 'For example: the morning session’s hall behind one NAT, token typos.',
    submit: 'Lift the slowdown',
    done: 'Slowdown of {{address}} lifted ({{count}} failures cleared).',
    tableLabel: 'Network addresses',
  },
};

export default idsecEn;
