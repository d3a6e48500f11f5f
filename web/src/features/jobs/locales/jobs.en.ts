/** The `jobs.` texts in English: exactly the keys of the Indonesian original. */
import type { Texts } from '../../../app/i18n.ts';
import type { jobsId } from './jobs.id.ts';

export const jobsEn: Texts<typeof jobsId> = {
  title: 'Failed background jobs',
  intro:
    'Sending e-mail, complaint deadline sweeps, reminders and stored-file checks run in the background and are retried automatically. Those listed here failed after every retry; check the cause (the SMTP server, say), then run them again.',
  empty: 'No background job has failed.',
  tableLabel: 'Failed background jobs table',
  refresh: 'Reload',
  colName: 'Job',
  colDetail: 'Detail',
  colError: 'Last error',
  colAttempts: 'Attempts',
  colTime: 'Failed at',
  retry: 'Run again',
  retrying: 'Running…',
  retried: 'The job was rescheduled and will run shortly.',
  names: {
    'mail.send': 'Send e-mail',
    'mail.requeue': 'Requeue waiting e-mail',
    'complaints.sweep': 'Complaint deadlines',
    'reminders.sweep': 'Reminders and daily digest',
    'files.check': 'Stored-file check',
  },
};

export default jobsEn;
