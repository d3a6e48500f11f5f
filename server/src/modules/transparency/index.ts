export {
  createAuditService,
  SYSTEM_ACTOR,
  type AuditService,
  type AuditActor,
  type AuditInput,
} from './audit.service.ts';
export { loadAuditSigner, type AuditSigner } from './audit-signer.ts';
export { transparencyRoutes } from './transparency.routes.ts';
