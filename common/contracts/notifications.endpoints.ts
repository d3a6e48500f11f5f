/** In-app notification endpoints: each account reads only its own. */
import { defineEndpoints } from './endpoint.ts';
import { NotificationsResponse } from './notifications.ts';

export const notificationsEndpoints = defineEndpoints('notifications', {
  mine: {
    method: 'GET',
    path: '/api/v1/me/notifications',
    access: 'signed-in',
    summary: 'Notifikasi saya',
    responses: { 200: NotificationsResponse },
  },
});
