/** HTTP for accounts and sessions: validate, authorize (route access), call one service function. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddressBlockList,
  AddressLifted,
  CreateStaffBody,
  LiftAddressBody,
  EmailBody,
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
  VerifyCodeBody,
  UpdateStaffBody,
} from '../../../../common/contracts/identity.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/session.ts';
import type { IdentityService } from './identity.service.ts';

const ok = (message?: string) => ({ ok: true as const, ...(message ? { message } : {}) });

export function identityRoutes(identity: IdentityService, opts: { cookieSecure: boolean }): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['identity'];

    app.post('/api/v1/auth/register', {
      config: { access: 'public' },
      schema: { tags, summary: 'Pendaftaran akun pelamar dengan NIK', body: RegisterBody, response: { 201: z.object({ id: z.uuid() }) } },
    }, async (req, reply) => reply.status(201).send(await identity.register(req.body, req.ip)));

    app.post('/api/v1/auth/register-participant', {
      config: { access: 'public' },
      schema: { tags, summary: 'Pendaftaran akun warga (tanpa NIK) atau organisasi pemantau', body: ParticipantRegisterBody, response: { 201: z.object({ id: z.uuid() }) } },
    }, async (req, reply) => reply.status(201).send(await identity.registerParticipant(req.body, req.ip)));

    app.post('/api/v1/auth/verify-email', {
      config: { access: 'public' },
      schema: { tags, summary: 'Verifikasi email dengan token', body: TokenBody, response: { 200: OkResponse } },
    }, async (req) => {
      await identity.verifyEmail(req.body.token);
      return ok();
    });

    app.post('/api/v1/auth/verify-email-code', {
      config: { access: 'public' },
      schema: { tags, summary: 'Verifikasi email dengan kode 6 angka', body: VerifyCodeBody, response: { 200: OkResponse } },
    }, async (req) => {
      await identity.verifyEmailCode(req.body, req.ip);
      return ok();
    });

    app.post('/api/v1/auth/resend-verification', {
      config: { access: 'public' },
      schema: { tags, summary: 'Kirim ulang email verifikasi', body: EmailBody, response: { 200: OkResponse } },
    }, async (req) => {
      await identity.resendVerification(req.body.email);
      return ok();
    });

    app.post('/api/v1/auth/login', {
      config: { access: 'public' },
      schema: { tags, summary: 'Masuk dengan email atau NIK', body: LoginBody, response: { 200: SessionResponse } },
    }, async (req, reply) => {
      const { token, account } = await identity.login(req.body.identifier, req.body.password, req.ip);
      setSessionCookie(reply, token, { secure: opts.cookieSecure, maxAgeSeconds: identity.limits.sessionAbsoluteMs / 1000 });
      return { account };
    });

    // Issue 24 §1: addresses whose failed sign-ins are slowed, and lifting that (committee, admin).
    app.get('/api/v1/security/address-blocks', {
      config: { access: ['committee', 'admin'] },
      schema: { tags, summary: 'Alamat jaringan dengan kegagalan masuk (yang diperlambat lebih dulu)', response: { 200: AddressBlockList } },
    }, async () => ({ addresses: await identity.addressBlocks() }));

    app.post('/api/v1/security/address-blocks/lift', {
      config: { access: ['committee', 'admin'] },
      schema: { tags, summary: 'Cabut perlambatan masuk satu alamat jaringan, dengan alasan (dicatat di log audit)', body: LiftAddressBody, response: { 200: AddressLifted } },
    }, async (req) => ({ address: req.body.address, cleared: await identity.liftAddressBlock(req.actor!, req.body.address, req.body.reason) }));

    app.post('/api/v1/auth/logout', {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Keluar', response: { 200: OkResponse } },
    }, async (req, reply) => {
      await identity.logout(req.sessionToken!, req.actor!);
      clearSessionCookie(reply);
      return ok();
    });

    app.post('/api/v1/auth/forgot-password', {
      config: { access: 'public' },
      schema: { tags, summary: 'Minta tautan atur ulang kata sandi', body: EmailBody, response: { 200: OkResponse } },
    }, async (req) => {
      await identity.forgotPassword(req.body.email);
      return ok();
    });

    app.post('/api/v1/auth/reset-password', {
      config: { access: 'public' },
      schema: { tags, summary: 'Atur ulang kata sandi dengan token', body: ResetPasswordBody, response: { 200: OkResponse } },
    }, async (req) => {
      await identity.resetPassword(req.body.token, req.body.password, req.actor);
      return ok();
    });

    app.get('/api/v1/me', {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Akun yang sedang masuk', response: { 200: SessionResponse } },
    }, async (req) => ({ account: await identity.me(req.actor!) }));

    app.get('/api/v1/admin/accounts', {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Daftar akun petugas', response: { 200: StaffAccountList } },
    }, async () => ({ accounts: await identity.listStaff() }));

    app.post('/api/v1/admin/accounts', {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Buat akun petugas (aktivasi lewat email)', body: CreateStaffBody, response: { 201: StaffAccount } },
    }, async (req, reply) => reply.status(201).send(await identity.createStaff(req.actor!, req.body)));

    app.patch('/api/v1/admin/accounts/:id', {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Ubah akun petugas: nama, peran, OPD, nonaktif (dicatat di log audit)', params: z.strictObject({ id: z.uuid() }), body: UpdateStaffBody, response: { 200: StaffAccount } },
    }, async (req) => identity.updateStaff(req.actor!, req.params.id, req.body));

    app.post('/api/v1/admin/accounts/:id/reset', {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Kirim tautan atur ulang kata sandi ke petugas', params: z.strictObject({ id: z.uuid() }), response: { 200: OkResponse } },
    }, async (req) => {
      await identity.sendStaffReset(req.actor!, req.params.id);
      return ok();
    });

    app.get('/api/v1/admin/outbox', {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Kotak keluar email (tanpa SMTP, email dibaca di sini)', response: { 200: OutboxList } },
    }, async () => identity.listOutbox());

    app.get('/api/v1/public/organizations', {
      config: { access: 'public' },
      schema: { tags: ['public'], summary: 'Daftar OPD Pemerintah Kota Palu', response: { 200: OrganizationList } },
    }, async () => ({ organizations: await identity.listOrganizations() }));
  };
}
