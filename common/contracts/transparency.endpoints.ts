/** Public audit endpoints: anyone can fetch the events and the signed checkpoints and recompute them. */
import { z } from 'zod';
import { defineEndpoints } from './endpoint.ts';

export const AuditCheckpoint = z.object({
  treeSize: z.number().int(),
  rootHash: z.string(),
  keyId: z.string(),
  publicKeyPem: z.string(),
  signature: z.string(),
  signedMessage: z.string(),
  createdAt: z.string(),
});
export const AuditEventView = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  beforeDigest: z.string().nullable(),
  afterDigest: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

export const transparencyEndpoints = defineEndpoints('transparency', {
  checkpoints: {
    method: 'GET',
    path: '/api/v1/public/audit/checkpoints',
    access: 'public',
    summary: 'Checkpoint Merkle log audit yang ditandatangani (RFC 6962, Ed25519)',
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
    responses: { 200: z.object({ checkpoints: z.array(AuditCheckpoint) }) },
  },
  events: {
    method: 'GET',
    path: '/api/v1/public/audit/events',
    access: 'public',
    summary: 'Kejadian log audit berurutan (tanpa data pribadi)',
    query: z.strictObject({
      after: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
    responses: { 200: z.object({ events: z.array(AuditEventView) }) },
  },
});
