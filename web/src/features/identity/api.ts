/** Identity endpoints: registration, verification, sessions, passwords, staff accounts, outbox — called by their declarations. */
import type { ArgsOf } from '../../../../common/contracts/endpoint.ts';
import type { Me } from '../../../../common/contracts/identity.ts';
import { identityEndpoints as E } from '../../../../common/contracts/identity.endpoints.ts';
import { ApiError } from '../../app/api.ts';
import { call } from '../../app/client.ts';

/** The body an endpoint takes, as the web sends it (its schema's input). */
type BodyOf<K extends keyof typeof E> =
  ArgsOf<(typeof E)[K]> extends { body?: infer B } ? Exclude<B, undefined> : never;

export const identityApi = {
  /** The signed-in account, or null when nobody is signed in (401). */
  async me(): Promise<Me | null> {
    try {
      return (await call(E.me)).account;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  register: (body: BodyOf<'register'>) => call(E.register, { body }),
  registerParticipant: (body: BodyOf<'registerParticipant'>) => call(E.registerParticipant, { body }),
  verifyEmail: (token: string) => call(E.verifyEmail, { body: { token } }),
  verifyEmailCode: (body: BodyOf<'verifyEmailCode'>) => call(E.verifyEmailCode, { body }),
  resendVerification: (email: string) => call(E.resendVerification, { body: { email } }),
  login: (body: BodyOf<'login'>) => call(E.login, { body }),
  logout: () => call(E.logout),
  forgotPassword: (email: string) => call(E.forgotPassword, { body: { email } }),
  resetPassword: (body: BodyOf<'resetPassword'>) => call(E.resetPassword, { body }),
  organizations: () => call(E.organizations),
  staffAccounts: () => call(E.staffAccounts),
  createStaff: (body: BodyOf<'createStaff'>) => call(E.createStaff, { body }),
  updateStaff: (id: string, body: BodyOf<'updateStaff'>) => call(E.updateStaff, { params: { id }, body }),
  sendStaffReset: (id: string) => call(E.sendStaffReset, { params: { id } }),
  /** Issue 24 §1: addresses with failed sign-ins (committee, admin), and lifting a slowdown. */
  addressBlocks: () => call(E.addressBlocks),
  liftAddressBlock: (body: BodyOf<'liftAddressBlock'>) => call(E.liftAddressBlock, { body }),
  outbox: () => call(E.outbox),
};
