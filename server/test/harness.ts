/**
 * Integration-test harness: a real database per test file (in-memory PGlite, or a fresh database
 * on the Postgres server of TEST_DATABASE_URL when MERIT_TEST_DB=postgres), the real app, and an
 * Agent that behaves like a browser (cookies, CSRF header, language).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { type ComposeOptions, composeServices, type Services } from '../src/compose.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import type { IdentityLimits } from '../src/modules/identity/index.ts';
import { loadAuditSigner } from '../src/modules/transparency/index.ts';
import { ManualClock, type Clock } from '../src/platform/clock.ts';
import { seedHolidays, seedOrganizations, seedThresholds } from '../seeds/demo.ts';

export const usingPostgres = () => process.env.MERIT_TEST_DB === 'postgres';

/** A database of its own for one test file; `drop` removes it (Postgres) or closes it (PGlite). */
export async function openTestDatabase(): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  if (!usingPostgres()) {
    const database = await openDatabase({});
    return { database, drop: () => database.close() };
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('MERIT_TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `merit_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  services: Services;
  clock: ManualClock;
  /** The Postgres database's URL (unset on PGlite), for a second app instance on the same data. */
  url?: string;
  logs: string[];
  /** The local file store's folder (uploads land here, encrypted). */
  filesDir: string;
  close: () => Promise<void>;
}

export const TEST_SECRET = 'test-session-secret-0123456789abcdef0123456789';

export async function createTestContext(
  opts: {
    limits?: Partial<IdentityLimits>;
    clock?: Clock;
    trustProxy?: string[];
    publicUrl?: string;
    participation?: ComposeOptions['participation'];
  } = {},
): Promise<TestContext> {
  const { database, url, drop } = await openTestDatabase();
  const migrations = await migrate(database);
  await seedOrganizations(database);
  await seedHolidays(database);
  await seedThresholds(database);
  const clock = (opts.clock as ManualClock | undefined) ?? new ManualClock(new Date());
  const signer = loadAuditSigner({ dataDir: '/nonexistent', pem: TEST_SIGNING_KEY });
  const filesDir = mkdtempSync(path.join(tmpdir(), 'merit-files-'));
  const services = composeServices({
    database,
    config: {
      publicUrl: 'http://merit.test',
      smtpUrl: undefined,
      mailFrom: 'Merit <no-reply@merit.test>',
      sessionSecret: TEST_SECRET,
      filesDir,
      fileEncryptionKey: Buffer.alloc(32, 7),
    },
    signer,
    clock,
    identityLimits: { failuresPerIp: 1000, registrationsPerIpPerHour: 10_000, ...opts.limits },
    ...(opts.participation ? { participation: opts.participation } : {}),
  });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const app = await buildApp({
    config: {
      sessionSecret: TEST_SECRET,
      cookieSecure: false,
      logLevel: 'info',
      env: 'test',
      publicUrl: opts.publicUrl ?? 'http://localhost',
      ...(opts.trustProxy ? { trustProxy: opts.trustProxy } : {}),
    },
    database,
    migrations,
    services,
    serveWeb: false,
    logStream,
  });
  return {
    app,
    database,
    services,
    clock,
    ...(url ? { url } : {}),
    logs,
    filesDir,
    close: async () => {
      await app.close();
      await drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** A fixed Ed25519 test key (PKCS#8), so tests do not write key files. */
export const TEST_SIGNING_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIJXV3zZ6q6OJWOLWpgnwNW4guLaga2lGj7iC3sZTLPOW
-----END PRIVATE KEY-----`;

/** Like a browser: keeps cookies, echoes the CSRF cookie in a header, sends JSON. */
export class Agent {
  cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    readonly lang: 'id' | 'en' = 'id',
  ) {
    this.cookies.set('merit_lang', lang);
  }

  async request(method: InjectOptions['method'], url: string, body?: unknown, extra: Partial<InjectOptions> = {}) {
    if (!this.cookies.has('merit_csrf'))
      await this.app.inject({ method: 'GET', url: '/api/health' }).then((r) => this.keep(r));
    const res = await this.app.inject({
      method,
      url,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': this.cookies.get('merit_csrf') ?? '',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(extra.headers ?? {}),
      },
      ...(body !== undefined
        ? { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }
        : {}),
      ...(extra.remoteAddress ? { remoteAddress: extra.remoteAddress } : {}),
    });
    this.keep(res);
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  /** Sends multipart/form-data (uploads). */
  upload = (method: 'PUT' | 'POST', url: string, form: { body: Buffer; contentType: string }) =>
    this.request(method, url, form.body, { headers: { 'content-type': form.contentType } });

  private keep(res: { cookies: { name: string; value: string; maxAge?: number; expires?: Date }[] }) {
    for (const c of res.cookies) {
      const expired =
        c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}

let nikCounter = 0;
/** A fresh valid applicant body: Palu regency code, a woman born 12 March 1999, unique serial. */
export function applicantBody(overrides: Record<string, unknown> = {}) {
  nikCounter += 1;
  const serial = String(((process.pid * 7 + nikCounter) % 9999) + 1).padStart(4, '0');
  const tag = randomBytes(4).toString('hex');
  return {
    nik: `727104520399${serial}`,
    fullName: 'Nur Aisyah Lamarauna',
    birthPlace: 'Palu',
    birthDate: '1999-03-12',
    gender: 'P',
    email: `pelamar.${tag}@contoh.id`,
    phone: '081234567890',
    password: 'kopi tubruk di teluk palu',
    consent: true,
    ...overrides,
  };
}

/** Pulls the token out of the newest e-mail sent to an address. */
export async function latestTokenFor(database: Database, address: string): Promise<string> {
  const mail = await database.db
    .selectFrom('outbox_emails')
    .select(['body_text'])
    .where('to_address', '=', address)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const m = /token=([A-Za-z0-9_-]+)/.exec(mail.body_text);
  if (!m?.[1]) throw new Error('no token in mail');
  return m[1];
}

/** Seats committee agents on a period's committee, as the admin does (the opener is seated already). */
export async function joinCommittee(ctx: TestContext, periodId: string, ...agents: Agent[]) {
  for (const agent of agents) {
    const me = (await agent.get('/api/v1/me')).json() as { account: { id: string } };
    await ctx.database.db
      .insertInto('period_committee_members')
      .values({ period_id: periodId, account_id: me.account.id, assigned_by: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Creates a verified account of the role and returns an Agent signed in as it. */
export async function signedInAgent(
  ctx: TestContext,
  role: Parameters<Services['identity']['createAccountWithPassword']>[0]['role'],
  person: { nik?: string; birthDate?: string; gender?: 'L' | 'P' } = {},
) {
  const email = `${role}.${randomBytes(4).toString('hex')}@merit.test`;
  const password = 'sandi-uji-yang-panjang-sekali';
  const applicant =
    role === 'applicant'
      ? {
          nik: person.nik ?? applicantBody().nik,
          birthDate: person.birthDate ?? '1999-03-12',
          gender: person.gender ?? ('P' as const),
          birthPlace: 'Palu',
        }
      : {};
  await ctx.services.identity.createAccountWithPassword({
    email,
    fullName: `Uji ${role}`,
    role,
    password,
    organizationId: role === 'applicant' || role === 'citizen' ? null : 'bkpsdm',
    ...applicant,
  });
  const agent = new Agent(ctx.app);
  const res = await agent.post('/api/v1/auth/login', { identifier: email, password });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode} ${res.body}`);
  return agent;
}
