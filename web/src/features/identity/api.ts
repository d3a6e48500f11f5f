/** Identity endpoints: registration, verification, sessions, passwords, staff accounts, outbox — called by their declarations. */
import type { ArgsOf } from '../../../../common/contracts/endpoint.ts';
import type { Me } from '../../../../common/contracts/identity.ts';
import type { identityEndpoints } from '../../../../common/contracts/identity.endpoints.ts';
import { ApiError } from '../../app/api.ts';
import { call } from '../../app/client.ts';

type E = typeof identityEndpoints;
/** The body an endpoint takes, as the web sends it (its schema's input). */
type BodyOf<K extends keyof E> = ArgsOf<E[K]> extends { body?: infer B } ? Exclude<B, undefined> : never;

/**
 * The declarations load with their first call, not with the page: every page asks who is signed
 * in, and the declarations' zod schemas would otherwise weigh on everyone's first load.
 */
let declarations: Promise<E> | undefined;
const endpoints = () =>
  (declarations ??= import('../../../../common/contracts/identity.endpoints.ts').then((m) => m.identityEndpoints));

export const identityApi = {
  /** The signed-in account, or null when nobody is signed in (401). */
  async me(): Promise<Me | null> {
    try {
      return (await call((await endpoints()).me)).account;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  register: async (body: BodyOf<'register'>) => call((await endpoints()).register, { body }),
  registerParticipant: async (body: BodyOf<'registerParticipant'>) =>
    call((await endpoints()).registerParticipant, { body }),
  verifyEmail: async (token: string) => call((await endpoints()).verifyEmail, { body: { token } }),
  verifyEmailCode: async (body: BodyOf<'verifyEmailCode'>) => call((await endpoints()).verifyEmailCode, { body }),
  resendVerification: async (email: string) => call((await endpoints()).resendVerification, { body: { email } }),
  login: async (body: BodyOf<'login'>) => call((await endpoints()).login, { body }),
  logout: async () => call((await endpoints()).logout),
  forgotPassword: async (email: string) => call((await endpoints()).forgotPassword, { body: { email } }),
  resetPassword: async (body: BodyOf<'resetPassword'>) => call((await endpoints()).resetPassword, { body }),
  organizations: async () => call((await endpoints()).organizations),
  staffAccounts: async () => call((await endpoints()).staffAccounts),
  createStaff: async (body: BodyOf<'createStaff'>) => call((await endpoints()).createStaff, { body }),
  updateStaff: async (id: string, body: BodyOf<'updateStaff'>) =>
    call((await endpoints()).updateStaff, { params: { id }, body }),
  sendStaffReset: async (id: string) => call((await endpoints()).sendStaffReset, { params: { id } }),
  /** Issue 24 §1: addresses with failed sign-ins (committee, admin), and lifting a slowdown. */
  addressBlocks: async () => call((await endpoints()).addressBlocks),
  liftAddressBlock: async (body: BodyOf<'liftAddressBlock'>) => call((await endpoints()).liftAddressBlock, { body }),
  outbox: async () => call((await endpoints()).outbox),
};
