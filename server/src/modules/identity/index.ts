export { createIdentityService, type IdentityService, type IdentityLimits } from './identity.service.ts';
export { identityRoutes } from './identity.routes.ts';
export type { Actor } from './identity.policy.ts';
export { activeStaffAccounts } from './identity.reads.ts';
