/** Identity endpoints: registration, e-mail verification, sessions, passwords, sign-in slowdowns, staff accounts, the outbox, the OPD list. */
import { z } from 'zod';
import { defineEndpoints } from './endpoint.ts';
import {
  AddressBlockList,
  AddressLifted,
  CreateStaffBody,
  EmailBody,
  LiftAddressBody,
  LoginBody,
  OkResponse,
  OrganizationList,
  OutboxList,
  ParticipantRegisterBody,
  RegisterBody,
  ResetPasswordBody,
  SessionResponse,
  StaffAccount,
  StaffAccountList,
  TokenBody,
  UpdateStaffBody,
  VerifyCodeBody,
} from './identity.ts';

/** A registration's answer: the same for a new account and for one already registered. */
export const RegisteredResponse = z.object({ id: z.uuid() });
const Id = z.strictObject({ id: z.uuid() });
const SECURITY = ['committee', 'admin'] as const;

const authEndpoints = defineEndpoints('identity', {
  register: {
    method: 'POST',
    path: '/api/v1/auth/register',
    access: 'public',
    summary: 'Pendaftaran akun pelamar dengan NIK',
    body: RegisterBody,
    responses: { 201: RegisteredResponse },
  },
  registerParticipant: {
    method: 'POST',
    path: '/api/v1/auth/register-participant',
    access: 'public',
    summary: 'Pendaftaran akun warga (tanpa NIK) atau organisasi pemantau',
    body: ParticipantRegisterBody,
    responses: { 201: RegisteredResponse },
  },
  verifyEmail: {
    method: 'POST',
    path: '/api/v1/auth/verify-email',
    access: 'public',
    summary: 'Verifikasi email dengan token',
    body: TokenBody,
    responses: { 200: OkResponse },
  },
  verifyEmailCode: {
    method: 'POST',
    path: '/api/v1/auth/verify-email-code',
    access: 'public',
    summary: 'Verifikasi email dengan kode 6 angka',
    body: VerifyCodeBody,
    responses: { 200: OkResponse },
  },
  resendVerification: {
    method: 'POST',
    path: '/api/v1/auth/resend-verification',
    access: 'public',
    summary: 'Kirim ulang email verifikasi',
    body: EmailBody,
    responses: { 200: OkResponse },
  },
  login: {
    method: 'POST',
    path: '/api/v1/auth/login',
    access: 'public',
    summary: 'Masuk dengan email atau NIK',
    body: LoginBody,
    responses: { 200: SessionResponse },
  },
  logout: {
    method: 'POST',
    path: '/api/v1/auth/logout',
    access: 'signed-in',
    summary: 'Keluar',
    responses: { 200: OkResponse },
  },
  forgotPassword: {
    method: 'POST',
    path: '/api/v1/auth/forgot-password',
    access: 'public',
    summary: 'Minta tautan atur ulang kata sandi',
    body: EmailBody,
    responses: { 200: OkResponse },
  },
  resetPassword: {
    method: 'POST',
    path: '/api/v1/auth/reset-password',
    access: 'public',
    summary: 'Atur ulang kata sandi dengan token',
    body: ResetPasswordBody,
    responses: { 200: OkResponse },
  },
  me: {
    method: 'GET',
    path: '/api/v1/me',
    access: 'signed-in',
    summary: 'Akun yang sedang masuk',
    responses: { 200: SessionResponse },
  },
  // Issue 24 §1: addresses whose failed sign-ins are slowed, and lifting that (committee, admin).
  addressBlocks: {
    method: 'GET',
    path: '/api/v1/security/address-blocks',
    access: SECURITY,
    summary: 'Alamat jaringan dengan kegagalan masuk (yang diperlambat lebih dulu)',
    responses: { 200: AddressBlockList },
  },
  liftAddressBlock: {
    method: 'POST',
    path: '/api/v1/security/address-blocks/lift',
    access: SECURITY,
    summary: 'Cabut perlambatan masuk satu alamat jaringan, dengan alasan (dicatat di log audit)',
    body: LiftAddressBody,
    responses: { 200: AddressLifted },
  },
});

const adminEndpoints = defineEndpoints('identity', {
  staffAccounts: {
    method: 'GET',
    path: '/api/v1/admin/accounts',
    access: ['admin'],
    summary: 'Daftar akun petugas',
    responses: { 200: StaffAccountList },
  },
  createStaff: {
    method: 'POST',
    path: '/api/v1/admin/accounts',
    access: ['admin'],
    summary: 'Buat akun petugas (aktivasi lewat email)',
    body: CreateStaffBody,
    responses: { 201: StaffAccount },
  },
  updateStaff: {
    method: 'PATCH',
    path: '/api/v1/admin/accounts/:id',
    access: ['admin'],
    summary: 'Ubah akun petugas: nama, peran, OPD, nonaktif (dicatat di log audit)',
    params: Id,
    body: UpdateStaffBody,
    responses: { 200: StaffAccount },
  },
  sendStaffReset: {
    method: 'POST',
    path: '/api/v1/admin/accounts/:id/reset',
    access: ['admin'],
    summary: 'Kirim tautan atur ulang kata sandi ke petugas',
    params: Id,
    responses: { 200: OkResponse },
  },
  outbox: {
    method: 'GET',
    path: '/api/v1/admin/outbox',
    access: ['admin'],
    summary: 'Kotak keluar email (tanpa SMTP, email dibaca di sini)',
    responses: { 200: OutboxList },
  },
});

// The OPD list sits under the public tag in the API document, as it always has.
const publicEndpoints = defineEndpoints('public', {
  organizations: {
    method: 'GET',
    path: '/api/v1/public/organizations',
    access: 'public',
    summary: 'Daftar OPD Pemerintah Kota Palu',
    responses: { 200: OrganizationList },
  },
});

export const identityEndpoints = { ...authEndpoints, ...adminEndpoints, ...publicEndpoints };
