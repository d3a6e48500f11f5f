/**
 * Public forums: scheduled by the committee, registration while seats remain (never past the
 * capacity, even at once), minutes only after the forum, follow-up actions tracked to done with
 * late ones flagged; the archive is public and shows registrants only as a count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  Agent as Browser,
  createTestContext,
  signedInAgent,
  type TestContext,
} from '../../../test/harness.ts';
import { ManualClock } from '../../platform/clock.ts';

let ctx: TestContext;
let clock: ManualClock;
let committee: Agent;
let id = '';
const DAY = 86_400_000;

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
  ctx = await createTestContext({ clock, limits: { sessionIdleMs: 365 * DAY, sessionAbsoluteMs: 365 * DAY } });
  committee = await signedInAgent(ctx, 'committee');
});
afterAll(() => ctx?.close());

describe('public forums', () => {
  it('are scheduled with a capacity and fill up to it, even when people register at once', async () => {
    const res = await committee.post('/api/v1/forums', {
      title: 'Forum konsultasi standar pelayanan kepegawaian',
      topic: 'Standar pelayanan loket BKPSDM',
      agenda: '1. Paparan rancangan standar\n2. Tanggapan peserta\n3. Kesepakatan',
      heldAt: '2026-03-10T09:00:00+08:00',
      venue: 'Aula BKPSDM Kota Palu',
      mode: 'tatap_muka',
      capacity: 3,
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    const people = await Promise.all(Array.from({ length: 5 }, () => signedInAgent(ctx, 'applicant')));
    const results = await Promise.all(people.map((p) => p.post(`/api/v1/forums/${id}/registrations`)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 409)[0]!.json().error.message).toMatch(/Kapasitas forum penuh/);
    const winner = people[results.findIndex((r) => r.statusCode === 201)]!;
    expect((await winner.post(`/api/v1/forums/${id}/registrations`)).statusCode).toBe(409);
    expect((await winner.request('DELETE', `/api/v1/forums/${id}/registrations`)).json()).toMatchObject({
      registered: 2,
      seatsLeft: 1,
      registeredMe: false,
    });
    const pub = await new Browser(ctx.app).get(`/api/v1/public/forums/${id}`);
    expect(pub.json()).toMatchObject({ registered: 2, capacity: 3, status: 'scheduled' });
    expect(pub.body).not.toContain('Uji applicant');
  });

  it('takes minutes only after the forum, then tracks its actions to done (late ones flagged)', async () => {
    const minutes = {
      minutes: 'Peserta menyepakati jam layanan loket 08.00–15.00 WITA dan papan informasi antrean.',
      actions: [
        { description: 'Pasang papan informasi antrean', owner: 'BKPSDM — Sekretariat', dueOn: '2026-03-20' },
        { description: 'Terbitkan standar pelayanan', owner: 'BKPSDM — Kepala Badan', dueOn: '2026-03-31' },
      ],
    };
    expect((await committee.post(`/api/v1/forums/${id}/minutes`, minutes)).statusCode).toBe(409);
    clock.advance(9 * DAY);
    expect((await (await signedInAgent(ctx, 'applicant')).post(`/api/v1/forums/${id}/registrations`)).statusCode).toBe(
      409,
    );
    const held = await committee.post(`/api/v1/forums/${id}/minutes`, minutes);
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json().status).toBe('held');
    clock.advance(15 * DAY); // 26 March: the first action is late
    const [late, onTime] = (await new Browser(ctx.app).get(`/api/v1/public/forums/${id}`)).json().actions;
    expect(late).toMatchObject({ status: 'open', late: true });
    expect(
      (
        await committee.post(`/api/v1/forum-actions/${onTime.id}/done`, {
          note: 'Standar pelayanan ditetapkan dengan keputusan kepala badan.',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await committee.post(`/api/v1/forum-actions/${onTime.id}/done`, { note: 'Kedua kali tidak boleh.' })).statusCode,
    ).toBe(409);
    const list = (await new Browser(ctx.app).get('/api/v1/public/forums')).json().forums;
    expect(list[0].actions).toEqual({ total: 2, done: 1, late: 1 });
  });
});
