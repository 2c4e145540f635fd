import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '#identity/index.js';
import { fieldCipherProvider } from '#core/crypto/field-cipher.provider.js';
import { MailTransportCloser, mailTransportProvider } from './mail/mail-transport.provider.js';
import { Notification } from './notification.entity.js';
import { ErasedMailCopies } from './notifications/erased-mail-copies.service.js';
import { NotificationDelivery } from './notifications/notification-delivery.service.js';
import { NotificationEvents } from './notifications/notification-events.service.js';
import { NotificationRecorder } from './notifications/notification-recorder.service.js';
import { NotificationsAdminService } from './notifications/notifications-admin.service.js';
import { ScheduleChangeNotices } from './notifications/schedule-change-notices.service.js';
import { SessionReminders } from './notifications/session-reminders.service.js';

const SERVICES = [ErasedMailCopies, NotificationRecorder, NotificationEvents, NotificationDelivery, NotificationsAdminService, ScheduleChangeNotices, SessionReminders];

/** Messages in each recipient's language: recorded once per trigger and recipient, sent at least once. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), IdentityModule],
  providers: [...SERVICES, mailTransportProvider, MailTransportCloser, fieldCipherProvider],
  exports: SERVICES,
})
export class MessagingModule {}
