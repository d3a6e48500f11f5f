export { createPolicyService, type PolicyService } from './policy.service.ts';
export { policyRoutes } from './policy.routes.ts';
export { milestonesDueFor } from './policy.reads.ts';
