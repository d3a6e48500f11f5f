/**
 * The authorization matrix, kept as data: for every registered route, what each kind of caller
 * gets (2xx, 401 or 404). A route that is registered but missing here fails the test, so no
 * endpoint ships without someone deciding who may call it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../common/contracts/identity.ts';
import { Agent, applicantBody, createTestContext, signedInAgent, type TestContext } from '../../test/harness.ts';

type Caller = 'anonymous' | (typeof ROLES)[number];
type Expect = '2xx' | 401 | 404;
const CALLERS: Caller[] = ['anonymous', ...ROLES];

interface Row {
  /** Expected outcome per caller; `rest` covers the callers not named. */
  expect: Partial<Record<Caller | 'rest', Expect>>;
  body?: () => unknown;
  url?: string;
}

const PUBLIC: Row['expect'] = { rest: '2xx' };
const SIGNED_IN: Row['expect'] = { anonymous: 401, rest: '2xx' };
const ADMIN_ONLY: Row['expect'] = { anonymous: 401, admin: '2xx', rest: 404 };
let staffCounter = 0;

const MATRIX: Record<string, Row> = {
  'GET /api/health': { expect: PUBLIC },
  'GET /api/openapi.json': { expect: PUBLIC },
  'GET /api/docs': { expect: PUBLIC },
  'GET /api/docs/static/index.html': { expect: PUBLIC },
  'GET /api/docs/static/swagger-initializer.js': { expect: PUBLIC },
  'GET /api/docs/static/*': { expect: PUBLIC, url: '/api/docs/static/swagger-ui.css' },
  'GET /api/docs/json': { expect: PUBLIC },
  'GET /api/docs/yaml': { expect: PUBLIC },
  'POST /api/v1/auth/register': { expect: PUBLIC, body: () => applicantBody() },
  'POST /api/v1/auth/verify-email': { expect: { rest: 410 as unknown as Expect }, body: () => ({ token: 'x'.repeat(43) }) },
  'POST /api/v1/auth/resend-verification': { expect: PUBLIC, body: () => ({ email: 'siapa@contoh.id' }) },
  'POST /api/v1/auth/login': { expect: { rest: 401 }, body: () => ({ identifier: 'siapa@contoh.id', password: 'bukan-sandi-siapapun' }) },
  'POST /api/v1/auth/logout': { expect: SIGNED_IN },
  'POST /api/v1/auth/forgot-password': { expect: PUBLIC, body: () => ({ email: 'siapa@contoh.id' }) },
  'POST /api/v1/auth/reset-password': { expect: { rest: 410 as unknown as Expect }, body: () => ({ token: 'x'.repeat(43), password: 'sandi baru yang panjang' }) },
  'GET /api/v1/me': { expect: SIGNED_IN },
  'GET /api/v1/admin/accounts': { expect: ADMIN_ONLY },
  'POST /api/v1/admin/accounts': { expect: ADMIN_ONLY, body: () => ({ email: `staf${++staffCounter}@palukota.go.id`, fullName: 'Staf Baru', role: 'employee' }) },
  'GET /api/v1/admin/outbox': { expect: ADMIN_ONLY },
  'GET /api/v1/public/organizations': { expect: PUBLIC },
  'GET /api/v1/public/audit/checkpoints': { expect: PUBLIC },
  'GET /api/v1/public/audit/events': { expect: PUBLIC },
};

let ctx: TestContext;
const agents = new Map<Caller, Agent>();

beforeAll(async () => {
  ctx = await createTestContext();
  agents.set('anonymous', new Agent(ctx.app));
  for (const role of ROLES) agents.set(role, await signedInAgent(ctx, role));
});
afterAll(() => ctx?.close());

describe('authorization matrix', () => {
  it('names every registered route', () => {
    const registered = ctx.app.routeTable.map((r) => `${r.method} ${r.url}`);
    const missing = registered.filter((k) => !(k in MATRIX));
    expect(missing, 'routes missing from the authorization matrix').toEqual([]);
    const stale = Object.keys(MATRIX).filter((k) => !registered.includes(k));
    expect(stale, 'matrix rows for routes that no longer exist').toEqual([]);
  });

  for (const [key, row] of Object.entries(MATRIX)) {
    it(`${key} answers each caller as the matrix says`, async () => {
      const [method, path] = key.split(' ') as [string, string];
      for (const caller of CALLERS) {
        if (key === 'POST /api/v1/auth/logout') continue; // checked below: it would end the shared sessions
        const expected = row.expect[caller] ?? row.expect.rest!;
        const res = await agents.get(caller)!.request(method as 'GET', row.url ?? path, method === 'GET' ? undefined : (row.body?.() ?? {}));
        const got = res.statusCode >= 200 && res.statusCode < 400 ? '2xx' : res.statusCode;
        expect(got, `${caller} → ${key}: ${res.body.slice(0, 200)}`).toBe(expected);
      }
    });
  }

  it('POST /api/v1/auth/logout: 401 for anonymous, 2xx for each role', async () => {
    expect((await agents.get('anonymous')!.post('/api/v1/auth/logout')).statusCode).toBe(401);
    for (const role of ROLES) {
      const agent = await signedInAgent(ctx, role);
      expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(200);
    }
  });

  it('checks access before reading the body: a forbidden caller learns nothing from validation', async () => {
    const res = await agents.get('verifier')!.post('/api/v1/admin/accounts', { nonsense: true });
    expect(res.statusCode).toBe(404);
  });
});
