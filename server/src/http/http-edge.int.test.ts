/** The HTTP edge under bad input: every malformed request gets a clear 4xx, never a 5xx. */
import { ALL_ENDPOINTS } from '../../../common/contracts/endpoints.ts';
import { declarationsOf } from './endpoints.ts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrations } from '../db/migrate.ts';
import { Agent, createTestContext, signedInAgent, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
let admin: Agent;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.app.get('/api/test/boom', { config: { access: 'public' } }, async () => {
    throw new Error('secret internal detail 7271045203990001');
  });
  admin = await signedInAgent(ctx, 'admin');
});
afterAll(() => ctx?.close());

const accountCount = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('malformed requests', () => {
  it.each([
    ['a NUL in a body string', { fullName: 'Nur\u0000Aisyah' }, 'fullName'],
    ['a lone surrogate in a body string', { fullName: 'Nur \ud800 Aisyah' }, 'fullName'],
    ['a lone low surrogate deep in the body', { birthPlace: 'Palu', extra: ['ok', '\udc00'] }, 'extra.1'],
  ])('answers %s with 400 naming the field, before anything is stored', async (_n, patch, field) => {
    const { applicantBody } = await import('../../test/harness.ts');
    const before = await accountCount();
    const res = await new Agent(ctx.app).post('/api/v1/auth/register', { ...applicantBody(), ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field, message: expect.stringContaining('tidak sah') }]);
    expect(await accountCount()).toBe(before);
  });

  it('answers a NUL in the query string with 400 naming the parameter', async () => {
    const res = await admin.get('/api/v1/public/formations?q=abc%00def');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('query.q');
  });

  it.each([
    ['malformed JSON', '{"nik": "72', 'application/json', 400, 'VALIDATION_FAILED'],
    [
      'wrong types',
      JSON.stringify({ nik: 7271045203990001, consent: 'ya' }),
      'application/json',
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an oversized body',
      JSON.stringify({ fullName: 'x'.repeat(70_000) }),
      'application/json',
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    ['an unsupported content type', 'nik=1', 'text/csv', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an array instead of an object', '[1,2,3]', 'application/json', 400, 'VALIDATION_FAILED'],
  ])('answers %s with a clear error and changes nothing', async (_n, payload, type, status, code) => {
    const before = await accountCount();
    const res = await new Agent(ctx.app).request('POST', '/api/v1/auth/register', payload, {
      headers: { 'content-type': type },
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message.length).toBeGreaterThan(5);
    expect(await accountCount()).toBe(before);
  });

  it('answers an unknown error with 500 and only a request id', async () => {
    const res = await new Agent(ctx.app).get('/api/test/boom');
    expect(res.statusCode).toBe(500);
    const err = res.json().error;
    expect(err.code).toBe('INTERNAL');
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toContain('7271045203990001');
    expect(err.message).toContain(err.requestId);
  });

  it('refuses a state change without the CSRF header', async () => {
    const agent = new Agent(ctx.app);
    await agent.get('/api/health');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/forgot-password',
      headers: { cookie: `merit_csrf=${agent.cookies.get('merit_csrf')}`, 'content-type': 'application/json' },
      payload: { email: 'a@contoh.id' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('refuses a forged CSRF cookie that the server did not sign', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/forgot-password',
      headers: { cookie: 'merit_csrf=abc.def', 'x-csrf-token': 'abc.def', 'content-type': 'application/json' },
      payload: { email: 'a@contoh.id' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('sends security headers, HSTS and upgrade-insecure-requests only when served over https, and a Permissions-Policy', async () => {
    const res = await new Agent(ctx.app).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    // This app is served over plain http (http://localhost).
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['permissions-policy']).toContain('camera=()');
    expect(res.headers['permissions-policy']).toContain('geolocation=()');
    const secure = await createTestContext({ publicUrl: 'https://merit.palukota.go.id' });
    try {
      const r = await new Agent(secure.app).get('/api/health');
      expect(r.headers['strict-transport-security']).toContain('max-age=31536000');
      expect(r.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });

  it('binds the CSRF token to the session: a token from before a sign-in, or from another session, is refused', async () => {
    const attacker = new Agent(ctx.app);
    await attacker.get('/api/health');
    const planted = attacker.cookies.get('merit_csrf')!;
    // The victim signs in with the token an attacker planted (cookie tossing) or read earlier.
    const victim = await signedInAgent(ctx, 'employee');
    const session = victim.cookies.get('merit_session')!;
    const withToken = (token: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: `merit_session=${session}; merit_csrf=${token}`, 'x-csrf-token': token },
      });
    expect((await withToken(planted)).statusCode).toBe(403);
    const other = await signedInAgent(ctx, 'employee');
    expect((await withToken(other.cookies.get('merit_csrf')!)).statusCode).toBe(403);
    // Signing in issued the session's own token, which works.
    expect(victim.cookies.get('merit_csrf')).not.toBe(planted);
    expect((await withToken(victim.cookies.get('merit_csrf')!)).statusCode).toBe(200);
  });

  it('refuses a state change whose Origin is another site, even with a valid token', async () => {
    const agent = new Agent(ctx.app);
    const body = { email: 'a@contoh.id' };
    expect(
      (
        await agent.request('POST', '/api/v1/auth/forgot-password', body, {
          headers: { origin: 'https://penipu.example' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await agent.request('POST', '/api/v1/auth/forgot-password', body, { headers: { origin: 'null' } })).statusCode,
    ).toBe(403);
    expect(
      (
        await agent.request('POST', '/api/v1/auth/forgot-password', body, {
          headers: { 'sec-fetch-site': 'cross-site' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await agent.request('POST', '/api/v1/auth/forgot-password', body, { headers: { origin: 'http://localhost' } }))
        .statusCode,
    ).toBe(200);
    expect((await agent.request('POST', '/api/v1/auth/forgot-password', body)).statusCode).toBe(200);
  });

  it('reports health with the database kind and migration count', async () => {
    const res = await new Agent(ctx.app).get('/api/health');
    expect(res.json()).toEqual({
      status: 'ok',
      database: ctx.database.kind,
      migrations: readMigrations().length,
      files: 'shared',
      listen: 'ok',
    });
  });

  it('publishes an OpenAPI document generated from the schemas', async () => {
    const doc = (await new Agent(ctx.app).get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(
      doc.paths['/api/v1/auth/register'].post.requestBody.content['application/json'].schema.properties.nik,
    ).toBeDefined();
  });
});

describe('endpoint declarations (docs/adr/0008)', () => {
  it('the server registers exactly the declared endpoints, with the declared access', () => {
    const declared = declarationsOf(ALL_ENDPOINTS)
      .map((e) => `${e.method} ${e.path} ${JSON.stringify(e.access)}`)
      .sort();
    // Swagger UI's own pages are registered by its plugin, and the harness adds /api/test/ routes.
    const registered = ctx.app.routeTable
      .filter((r) => !r.url.startsWith('/api/docs') && !r.url.startsWith('/api/test/'))
      .map((r) => `${r.method} ${r.url} ${JSON.stringify(r.access)}`)
      .sort();
    expect(registered).toEqual(declared);
  });
});

describe('generated bodies against every route', () => {
  it('never answers 5xx, for anonymous callers or an admin', async () => {
    const routes = ctx.app.routeTable.filter((r) => r.url.startsWith('/api/v1/'));
    const json = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          nik: fc.oneof(fc.string(), fc.stringMatching(/^\d{16}$/), fc.integer()),
          email: fc.oneof(fc.emailAddress(), fc.string()),
          password: fc.string({ maxLength: 200 }),
          identifier: fc.string(),
          token: fc.string(),
          birthDate: fc.oneof(
            fc.string(),
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          ),
          gender: fc.constantFrom('L', 'P', 'X'),
          consent: fc.boolean(),
          fullName: fc.string(),
          role: fc.string(),
        },
        { requiredKeys: [] },
      ),
    );
    const raw = fc.oneof(
      json.map((v) => JSON.stringify(v)),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        raw,
        fc.boolean(),
        fc.string({ maxLength: 30 }),
        async (route, body, asAdmin, query) => {
          const agent = asAdmin ? admin : new Agent(ctx.app);
          const url =
            route.method === 'GET'
              ? `${route.url}?${encodeURIComponent(query)}=${encodeURIComponent(query)}`
              : route.url;
          const res = await agent.request(route.method as 'GET', url, route.method === 'GET' ? undefined : body, {
            headers: { 'content-type': 'application/json' },
          });
          expect(
            res.statusCode,
            `${route.method} ${route.url} ${body.slice(0, 100)} → ${res.body.slice(0, 200)}`,
          ).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });
});
