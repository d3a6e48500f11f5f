/**
 * Composition root: config → database → migrations → services → (seed) → app → listen.
 * Also the start-up tasks of a running server: building a missing web bundle, printing demo
 * logins, and starting the background jobs (e-mail, sweeps, reminders, audit checkpoints).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, WEB_DIST } from './app.ts';
import { composeServices, type Services } from './compose.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { clockStartingAt } from './platform/clock.ts';
import { loadAuditSigner } from './modules/transparency/index.ts';
import { registerBackgroundJobs } from './background.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  seedDemo,
  seedHolidays,
  seedOrganizations,
  seedThresholds,
} from '../seeds/demo.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Runtime {
  config: Config;
  database: Database;
  services: Services;
  migrations: number;
}

/** Opens the configured database, migrates it, and composes the services. */
export async function startRuntime(config: Config = loadConfig()): Promise<Runtime> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    listenUrl: config.databaseListenUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
  });
  const migrations = await migrate(database);
  const signer = loadAuditSigner({ dataDir: config.dataDir, pem: config.auditSigningKey });
  const services = composeServices({
    database,
    config,
    signer,
    ...(config.clockStart ? { clock: clockStartingAt(config.clockStart) } : {}),
  });
  return { config, database, services, migrations };
}

async function ensureWebBuilt(log: (m: string) => void) {
  if (existsSync(path.join(WEB_DIST, 'index.html'))) return;
  try {
    log('Membangun aplikasi web (pertama kali, ±1 menit)…');
    const vite = await import('vite');
    await vite.build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } catch (err) {
    log(
      `Aplikasi web belum dibangun dan tidak bisa dibangun otomatis (${(err as Error).message}). Jalankan: npm run build:web`,
    );
  }
}

/**
 * WEB_BUILD_ON_START=false (several instances behind a balancer, the web built once by the deploy):
 * serve what is built. With nothing built, a production instance refuses to start rather than
 * answer every page with 404 while /api/health says ok; elsewhere (API-only tests, benchmarks) it warns.
 */
function requireBuiltWeb(config: Config, log: (m: string) => void) {
  if (existsSync(path.join(WEB_DIST, 'index.html'))) return;
  const id =
    'aplikasi web belum dibangun (web/dist kosong): jalankan npm run build:web sekali sebelum memulai instance';
  const en = 'the web app is not built (web/dist is empty): run npm run build:web once before starting instances';
  if (config.env === 'production')
    throw new ConfigError([`WEB_BUILD_ON_START=false: ${id}.`, `WEB_BUILD_ON_START=false: ${en}.`]);
  log(`WEB_BUILD_ON_START=false: ${id} / ${en}. Hanya API yang dilayani / serving the API only.`);
}

export async function serve(config: Config = loadConfig()) {
  const log = (m: string) => console.log(`[merit] ${m}`);
  if (!config.webBuildOnStart) requireBuiltWeb(config, log);
  const rt = await startRuntime(config);
  await seedOrganizations(rt.database);
  await seedHolidays(rt.database);
  await seedThresholds(rt.database);
  if (config.seedDemo && config.env !== 'production') {
    const created = await seedDemo(rt.database, rt.services, {
      examSession: config.seedDemoExam,
      correlationCohort: config.seedDemoCohort,
    });
    if (created.length > 0) {
      log('Data demo Kota Palu dibuat. Akun demo (kata sandi semua akun: ' + DEMO_PASSWORD + '):');
      for (const a of DEMO_ACCOUNTS) log(`  ${a.role.padEnd(15)} ${a.email}`);
    }
  }
  if (config.webBuildOnStart) await ensureWebBuilt(log);
  const app = await buildApp({ config, database: rt.database, migrations: rt.migrations, services: rt.services });
  // A hall connecting at once must not overflow the accept queue (Node's default is 511; the
  // kernel caps it at net.core.somaxconn): a dropped SYN costs the phone a 1–7 s retry.
  await app.listen({ host: config.host, port: config.port, backlog: 4096 });
  log(`Merit berjalan di ${config.publicUrl} (basis data: ${rt.database.kind}, migrasi: ${rt.migrations})`);
  // Scoreboards and proctor views follow answers saved on any instance (LISTEN/NOTIFY).
  await rt.services.live.start();
  // Sign-outs on other instances reach this instance's session cache at once.
  await rt.services.identity.listenForSessionEnds();
  // Background work (e-mail, sweeps, reminders, file checks): durable jobs that run once across
  // instances, registered in one place (background.ts).
  const jobs = rt.services.jobs;
  // A run that fails is retried (or listed for the admin), so it is a warning, not an error.
  jobs.onError((err, job) =>
    job ? app.log.warn({ err, job }, 'background job run failed') : app.log.error({ err }, 'job runner error'),
  );
  registerBackgroundJobs(jobs, rt, app.log);
  await jobs.start();
  rt.services.mailer.useQueue(jobs);
  void rt.services.mailer
    .requeue(rt.database.db)
    .catch((err: unknown) => app.log.error({ err }, 'mail requeue failed'));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await jobs.stop().catch((err: unknown) => app.log.error({ err }, 'stopping background jobs failed'));
    // Requests in flight get a few seconds to finish; then connections still open (a client that
    // never reads its response, keep-alive sockets in odd states) are cut so the process can exit.
    setTimeout(() => app.server.closeAllConnections(), 5000).unref();
    await app.close();
    await rt.database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return app;
}
