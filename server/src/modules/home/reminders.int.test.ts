/**
 * Reminders reach people without opening the app: a sanggah waiting for the committee's answer
 * brings each committee member one notification and one e-mail a working day before its deadline,
 * one when it is missed, and a daily digest unless they turned it off. A second sweep sends
 * nothing again; on Postgres two app instances sweeping at once send each e-mail once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, PALU_HOLIDAY_DATES, shiftDate } from '../../../../common/rules/calendar.ts';
import { composeServices } from '../../compose.ts';
import { openDatabase } from '../../db/database.ts';
import { ManualClock } from '../../platform/clock.ts';
import { loadAuditSigner } from '../transparency/index.ts';
import { makeJpeg, makePdf, multipart } from '../../../test/fixtures.ts';
import {
  type Agent,
  createTestContext,
  joinCommittee,
  signedInAgent,
  type TestContext,
  TEST_SECRET,
  TEST_SIGNING_KEY,
  usingPostgres,
} from '../../../test/harness.ts';
import { openPeriodWithFormation, PROFILE } from '../../../test/recruitment-setup.ts';
import { atLocalHour, dueSoonFrom, formatDeadline, previousWorkingDay } from './domain/reminders.ts';

let ctx: TestContext;
let committee: Agent;
let committee2: Agent;
let periodId: string;
let deadline: Date;
const emails: Record<'committee' | 'committee2', string> = { committee: '', committee2: '' };
const REQUIRED = ['pas_foto', 'ktp', 'swafoto', 'surat_lamaran', 'ijazah', 'transkrip'] as const;
const HOUR = 3_600_000;

/** Moves the test clock to `at` (the home's summary reads it) and sweeps as the server would. */
async function sweepAt(at: Date, services = ctx.services) {
  ctx.clock.advance(at.getTime() - ctx.clock.now().getTime());
  return services.reminders.sweepReminders(at);
}

const mailsTo = (to: string, subject: string) =>
  ctx.database.db
    .selectFrom('outbox_emails')
    .select(['subject', 'body_text'])
    .where('to_address', '=', to)
    .where('subject', 'like', `%${subject}%`)
    .execute();
const notesOf = async (email: string, title: string) =>
  ctx.database.db
    .selectFrom('notifications as n')
    .innerJoin('accounts as a', 'a.id', 'n.account_id')
    .select(['n.title', 'n.body'])
    .where('a.email_normalized', '=', email)
    .where('n.title', 'like', `%${title}%`)
    .execute();

beforeAll(async () => {
  // Monday 7 December 2026, 08:30 WITA.
  ctx = await createTestContext({ clock: new ManualClock(new Date('2026-12-07T00:30:00Z')) });
  committee = await signedInAgent(ctx, 'committee');
  committee2 = await signedInAgent(ctx, 'committee');
  const verifier = await signedInAgent(ctx, 'verifier');
  const verifier2 = await signedInAgent(ctx, 'verifier');
  const applicant = await signedInAgent(ctx, 'applicant');
  let formationId: string;
  ({ periodId, formationId } = await openPeriodWithFormation(ctx, committee, {}, [verifier, verifier2]));
  await joinCommittee(ctx, periodId, committee2);
  emails.committee = (await committee.get('/api/v1/me')).json().account.email;
  emails.committee2 = (await committee2.get('/api/v1/me')).json().account.email;

  // An applicant found TMS files a sanggah: the committee has to answer it by its deadline.
  expect((await applicant.put('/api/v1/me/profile', PROFILE)).statusCode).toBe(200);
  const id = (await applicant.post('/api/v1/me/applications', { periodId, formationId })).json().id;
  for (const kind of REQUIRED) {
    const file = ['pas_foto', 'ktp', 'swafoto'].includes(kind)
      ? { name: `${kind}.jpg`, data: makeJpeg() }
      : { name: `${kind}.pdf`, data: await makePdf(kind) };
    expect(
      (await applicant.upload('PUT', `/api/v1/me/applications/${id}/documents/${kind}`, multipart(file))).statusCode,
    ).toBe(200);
  }
  expect((await applicant.post(`/api/v1/me/applications/${id}/submit`)).statusCode).toBe(200);
  expect((await verifier.post('/api/v1/verification/claim', { periodId, count: 5 })).json().claimed).toBe(1);
  for (const kind of REQUIRED) {
    const body =
      kind === 'ijazah'
        ? { verdict: 'tms', reasonCode: 'UNREADABLE', reasonText: 'Halaman kedua ijazah tidak terbaca.' }
        : { verdict: 'ms', reasonCode: null, reasonText: null };
    expect((await verifier.put(`/api/v1/verification/applications/${id}/documents/${kind}`, body)).statusCode).toBe(
      200,
    );
  }
  expect(
    (
      await verifier.post(`/api/v1/verification/applications/${id}/verdict`, {
        verdict: 'tms',
        reasonCode: null,
        reasonText: null,
      })
    ).statusCode,
  ).toBe(200);
  expect(
    (await verifier2.post(`/api/v1/verification/applications/${id}/review`, { approve: true, note: null })).statusCode,
  ).toBe(200);
  const ann = (
    await committee.post(`/api/v1/periods/${periodId}/announcements`, { stage: 'administration', note: null })
  ).json().id;
  expect(
    (await committee2.post(`/api/v1/announcements/${ann}/decision`, { approve: true, note: null })).statusCode,
  ).toBe(200);
  const filed = await applicant.upload(
    'POST',
    `/api/v1/me/applications/${id}/objection`,
    multipart(null, { reason: 'Ijazah saya terbaca jelas; halaman kedua ada pada berkas yang sama.' }),
  );
  expect(filed.statusCode, filed.body).toBe(201);
  deadline = new Date(filed.json().deadlineAt);
  const task = (await committee.get('/api/v1/me/home'))
    .json()
    .tasks.find((t: { key: string }) => t.key === 'objectionsOpen');
  expect(task).toMatchObject({ count: 1, dueAt: deadline.toISOString() });
});
afterAll(() => ctx?.close());

