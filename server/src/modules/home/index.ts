export { createHomeService, type HomeService } from './home.service.ts';
export { homeRoutes } from './home.routes.ts';
export { createReminderService, type ReminderService } from './reminders.service.ts';
export { reminderRoutes } from './reminders.routes.ts';
