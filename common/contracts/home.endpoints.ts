/** The signed-in home's endpoints: the per-role inbox and the person's own notification settings (the reminders themselves are sent by a sweep). */
import { defineEndpoints } from './endpoint.ts';
import { HomeSummary } from './home.ts';
import { ROLES } from './identity.ts';
import { NotificationSettings, NotificationSettingsBody } from './reminders.ts';

/** Everyone whose home is an inbox (staff and citizens); the applicant's home is their application. */
const WITH_INBOX = ROLES.filter((r) => r !== 'applicant');

export const homeEndpoints = defineEndpoints('home', {
  summary: {
    method: 'GET',
    path: '/api/v1/me/home',
    access: 'signed-in',
    summary: 'Beranda: tugas dan hitungan menurut peran',
    responses: { 200: HomeSummary },
  },
  notificationSettings: {
    method: 'GET',
    path: '/api/v1/me/notification-settings',
    access: WITH_INBOX,
    summary: 'Pengaturan notifikasi saya (ringkasan harian lewat email)',
    responses: { 200: NotificationSettings },
  },
  setNotificationSettings: {
    method: 'PUT',
    path: '/api/v1/me/notification-settings',
    access: WITH_INBOX,
    summary: 'Ubah pengaturan notifikasi saya (dicatat di log audit)',
    body: NotificationSettingsBody,
    responses: { 200: NotificationSettings },
  },
});
