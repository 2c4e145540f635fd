import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notification } from './notification.entity.js';
import { WelcomeNotificationService } from './welcome-notification.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Notification])],
  providers: [WelcomeNotificationService],
  exports: [WelcomeNotificationService],
})
export class MessagingModule {}
