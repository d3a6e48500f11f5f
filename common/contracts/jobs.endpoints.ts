/** Background-job endpoints (issue 28 §3): the admin lists failed jobs and runs one again (audited). */
import { defineEndpoints } from './endpoint.ts';
import { FailedJobList, JobRef, JobRetried } from './jobs.ts';

export const jobsEndpoints = defineEndpoints('jobs', {
  failed: {
    method: 'GET',
    path: '/api/v1/admin/jobs/failed',
    access: ['admin'],
    summary: 'Pekerjaan latar yang gagal setelah semua percobaan ulang (terbaru dulu)',
    responses: { 200: FailedJobList },
  },
  retry: {
    method: 'POST',
    path: '/api/v1/admin/jobs/:name/:id/retry',
    access: ['admin'],
    summary: 'Jalankan lagi satu pekerjaan latar yang gagal (dicatat di log audit)',
    params: JobRef,
    responses: { 200: JobRetried },
  },
});
