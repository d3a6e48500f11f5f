/**
 * Wires adapters and module services. main.ts, the CLI and the tests all compose through here,
 * so each gets the same graph with its own database, clock and settings.
 */
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { type Clock, type Ids, cryptoIds, systemClock } from './platform/clock.ts';
import { createMailer, type Mailer } from './platform/mailer.ts';
import { createIdentityService, type IdentityLimits } from './modules/identity/index.ts';
import { type AuditSigner, createAuditService } from './modules/transparency/index.ts';

export interface ComposeOptions {
  database: Database;
  config: Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom'>;
  signer?: AuditSigner;
  clock?: Clock;
  ids?: Ids;
  identityLimits?: Partial<IdentityLimits>;
}

export function composeServices(opts: ComposeOptions) {
  const clock = opts.clock ?? systemClock;
  const ids = opts.ids ?? cryptoIds;
  const db = opts.database.db;
  const mailer: Mailer = createMailer({ smtpUrl: opts.config.smtpUrl, from: opts.config.mailFrom, ids });
  const audit = createAuditService({ clock, ...(opts.signer ? { signer: opts.signer } : {}) });
  const identity = createIdentityService({
    db,
    clock,
    ids,
    audit,
    mailer,
    publicUrl: opts.config.publicUrl,
    ...(opts.identityLimits ? { limits: opts.identityLimits } : {}),
  });
  return { clock, ids, mailer, audit, identity };
}

export type Services = ReturnType<typeof composeServices>;
