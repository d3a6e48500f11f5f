/** HTTP for the platform's in-app notifications: each account reads only its own. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { NotificationsResponse } from '../../../common/contracts/notifications.ts';
import type { DB } from '../db/schema.ts';
import type { Notifier } from '../platform/notifications.ts';

export function notificationRoutes(notifier: Notifier, db: Kysely<DB>): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get('/api/v1/me/notifications', { config: { access: 'signed-in' }, schema: { tags: ['notifications'], summary: 'Notifikasi saya', response: { 200: NotificationsResponse } } }, async (req) => ({
      notifications: await notifier.list(db, req.actor!.accountId),
    }));
  };
}
