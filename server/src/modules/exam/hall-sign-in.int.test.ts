/**
 * An exam hall behind one network address (issue 24 §1): many failed sign-ins from it — wrong
 * session tokens and wrong passwords — only slow further failures down; a seated participant with
 * the current token and their password, and the proctor, still sign in. The proctor (for their own
 * hall's addresses) and the committee lift the slowdown, audited without publishing the address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../../test/harness.ts';
import {
  assignProctor,
  PARTICIPANT_PASSWORD,
  type ScheduledParticipant,
  scheduleParticipants,
  seedSmallBank,
} from '../../../test/exam-setup.ts';

const HALL = '203.0.113.7';
const ELSEWHERE = '198.51.100.23';
const SLOW_MS = 300;
const STAFF_PASSWORD = 'sandi-uji-yang-panjang-sekali'; // signedInAgent's

let ctx: TestContext;
let committee: Agent;
let proctor: Agent;
let otherProctor: Agent;
let sessionId: string;
let token: string;
let people: ScheduledParticipant[];
let typistDevice: Agent;

const from = (address: string, url: string, body: unknown, agent = new Agent(ctx.app)) =>
  agent.request('POST', url, body, { remoteAddress: address });
const catLogin = (address: string, body: { participantNo: string; password: string; token: string }, agent?: Agent) =>
  from(address, '/api/v1/cat/login', body, agent);
const lifts = async () =>
  ctx.database.db
    .selectFrom('audit_events')
    .select(['actor_id', 'subject_id', 'subject_type'])
    .where('action', '=', 'login.address_block.lift')
    .orderBy('seq')
    .execute();
const idOf = async (a: Agent) => (await a.get('/api/v1/me')).json().account as { id: string; email: string };

beforeAll(async () => {
  ctx = await createTestContext({ limits: { failuresPerIp: 50, addressSlowdownMs: SLOW_MS } }); // the production limit
  committee = await signedInAgent(ctx, 'committee');
  proctor = await signedInAgent(ctx, 'proctor');
  otherProctor = await signedInAgent(ctx, 'proctor');
  const examAdmin = await signedInAgent(ctx, 'exam_admin');
  const blueprintId = await seedSmallBank(examAdmin);
  const a = await scheduleParticipants(ctx, committee, 3, [2, 1]);
  const [big, small] = [...a.bySession.entries()].sort((x, y) => y[1].length - x[1].length).map(([id]) => id) as [
    string,
    string,
  ];
  sessionId = big;
  people = a.bySession.get(big)!;
  await assignProctor(committee, proctor, big);
  await assignProctor(committee, otherProctor, small);
  const opened = await proctor.post(`/api/v1/cat/sessions/${sessionId}/open`, { blueprintId });
  expect(opened.statusCode, opened.body).toBe(200);
  token = opened.json().token;
}, 180_000);
afterAll(() => ctx?.close());

describe('a hall behind one address', () => {
  it('after 50+ failures from the hall, a seated participant with the token and their password, and the proctor, still sign in', async () => {
    const wrongToken = token === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    // Token typos at the start of the session: counted apart, never against anyone's password budget.
    for (let i = 0; i < 40; i++) {
      const res = await catLogin(HALL, {
        participantNo: people[1]!.participantNo,
        password: PARTICIPANT_PASSWORD,
        token: wrongToken,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toContain('Token sesi salah');
    }
    // Wrong passwords with the current token, past the address's limit of 50.
    for (let i = 0; i < 55; i++)
      expect(
        (
          await catLogin(HALL, {
            participantNo: `9${String(i).padStart(5, '0')}`,
            password: 'bukan-sandi-siapapun',
            token,
          })
        ).statusCode,
      ).toBe(401);
    const started = Date.now();
    const slowed = await catLogin(HALL, { participantNo: '999999', password: 'bukan-sandi-siapapun', token });
    expect(slowed.statusCode).toBe(401);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SLOW_MS - 10);
    expect(slowed.json().error.message).toMatch(/diperlambat; kata sandi yang benar tetap diterima/);

    const participant = await catLogin(HALL, {
      participantNo: people[0]!.participantNo,
      password: PARTICIPANT_PASSWORD,
      token,
    });
    expect(participant.statusCode, participant.body).toBe(200);
    typistDevice = new Agent(ctx.app);
    const typist = await catLogin(
      HALL,
      { participantNo: people[1]!.participantNo, password: PARTICIPANT_PASSWORD, token },
      typistDevice,
    );
    expect(typist.statusCode, typist.body).toBe(200);
    const me = await idOf(proctor);
    const proctorAgain = await from(HALL, '/api/v1/auth/login', { identifier: me.email, password: STAFF_PASSWORD });
    expect(proctorAgain.statusCode, proctorAgain.body).toBe(200);
    // The typos reached the proctor's incident log while the address was not slowed.
    expect(
      (await proctor.get(`/api/v1/cat/sessions/${sessionId}/incidents`))
        .json()
        .incidents.filter((i: { kind: string }) => i.kind === 'wrong_token'),
    ).toHaveLength(40);
  }, 180_000);

  it('still locks one account after its own wrong passwords from the hall, not its neighbours', async () => {
    for (let i = 0; i < 5; i++)
      expect(
        (await catLogin(HALL, { participantNo: people[0]!.participantNo, password: `salah-${i}-sekali`, token }))
          .statusCode,
      ).toBe(401);
    expect(
      (await catLogin(HALL, { participantNo: people[0]!.participantNo, password: PARTICIPANT_PASSWORD, token }))
        .statusCode,
    ).toBe(429);
    expect(
      (
        await catLogin(
          HALL,
          { participantNo: people[1]!.participantNo, password: PARTICIPANT_PASSWORD, token },
          typistDevice,
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await proctor.post(`/api/v1/cat/sessions/${sessionId}/lockouts/clear`, {
          applicationId: people[0]!.applicationId,
        })
      ).statusCode,
    ).toBe(200);
  });

  it("shows the proctor their hall address as slowed; they lift it (audited, address not published), never another hall's", async () => {
    const list = await proctor.get(`/api/v1/cat/sessions/${sessionId}/address-blocks`);
    expect(list.statusCode, list.body).toBe(200);
    const hall = list.json().addresses.find((a: { address: string }) => a.address === HALL);
    expect(hall).toMatchObject({ slowed: true, scoped: 40 });
    expect(hall.failures).toBeGreaterThanOrEqual(56);
    // Another session's proctor and an address that never came to this session: not found.
    expect((await otherProctor.get(`/api/v1/cat/sessions/${sessionId}/address-blocks`)).statusCode).toBe(404);
    expect(
      (await otherProctor.post(`/api/v1/cat/sessions/${sessionId}/address-blocks/lift`, { address: HALL })).statusCode,
    ).toBe(404);
    expect(
      (await proctor.post(`/api/v1/cat/sessions/${sessionId}/address-blocks/lift`, { address: ELSEWHERE })).statusCode,
    ).toBe(404);
    expect(
      (await proctor.post(`/api/v1/cat/sessions/${sessionId}/address-blocks/lift`, { address: 'bukan alamat' }))
        .statusCode,
    ).toBe(400);
    expect(await lifts()).toHaveLength(0);

    const lifted = await proctor.post(`/api/v1/cat/sessions/${sessionId}/address-blocks/lift`, { address: HALL });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json().cleared).toBeGreaterThanOrEqual(96);
    const after = (await proctor.get(`/api/v1/cat/sessions/${sessionId}/address-blocks`))
      .json()
      .addresses.find((a: { address: string }) => a.address === HALL);
    expect(after).toMatchObject({ slowed: false, failures: 0, scoped: 0 });
    // The plain refusal (not the "diperlambat" one) shows the slowdown is gone; no wall-clock bound under load.
    expect(
      (await catLogin(HALL, { participantNo: '999998', password: 'bukan-sandi-siapapun', token })).json().error.message,
    ).toMatch(/Periksa kembali/);
    expect(await lifts()).toEqual([
      { actor_id: (await idOf(proctor)).id, subject_id: null, subject_type: 'network_address' },
    ]);
    expect((await new Agent(ctx.app).get('/api/v1/public/audit/events?limit=1000')).body).not.toContain(HALL);
  });

  it('lets the committee see and lift any slowed address, with a reason', async () => {
    for (let i = 0; i < 51; i++)
      expect(
        (
          await from(ELSEWHERE, '/api/v1/auth/login', {
            identifier: `tidak.ada.${i}@contoh.id`,
            password: 'bukan-sandi-siapapun',
          })
        ).statusCode,
      ).toBe(401);
    const list = await committee.get('/api/v1/security/address-blocks');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().addresses[0]).toMatchObject({ address: ELSEWHERE, slowed: true, failures: 51 });
    expect(
      (await proctor.post(`/api/v1/cat/sessions/${sessionId}/address-blocks/lift`, { address: ELSEWHERE })).statusCode,
    ).toBe(404);
    expect(
      (await committee.post('/api/v1/security/address-blocks/lift', { address: ELSEWHERE, reason: '' })).statusCode,
    ).toBe(400);
    const lifted = await committee.post('/api/v1/security/address-blocks/lift', {
      address: ELSEWHERE,
      reason: 'Kantor kecamatan di balik satu NAT',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toEqual({ address: ELSEWHERE, cleared: 51 });
    expect(
      (await committee.get('/api/v1/security/address-blocks'))
        .json()
        .addresses.find((a: { address: string }) => a.address === ELSEWHERE),
    ).toBeUndefined();
    expect((await lifts()).map((e) => e.actor_id)).toEqual([(await idOf(proctor)).id, (await idOf(committee)).id]);
  }, 180_000);
});
