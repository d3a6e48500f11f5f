/**
 * buildApp(deps): registers plugins and module routes on a Fastify instance. It never listens,
 * so tests drive it with inject() and main.ts decides where it serves.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { msg } from '../../common/contracts/messages.ts';
import { platformEndpoints } from '../../common/contracts/platform.endpoints.ts';
import { route } from './http/endpoints.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { registerCsrf } from './http/csrf.ts';
import { registerDocumentGuard } from './http/documents.ts';
import { createListenChecker } from './platform/listen-check.ts';
import { checkFileStoreShared } from './platform/file-store-check.ts';
import { registerErrorHandling, sendError } from './http/error-handler.ts';
import { registerAccessControl, registerLanguage } from './http/session.ts';
import { registerTextHygiene } from './http/text-input.ts';
import type { Services } from './compose.ts';
import { examRoutes } from './modules/exam/index.ts';
import { homeRoutes, reminderRoutes } from './modules/home/index.ts';
import { outcomesRoutes } from './modules/recruitment/outcomes.routes.ts';
import { identityRoutes } from './modules/identity/index.ts';
import { recruitmentRoutes } from './modules/recruitment/index.ts';
import { notificationRoutes } from './http/notifications.routes.ts';
import { jobsRoutes } from './http/jobs.routes.ts';
import { selectionRoutes } from './modules/selection/selection.routes.ts';
import { developmentRoutes, trainingTestsRoutes } from './modules/development/index.ts';
import { performanceRoutes } from './modules/performance/index.ts';
import { policyRoutes } from './modules/policy/index.ts';
import { disciplineRoutes } from './modules/professionalism/index.ts';
import { correlationRoutes } from './modules/professionalism/index.ts';
import { recordsRoutes } from './modules/professionalism/index.ts';
import { ipReportRoutes } from './modules/professionalism/index.ts';
import { transparencyRoutes } from './modules/transparency/index.ts';
import { participationRoutes } from './modules/participation/index.ts';
import { ipAsnRoutes } from './modules/professionalism/index.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface AppDeps {
  config: Pick<Config, 'sessionSecret' | 'cookieSecure' | 'logLevel' | 'env' | 'publicUrl'> &
    Partial<Pick<Config, 'trustProxy'>>;
  database: Database;
  migrations: number;
  services: Services;
  /** Serve the built web app from web/dist (off in API tests). */
  serveWeb?: boolean;
  /** Where logs go (tests capture them to prove no NIK or password is ever logged). */
  logStream?: NodeJS.WritableStream;
}

export interface RouteEntry {
  method: string;
  url: string;
  access: import('./http/types.ts').Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access, for the authorization-matrix test. */
    routeTable: RouteEntry[];
  }
}

/** Keys pino must never print: a NIK, a password or a session cookie in a log is a leak. */
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.nik',
  '*.birthDate',
];

/** Features Merit never asks for; the clipboard (copying a file's SHA-256) stays allowed for the app itself. */
const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=(), clipboard-write=(self)';

/** Fastify with pino (redacting secrets), a small body limit, request ids and the zod compilers. */
function createFastify(deps: AppDeps): FastifyInstance {
  const app = Fastify({
    logger:
      deps.config.logLevel === 'silent'
        ? false
        : { level: deps.config.logLevel, redact: REDACT, ...(deps.logStream ? { stream: deps.logStream } : {}) },
    bodyLimit: 64 * 1024,
    // Forwarded headers only from the configured proxies (TRUST_PROXY; none by default): any
    // client could otherwise name a new address per request and slip past per-address limits.
    trustProxy: deps.config.trustProxy && deps.config.trustProxy.length > 0 ? [...deps.config.trustProxy] : false,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  return app;
}

/** Records every route with its declared access (for the authorization tests); an API route without one is a startup error. */
function registerRouteTable(app: FastifyInstance): void {
  // Every API route must say who may call it; docs and static files are public by nature.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    const declared = route.config?.access;
    if (isApi && declared === undefined)
      throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
    const access = declared ?? 'public';
    route.config = { ...route.config, access };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
    }
  });
}

/** Cookies, multipart uploads and the answer socket's WebSocket server. */
async function registerPlugins(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCookie);
  // Uploads (documents, spreadsheets): each route sets its own, smaller file-size limit.
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  // The exam page's answer socket (modules/exam/answer-socket.ts): small frames only; on shutdown
  // every socket is told "restarting" (1012) so pages reconnect, to another instance if there is one.
  await app.register(fastifyWebsocket, {
    options: { maxPayload: 4096, perMessageDeflate: false },
    preClose(done) {
      for (const client of app.websocketServer.clients) client.close(1012, 'restart');
      app.websocketServer.close(() => done());
    },
  });
}

