/** HTTP for a person's own notification settings (the reminders themselves are sent by a sweep), registered from common/contracts/home.endpoints.ts. */
import type { FastifyPluginAsync } from 'fastify';
import { homeEndpoints as E } from '../../../../common/contracts/home.endpoints.ts';
import { route } from '../../http/endpoints.ts';
import type { ReminderService } from './reminders.service.ts';

export function reminderRoutes(reminders: ReminderService): FastifyPluginAsync {
  return async (app) => {
    route(app, E.notificationSettings, (req) => reminders.settings(req.actor!));
    route(app, E.setNotificationSettings, (req) => reminders.setSettings(req.actor!, req.body));
  };
}
