/** Public audit log endpoints (no account needed); types come from the contract the server answers with. */
import type { z } from 'zod';
import {
  type AuditCheckpoint,
  type AuditEventView,
  transparencyEndpoints as E,
} from '../../../../common/contracts/transparency.endpoints.ts';
import { call } from '../../app/client.ts';

export type Checkpoint = z.infer<typeof AuditCheckpoint>;
export type AuditEvent = z.infer<typeof AuditEventView>;

export const transparencyApi = {
  checkpoints: (limit = 20) => call(E.checkpoints, { query: { limit } }),
  events: (after = 0, limit = 200) => call(E.events, { query: { after, limit } }),
};
