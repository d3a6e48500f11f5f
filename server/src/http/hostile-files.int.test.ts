/**
 * Hostile files at the HTTP edge (issue 24 §3–§6): XLSX decompression bombs on every sheet import,
 * unstorable file names on every upload route, stored files without a row, stored uploads sent
 * only through the document path, and a file missing on this instance.
 */
import { ALL_ENDPOINTS } from '../../../common/contracts/endpoints.ts';
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, makePng, multipart } from '../../test/fixtures.ts';
import { type Agent, createTestContext, signedInAgent, type TestContext } from '../../test/harness.ts';
import { openPeriodWithFormation } from '../../test/recruitment-setup.ts';
import { xlsxBomb } from '../../test/zip-bomb.ts';
import { checkFileStoreShared } from '../platform/file-store-check.ts';
import { createLocalFileStore, putRecorded } from '../platform/file-store.ts';
import { checkStoredFiles, FILE_KEY_COLUMNS } from '../platform/file-sweep.ts';
import { DOCUMENT_CSP } from './documents.ts';

let ctx: TestContext;
let committee: Agent;
let admin: Agent;
let examAdmin: Agent;
let employee: Agent;
let observer: Agent;
let applicant: Agent;
let periodId = '';
const X = '00000000-0000-4000-8000-000000000000';
let rawKey = '';
const DAY = 86_400_000;

/** Every stored file under the store's folder (shard/shard/uuid), temp files included. */
const storedFiles = (): string[] => {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.isDirectory()) walk(path.join(dir, d.name));
      else if (d.name !== 'store-id') out.push(path.join(dir, d.name));
    }
  };
  walk(ctx.filesDir);
  return out;
};

beforeAll(async () => {
  ctx = await createTestContext({ limits: { sessionIdleMs: 365 * DAY, sessionAbsoluteMs: 365 * DAY } });
  // A route that forgets the document path (routes are added before the app is ready).
  ctx.app.get('/api/test/raw-document', { config: { access: 'public' } }, async (_req, reply) =>
    reply.type('application/pdf').send(await ctx.services.files.get(rawKey)),
  );
  committee = await signedInAgent(ctx, 'committee');
  admin = await signedInAgent(ctx, 'admin');
  examAdmin = await signedInAgent(ctx, 'exam_admin');
  employee = await signedInAgent(ctx, 'employee');
  observer = await signedInAgent(ctx, 'observer');
  applicant = await signedInAgent(ctx, 'applicant');
  ({ periodId } = await openPeriodWithFormation(ctx, committee));
}, 240_000);
afterAll(() => ctx?.close());

describe('XLSX decompression bombs (§3)', () => {
  const routes: [string, () => Agent, () => string][] = [
    ['formations', () => committee, () => `/api/v1/periods/${periodId}/formations/import`],
    ['exam items', () => examAdmin, () => '/api/v1/exam/items/import'],
    ['employees', () => admin, () => '/api/v1/employees/import?commit=false'],
    ['appointments', () => admin, () => `/api/v1/appointments/periods/${X}/import?commit=false`],
    ['SKP results', () => admin, () => '/api/v1/performance/import?commit=false'],
    ['education history', () => admin, () => '/api/v1/records/education/import?commit=false'],
    ['competency history', () => admin, () => '/api/v1/records/competency/import?commit=false'],
  ];
  it.each(routes)(
    'the %s import refuses a ~1 MB bomb with 413 naming the limit, within seconds and bounded memory',
    async (_n, who, url) => {
      const bomb = xlsxBomb({ kind: 'rows', declared: 'true' });
      expect(bomb.length).toBeGreaterThan(900_000);
      const before = process.memoryUsage().rss;
      const t = performance.now();
      const res = await who().upload('POST', url(), multipart({ name: 'data.xlsx', data: bomb }));
      const seconds = (performance.now() - t) / 1000;
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(res.json().error.message).toMatch(/paling besar 50 MB/);
      expect(seconds).toBeLessThan(10);
      expect((process.memoryUsage().rss - before) / (1024 * 1024)).toBeLessThan(200);
    },
  );
});

