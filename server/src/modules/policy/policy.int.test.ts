/**
 * Policy follow-up through the API: BKPSDM records a central policy and its local action plan,
 * the responsible OPD's supervisor — and nobody of another OPD — moves its milestones, adds
 * evidence and answers for a late one (lateness counted in Palu's working days); the public page
 * shows the roll-up, the timeline, only the evidence marked public, and the answers. Audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, shiftDate } from '../../../../common/rules/calendar.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let admin: Agent;
let kominfo: Agent;
let bkpsdmSupervisor: Agent;
let anonymous: Agent;
let policyId: string;
let lateId: string;
let laterId: string;

async function supervisorOf(organizationId: string) {
  const email = `atasan.${organizationId}.${Date.now()}@merit.test`;
  await ctx.services.identity.createAccountWithPassword({
    email,
    fullName: `Atasan ${organizationId}`,
    role: 'supervisor',
    password: 'sandi-uji-yang-panjang-sekali',
    organizationId,
  });
  const agent = new Agent(ctx.app);
  const res = await agent.post('/api/v1/auth/login', { identifier: email, password: 'sandi-uji-yang-panjang-sekali' });
  if (res.statusCode !== 200) throw new Error(res.body);
  return agent;
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedInAgent(ctx, 'admin');
  bkpsdmSupervisor = await signedInAgent(ctx, 'supervisor');
  kominfo = await supervisorOf('kominfo');
  anonymous = new Agent(ctx.app);
});
afterAll(() => ctx?.close());

const count = async (action: string) =>
  (await ctx.database.db.selectFrom('audit_events').select('seq').where('action', '=', action).execute()).length;

describe('policy follow-up', () => {
  it('BKPSDM records a policy once and its action plan with milestones; bad input changes nothing', async () => {
    const body = {
      number: 'SE MenPANRB 20/2021',
      title: 'Implementasi Core Values dan Employer Branding ASN',
      issuedOn: '2021-07-26',
      issuer: 'kemenpanrb',
      summary: 'BerAKHLAK dan "Bangga Melayani Bangsa".',
    };
    const created = await admin.post('/api/v1/policies', body);
    expect(created.statusCode, created.body).toBe(201);
    policyId = created.json().id;
    expect((await admin.post('/api/v1/policies', body)).statusCode).toBe(409);
    expect((await admin.post('/api/v1/policies', { ...body, number: 'X', issuer: 'dpr' })).statusCode).toBe(400);
    const today = localDate(ctx.clock.now());
    const bad = await admin.post(`/api/v1/policies/${policyId}/actions`, {
      title: 'Aksi',
      organizationId: 'tidak-ada',
      milestones: [],
    });
    expect(bad.statusCode).toBe(400);
    const action = await admin.post(`/api/v1/policies/${policyId}/actions`, {
      title: 'Internalisasi BerAKHLAK di Diskominfo',
      organizationId: 'kominfo',
      milestones: [
        { title: 'Sosialisasi ke seluruh pegawai', dueOn: shiftDate(today, -21) },
        { title: 'Laporan evaluasi penerapan', dueOn: shiftDate(today, 30) },
      ],
    });
    expect(action.statusCode, action.body).toBe(201);
    expect(
      (await kominfo.post(`/api/v1/policies/${policyId}/actions`, { title: 'Aksi', organizationId: 'kominfo' }))
        .statusCode,
    ).toBe(404);
    const view = (await kominfo.get(`/api/v1/policies/${policyId}`)).json();
    expect(view.progress).toEqual({ done: 0, total: 2, percent: 0, late: 1 });
    expect(view.actions[0]).toMatchObject({ organization: { id: 'kominfo' }, canUpdate: true });
    [lateId, laterId] = view.actions[0].milestones.map((m: { id: string }) => m.id);
    expect(view.actions[0].milestones[0]).toMatchObject({ status: 'planned', late: true });
    expect(view.actions[0].milestones[0].workingDaysLate).toBeGreaterThanOrEqual(10);
    expect((await bkpsdmSupervisor.get(`/api/v1/policies/${policyId}`)).json().actions[0].canUpdate).toBe(false);
  });

  it('only the responsible OPD updates; an answer only for a late milestone; public evidence needs a link', async () => {
    expect((await bkpsdmSupervisor.patch(`/api/v1/policy-milestones/${lateId}`, { status: 'done' })).statusCode).toBe(
      404,
    );
    const early = await kominfo.patch(`/api/v1/policy-milestones/${laterId}`, { lateAnswer: 'Belum terlambat' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(/melewati tenggat hari kerja/);
    expect((await kominfo.patch(`/api/v1/policy-milestones/${lateId}`, { evidencePublic: true })).statusCode).toBe(400);
    const answer = await kominfo.patch(`/api/v1/policy-milestones/${lateId}`, {
      lateAnswer: 'Jadwal bergeser karena pemulihan layanan pascabanjir; sosialisasi dipindah ke apel pagi.',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const done = (
      await kominfo.patch(`/api/v1/policy-milestones/${lateId}`, {
        status: 'done',
        evidenceUrl: 'https://kominfo.palukota.go.id/berakhlak',
      })
    ).json();
    expect(done).toMatchObject({ status: 'done', doneOn: localDate(ctx.clock.now()), late: false });
    expect(done.workingDaysLate).toBeGreaterThan(0);
    expect((await kominfo.patch(`/api/v1/policy-milestones/${lateId}`, { status: 'planned' })).statusCode).toBe(409);
    expect((await kominfo.patch(`/api/v1/policy-milestones/${lateId}`, { evidencePublic: true })).statusCode).toBe(200);
    expect(
      (
        await kominfo.patch(`/api/v1/policy-milestones/${laterId}`, {
          status: 'in_progress',
          evidenceUrl: 'https://drive.palukota.go.id/internal',
          evidencePublic: false,
        })
      ).statusCode,
    ).toBe(200);
    expect(await count('policy.milestone.complete')).toBe(1);
    expect(await count('policy.milestone.update')).toBe(4);
  });

  it("the public page shows the roll-up, the timeline, public evidence only, and the OPD's answer", async () => {
    const list = (await anonymous.get('/api/v1/public/policies')).json();
    expect(list.policies[0]).toMatchObject({
      number: 'SE MenPANRB 20/2021',
      progress: { done: 1, total: 2, percent: 50, late: 0 },
    });
    const page = await anonymous.get(`/api/v1/public/policies/${policyId}`);
    expect(page.statusCode).toBe(200);
    const [first, second] = page.json().actions[0].milestones;
    expect(first).toMatchObject({
      status: 'done',
      evidenceUrl: 'https://kominfo.palukota.go.id/berakhlak',
      evidencePublic: true,
      lateAnswer: expect.stringMatching(/pascabanjir/),
    });
    expect(second).toMatchObject({ status: 'in_progress', evidenceUrl: null });
    expect(page.body).not.toMatch(/created_by|createdBy|drive\.palukota/);
    expect(page.json().actions[0].canUpdate).toBe(false);
    expect((await anonymous.get('/api/v1/public/policies/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('BKPSDM adds a milestone to an action; the staff list counts it', async () => {
    const actionId = (await admin.get(`/api/v1/policies/${policyId}`)).json().actions[0].id;
    const added = await admin.post(`/api/v1/policy-actions/${actionId}/milestones`, {
      title: 'Survei penerapan BerAKHLAK',
      dueOn: shiftDate(localDate(ctx.clock.now()), 60),
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(
      (await kominfo.post(`/api/v1/policy-actions/${actionId}/milestones`, { title: 'Lagi', dueOn: '2030-01-01' }))
        .statusCode,
    ).toBe(404);
    const list = await kominfo.get('/api/v1/policies');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().policies[0]).toMatchObject({ id: policyId, progress: { done: 1, total: 3 } });
  });
});
