/**
 * The only reader of process.env. Every setting is validated at once so an operator sees all
 * problems in one start attempt; the result is frozen and handed to the composition root.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isIP } from 'node:net';
import { z } from 'zod';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MERIT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'harus berupa URL postgres://…')
    .optional(),
  /** A direct (not pooled) connection for LISTEN, when DATABASE_URL is a pooler in transaction mode. */
  DATABASE_LISTEN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'harus berupa URL postgres://…')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'minimal 32 karakter').optional(),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'harus berupa URL smtp://…')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Merit BKPSDM Kota Palu <no-reply@merit.palukota.go.id>'),
  COOKIE_SECURE: boolFromEnv.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MERIT_SEED_DEMO: boolFromEnv.default(true),
  MERIT_SEED_DEMO_EXAM: boolFromEnv.default(true),
  MERIT_SEED_DEMO_COHORT: boolFromEnv.default(true),
  AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().min(0).default(300),
  AUDIT_SIGNING_KEY: z.string().optional(),
  WEB_BUILD_ON_START: boolFromEnv.default(true),
  FILE_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'harus 32 byte dalam base64')
    .optional(),
  MAIL_OUTBOX_SECRETS: boolFromEnv.default(false),
  /** Leading zero bits of the anti-spam proof-of-work on the anonymous complaint and survey forms. */
  MERIT_CHALLENGE_BITS: z.coerce.number().int().min(0).max(24).default(14),
  /** Palu clock hour from which deadline reminders and the daily digest are sent. */
  REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** Minutes between reminder sweeps (0 = this instance sends none). */
  REMINDER_SWEEP_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
  /** Development and tests only: the server's clock starts at this instant and runs on (journeys across New Year). */
  MERIT_NOW: z.iso.datetime({ offset: true }).optional(),
  /** Hours a stored file no row points at is kept before the periodic check removes it. */
  FILES_ORPHAN_GRACE_HOURS: z.coerce.number().min(1).default(24),
  /** Where uploads live: `local` (MERIT_DATA_DIR/files) or `s3` (an S3-compatible bucket, S3_*). */
  FILE_STORE: z.enum(['local', 's3'], 'harus local atau s3').default('local'),
  S3_ENDPOINT: z
    .string()
    .regex(/^https?:\/\/[^/?#\s]+\/?$/, 'harus URL http(s)://host:port tanpa path, mis. http://minio.internal:9000')
    .optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'harus nama region, mis. us-east-1')
    .default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'nama bucket: 3–63 huruf kecil, angka, titik atau tanda hubung')
    .optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: boolFromEnv.default(true),
  TRUST_PROXY: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .refine(
      (list) => list.every(isProxyAddress),
      'harus daftar alamat IP atau CIDR dipisah koma (mis. 127.0.0.1,10.0.0.0/8), atau loopback',
    )
    .optional(),
});

/** An address, a CIDR range or one of proxy-addr's names, as Fastify's trustProxy takes them. */
function isProxyAddress(s: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(s)) return true;
  const [addr, bits, ...rest] = s.split('/');
  if (rest.length > 0 || !addr) return false;
  const family = isIP(addr);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  /** DATABASE_LISTEN_URL: where LISTEN connects (undefined = DATABASE_URL); a direct connection behind a pooler. */
  readonly databaseListenUrl: string | undefined;
  readonly sessionSecret: string;
  readonly publicUrl: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly cookieSecure: boolean;
  readonly logLevel: string;
  readonly seedDemo: boolean;
  /** The demo seed also schedules an exam site and session (journeys that schedule their own turn it off). */
  readonly seedDemoExam: boolean;
  /** The demo seed also makes the synthetic 2024 cohort of the correlation page (120 appointees; journeys that count employees turn it off). */
  readonly seedDemoCohort: boolean;
  /** How often a running server signs a Merkle checkpoint of the audit log (0 = never). */
  readonly auditCheckpointSeconds: number;
  /** PKCS#8 PEM of the Ed25519 audit key; when absent a key is kept under the data dir. */
  readonly auditSigningKey: string | undefined;
  /**
   * Build web/dist at start-up when it is missing (needs the dev dependencies). False: serve what is
   * built; in production an instance with nothing built refuses to start.
   */
  readonly webBuildOnStart: boolean;
  /** Uploaded documents live here (share it, e.g. over NFS, between instances). */
  readonly filesDir: string;
  /** AES-256 key for documents at rest (UU 27/2022: KTP, selfies are personal data). */
  readonly fileEncryptionKey: Buffer;
  /** Age after which a stored file no row points at is removed by the periodic check (FILES_ORPHAN_GRACE_HOURS). */
  readonly filesOrphanGraceMs: number;
  /** FILE_STORE: uploads in `filesDir` (local) or in the S3 bucket of `s3`. */
  readonly fileStore: 'local' | 's3';
  /** The S3-compatible bucket (S3_*); set whenever S3_BUCKET is, so `files migrate --to s3` can run before the switch. */
  readonly s3: S3Config | undefined;
  /**
   * Proxies whose `X-Forwarded-For` / `-Proto` / `-Host` are believed (addresses, CIDR ranges,
   * `loopback`); empty = none, so a client cannot pick the address that throttling and logs see.
   */
  readonly trustProxy: readonly string[];
  /** Development demo without SMTP: the admin's outbox shows links and codes in full (never in production). */
  readonly outboxShowsSecrets: boolean;
  /** Proof-of-work bits on the anonymous forms (MERIT_CHALLENGE_BITS, default 14: a fraction of a second on a phone). */
  readonly challengeBits: number;
  /** Palu clock hour (0–23) from which deadline reminders and the daily digest go out (REMINDER_HOUR, default 7). */
  readonly reminderHour: number;
  /** Minutes between reminder sweeps (REMINDER_SWEEP_MINUTES, default 10; 0 = off on this instance). */
  readonly reminderSweepMinutes: number;
  /** MERIT_NOW: where the server's clock starts (never in production); undefined = the real time. */
  readonly clockStart?: Date;
}

