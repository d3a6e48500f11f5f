/**
 * Admin account management: edit, role change, deactivation (sessions end at once), reset link,
 * each audited with the admin as the actor; an admin cannot lock themself out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestContext, latestTokenFor, signedInAgent, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let admin: Agent;
let adminId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedInAgent(ctx, 'admin');
  adminId = (await admin.get('/api/v1/me')).json().account.id;
});
afterAll(() => ctx?.close());

async function staffMember(role: 'verifier' | 'proctor' = 'verifier') {
  const agent = await signedInAgent(ctx, role);
  const id = (await agent.get('/api/v1/me')).json().account.id as string;
  return { agent, id };
}

const auditOf = (id: string) =>
  ctx.database.db
    .selectFrom('audit_events')
    .select(['action', 'actor_id'])
    .where('subject_id', '=', id)
    .orderBy('seq')
    .execute();

describe('admin account management', () => {
  it('edits the name and OPD, refusing an unknown OPD by field', async () => {
    const { id } = await staffMember();
    const ok = await admin.patch(`/api/v1/admin/accounts/${id}`, {
      fullName: 'Andi Tadulako, S.Kom.',
      organizationId: 'kominfo',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ fullName: 'Andi Tadulako, S.Kom.', organizationId: 'kominfo', disabled: false });
    const bad = await admin.patch(`/api/v1/admin/accounts/${id}`, { organizationId: 'bukan-opd' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('organizationId');
    expect((await auditOf(id)).filter((e) => e.action === 'account.update_staff')).toEqual([
      { action: 'account.update_staff', actor_id: adminId },
    ]);
  });

  it('changes a role and ends the person’s sessions at once', async () => {
    const { agent, id } = await staffMember('verifier');
    expect((await agent.get('/api/v1/verification/reasons')).statusCode).toBe(200);
    const res = await admin.patch(`/api/v1/admin/accounts/${id}`, { role: 'proctor' });
    expect(res.json().role).toBe('proctor');
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
    expect((await auditOf(id)).map((e) => e.action)).toContain('account.change_role');
  });

  it('deactivates (sessions end, sign-in refused) and reactivates', async () => {
    const { agent, id } = await staffMember();
    const email = (await agent.get('/api/v1/me')).json().account.email;
    expect((await admin.patch(`/api/v1/admin/accounts/${id}`, { disabled: true })).json().disabled).toBe(true);
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
    const login = await new Agent(ctx.app).post('/api/v1/auth/login', {
      identifier: email,
      password: 'sandi-uji-yang-panjang-sekali',
    });
    expect(login.statusCode).not.toBe(200);
    expect((await admin.post(`/api/v1/admin/accounts/${id}/reset`)).statusCode).toBe(409);
    expect((await admin.patch(`/api/v1/admin/accounts/${id}`, { disabled: false })).json().disabled).toBe(false);
    const again = await new Agent(ctx.app).post('/api/v1/auth/login', {
      identifier: email,
      password: 'sandi-uji-yang-panjang-sekali',
    });
    expect(again.statusCode).toBe(200);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['account.deactivate', 'account.reactivate']),
    );
  });

  it('sends a reset link the person uses; the admin is the audited actor of the request', async () => {
    const { id, agent } = await staffMember();
    const email = (await agent.get('/api/v1/me')).json().account.email;
    expect((await admin.post(`/api/v1/admin/accounts/${id}/reset`)).statusCode).toBe(200);
    const token = await latestTokenFor(ctx.database, email);
    expect(
      (await new Agent(ctx.app).post('/api/v1/auth/reset-password', { token, password: 'sandi baru verifikator palu' }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await new Agent(ctx.app).post('/api/v1/auth/login', {
          identifier: email,
          password: 'sandi baru verifikator palu',
        })
      ).statusCode,
    ).toBe(200);
    expect((await auditOf(id)).find((e) => e.action === 'account.send_reset')?.actor_id).toBe(adminId);
  });

  it('refuses to let an admin demote or deactivate themself, and hides applicants', async () => {
    expect((await admin.patch(`/api/v1/admin/accounts/${adminId}`, { disabled: true })).statusCode).toBe(409);
    expect((await admin.patch(`/api/v1/admin/accounts/${adminId}`, { role: 'observer' })).statusCode).toBe(409);
    expect((await admin.patch(`/api/v1/admin/accounts/${adminId}`, { fullName: 'Admin BKPSDM Palu' })).statusCode).toBe(
      200,
    );
    const applicant = await signedInAgent(ctx, 'applicant');
    const applicantId = (await applicant.get('/api/v1/me')).json().account.id;
    expect((await admin.patch(`/api/v1/admin/accounts/${applicantId}`, { role: 'committee' })).statusCode).toBe(404);
  });
});