describe('file names no column can hold (§4)', () => {
  const routes: [string, () => Agent, 'POST' | 'PUT', () => string][] = [
    ['SKP evidence', () => employee, 'POST', () => `/api/v1/performance/results/${X}/files`],
    ['item picture', () => examAdmin, 'POST', () => '/api/v1/exam/item-images'],
    [
      'accreditation letter',
      () => observer,
      'POST',
      () =>
        `/api/v1/observer/accreditations?periodId=${periodId}&organizationName=Forum&organizationKind=lsm&contactPerson=Andi`,
    ],
    ['finding evidence', () => observer, 'POST', () => `/api/v1/observer/findings/${X}/evidence`],
    ['application document', () => applicant, 'PUT', () => `/api/v1/me/applications/${X}/documents/ijazah`],
    ['objection evidence', () => applicant, 'POST', () => `/api/v1/me/applications/${X}/objection`],
    ['ijazah', () => admin, 'POST', () => `/api/v1/records/education/${X}/ijazah`],
    ['record correction evidence', () => employee, 'POST', () => '/api/v1/me/records/corrections'],
  ];
  // (A lone surrogate cannot cross the wire: UTF-8 turns it into U+FFFD, which is storable.)
  it.each(routes)(
    'the %s upload answers 400 for a NUL in the file name and stores nothing',
    async (_n, who, method, url) => {
      const pdf = await makePdf('Bukti');
      for (const name of ['a\u0000b.pdf', '\u0000']) {
        const before = storedFiles().length;
        const res = await who().upload(
          method,
          url(),
          multipart(
            { name, data: pdf, type: 'application/pdf' },
            method === 'POST' && url().endsWith('/objection')
              ? { reason: 'Ijazah saya sudah dilegalisir dengan benar.' }
              : {},
          ),
        );
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.fields[0].message).toMatch(/Nama berkas memuat karakter yang tidak sah/);
        expect(storedFiles().length).toBe(before);
      }
    },
  );

  it('fuzzed file names never answer 5xx, and every file stored has its record', async () => {
    const png = await makePng('gambar');
    const names = fc.sample(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc.string({ unit: 'grapheme', maxLength: 250 }),
        fc.constantFrom('a\u0000b.png', '"; filename="x.png', '..\\..\\etc\\passwd', '\r\nX-Injected: 1', ''),
      ),
      { numRuns: 40, seed: 2404 },
    );
    for (const name of names) {
      const res = await examAdmin.upload(
        'POST',
        '/api/v1/exam/item-images',
        multipart({ name, data: png, type: 'image/png' }),
      );
      expect(res.statusCode, `${JSON.stringify(name)} → ${res.body}`).toBeLessThan(500);
    }
    const report = await checkStoredFiles({ db: ctx.database.db, files: ctx.services.files }, { now: ctx.clock.now() });
    expect(report.orphans).toEqual([]);
  });

  it('a failed insert removes the file it stored', async () => {
    const before = storedFiles().length;
    await expect(
      putRecorded(ctx.services.files, Buffer.from('x'), { contentType: 'text/plain' }, async () =>
        Promise.reject(new Error('insert failed')),
      ),
    ).rejects.toThrow('insert failed');
    expect(storedFiles().length).toBe(before);
  });

  it('the file check lists stored files no row points at and removes them only after the grace time', async () => {
    const orphan = await ctx.services.files.put(Buffer.from('niemand'), { contentType: 'text/plain' });
    const now = ctx.clock.now();
    const report = await checkStoredFiles({ db: ctx.database.db, files: ctx.services.files }, { now, remove: true });
    expect(report.orphans.map((o) => o.key)).toContain(orphan.key);
    expect(report.removed).toEqual([]); // younger than the grace time: an upload may still be recording it
    const later = await checkStoredFiles(
      { db: ctx.database.db, files: ctx.services.files },
      { now: new Date(Date.now() + 2 * DAY), remove: true },
    );
    expect(later.removed).toContain(orphan.key);
    expect(await ctx.services.files.exists(orphan.key)).toBe(false);
    // Files rows point at are never listed.
    const res = await observer.upload(
      'POST',
      `/api/v1/observer/accreditations?periodId=${periodId}&organizationName=Forum%20Cek&organizationKind=lsm&contactPerson=Andi`,
      multipart({ name: 'surat.pdf', data: await makePdf('Surat') }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const after = await checkStoredFiles(
      { db: ctx.database.db, files: ctx.services.files },
      { now: new Date(Date.now() + 2 * DAY) },
    );
    expect(after.stored).toBeGreaterThan(0);
    expect(after.orphans).toEqual([]);
  });

  it('knows every column that holds a file key', async () => {
    const cols = (await ctx.database.db
      .selectFrom('information_schema.columns' as never)
      .select(['table_name as t', 'column_name as c'] as never[])
      .where('table_schema' as never, '=', 'public' as never)
      .where('column_name' as never, 'in', ['file_key', 'evidence_key', 'letter_key'] as never)
      .execute()) as unknown as { t: string; c: string }[];
    expect(cols.map((r) => `${r.t}.${r.c}`).sort()).toEqual(FILE_KEY_COLUMNS.map(([t, c]) => `${t}.${c}`).sort());
  });
});

