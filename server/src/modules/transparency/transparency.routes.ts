/** Public audit endpoints: anyone can fetch the events and the signed checkpoints and recompute them. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { auditRepository as repo } from './audit.repository.ts';
import { checkpointMessage } from './audit-signer.ts';

const Checkpoint = z.object({
  treeSize: z.number().int(),
  rootHash: z.string(),
  keyId: z.string(),
  publicKeyPem: z.string(),
  signature: z.string(),
  signedMessage: z.string(),
  createdAt: z.string(),
});
const AuditEvent = z.object({
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

export function transparencyRoutes(db: Kysely<DB>): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['transparency'];

    app.get('/api/v1/public/audit/checkpoints', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Checkpoint Merkle log audit yang ditandatangani (RFC 6962, Ed25519)',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        response: { 200: z.object({ checkpoints: z.array(Checkpoint) }) },
      },
    }, async (req) => ({
      checkpoints: (await repo.checkpoints(db, req.query.limit)).map((c) => ({
        treeSize: c.tree_size,
        rootHash: c.root_hash,
        keyId: c.key_id,
        publicKeyPem: c.public_key_pem,
        signature: c.signature,
        signedMessage: checkpointMessage(c.tree_size, c.root_hash),
        createdAt: new Date(c.created_at).toISOString(),
      })),
    }));

    app.get('/api/v1/public/audit/events', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Kejadian log audit berurutan (tanpa data pribadi)',
        querystring: z.strictObject({
          after: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.object({ events: z.array(AuditEvent) }) },
      },
    }, async (req) => ({
      events: (await repo.page(db, req.query.after, req.query.limit)).map((e) => ({
        seq: e.seq,
        occurredAt: new Date(e.occurred_at).toISOString(),
        actorId: e.actor_id,
        actorRole: e.actor_role,
        action: e.action,
        subjectType: e.subject_type,
        subjectId: e.subject_id,
        beforeDigest: e.before_digest,
        afterDigest: e.after_digest,
        prevHash: e.prev_hash,
        hash: e.hash,
      })),
    }));
  };
}
