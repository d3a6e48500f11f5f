/**
 * HTTP for background jobs (issue 28 §3), registered from common/contracts/jobs.endpoints.ts: the
 * admin lists the jobs whose retries ran out and runs one again; the retry is audited.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { jobsEndpoints as E } from '../../../common/contracts/jobs.endpoints.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import type { AuditService } from '../modules/transparency/index.ts';
import type { JobRunner } from '../platform/jobs.ts';
import { MAIL_JOB } from '../platform/mailer.ts';
import { route } from './endpoints.ts';

export interface JobsRouteDeps {
  jobs: Pick<JobRunner, 'failed' | 'retry'>;
  audit: Pick<AuditService, 'record'>;
  db: Kysely<DB>;
}

/** The failed jobs, newest first, with the recipient of each stuck e-mail. */
async function listFailed(deps: JobsRouteDeps) {
  const failed = await deps.jobs.failed(200);
  const mailIds = failed.filter((j) => j.name === MAIL_JOB).map((j) => j.id);
  const rows =
    mailIds.length > 0
      ? await deps.db.selectFrom('outbox_emails').select(['id', 'to_address']).where('id', 'in', mailIds).execute()
      : [];
  const to = new Map(rows.map((r) => [r.id, r.to_address]));
  return failed.map((j) => ({
    id: j.id,
    name: j.name,
    error: j.error,
    attempts: j.attempts,
    createdAt: j.createdAt.toISOString(),
    failedAt: j.failedAt?.toISOString() ?? null,
    detail: to.get(j.id) ?? null,
  }));
}

/** The jobs routes as one plugin (admin only). */
export function jobsRoutes(deps: JobsRouteDeps): FastifyPluginAsync {
  return async (app) => {
    route(app, E.failed, async () => ({ jobs: await listFailed(deps) }));
    route(app, E.retry, async (req) => {
      const { name, id } = req.params;
      if (!(await deps.jobs.retry(name, id))) throw notFound();
      await deps.audit.record(deps.db, {
        actor: { id: req.actor!.accountId, role: req.actor!.role },
        action: 'job.retry',
        subjectType: 'background_job',
        subjectId: id,
        after: { name },
      });
      const message =
        req.lang === 'en' ? 'The job will run again shortly.' : 'Pekerjaan akan dijalankan lagi sebentar lagi.';
      return { ok: true as const, message };
    });
  };
}
