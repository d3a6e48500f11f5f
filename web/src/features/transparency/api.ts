/** Public audit log endpoints (no account needed). */
import { api } from '../../app/api.ts';

export interface Checkpoint {
  treeSize: number;
  rootHash: string;
  keyId: string;
  publicKeyPem: string;
  signature: string;
  signedMessage: string;
  createdAt: string;
}

export interface AuditEvent {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  prevHash: string;
  hash: string;
}

export const transparencyApi = {
  checkpoints: (limit = 20) => api<{ checkpoints: Checkpoint[] }>(`/api/v1/public/audit/checkpoints?limit=${limit}`),
  events: (after = 0, limit = 200) => api<{ events: AuditEvent[] }>(`/api/v1/public/audit/events?after=${after}&limit=${limit}`),
};
