/** The platform's own endpoints: the health check load balancers poll, and the OpenAPI document. */
import { z } from 'zod';
import { defineEndpoints } from './endpoint.ts';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.number().int(),
  // 'not-shared' when this instance's file store is not the one the others use (issue 24 §6).
  files: z.enum(['shared', 'not-shared', 'unavailable']),
  // 'not-receiving' when a NOTIFY does not reach this instance's LISTEN (a pooler in transaction
  // mode: set DATABASE_LISTEN_URL to a direct connection; issue 28 §5).
  listen: z.enum(['ok', 'not-receiving']),
});

export const platformEndpoints = defineEndpoints('platform', {
  health: {
    method: 'GET',
    path: '/api/health',
    access: 'public',
    summary: 'Status layanan',
    responses: { 200: HealthResponse },
  },
  openApi: {
    method: 'GET',
    path: '/api/openapi.json',
    access: 'public',
    summary: 'Dokumen OpenAPI',
    hide: true,
    responses: { 200: z.unknown() },
  },
});
