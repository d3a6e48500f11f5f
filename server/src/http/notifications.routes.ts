/** HTTP for the platform's in-app notifications, registered from common/contracts/notifications.endpoints.ts: each account reads only its own. */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { notificationsEndpoints as E } from '../../../common/contracts/notifications.endpoints.ts';
import type { DB } from '../db/schema.ts';
import type { Notifier } from '../platform/notifications.ts';
import { route } from './endpoints.ts';

/** The notification routes as one plugin: a signed-in account lists its own notifications. */
export function notificationRoutes(notifier: Notifier, db: Kysely<DB>): FastifyPluginAsync {
  return async (app) => {
    route(app, E.mine, async (req) => ({ notifications: await notifier.list(db, req.actor!.accountId) }));
  };
}
