/**
 * Every piece of background work a running server does, registered in one place on the durable
 * job runner (platform/jobs.ts). Jobs and crons run once across instances; the sub-minute exam
 * sweeps and the audit checkpoint stay local intervals (safe on every instance, see below).
 */
import type { Services } from './compose.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { checkStoredFiles } from './platform/file-sweep.ts';
import type { JobRunner } from './platform/jobs.ts';
import { MAIL_JOB } from './platform/mailer.ts';

export interface BackgroundLog {
  warn(obj: object, msg: string): void;
}

/** A cron that fires every `minutes` (minute granularity; an hour or more runs hourly at minute 0). */
export function everyMinutesCron(minutes: number): string {
  if (minutes <= 1) return '* * * * *';
  return minutes < 60 ? `*/${minutes} * * * *` : '0 * * * *';
}

/** Registers Merit's jobs on `jobs` (call before `jobs.start()`). */
export function registerBackgroundJobs(
  jobs: JobRunner,
  rt: { services: Services; database: Database; config: Config },
  log: BackgroundLog,
): void {
  const { services: s, config } = rt;
  const db = rt.database.db;
  // E-mail: up to 10 retries, the first after 10–20 s, each about twice as long as the last
  // (the last after ~1.5–3 h), so an SMTP outage of a few hours still delivers.
  jobs.define<{ id: string }>({
    name: MAIL_JOB,
    retryLimit: 10,
    retryDelaySeconds: 10,
    retryBackoff: true,
    expireInSeconds: 5 * 60,
    // A burst (a hall's results, a closing registration) goes out 20 at a time, not one per poll.
    batchSize: 20,
    handler: async (run) => void (await s.mailer.deliver(db, run.data.id, { final: run.final })),
  });
  // Messages queued where no job runner ran (a CLI command, a server before the upgrade).
  jobs.define({
    name: 'mail.requeue',
    cron: '* * * * *',
    retryLimit: 0,
    pollingIntervalSeconds: 10,
    handler: async () => void (await s.mailer.requeue(db)),
  });
  // Complaint deadlines move on working days even when nobody opens a complaint page: close quiet
  // reports and escalate late steps.
  jobs.define({
    name: 'complaints.sweep',
    cron: '*/10 * * * *',
    retryLimit: 1,
    pollingIntervalSeconds: 10,
    handler: async () => void (await s.complaints.sweep()),
  });
  // Deadline reminders and the daily digest (each also claimed per person, so never sent twice).
  if (config.reminderSweepMinutes > 0) {
    jobs.define({
      name: 'reminders.sweep',
      cron: everyMinutesCron(config.reminderSweepMinutes),
      retryLimit: 1,
      pollingIntervalSeconds: 10,
      handler: async () => void (await s.reminders.sweepReminders(s.clock.now())),
    });
  }
  // Stored files no row points at are reported, and removed after the grace time (issue 24 §4).
  jobs.define({
    name: 'files.check',
    cron: '17 */6 * * *',
    retryLimit: 1,
    pollingIntervalSeconds: 10,
    expireInSeconds: 60 * 60,
    handler: async () => {
      const r = await checkStoredFiles(
        { db, files: s.files },
        { now: s.clock.now(), graceMs: config.filesOrphanGraceMs, remove: true },
      );
      if (r.orphans.length > 0)
        log.warn({ orphans: r.orphans.length, removed: r.removed.length }, 'stored files without a record');
    },
  });
  // The server submits attempts whose time is up, even when the page is gone: every few seconds,
  // below cron's one minute. Each sweep claims its attempts with `for update skip locked`, so every
  // instance sweeping is safe (and one instance dying leaves the others sweeping).
  jobs.every('exam.sweep', 5000, () => s.cat.sweep());
  jobs.every('assessment.sweep', 15_000, () => s.assessment.sweep());
  // Audit checkpoints: each instance signs the tree it sees (as before the job runner).
  if (config.auditCheckpointSeconds > 0) {
    jobs.every('audit.checkpoint', config.auditCheckpointSeconds * 1000, () => s.audit.checkpoint(db), {
      atStart: true,
    });
  }
}