describe('notification settings', () => {
  it('starts with the daily digest on', async () => {
    expect((await committee2.get('/api/v1/me/notification-settings')).json()).toEqual({ dailyDigest: true, hour: 7 });
  });

  it('refuses a setting that is not yes or no, changing nothing', async () => {
    const bad = await committee2.put('/api/v1/me/notification-settings', { dailyDigest: 'ya' });
    expect(bad.statusCode).toBe(400);
    expect((await committee2.get('/api/v1/me/notification-settings')).json().dailyDigest).toBe(true);
  });

  it('lets a person turn their own digest off, and audits it', async () => {
    const res = await committee2.put('/api/v1/me/notification-settings', { dailyDigest: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ dailyDigest: false, hour: 7 });
    expect((await committee2.get('/api/v1/me/notification-settings')).json().dailyDigest).toBe(false);
    expect((await committee.get('/api/v1/me/notification-settings')).json().dailyDigest).toBe(true);
    const me = (await committee2.get('/api/v1/me')).json().account.id;
    const events = await ctx.database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'subject_id', 'after_digest'])
      .where('action', '=', 'account.notification_settings')
      .execute();
    expect(events).toEqual([{ actor_id: me, subject_id: me, after_digest: expect.any(String) }]);
    // Sending the same setting again changes nothing and records nothing.
    expect((await committee2.put('/api/v1/me/notification-settings', { dailyDigest: false })).statusCode).toBe(200);
    expect(
      await ctx.database.db
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'account.notification_settings')
        .execute(),
    ).toHaveLength(1);
  });
});

