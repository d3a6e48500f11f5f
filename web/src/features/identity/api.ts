/** Identity endpoints: registration, verification, sessions, passwords, staff accounts, outbox. */
import type { z } from 'zod';
import type {
  AddressBlockList,
  AddressLifted,
  CreateStaffBody,
  Me,
  OrganizationList,
  OutboxList,
  ParticipantRegisterBody,
  RegisterBody,
  StaffAccount,
  StaffAccountList,
  UpdateStaffBody,
} from '../../../../common/contracts/identity.ts';
import { api, ApiError } from '../../app/api.ts';

type Ok = { ok: true; message?: string };

export const identityApi = {
  /** The signed-in account, or null when nobody is signed in (401). */
  async me(): Promise<Me | null> {
    try {
      return (await api<{ account: Me }>('/api/v1/me')).account;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  register: (body: RegisterBody) => api<{ id: string }>('/api/v1/auth/register', { method: 'POST', body }),
  registerParticipant: (body: ParticipantRegisterBody) => api<{ id: string }>('/api/v1/auth/register-participant', { method: 'POST', body }),
  verifyEmail: (token: string) => api<Ok>('/api/v1/auth/verify-email', { method: 'POST', body: { token } }),
  verifyEmailCode: (body: { email: string; code: string }) => api<Ok>('/api/v1/auth/verify-email-code', { method: 'POST', body }),
  resendVerification: (email: string) => api<Ok>('/api/v1/auth/resend-verification', { method: 'POST', body: { email } }),
  login: (body: { identifier: string; password: string }) =>
    api<{ account: Me }>('/api/v1/auth/login', { method: 'POST', body }),
  logout: () => api<Ok>('/api/v1/auth/logout', { method: 'POST' }),
  forgotPassword: (email: string) => api<Ok>('/api/v1/auth/forgot-password', { method: 'POST', body: { email } }),
  resetPassword: (body: { token: string; password: string }) => api<Ok>('/api/v1/auth/reset-password', { method: 'POST', body }),
  organizations: () => api<z.infer<typeof OrganizationList>>('/api/v1/public/organizations'),
  staffAccounts: () => api<z.infer<typeof StaffAccountList>>('/api/v1/admin/accounts'),
  createStaff: (body: z.infer<typeof CreateStaffBody>) => api<{ id: string }>('/api/v1/admin/accounts', { method: 'POST', body }),
  updateStaff: (id: string, body: UpdateStaffBody) => api<z.infer<typeof StaffAccount>>(`/api/v1/admin/accounts/${id}`, { method: 'PATCH', body }),
  sendStaffReset: (id: string) => api<Ok>(`/api/v1/admin/accounts/${id}/reset`, { method: 'POST' }),
  /** Issue 24 §1: addresses with failed sign-ins (committee, admin), and lifting a slowdown. */
  addressBlocks: () => api<z.infer<typeof AddressBlockList>>('/api/v1/security/address-blocks'),
  liftAddressBlock: (body: { address: string; reason: string }) => api<z.infer<typeof AddressLifted>>('/api/v1/security/address-blocks/lift', { method: 'POST', body }),
  outbox: () => api<z.infer<typeof OutboxList>>('/api/v1/admin/outbox'),
};
