// The public face of libs/messaging: what other libraries, the apps, test/ and bench/ may import (#messaging/index.js).
// Kept by scripts/use-public-faces.mjs (it adds what other code imports); files inside libs/messaging import each
// other relatively, never through this file, so the face cannot close an import cycle.
export { MessagingModule } from './messaging.module.js';
export { formatInstant } from './notifications/format-instant.js';
export { LostDeliveryRecovery } from './notifications/lost-delivery-recovery.service.js';
export { DeliveryInProgressError, MessageRefusedError, NotificationDelivery } from './notifications/notification-delivery.service.js';
export { NotificationEvents } from './notifications/notification-events.service.js';
export { NotificationRecorder } from './notifications/notification-recorder.service.js';
export { ListNotificationsQueryDto, MailFileDto, MailFilePageDto, NotificationDto, NotificationPageDto, NotificationsAdminService } from './notifications/notifications-admin.service.js';
export { ScheduleChangeNotices } from './notifications/schedule-change-notices.service.js';
export { SessionReminderDto, SessionReminderPageDto } from './notifications/session-reminder.dto.js';
export { SessionReminders } from './notifications/session-reminders.service.js';