describe('the reminder sweep', () => {
  it('sends nothing before the working day ahead of the deadline', async () => {
    const early = new Date(dueSoonFrom(deadline, 7, PALU_HOLIDAY_DATES).getTime() - 60_000);
    if (early > ctx.clock.now()) {
      expect((await sweepAt(early)).reminders).toBe(0);
      expect(await mailsTo(emails.committee, 'Pengingat')).toHaveLength(0);
    }
  });

  it('reminds each committee member once, a working day before, naming the work, count, deadline and link', async () => {
    const dueSoonDay = previousWorkingDay(localDate(deadline), PALU_HOLIDAY_DATES);
    const first = await sweepAt(atLocalHour(dueSoonDay, 8));
    expect(first.reminders).toBe(2);
    for (const to of [emails.committee, emails.committee2]) {
      const mails = await mailsTo(to, 'Pengingat');
      expect(mails).toHaveLength(1);
      expect(mails[0]!.body_text).toContain('1 sanggah belum dijawab');
      expect(mails[0]!.body_text).toContain(formatDeadline(deadline));
      expect(formatDeadline(deadline)).toMatch(/^\d{2}\/\d{2}\/\d{4} 23\.59 WITA$/);
      expect(mails[0]!.body_text).toContain(`http://merit.test/panitia/periode/${periodId}`);
      const notes = await notesOf(to, 'Pengingat');
      expect(notes).toHaveLength(1);
      expect(notes[0]!.body).toContain('selesaikan sebelum batas waktu');
    }
  });

  it('sends the digest only to those who kept it on, once a day', async () => {
    const digests = await mailsTo(emails.committee, 'ringkasan pekerjaan');
    expect(digests).toHaveLength(1);
    expect(digests[0]!.body_text).toContain('1 sanggah belum dijawab — batas');
    expect(await mailsTo(emails.committee2, 'ringkasan pekerjaan')).toHaveLength(0);
  });

  it('sends no second e-mail on a second sweep', async () => {
    const again = await sweepAt(new Date(ctx.clock.now().getTime() + 2 * HOUR));
    expect(again).toEqual({ reminders: 0, digests: 0 });
    expect(await mailsTo(emails.committee, 'Pengingat')).toHaveLength(1);
    expect(await mailsTo(emails.committee, 'ringkasan pekerjaan')).toHaveLength(1);
  });

  it('says once when the deadline was missed, from the sending hour the next morning', async () => {
    const nextDay = shiftDate(localDate(deadline), 1);
    expect((await sweepAt(atLocalHour(nextDay, 3))).reminders).toBe(0);
    const late = await sweepAt(atLocalHour(nextDay, 7));
    expect(late.reminders).toBe(2);
    for (const to of [emails.committee, emails.committee2]) {
      const mails = await mailsTo(to, 'Terlambat');
      expect(mails).toHaveLength(1);
      expect(mails[0]!.body_text).toContain('sudah lewat');
      expect(await notesOf(to, 'Terlambat')).toHaveLength(1);
    }
    expect((await sweepAt(atLocalHour(nextDay, 9))).reminders).toBe(0);
    expect(await mailsTo(emails.committee, 'Terlambat')).toHaveLength(1);
  });
});

describe.runIf(usingPostgres())('two app instances on one Postgres', () => {
  it('send each reminder and digest exactly once when they sweep at the same moment', async () => {
    // A second instance: its own services and connection pool on the same database.
    const database = await openDatabase({ databaseUrl: ctx.url!, poolSize: 5 });
    const filesDir = mkdtempSync(path.join(tmpdir(), 'merit-files-'));
    try {
      const other = composeServices({
        database,
        config: {
          publicUrl: 'http://merit.test',
          smtpUrl: undefined,
          mailFrom: 'Merit <no-reply@merit.test>',
          sessionSecret: TEST_SECRET,
          filesDir,
          fileEncryptionKey: Buffer.alloc(32, 7),
        },
        signer: loadAuditSigner({ dataDir: '/nonexistent', pem: TEST_SIGNING_KEY }),
        clock: ctx.clock,
      });
      // A new sanggah deadline of a fresh period, so every reminder below is still unsent.
      const third = await signedInAgent(ctx, 'committee');
      const thirdEmail = (await third.get('/api/v1/me')).json().account.email;
      await joinCommittee(ctx, periodId, third);
      const dueSoonDay = previousWorkingDay(localDate(deadline), PALU_HOLIDAY_DATES);
      // Two mornings: the day before (reminder + digest) and a later working day (digest only).
      for (const at of [atLocalHour(dueSoonDay, 9), atLocalHour(shiftDate(localDate(deadline), 7), 9)]) {
        ctx.clock.advance(at.getTime() - ctx.clock.now().getTime());
        const results = await Promise.all([
          ctx.services.reminders.sweepReminders(at),
          other.reminders.sweepReminders(at),
          ctx.services.reminders.sweepReminders(at),
          other.reminders.sweepReminders(at),
        ]);
        expect(results.reduce((n, r) => n + r.digests, 0)).toBeGreaterThanOrEqual(1);
      }
      expect(await mailsTo(thirdEmail, 'Pengingat')).toHaveLength(1);
      expect(await mailsTo(thirdEmail, 'Terlambat')).toHaveLength(1);
      expect(await notesOf(thirdEmail, 'Pengingat')).toHaveLength(1);
      expect(await notesOf(thirdEmail, 'Terlambat')).toHaveLength(1);
      expect(await mailsTo(thirdEmail, 'ringkasan pekerjaan')).toHaveLength(2);
      // Across everyone: no e-mail twice.
      const all = await ctx.database.db
        .selectFrom('outbox_emails')
        .select(['to_address', 'subject'])
        .where('subject', 'like', 'Merit: %')
        .execute();
      const keys = all
        .filter((m) => /Pengingat|Terlambat|ringkasan/.test(m.subject))
        .map((m) => `${m.to_address}|${m.subject}`);
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      await database.close();
      rmSync(filesDir, { recursive: true, force: true });
    }
  });
});
