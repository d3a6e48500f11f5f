/** Background jobs (issue 28 §3): the admin's list of failed jobs and retrying one. */
import { z } from 'zod';

/** The jobs Merit runs (server/src/background.ts); an unknown name is shown as it is. */
export const JOB_NAMES = ['mail.send', 'mail.requeue', 'complaints.sweep', 'reminders.sweep', 'files.check'] as const;

export const FailedJob = z.object({
  id: z.uuid(),
  name: z.string(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  failedAt: z.string().nullable(),
  /** For an e-mail job: the recipient, so the admin knows whose message is stuck. */
  detail: z.string().nullable(),
});
export const FailedJobList = z.object({ jobs: z.array(FailedJob) });

export const JobRef = z.strictObject({ name: z.string().min(1).max(100), id: z.uuid() });
export const JobRetried = z.object({ ok: z.literal(true), message: z.string() });
