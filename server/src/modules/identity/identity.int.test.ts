import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Agent,
  applicantBody,
  createTestContext,
  latestTokenFor,
  signedInAgent,
  type TestContext,
} from '../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ limits: { failuresPerAccount: 5 } });
});
afterAll(() => ctx?.close());

const counts = async () => {
  const one = async (t: 'accounts' | 'audit_events' | 'sessions' | 'outbox_emails') =>
    Number(
      (
        await ctx.database.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    accounts: await one('accounts'),
    audit: await one('audit_events'),
    sessions: await one('sessions'),
    mails: await one('outbox_emails'),
  };
};

async function registerAndVerify(agent: Agent, body = applicantBody()) {
  const res = await agent.post('/api/v1/auth/register', body);
  expect(res.statusCode, res.body).toBe(201);
  const token = await latestTokenFor(ctx.database, body.email);
  expect((await agent.post('/api/v1/auth/verify-email', { token })).statusCode).toBe(200);
  return body;
}

describe('applicant registration, verification and sign-in', () => {
  it('registers with a NIK, mails a verification link, and signs in only after verifying', async () => {
    const agent = new Agent(ctx.app);
    const body = applicantBody();
    expect((await agent.post('/api/v1/auth/register', body)).statusCode).toBe(201);

    const early = await agent.post('/api/v1/auth/login', { identifier: body.email, password: body.password });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('EMAIL_NOT_VERIFIED');

    const mail = await ctx.database.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', body.email)
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('http://merit.test/verifikasi-email?token=');
    const token = await latestTokenFor(ctx.database, body.email);
    expect((await agent.post('/api/v1/auth/verify-email', { token })).statusCode).toBe(200);

    const login = await agent.post('/api/v1/auth/login', { identifier: body.nik, password: body.password });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'merit_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');

    const me = await agent.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().account).toMatchObject({
      role: 'applicant',
      email: body.email,
      nikMasked: `${body.nik.slice(0, 6)}**********`,
      emailVerified: true,
    });
    expect(me.body).not.toContain(body.nik);

    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('never stores the session token or e-mail tokens in plain text', async () => {
    const agent = new Agent(ctx.app);
    const body = await registerAndVerify(agent);
    await agent.post('/api/v1/auth/login', { identifier: body.email, password: body.password });
    const token = agent.cookies.get('merit_session')!;
    const rows = await ctx.database.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows.some((r) => r.id_hash === token)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each([
    ['an unknown region code', { nik: '9971045203990001' }, 'nik', 'wilayah'],
    ['a birth date that differs from the NIK', { birthDate: '1999-03-13' }, 'birthDate', 'tidak sesuai'],
    ['a gender that differs from the NIK', { gender: 'L' }, 'birthDate', 'tidak sesuai'],
    ['a weak password', { password: 'bismillah123' }, 'password', 'umum'],
    ['a password containing the NIK', { password: 'x7271045203990077x', nik: '7271045203990077' }, 'password', 'NIK'],
    ['no consent', { consent: false }, 'consent', ''],
    ['an unknown field', { role: 'admin' }, 'role', 'tidak dikenal'],
    ['a 15-digit NIK', { nik: '727104520399001' }, 'nik', '16 angka'],
  ])('refuses %s with a field error and changes nothing', async (_name, overrides, field, text) => {
    const before = await counts();
    const res = await new Agent(ctx.app).post('/api/v1/auth/register', applicantBody(overrides));
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    const f = err.fields.find((x: { field: string }) => x.field === field);
    expect(f, JSON.stringify(err)).toBeDefined();
    expect(f.message).toContain(text);
    expect(await counts()).toEqual(before);
  });

  it('answers a registered NIK or e-mail exactly like a new registration, and tells the account owner by e-mail', async () => {
    const first = applicantBody();
    expect((await new Agent(ctx.app).post('/api/v1/auth/register', first)).statusCode).toBe(201);
    const before = await counts();
    const fresh = await new Agent(ctx.app).post('/api/v1/auth/register', applicantBody());
    const sameNik = await new Agent(ctx.app).post('/api/v1/auth/register', applicantBody({ nik: first.nik }));
    const sameEmail = await new Agent(ctx.app).post(
      '/api/v1/auth/register',
      applicantBody({ email: first.email.toUpperCase() }),
    );
    const shape = (r: typeof fresh) => ({
      status: r.statusCode,
      keys: Object.keys(r.json()),
      idLength: String(r.json().id).length,
    });
    expect(shape(sameNik)).toEqual(shape(fresh));
    expect(shape(sameEmail)).toEqual(shape(fresh));
    const after = await counts();
    expect(after.accounts).toBe(before.accounts + 1); // only the fresh one
    const notices = await ctx.database.db
      .selectFrom('outbox_emails')
      .select(['to_address', 'subject', 'body_text'])
      .where('to_address', '=', first.email)
      .where('subject', 'like', '%sudah terdaftar%')
      .execute();
    expect(notices).toHaveLength(2);
    expect(notices[0]!.body_text).not.toContain(first.nik);
  });

  it('limits registration attempts per source address', async () => {
    const local = await createTestContext({ limits: { registrationsPerIpPerHour: 2 } });
    try {
      const from = (ip: string) =>
        new Agent(local.app).request('POST', '/api/v1/auth/register', applicantBody(), { remoteAddress: ip });
      expect((await from('192.0.2.10')).statusCode).toBe(201);
      expect((await from('192.0.2.10')).statusCode).toBe(201);
      const third = await from('192.0.2.10');
      expect(third.statusCode).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect((await from('192.0.2.11')).statusCode).toBe(201);
    } finally {
      await local.close();
    }
  });

  it('answers in English when the person chose English', async () => {
    const res = await new Agent(ctx.app, 'en').post('/api/v1/auth/register', applicantBody({ nik: '123' }));
    expect(res.json().error.message).toBe('Please check the marked fields.');
    expect(res.json().error.fields[0].message).toContain('16 digits');
  });

  it('refuses a used or expired verification token with 410', async () => {
    const agent = new Agent(ctx.app);
    const body = applicantBody();
    await agent.post('/api/v1/auth/register', body);
    const token = await latestTokenFor(ctx.database, body.email);
    ctx.clock.advance(25 * 3600_000);
    const expired = await agent.post('/api/v1/auth/verify-email', { token });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('TOKEN_INVALID');

    await agent.post('/api/v1/auth/resend-verification', { email: body.email });
    const fresh = await latestTokenFor(ctx.database, body.email);
    expect((await agent.post('/api/v1/auth/verify-email', { token: fresh })).statusCode).toBe(200);
    expect((await agent.post('/api/v1/auth/verify-email', { token: fresh })).statusCode).toBe(410);
  });

  const codeIn = async (email: string) => {
    const mail = await ctx.database.db
      .selectFrom('outbox_emails')
      .select('body_text')
      .where('to_address', '=', email)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return /Kode verifikasi Anda: (\d{6})/.exec(mail.body_text)?.[1] ?? '';
  };

  it('mails a six-digit code that verifies only with its own address, once', async () => {
    const agent = new Agent(ctx.app);
    const a = applicantBody();
    const b = applicantBody();
    await agent.post('/api/v1/auth/register', a);
    await agent.post('/api/v1/auth/register', b);
    const code = await codeIn(a.email);
    expect(code).toMatch(/^\d{6}$/);
    expect(
      (
        await ctx.database.db
          .selectFrom('outbox_emails')
          .select('body_text')
          .where('to_address', '=', a.email)
          .executeTakeFirstOrThrow()
      ).body_text,
    ).not.toMatch(/Kode verifikasi[^\n]*[A-Za-z0-9_-]{20,}/);

    const foreign = await agent.post('/api/v1/auth/verify-email-code', { email: b.email, code });
    expect(foreign.statusCode).toBe(410);
    expect(foreign.json().error.message).toContain('Kode verifikasi salah');
    const malformed = await agent.post('/api/v1/auth/verify-email-code', { email: a.email, code: '12a45' });
    expect(malformed.statusCode).toBe(400);
    expect(JSON.stringify(malformed.json().error.fields)).toContain('6 angka');

    expect(
      (await agent.post('/api/v1/auth/verify-email-code', { email: ` ${a.email.toUpperCase()} `, code })).statusCode,
    ).toBe(200);
    expect((await agent.post('/api/v1/auth/login', { identifier: a.email, password: a.password })).statusCode).toBe(
      200,
    );
    const b2 = await ctx.database.db
      .selectFrom('accounts')
      .select('email_verified_at')
      .where('email', '=', b.email)
      .executeTakeFirstOrThrow();
    expect(b2.email_verified_at).toBeNull();
  });

  it('pauses code guessing for an account after five wrong codes, then takes the right one later', async () => {
    const agent = new Agent(ctx.app);
    const body = applicantBody();
    await agent.post('/api/v1/auth/register', body);
    const code = await codeIn(body.email);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++)
      expect((await agent.post('/api/v1/auth/verify-email-code', { email: body.email, code: wrong })).statusCode).toBe(
        410,
      );
    const paused = await agent.post('/api/v1/auth/verify-email-code', { email: body.email, code });
    expect(paused.statusCode).toBe(429);
    expect(paused.json().error.message).toContain('Terlalu banyak kode');
    const unverified = await ctx.database.db
      .selectFrom('accounts')
      .select('email_verified_at')
      .where('email', '=', body.email)
      .executeTakeFirstOrThrow();
    expect(unverified.email_verified_at).toBeNull();
    ctx.clock.advance(61 * 60_000);
    expect((await agent.post('/api/v1/auth/verify-email-code', { email: body.email, code })).statusCode).toBe(200);
  });

  it('answers an unknown address like a wrong code', async () => {
    const res = await new Agent(ctx.app).post('/api/v1/auth/verify-email-code', {
      email: 'tidak.ada@contoh.id',
      code: '123456',
    });
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('TOKEN_INVALID');
  });
});

describe('sign-in protection', () => {
  it('answers the same for a wrong password and an unknown account', async () => {
    const agent = new Agent(ctx.app);
    const body = await registerAndVerify(agent);
    const wrong = await agent.post('/api/v1/auth/login', { identifier: body.email, password: 'salah-sama-sekali-123' });
    const unknown = await agent.post('/api/v1/auth/login', {
      identifier: 'tidak.ada@contoh.id',
      password: 'salah-sama-sekali-123',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('pauses an account after five failures, even for the right password, then lets it in later', async () => {
    const agent = new Agent(ctx.app);
    const body = await registerAndVerify(agent);
    for (let i = 0; i < 5; i++) {
      expect(
        (await agent.post('/api/v1/auth/login', { identifier: body.email, password: `salah-${i}-kata-sandi` }))
          .statusCode,
      ).toBe(401);
    }
    const locked = await agent.post('/api/v1/auth/login', { identifier: body.email, password: body.password });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    ctx.clock.advance(16 * 60_000);
    expect(
      (await agent.post('/api/v1/auth/login', { identifier: body.email, password: body.password })).statusCode,
    ).toBe(200);
  });

  it('pauses an account per source: failures from one address never lock the person out elsewhere', async () => {
    const agent = new Agent(ctx.app);
    const body = await registerAndVerify(agent);
    const from = (ip: string, password: string) =>
      agent.request('POST', '/api/v1/auth/login', { identifier: body.email, password }, { remoteAddress: ip });
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.7', `salah-${i}-kata-sandi`)).statusCode).toBe(401);
    expect((await from('203.0.113.7', body.password)).statusCode).toBe(429);
    expect((await from('198.51.100.20', body.password)).statusCode).toBe(200);
  });

  it('counts parallel failures atomically: 25 at once get exactly five answers of 401', async () => {
    const agent = new Agent(ctx.app);
    const body = await registerAndVerify(agent);
    const all = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        agent.request(
          'POST',
          '/api/v1/auth/login',
          { identifier: body.email, password: `salah-${i}-kata-sandi` },
          { remoteAddress: '192.0.2.55' },
        ),
      ),
    );
    const codes = all.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(20);
  });

  it('does not count successful sign-ins against their address (a hall behind one address signs in together)', async () => {
    const local = await createTestContext({ limits: { failuresPerIp: 3 } });
    try {
      for (let i = 0; i < 5; i++)
        expect((await (await signedInAgent(local, 'employee')).get('/api/v1/me')).statusCode).toBe(200);
    } finally {
      await local.close();
    }
  });

  // Issue 24 §1: an address past its limit is slowed, never refused — a hall behind one NAT is one address.
  it('slows an IP address after too many failures across accounts, yet lets a correct password in at once', async () => {
    const local = await createTestContext({ limits: { failuresPerIp: 3, addressSlowdownMs: 250 } });
    try {
      const agent = new Agent(local.app);
      const staff = (await (await signedInAgent(local, 'employee')).get('/api/v1/me')).json().account.email as string;
      for (let i = 0; i < 3; i++) {
        await agent.request(
          'POST',
          '/api/v1/auth/login',
          { identifier: `orang${i}@contoh.id`, password: 'apa-saja-panjang' },
          { remoteAddress: '10.1.2.3' },
        );
      }
      const started = Date.now();
      const res = await agent.request(
        'POST',
        '/api/v1/auth/login',
        { identifier: 'lain@contoh.id', password: 'apa-saja-panjang' },
        { remoteAddress: '10.1.2.3' },
      );
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toMatch(/diperlambat/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(240);
      const other = await agent.request(
        'POST',
        '/api/v1/auth/login',
        { identifier: 'lain@contoh.id', password: 'apa-saja-panjang' },
        { remoteAddress: '10.9.9.9' },
      );
      expect(other.statusCode).toBe(401);
      expect(other.json().error.message).not.toMatch(/diperlambat/);
      const right = await new Agent(local.app).request(
        'POST',
        '/api/v1/auth/login',
        { identifier: staff, password: 'sandi-uji-yang-panjang-sekali' },
        { remoteAddress: '10.1.2.3' },
      );
      expect(right.statusCode, right.body).toBe(200);
    } finally {
      await local.close();
    }
  });

  it('ignores X-Forwarded-For unless the request comes from a configured proxy (TRUST_PROXY)', async () => {
    const fromClient = (a: Agent, i: number, remoteAddress: string, xff: string) =>
      a.request(
        'POST',
        '/api/v1/auth/login',
        { identifier: `orang${i}@contoh.id`, password: 'apa-saja-panjang' },
        { remoteAddress, headers: { 'x-forwarded-for': xff } },
      );
    // Past the address's limit a failure is answered slowly (issue 24 §1), never refused.
    const slowed = (r: { statusCode: number; json: () => { error: { message: string } } }) =>
      r.statusCode === 401 && /diperlambat/.test(r.json().error.message);
    const direct = await createTestContext({ limits: { failuresPerIp: 3, addressSlowdownMs: 1 } });
    try {
      const agent = new Agent(direct.app);
      // A new forged address per request: the limit still sees the one real address.
      for (let i = 0; i < 3; i++) expect(slowed(await fromClient(agent, i, '10.1.2.3', `198.51.100.${i}`))).toBe(false);
      expect(slowed(await fromClient(agent, 9, '10.1.2.3', '198.51.100.99'))).toBe(true);
      expect(direct.logs.join('\n')).not.toContain('198.51.100.');
    } finally {
      await direct.close();
    }
    const proxied = await createTestContext({
      limits: { failuresPerIp: 3, addressSlowdownMs: 1 },
      trustProxy: ['10.0.0.0/8'],
    });
    try {
      const agent = new Agent(proxied.app);
      // Behind the configured proxy the forwarded client address counts, one per client.
      for (let i = 0; i < 4; i++) expect(slowed(await fromClient(agent, i, '10.0.0.5', `198.51.100.${i}`))).toBe(false);
      for (let i = 0; i < 3; i++) await fromClient(agent, i, '10.0.0.5', '203.0.113.9');
      expect(slowed(await fromClient(agent, 5, '10.0.0.5', '203.0.113.9'))).toBe(true);
      // …but not from anyone else.
      const spoofer = await fromClient(agent, 6, '192.0.2.1', '198.51.100.77');
      expect(slowed(spoofer)).toBe(false);
      for (let i = 0; i < 3; i++) await fromClient(agent, i, '192.0.2.1', `198.51.100.${50 + i}`);
      expect(slowed(await fromClient(agent, 7, '192.0.2.1', '198.51.100.60'))).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('ends a session after an hour without activity', async () => {
    const agent = await signedInAgent(ctx, 'employee');
    expect((await agent.get('/api/v1/me')).statusCode).toBe(200);
    ctx.clock.advance(61 * 60_000);
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
  });
});

describe('password reset', () => {
  it('resets by e-mailed token, ends every other session, and refuses the token twice', async () => {
    const agent = new Agent(ctx.app);
    const body = await registerAndVerify(agent);
    await agent.post('/api/v1/auth/login', { identifier: body.email, password: body.password });
    const anon = new Agent(ctx.app);
    expect((await anon.post('/api/v1/auth/forgot-password', { email: body.email })).statusCode).toBe(200);
    expect((await anon.post('/api/v1/auth/forgot-password', { email: 'nobody@contoh.id' })).statusCode).toBe(200);
    const token = await latestTokenFor(ctx.database, body.email);
    const weak = await anon.post('/api/v1/auth/reset-password', { token, password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(
      (await anon.post('/api/v1/auth/reset-password', { token, password: 'sandi baru yang cukup panjang' })).statusCode,
    ).toBe(200);
    expect(
      (await anon.post('/api/v1/auth/reset-password', { token, password: 'sandi lain yang cukup panjang' })).statusCode,
    ).toBe(410);
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
    expect(
      (await anon.post('/api/v1/auth/login', { identifier: body.email, password: 'sandi baru yang cukup panjang' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('staff accounts', () => {
  it('lets an admin create a staff account that the person activates from the e-mail', async () => {
    const admin = await signedInAgent(ctx, 'admin');
    const res = await admin.post('/api/v1/admin/accounts', {
      email: 'verifikator.baru@palukota.go.id',
      fullName: 'Verifikator Baru',
      role: 'verifier',
      organizationId: 'bkpsdm',
    });
    expect(res.statusCode, res.body).toBe(201);
    const outbox = await admin.get('/api/v1/admin/outbox');
    const mail = outbox.json().emails.find((m: { to: string }) => m.to === 'verifikator.baru@palukota.go.id');
    expect(mail.subject).toContain('Aktivasi');
    const token = await latestTokenFor(ctx.database, 'verifikator.baru@palukota.go.id');
    const person = new Agent(ctx.app);
    expect(
      (await person.post('/api/v1/auth/reset-password', { token, password: 'verifikasi dokumen dengan teliti' }))
        .statusCode,
    ).toBe(200);
    const login = await person.post('/api/v1/auth/login', {
      identifier: 'verifikator.baru@palukota.go.id',
      password: 'verifikasi dokumen dengan teliti',
    });
    expect(login.json().account.role).toBe('verifier');
    const list = await admin.get('/api/v1/admin/accounts');
    expect(list.json().accounts.some((a: { email: string }) => a.email === 'verifikator.baru@palukota.go.id')).toBe(
      true,
    );
  });

  it('shows the admin the outbox without usable links or codes', async () => {
    const admin = await signedInAgent(ctx, 'admin');
    const body = applicantBody();
    await new Agent(ctx.app).post('/api/v1/auth/register', body);
    await new Agent(ctx.app).post('/api/v1/auth/forgot-password', { email: body.email });
    const outbox = (await admin.get('/api/v1/admin/outbox')).json();
    expect(outbox.secretsHidden).toBe(true);
    const mails = outbox.emails.filter((m: { to: string }) => m.to === body.email);
    expect(mails).toHaveLength(2);
    const token = await latestTokenFor(ctx.database, body.email);
    for (const m of mails as { body: string }[]) {
      expect(m.body).not.toContain(token);
      expect(m.body).not.toMatch(/token=[A-Za-z0-9_-]{20,}/);
      expect(m.body).toContain('token=••••••');
      expect(m.body).not.toMatch(/Kode verifikasi Anda: \d{6}/);
    }
  });

  it('records who really used a reset or activation link: the signed-in caller or an anonymous holder, never the account', async () => {
    const admin = await signedInAgent(ctx, 'admin');
    const adminId = (await admin.get('/api/v1/me')).json().account.id;
    await admin.post('/api/v1/admin/accounts', {
      email: 'panitia.baru@palukota.go.id',
      fullName: 'Panitia Baru',
      role: 'committee',
      organizationId: 'bkpsdm',
    });
    const staffToken = await latestTokenFor(ctx.database, 'panitia.baru@palukota.go.id');
    expect(
      (await admin.post('/api/v1/auth/reset-password', { token: staffToken, password: 'panitia seleksi yang jujur' }))
        .statusCode,
    ).toBe(200);
    const body = await registerAndVerify(new Agent(ctx.app));
    await new Agent(ctx.app).post('/api/v1/auth/forgot-password', { email: body.email });
    const resetToken = await latestTokenFor(ctx.database, body.email);
    expect(
      (
        await new Agent(ctx.app).post('/api/v1/auth/reset-password', {
          token: resetToken,
          password: 'sandi baru yang cukup panjang',
        })
      ).statusCode,
    ).toBe(200);
    const events = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'actor_role', 'subject_id'])
      .where('action', 'in', ['account.activate', 'account.reset_password'])
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(events[1]).toMatchObject({ action: 'account.activate', actor_id: adminId, actor_role: 'admin' });
    expect(events[0]).toMatchObject({ action: 'account.reset_password', actor_id: null, actor_role: 'anonymous' });
  });

  it('refuses an unknown OPD and an applicant role', async () => {
    const admin = await signedInAgent(ctx, 'admin');
    expect(
      (
        await admin.post('/api/v1/admin/accounts', {
          email: 'x1@palukota.go.id',
          fullName: 'X',
          role: 'verifier',
          organizationId: 'tidak-ada',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await admin.post('/api/v1/admin/accounts', { email: 'x2@palukota.go.id', fullName: 'X', role: 'applicant' }))
        .statusCode,
    ).toBe(400);
  });
});

describe('privacy', () => {
  it('never writes a NIK or a password into the logs or the audit log', async () => {
    const agent = new Agent(ctx.app);
    const body = await registerAndVerify(agent);
    await agent.post('/api/v1/auth/login', { identifier: body.nik, password: body.password });
    await agent.post('/api/v1/auth/login', { identifier: body.nik, password: 'salah-sekali-sandinya' });
    const logs = ctx.logs.join('\n');
    expect(logs).not.toContain(body.nik);
    expect(logs).not.toContain(body.password);
    const audit = JSON.stringify(await ctx.database.db.selectFrom('audit_events').selectAll().execute());
    expect(audit).not.toContain(body.nik);
    expect(audit).not.toContain(body.password);
  });
});
