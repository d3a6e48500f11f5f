/** A signed-in staff member's own notification settings (reminders and the daily digest). */
import { z } from 'zod';

export const NotificationSettings = z.object({
  /** The daily e-mail digest of the work waiting on the home (on unless the person turned it off). */
  dailyDigest: z.boolean(),
  /** Palu clock hour from which reminders and the digest are sent (set by the operator). */
  hour: z.number().int(),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const NotificationSettingsBody = z.strictObject({ dailyDigest: z.boolean({ message: 'required' }) });
export type NotificationSettingsBody = z.infer<typeof NotificationSettingsBody>;
