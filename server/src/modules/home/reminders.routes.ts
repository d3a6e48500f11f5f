/** HTTP for a person's own notification settings (the reminders themselves are sent by a sweep). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ROLES } from '../../../../common/contracts/identity.ts';
import { NotificationSettings, NotificationSettingsBody } from '../../../../common/contracts/reminders.ts';
import type { ReminderService } from './reminders.service.ts';

/** Everyone whose home is an inbox (staff and citizens); the applicant's home is their application. */
const WITH_INBOX = ROLES.filter((r) => r !== 'applicant');

export function reminderRoutes(reminders: ReminderService): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['home'];
    app.get('/api/v1/me/notification-settings', {
      config: { access: WITH_INBOX },
      schema: { tags, summary: 'Pengaturan notifikasi saya (ringkasan harian lewat email)', response: { 200: NotificationSettings } },
    }, async (req) => reminders.settings(req.actor!));
    app.put('/api/v1/me/notification-settings', {
      config: { access: WITH_INBOX },
      schema: { tags, summary: 'Ubah pengaturan notifikasi saya (dicatat di log audit)', body: NotificationSettingsBody, response: { 200: NotificationSettings } },
    }, async (req) => reminders.setSettings(req.actor!, req.body));
  };
}