/** An S3-compatible bucket (MinIO, Garage, Ceph RGW, AWS S3). */
export interface S3Config {
  /** undefined = AWS S3 for the region. */
  readonly endpoint: string | undefined;
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string | undefined;
  readonly secretAccessKey: string | undefined;
  /** Path-style addressing (`endpoint/bucket/key`), default true: what MinIO, Garage and Ceph expect. */
  readonly forcePathStyle: boolean;
}

type Env = z.infer<typeof EnvSchema>;

/** The S3 settings, or the problems with them (every one at once). */
function s3Config(e: Env): { s3: S3Config | undefined; problems: string[] } {
  const problems: string[] = [];
  if (e.FILE_STORE === 's3' && !e.S3_BUCKET) problems.push('S3_BUCKET: wajib diisi bila FILE_STORE=s3');
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY))
    problems.push(
      'S3_ACCESS_KEY_ID dan S3_SECRET_ACCESS_KEY: isi keduanya, atau kosongkan keduanya (kredensial bawaan AWS)',
    );
  if ((e.S3_ENDPOINT || e.S3_ACCESS_KEY_ID) && !e.S3_BUCKET && e.FILE_STORE !== 's3')
    problems.push('S3_BUCKET: wajib diisi bila S3_ENDPOINT atau kredensial S3 diisi');
  if (problems.length > 0 || !e.S3_BUCKET) return { s3: undefined, problems };
  const s3: S3Config = Object.freeze({
    endpoint: e.S3_ENDPOINT?.replace(/\/$/, ''),
    region: e.S3_REGION,
    bucket: e.S3_BUCKET,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
  });
  return { s3, problems };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Konfigurasi tidak valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Builds the frozen config from an environment map (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError([
      'SESSION_SECRET: wajib diisi di production (minimal 32 karakter, sama untuk semua instance)',
    ]);
  }
  if (e.NODE_ENV === 'production' && e.MAIL_OUTBOX_SECRETS) {
    throw new ConfigError([
      'MAIL_OUTBOX_SECRETS: tidak boleh di production (admin dapat mengambil alih akun lewat tautan atur ulang)',
    ]);
  }
  if (e.NODE_ENV === 'production' && e.MERIT_NOW) {
    throw new ConfigError(['MERIT_NOW: tidak boleh di production (jam server harus jam sebenarnya)']);
  }
  const { s3, problems: s3Problems } = s3Config(e);
  if (s3Problems.length > 0) throw new ConfigError(s3Problems);
  if (e.DATABASE_LISTEN_URL && !e.DATABASE_URL) {
    throw new ConfigError(['DATABASE_LISTEN_URL: hanya dipakai bersama DATABASE_URL (PGlite tidak memerlukannya)']);
  }
  const dataDir = path.resolve(e.MERIT_DATA_DIR);
  const publicUrl = e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`;
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databaseListenUrl: e.DATABASE_LISTEN_URL,
    sessionSecret: e.SESSION_SECRET ?? persistedSecret(dataDir),
    publicUrl: publicUrl.replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    logLevel: e.LOG_LEVEL,
    seedDemo: e.MERIT_SEED_DEMO,
    seedDemoExam: e.MERIT_SEED_DEMO_EXAM,
    seedDemoCohort: e.MERIT_SEED_DEMO_COHORT,
    auditCheckpointSeconds: e.AUDIT_CHECKPOINT_SECONDS,
    auditSigningKey: e.AUDIT_SIGNING_KEY,
    webBuildOnStart: e.WEB_BUILD_ON_START,
    filesDir: path.join(dataDir, 'files'),
    fileEncryptionKey: Buffer.from(e.FILE_ENCRYPTION_KEY ?? persistedSecret(dataDir, 'file-key', 'base64'), 'base64'),
    filesOrphanGraceMs: e.FILES_ORPHAN_GRACE_HOURS * 3600_000,
    fileStore: e.FILE_STORE,
    s3,
    trustProxy: Object.freeze(e.TRUST_PROXY ?? []),
    outboxShowsSecrets: e.MAIL_OUTBOX_SECRETS,
    challengeBits: e.MERIT_CHALLENGE_BITS,
    reminderHour: e.REMINDER_HOUR,
    reminderSweepMinutes: e.REMINDER_SWEEP_MINUTES,
    ...(e.MERIT_NOW ? { clockStart: new Date(e.MERIT_NOW) } : {}),
  });
}

/** A development secret generated once and kept under the data dir, so restarts keep sessions. */
function persistedSecret(
  dataDir: string,
  name = 'session-secret',
  encoding: 'base64url' | 'base64' = 'base64url',
): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString(encoding);
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
