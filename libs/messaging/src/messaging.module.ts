import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '#identity/identity.module.js';
import { Notification } from './notification.entity.js';
import { WelcomeNotificationService } from './welcome-notification.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Notification]), IdentityModule],
  providers: [WelcomeNotificationService],
  exports: [WelcomeNotificationService],
})
export class MessagingModule {}