/** Security headers on every response, and the edge hooks: language, errors, documents, text, CSRF, access. */
function registerEdge(app: FastifyInstance, deps: AppDeps): void {
  // Security headers, built once: @fastify/helmet rebuilt helmet's middleware (parsing the CSP)
  // on every request, measurable when a whole hall loads the exam at once.
  // HSTS and upgrade-insecure-requests belong with HTTPS only: over plain http (a LAN install, a
  // demo) they would send browsers to an https:// that does not exist.
  const https = deps.config.publicUrl.startsWith('https://');
  const securityHeaders = helmet({
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: https ? [] : null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // 'self' covers same-origin ws(s): in current browsers; older Safari needs the answer socket's origin spelled out.
        connectSrc: ["'self'", deps.config.publicUrl.replace(/^http/, 'ws')],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    // Browser features the app never uses stay off for it and anything it embeds.
    reply.raw.setHeader('permissions-policy', PERMISSIONS_POLICY);
    securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined));
  });

  registerLanguage(app);
  registerErrorHandling(app);
  registerDocumentGuard(app);
  registerTextHygiene(app);
  registerCsrf(app, {
    secret: deps.config.sessionSecret,
    secure: deps.config.cookieSecure,
    publicUrl: deps.config.publicUrl,
  });
  registerAccessControl(app, deps.services.identity, deps.services.periodCommittee);
}

/** The OpenAPI document and Swagger UI at /api/docs. */
async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Merit API — Pemerintah Kota Palu',
        description:
          'Seleksi dan pengembangan ASN. Permintaan yang mengubah data memerlukan header x-csrf-token (salinan cookie merit_csrf).',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}

/** Every module's routes, and flushing what instances buffer when the app closes. */
async function registerModules(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const listenChecker = createListenChecker(deps.database);
  app.addHook('onClose', () => listenChecker.close());
  route(app, platformEndpoints.health, async () => {
    await deps.database.db.selectFrom('schema_migrations').select('version').limit(1).execute();
    const [files, listen] = await Promise.all([
      checkFileStoreShared(deps.database.db, deps.services.files),
      listenChecker.check(),
    ]);
    return { status: 'ok' as const, database: deps.database.kind, migrations: deps.migrations, files, listen };
  });
  route(app, platformEndpoints.openApi, async () => app.swagger());
  await app.register(identityRoutes(deps.services.identity, { cookieSecure: deps.config.cookieSecure }));
  await app.register(transparencyRoutes(deps.database.db));
  await app.register(notificationRoutes(deps.services.notifications, deps.database.db));
  await app.register(recruitmentRoutes(deps.services));
  await app.register(
    examRoutes({
      items: deps.services.items,
      cat: deps.services.cat,
      sessions: deps.services.catSessions,
      sessionResults: deps.services.sessionResults,
      itemImages: deps.services.itemImages,
      live: deps.services.live,
      identity: deps.services.identity,
      publicUrl: deps.config.publicUrl,
      cookieSecure: deps.config.cookieSecure,
      sessionMaxAgeSeconds: deps.services.identity.limits.sessionAbsoluteMs / 1000,
    }),
  );
  app.addHook('onClose', async () => {
    await deps.services.answerWriter.flush();
    await Promise.all([deps.services.cat.flushPresence(), deps.services.identity.flushTouches()]);
    await deps.services.live.close();
  });
  await app.register(selectionRoutes(deps.services.selection, deps.services.resultAnnouncements));
  await app.register(
    developmentRoutes(
      deps.services.employees,
      deps.services.training,
      deps.services.completion,
      deps.services.appointments,
    ),
  );
  await app.register(trainingTestsRoutes(deps.services.trainingTests));
  await app.register(performanceRoutes(deps.services.performance));
  await app.register(policyRoutes(deps.services.policy));
  await app.register(disciplineRoutes(deps.services.discipline));
  await app.register(ipAsnRoutes(deps.services.ipAsn));
  await app.register(correlationRoutes(deps.services.correlation));
  await app.register(recordsRoutes(deps.services.records));
  await app.register(ipReportRoutes(deps.services.ipReport));
  await app.register(homeRoutes(deps.services.home));
  await app.register(reminderRoutes(deps.services.reminders));
  await app.register(outcomesRoutes(deps.services.outcomes));
  await app.register(
    participationRoutes({
      complaints: deps.services.complaints,
      surveys: deps.services.surveys,
      observers: deps.services.observers,
      openData: deps.services.openData,
      consultations: deps.services.consultations,
      forums: deps.services.forums,
    }),
  );
  await app.register(jobsRoutes({ jobs: deps.services.jobs, audit: deps.services.audit, db: deps.database.db }));
}

/** The built web app, and the not-found answer (the SPA's index.html for its own client-side routes). */
async function registerWeb(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const hasWeb = deps.serveWeb !== false && existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb) {
      return sendError(reply, req, 'NOT_FOUND', msg('Alamat tidak ditemukan.', 'Not found.'));
    }
    // Client-side routes: the SPA decides what /masuk or /beranda shows.
    return reply.type('text/html').sendFile('index.html');
  });
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = createFastify(deps);
  registerRouteTable(app);
  await registerPlugins(app);
  registerEdge(app, deps);
  await registerDocs(app);
  await registerModules(app, deps);
  await registerWeb(app, deps);
  return app;
}
