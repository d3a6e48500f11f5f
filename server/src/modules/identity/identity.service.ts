/**
 * Accounts and sessions: applicant self-registration with NIK, e-mail verification, login with
 * throttling, password reset, staff accounts made by an admin. Every change is audited in its
 * own transaction; tokens and session ids are stored only as SHA-256 hashes. The use-cases live
 * in files of their own; this is the facade routes, other modules and tests call.
 */
import { bindUseCases } from '../../platform/context.ts';
import {
  accountIdsByEmail,
  appointEmployee,
  createAccountWithPassword,
  emailsOfAccounts,
  listOrganizations,
  listOutbox,
  me,
} from './accounts.ts';
import { addressBlocks, clearLoginLockouts, liftAddressBlock, noteAddressFailure } from './address-blocks.ts';
import { resendVerification, verifyEmail, verifyEmailCode } from './email-verification.ts';
import { DEFAULT_LIMITS, type IdentityContext, type IdentityDeps } from './identity.shared.ts';
import { login } from './login.ts';
import { forgotPassword, resetPassword } from './password-reset.ts';
import { register, registerParticipant } from './register.ts';
import {
  authenticate,
  authenticateKey,
  createSessionState,
  flushTouches,
  forgetSessionsOf,
  listenForSessionEnds,
  logout,
  sessionKey,
} from './sessions.ts';
import { createStaff, listStaff, sendStaffReset, updateStaff } from './staff-accounts.ts';

export type { AddressBlock } from './address-blocks.ts';
export {
  DEFAULT_LIMITS,
  type IdentityContext,
  type IdentityDeps,
  type IdentityLimits,
  maskMailSecrets,
  normalizeEmail,
  sha256,
} from './identity.shared.ts';

/**
 * The identity use-cases bound to one context. The factory fills in the limits and builds the
 * per-instance session state (cache, batched lookup, bulk stamps) once; `limits` stays readable
 * for the session cookie's lifetime.
 */
export function createIdentityService(deps: IdentityDeps) {
  const { limits: partial, ...rest } = deps;
  const ctx: IdentityContext = {
    ...rest,
    limits: { ...DEFAULT_LIMITS, ...partial },
    sessions: createSessionState(deps.db, deps.clock),
  };
  return {
    limits: ctx.limits,
    ...bindUseCases(ctx, {
      register,
      registerParticipant,
      verifyEmail,
      verifyEmailCode,
      resendVerification,
      login,
      authenticate,
      sessionKey,
      authenticateKey,
      listenForSessionEnds,
      flushTouches,
      logout,
      clearLoginLockouts,
      noteAddressFailure,
      addressBlocks,
      liftAddressBlock,
      me,
      forgotPassword,
      resetPassword,
      createStaff,
      createAccountWithPassword,
      listStaff,
      updateStaff,
      appointEmployee,
      forgetSessionsOf,
      sendStaffReset,
      listOutbox,
      listOrganizations,
      accountIdsByEmail,
      emailsOfAccounts,
    }),
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
