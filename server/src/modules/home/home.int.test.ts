/**
 * The signed-in home: each role's tasks and counts come from the real data, and roles without a
 * built module get no tasks at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../../common/rules/calendar.ts';
import { makeJpeg, makePdf, multipart } from '../../../test/fixtures.ts';
import { type Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { openPeriodWithFormation, PROFILE } from '../../../test/recruitment-setup.ts';

let ctx: TestContext;
let committee: Agent;
let verifier: Agent;
let applicant: Agent;
let periodId: string;
const REQUIRED = ['pas_foto', 'ktp', 'swafoto', 'surat_lamaran', 'ijazah', 'transkrip'] as const;
type Task = { key: string; count: number; to: string; dueAt: string | null };
const task = (body: { tasks: Task[] }, key: string) => body.tasks.find((t) => t.key === key);

beforeAll(async () => {
  ctx = await createTestContext();
  committee = await signedInAgent(ctx, 'committee');
  verifier = await signedInAgent(ctx, 'verifier');
  applicant = await signedInAgent(ctx, 'applicant');
  let formationId: string;
  ({ periodId, formationId } = await openPeriodWithFormation(ctx, committee, {}, [verifier]));
  expect((await applicant.put('/api/v1/me/profile', PROFILE)).statusCode).toBe(200);
  const id = (await applicant.post('/api/v1/me/applications', { periodId, formationId })).json().id;
  for (const kind of REQUIRED) {
    const file = ['pas_foto', 'ktp', 'swafoto'].includes(kind) ? { name: `${kind}.jpg`, data: makeJpeg() } : { name: `${kind}.pdf`, data: await makePdf(kind) };
    expect((await applicant.upload('PUT', `/api/v1/me/applications/${id}/documents/${kind}`, multipart(file))).statusCode).toBe(200);
  }
  expect((await applicant.post(`/api/v1/me/applications/${id}/submit`)).statusCode).toBe(200);
});
afterAll(() => ctx?.close());

describe('the home per role', () => {
  it('shows the committee the period’s counts per OPD and the unclaimed file', async () => {
    const res = await committee.get('/api/v1/me/home');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(task(body, 'unclaimed')).toMatchObject({ count: 1, to: '/verifikasi' });
    const period = body.periods.find((p: { id: string }) => p.id === periodId);
    expect(period.counts).toEqual({ submitted: 1, ms: 0, tms: 0, objection_filed: 0, tms_final: 0 });
    expect(period.byOrganization).toEqual([expect.objectContaining({ organizationId: 'kominfo', formations: 1, quota: 2, counts: expect.objectContaining({ submitted: 1 }) })]);
    expect(period.stageEnds.registration).toMatch(/^\d{4}-/);
  });

  it('shows a committee member who does not sit on the period neither its counts nor its files', async () => {
    const outsider = await signedInAgent(ctx, 'committee');
    const body = (await outsider.get('/api/v1/me/home')).json();
    expect(body.periods.map((p: { id: string }) => p.id)).not.toContain(periodId);
    expect(task(body, 'unclaimed')?.count ?? 0).toBe(0);
  });

  it('moves the file from "unclaimed" to the verifier’s own queue, with the verification deadline', async () => {
    expect(task((await verifier.get('/api/v1/me/home')).json(), 'unclaimed')?.count).toBe(1);
    expect((await verifier.post('/api/v1/verification/claim', { periodId, count: 5 })).json().claimed).toBe(1);
    const body = (await verifier.get('/api/v1/me/home')).json();
    expect(task(body, 'myQueue')).toMatchObject({ count: 1, to: '/verifikasi', dueAt: expect.stringMatching(/^\d{4}-/) });
    expect(task(body, 'unclaimed')?.count).toBe(0);
  });

  it('lists today’s exam sessions for a proctor, and none of another day', async () => {
    const site = (await committee.post(`/api/v1/periods/${periodId}/exam-sites`, { name: 'UPT BKN Palu', address: 'Jl. Tanjung Manimbaya, Palu', accessible: true })).json();
    const soon = new Date(ctx.clock.now().getTime() + 60_000).toISOString();
    const later = new Date(ctx.clock.now().getTime() + 3 * 86_400_000).toISOString();
    expect((await committee.post(`/api/v1/exam-sites/${site.id}/sessions`, { startsAt: soon, durationMinutes: 100, capacity: 40 })).statusCode).toBe(201);
    expect((await committee.post(`/api/v1/exam-sites/${site.id}/sessions`, { startsAt: later, durationMinutes: 100, capacity: 40 })).statusCode).toBe(201);
    const proctor = await signedInAgent(ctx, 'proctor');
    const body = (await proctor.get('/api/v1/me/home')).json();
    const wita = (iso: string) => localDate(new Date(iso));
    const today = wita(ctx.clock.now().toISOString());
    expect(body.sessions.length).toBeGreaterThanOrEqual(1);
    expect(body.sessions.every((s: { startsAt: string }) => wita(s.startsAt) === today)).toBe(true);
    expect(body.sessions.some((s: { siteName: string; state: string }) => s.siteName === 'UPT BKN Palu' && s.state === 'scheduled')).toBe(true);
  });

  it('shows the admin how many committee members the two-person rule still lacks', async () => {
    const admin = await signedInAgent(ctx, 'admin');
    const body = (await admin.get('/api/v1/me/home')).json();
    expect(body.accounts.committee).toBeGreaterThanOrEqual(1);
    expect(task(body, 'committeeShort')?.count).toBe(Math.max(0, 2 - body.accounts.committee));
    expect(task(body, 'accountsPending')?.to).toBe('/admin/akun');
  });

  it('shows the exam admin the bank by subtest', async () => {
    const examAdmin = await signedInAgent(ctx, 'exam_admin');
    const body = (await examAdmin.get('/api/v1/me/home')).json();
    expect(body.bank).toMatchObject({ blueprints: expect.any(Number), latestAnalysis: null });
    expect(task(body, 'analysisReady')?.count).toBe(0);
  });

  it('gives roles without a built module no tasks (nothing promised that does not exist)', async () => {
    for (const role of ['training_admin', 'supervisor', 'employee', 'observer', 'applicant'] as const) {
      const agent = role === 'applicant' ? applicant : await signedInAgent(ctx, role);
      const res = await agent.get('/api/v1/me/home');
      expect(res.statusCode).toBe(200);
      expect(res.json(), role).toEqual({ tasks: [] });
    }
  });
});
