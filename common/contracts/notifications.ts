/** Contracts for in-app notifications (any signed-in account). */
import { z } from 'zod';

export const NotificationsResponse = z.strictObject({
  notifications: z.array(
    z.strictObject({
      id: z.uuid(),
      title: z.string(),
      body: z.string(),
      createdAt: z.iso.datetime(),
      read: z.boolean(),
    }),
  ),
});
