/**
 * The one context every use-case takes (docs/adr/0008): the database and the adapters the
 * composition root builds once. A use-case is a plain exported function `(ctx, …args)` that names
 * the part of the context it uses (`Pick<AppContext, 'db' | 'clock'>`), so a test hands in only
 * that. A module whose use-cases also need another module's service, a secret or its own limits
 * extends the context with exactly those fields (`type PolicyContext = AppContext & {…}`).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AuditService } from '../modules/transparency/index.ts';
import type { Clock, Ids } from './clock.ts';
import type { FileStore } from './file-store.ts';
import type { Mailer } from './mailer.ts';
import type { Notifier } from './notifications.ts';
import type { StepRunner } from './process.ts';

export interface AppContext {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  /** Appends hash-chained audit events inside the caller's transaction. */
  audit: AuditService;
  /** Runs a state-machine step and audits it in the caller's transaction. */
  steps: StepRunner;
  files: FileStore;
  notifier: Notifier;
  mailer: Mailer;
  /** The address people reach Merit at (links in e-mails, QR codes). */
  publicUrl: string;
}

type UseCase<C> = (ctx: C, ...args: never[]) => unknown;
/** The use-cases with the context already given: what routes, other modules and tests call. */
export type Bound<U> = {
  [K in keyof U]: U[K] extends (ctx: never, ...args: infer A) => infer R ? (...args: A) => R : never;
};

/** Gives a module's use-cases their context once, so callers pass only the arguments. */
export function bindUseCases<C, U extends Record<string, UseCase<C>>>(ctx: C, useCases: U): Bound<U> {
  const bound: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(useCases)) bound[name] = (...args: never[]) => fn(ctx, ...args);
  return bound as Bound<U>;
}
