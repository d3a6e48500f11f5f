/** Background-job endpoints; types come from the contracts the server validates against. */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/jobs.ts';
import { jobsEndpoints as E } from '../../../../common/contracts/jobs.endpoints.ts';
import { call } from '../../app/client.ts';

export type FailedJob = z.infer<typeof C.FailedJob>;

export const jobsApi = {
  failed: () => call(E.failed),
  retry: (job: { name: string; id: string }) => call(E.retry, { params: job }),
};
