import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dir = () => mkdtempSync(path.join(tmpdir(), 'merit-config-'));

describe('loadConfig', () => {
  it('starts with defaults and keeps a generated session secret under the data dir', () => {
    const d = dir();
    const a = loadConfig({ MERIT_DATA_DIR: d });
    expect(a).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      env: 'development',
      databaseUrl: undefined,
      publicUrl: 'http://127.0.0.1:3000',
    });
    expect(a.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ MERIT_DATA_DIR: d }).sessionSecret).toBe(a.sessionSecret);
    expect(readFileSync(path.join(d, 'session-secret'), 'utf8').trim()).toBe(a.sessionSecret);
    expect(statSync(path.join(d, 'session-secret')).mode & 0o077).toBe(0);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SESSION_SECRET: 'short', MERIT_DATA_DIR: dir() });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('SESSION_SECRET');
    }
  });

  it('starts the clock at MERIT_NOW for journeys, never in production', () => {
    expect(loadConfig({ MERIT_DATA_DIR: dir() }).clockStart).toBeUndefined();
    expect(
      loadConfig({ MERIT_DATA_DIR: dir(), MERIT_NOW: '2026-12-29T09:00:00+08:00' }).clockStart?.toISOString(),
    ).toBe('2026-12-29T01:00:00.000Z');
    expect(() => loadConfig({ MERIT_DATA_DIR: dir(), MERIT_NOW: '29/12/2026' })).toThrow(/MERIT_NOW/);
    expect(() =>
      loadConfig({
        MERIT_DATA_DIR: dir(),
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        MERIT_NOW: '2026-12-29T01:00:00Z',
      }),
    ).toThrow(/MERIT_NOW/);
  });

  it('trusts no proxy by default, and only valid addresses or ranges from TRUST_PROXY', () => {
    expect(loadConfig({ MERIT_DATA_DIR: dir() }).trustProxy).toEqual([]);
    expect(loadConfig({ MERIT_DATA_DIR: dir(), TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,loopback' }).trustProxy).toEqual(
      ['127.0.0.1', '10.0.0.0/8', '::1', 'loopback'],
    );
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.internal'])
      expect(() => loadConfig({ MERIT_DATA_DIR: dir(), TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  });

  it('masks the outbox by default and refuses to show its secrets in production', () => {
    expect(loadConfig({ MERIT_DATA_DIR: dir() }).outboxShowsSecrets).toBe(false);
    expect(loadConfig({ MERIT_DATA_DIR: dir(), MAIL_OUTBOX_SECRETS: 'true' }).outboxShowsSecrets).toBe(true);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: 'p'.repeat(40),
        MAIL_OUTBOX_SECRETS: 'true',
        MERIT_DATA_DIR: dir(),
      }),
    ).toThrow(/MAIL_OUTBOX_SECRETS/);
  });

  it('requires SESSION_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', MERIT_DATA_DIR: dir() })).toThrow(/SESSION_SECRET/);
    expect(
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40), MERIT_DATA_DIR: dir() }).sessionSecret,
    ).toBe('p'.repeat(40));
  });

  it('uses secure cookies behind an https public URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://merit.palukota.go.id', MERIT_DATA_DIR: dir() }).cookieSecure).toBe(true);
  });
  it('keeps files on local disk by default, and takes an S3 bucket from FILE_STORE=s3 and S3_*', () => {
    expect(loadConfig({ MERIT_DATA_DIR: dir() })).toMatchObject({ fileStore: 'local', s3: undefined });
    const c = loadConfig({
      MERIT_DATA_DIR: dir(),
      FILE_STORE: 's3',
      S3_ENDPOINT: 'http://minio.internal:9000/',
      S3_BUCKET: 'merit-files',
      S3_ACCESS_KEY_ID: 'merit',
      S3_SECRET_ACCESS_KEY: 'rahasia-minio',
    });
    expect(c.fileStore).toBe('s3');
    expect(c.s3).toEqual({
      endpoint: 'http://minio.internal:9000',
      region: 'us-east-1',
      bucket: 'merit-files',
      accessKeyId: 'merit',
      secretAccessKey: 'rahasia-minio',
      forcePathStyle: true,
    });
    // The bucket is known before the switch, so `files migrate --to s3` can copy into it.
    const before = loadConfig({ MERIT_DATA_DIR: dir(), S3_BUCKET: 'merit-files', S3_FORCE_PATH_STYLE: 'false' });
    expect(before).toMatchObject({ fileStore: 'local', s3: { bucket: 'merit-files', forcePathStyle: false } });
  });

  it('names every S3 problem in one message', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ MERIT_DATA_DIR: dir(), ...env });
        return '';
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).problems.join('\n');
      }
    };
    expect(problems({ FILE_STORE: 's3' })).toMatch(/S3_BUCKET: wajib diisi bila FILE_STORE=s3/);
    expect(problems({ FILE_STORE: 'nfs' })).toMatch(/FILE_STORE: harus local atau s3/);
    expect(problems({ S3_BUCKET: 'Merit_Files' })).toMatch(/S3_BUCKET: nama bucket/);
    expect(problems({ S3_BUCKET: 'merit', S3_ENDPOINT: 'minio:9000' })).toMatch(/S3_ENDPOINT: harus URL/);
    expect(problems({ S3_BUCKET: 'merit', S3_ENDPOINT: 'http://minio:9000/merit' })).toMatch(/tanpa path/);
    expect(problems({ S3_BUCKET: 'merit', S3_FORCE_PATH_STYLE: 'ya' })).toMatch(/S3_FORCE_PATH_STYLE/);
    const both = problems({ FILE_STORE: 's3', S3_ACCESS_KEY_ID: 'merit' });
    expect(both).toMatch(/S3_BUCKET/);
    expect(both).toMatch(/S3_ACCESS_KEY_ID dan S3_SECRET_ACCESS_KEY: isi keduanya/);
    expect(problems({ S3_ENDPOINT: 'http://minio:9000' })).toMatch(/S3_BUCKET: wajib diisi bila S3_ENDPOINT/);
  });

  it('takes a separate DATABASE_LISTEN_URL for LISTEN only with DATABASE_URL (issue 28 §5)', () => {
    const pooled = 'postgres://merit@pgbouncer:6432/merit';
    const direct = 'postgres://merit@db:5432/merit';
    expect(loadConfig({ MERIT_DATA_DIR: dir(), DATABASE_URL: pooled }).databaseListenUrl).toBeUndefined();
    expect(
      loadConfig({ MERIT_DATA_DIR: dir(), DATABASE_URL: pooled, DATABASE_LISTEN_URL: direct }).databaseListenUrl,
    ).toBe(direct);
    expect(() => loadConfig({ MERIT_DATA_DIR: dir(), DATABASE_LISTEN_URL: direct })).toThrow(/DATABASE_LISTEN_URL/);
    expect(() =>
      loadConfig({ MERIT_DATA_DIR: dir(), DATABASE_URL: pooled, DATABASE_LISTEN_URL: 'mysql://db/merit' }),
    ).toThrow(/DATABASE_LISTEN_URL/);
  });

  it('builds the web at start unless WEB_BUILD_ON_START=false', () => {
    expect(loadConfig({ MERIT_DATA_DIR: dir() }).webBuildOnStart).toBe(true);
    expect(loadConfig({ MERIT_DATA_DIR: dir(), WEB_BUILD_ON_START: 'false' }).webBuildOnStart).toBe(false);
    expect(() => loadConfig({ MERIT_DATA_DIR: dir(), WEB_BUILD_ON_START: 'nanti' })).toThrow(/WEB_BUILD_ON_START/);
  });
});
