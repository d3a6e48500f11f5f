/** Public audit endpoints, registered from the declarations in common/contracts/transparency.endpoints.ts. */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { transparencyEndpoints as E } from '../../../../common/contracts/transparency.endpoints.ts';
import type { DB } from '../../db/schema.ts';
import { route } from '../../http/endpoints.ts';
import { auditRepository as repo } from './audit.repository.ts';
import { checkpointMessage } from './audit-signer.ts';

type CheckpointRow = Awaited<ReturnType<typeof repo.checkpoints>>[number];
type EventRow = Awaited<ReturnType<typeof repo.page>>[number];

const presentCheckpoint = (c: CheckpointRow) => ({
  treeSize: c.tree_size,
  rootHash: c.root_hash,
  keyId: c.key_id,
  publicKeyPem: c.public_key_pem,
  signature: c.signature,
  signedMessage: checkpointMessage(c.tree_size, c.root_hash),
  createdAt: new Date(c.created_at).toISOString(),
});

const presentEvent = (e: EventRow) => ({
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
});

export function transparencyRoutes(db: Kysely<DB>): FastifyPluginAsync {
  return async (app) => {
    route(app, E.checkpoints, async (req) => ({
      checkpoints: (await repo.checkpoints(db, req.query.limit)).map(presentCheckpoint),
    }));
    route(app, E.events, async (req) => ({
      events: (await repo.page(db, req.query.after, req.query.limit)).map(presentEvent),
    }));
  };
}