describe('stored uploads leave only through the document path (§5, §6)', () => {
  let letterUrl = '';
  beforeAll(async () => {
    const res = await observer.upload(
      'POST',
      `/api/v1/observer/accreditations?periodId=${periodId}&organizationName=Forum%20Surat&organizationKind=lsm&contactPerson=Andi`,
      multipart({ name: 'surat.pdf', data: await makePdf('Surat permohonan') }),
    );
    // One live application per observer and period: the earlier test may have made it.
    const mine = (await observer.get('/api/v1/observer/accreditations')).json().accreditations as { id: string }[];
    expect([201, 409]).toContain(res.statusCode);
    letterUrl = `/api/v1/accreditations/${mine[0]!.id}/letter`;
  });

  it('sends the accreditation letter under the document sandbox', async () => {
    const res = await committee.get(letterUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBe(DOCUMENT_CSP);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="surat-permohonan-pemantau.pdf"/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('every route that sends a stored upload sends it through sendDocument', () => {
    // Enumerated from the route files: a GET whose handler calls sendDocument. A new one must be
    // added here (and is then under the guard below like every other). Routes are registered from
    // their declarations (`route(app, E.key, …)`); the import names which group `E` is.
    const modules = path.resolve(import.meta.dirname, '../modules');
    const groups = ALL_ENDPOINTS as unknown as Record<string, Record<string, { method: string; path: string }>>;
    const found: string[] = [];
    for (const dir of readdirSync(modules)) {
      for (const f of readdirSync(path.join(modules, dir)).filter((n) => n.endsWith('.routes.ts'))) {
        const src = readFileSync(path.join(modules, dir, f), 'utf8');
        const alias = new Map<string, string>();
        for (const imp of src.matchAll(/import \{([^}]*)\} from '[^']*\.endpoints\.ts'/g)) {
          for (const part of imp[1]!.split(',')) {
            const [name, as] = part.trim().split(/\s+as\s+/);
            if (name) alias.set(as ?? name, name);
          }
        }
        for (const seg of src.split(/(?=route\(\s*app,)/)) {
          const m = /^route\(\s*app,\s*(\w+)\.(\w+)/.exec(seg);
          const ep = m ? groups[alias.get(m[1]!) ?? '']?.[m[2]!] : undefined;
          if (ep?.method === 'GET' && seg.includes('sendDocument(')) found.push(ep.path);
        }
      }
    }
    expect(found.sort()).toEqual(
      [
        '/api/v1/accreditations/:id/letter',
        '/api/v1/applications/:id/documents/:kind',
        '/api/v1/complaints/:id/attachments/:attachmentId',
        '/api/v1/discipline/records/:id/sk',
        '/api/v1/exam/item-images/:id',
        '/api/v1/findings/:id/evidence',
        '/api/v1/objections/:id/evidence',
        '/api/v1/performance/notes/:id/file',
        '/api/v1/records/corrections/:id/evidence',
        '/api/v1/records/education/:id/ijazah',
      ].sort(),
    );
  });

  it('refuses to send stored bytes through any other path', async () => {
    const stored = await ctx.services.files.put(await makePdf('x'), { contentType: 'application/pdf' });
    rawKey = stored.key;
    const res = await committee.get('/api/test/raw-document');
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('%PDF');
    await ctx.services.files.delete(stored.key);
  });

  it('answers a file missing on this instance with a clear 503 naming the cause', async () => {
    const row = await ctx.database.db
      .selectFrom('observer_accreditations')
      .select('letter_key')
      .where('id', '=', letterUrl.split('/')[4]!)
      .executeTakeFirstOrThrow();
    const [a, b, id] = row.letter_key.split('/') as [string, string, string];
    unlinkSync(path.join(ctx.filesDir, a, b, id));
    const res = await committee.get(letterUrl);
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('FILE_UNAVAILABLE');
    expect(res.json().error.message).toMatch(/tidak dibagi antar-server/);
  });

  it('/api/health reports whether this instance shares the file store', async () => {
    const health = await committee.get('/api/health');
    expect(health.json()).toMatchObject({ status: 'ok', files: 'shared' });
    // A second instance on the same database but its own folder is told it does not share.
    const otherDir = mkdtempSync(path.join(tmpdir(), 'merit-files-other-'));
    try {
      expect(await checkFileStoreShared(ctx.database.db, createLocalFileStore(otherDir))).toBe('not-shared');
      expect(await checkFileStoreShared(ctx.database.db, createLocalFileStore(ctx.filesDir))).toBe('shared');
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
