/** HTTP for accounts and sessions, registered from the declarations in common/contracts/identity.endpoints.ts. */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { identityEndpoints as E } from '../../../../common/contracts/identity.endpoints.ts';
import { route } from '../../http/endpoints.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/session.ts';
import type { IdentityService } from './identity.service.ts';

const ok = (message?: string) => ({ ok: true as const, ...(message ? { message } : {}) });

/** Registration and e-mail verification (anyone). */
function registrationRoutes(app: FastifyInstance, identity: IdentityService) {
  route(app, E.register, (req) => identity.register(req.body, req.ip));
  route(app, E.registerParticipant, (req) => identity.registerParticipant(req.body, req.ip));
  route(app, E.verifyEmail, async (req) => {
    await identity.verifyEmail(req.body.token);
    return ok();
  });
  route(app, E.verifyEmailCode, async (req) => {
    await identity.verifyEmailCode(req.body, req.ip);
    return ok();
  });
  route(app, E.resendVerification, async (req) => {
    await identity.resendVerification(req.body.email);
    return ok();
  });
}

/** Signing in and out, the signed-in account, and passwords. */
function sessionRoutes(app: FastifyInstance, identity: IdentityService, opts: { cookieSecure: boolean }) {
  route(app, E.login, async (req, reply) => {
    const { token, account } = await identity.login(req.body.identifier, req.body.password, req.ip);
    setSessionCookie(reply, token, {
      secure: opts.cookieSecure,
      maxAgeSeconds: identity.limits.sessionAbsoluteMs / 1000,
    });
    return { account };
  });
  route(app, E.logout, async (req, reply) => {
    await identity.logout(req.sessionToken!, req.actor!);
    clearSessionCookie(reply);
    return ok();
  });
  route(app, E.forgotPassword, async (req) => {
    await identity.forgotPassword(req.body.email);
    return ok();
  });
  route(app, E.resetPassword, async (req) => {
    await identity.resetPassword(req.body.token, req.body.password, req.actor);
    return ok();
  });
  route(app, E.me, async (req) => ({ account: await identity.me(req.actor!) }));
}

/** Issue 24 §1: addresses whose failed sign-ins are slowed, and lifting that (committee, admin). */
function addressBlockRoutes(app: FastifyInstance, identity: IdentityService) {
  route(app, E.addressBlocks, async () => ({ addresses: await identity.addressBlocks() }));
  route(app, E.liftAddressBlock, async (req) => ({
    address: req.body.address,
    cleared: await identity.liftAddressBlock(req.actor!, req.body.address, req.body.reason),
  }));
}

/** The admin's staff accounts and outbox, and the public OPD list. */
function adminRoutes(app: FastifyInstance, identity: IdentityService) {
  route(app, E.staffAccounts, async () => ({ accounts: await identity.listStaff() }));
  route(app, E.createStaff, (req) => identity.createStaff(req.actor!, req.body));
  route(app, E.updateStaff, (req) => identity.updateStaff(req.actor!, req.params.id, req.body));
  route(app, E.sendStaffReset, async (req) => {
    await identity.sendStaffReset(req.actor!, req.params.id);
    return ok();
  });
  route(app, E.outbox, () => identity.listOutbox());
  route(app, E.organizations, async () => ({ organizations: await identity.listOrganizations() }));
}

/** The identity routes as one plugin; the session cookie is `Secure` when `cookieSecure`. */
export function identityRoutes(identity: IdentityService, opts: { cookieSecure: boolean }): FastifyPluginAsync {
  return async (app) => {
    registrationRoutes(app, identity);
    sessionRoutes(app, identity, opts);
    addressBlockRoutes(app, identity);
    adminRoutes(app, identity);
  };
}
