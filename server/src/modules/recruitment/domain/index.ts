/** Pure recruitment rules (no I/O, no clock): rule sets, eligibility, sessions, statuses, numbers. */
export * from './rule-set.ts';
export * from './tms-reasons.ts';
export * from './eligibility.ts';
export * from './uploads.ts';
export * from './session-assignment.ts';
export * from './application-status.ts';
export * from './participant-number.ts';
