import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { type Page, PageQueryDto } from '#core/http/pagination.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { type CallerWithSession, CurrentCaller, Role, Roles } from '#identity/index.js';
import { ListNotificationsQueryDto, type MailFileDto, MailFilePageDto, type NotificationDto, NotificationPageDto, NotificationsAdminService } from '#messaging/index.js';

@ApiTags('messaging')
@Controller('api')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsAdminService) {}

  @Get('notifications')
  @Roles(Role.Admin, Role.Organiser)
  @ApiOkResponse({ type: NotificationPageDto, description: 'Messages recorded, newest first; ?status=failed lists those that used up their attempts' })
  list(@Query() query: ListNotificationsQueryDto): Promise<Page<NotificationDto>> {
    return this.notifications.list(query);
  }

  @Post('notifications/:id/retry')
  @HttpCode(204)
  @Roles(Role.Admin, Role.Organiser)
  @ApiNoContentResponse({ description: 'Queued again' })
  @ApiNotFoundResponse({ type: ErrorEnvelope })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'NOT_FAILED' })
  retry(@CurrentCaller() caller: CallerWithSession, @Param('id', UuidParam()) id: string): Promise<void> {
    return this.notifications.retry(caller, id);
  }

  @Get('admin/mail')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: MailFilePageDto, description: 'Without SMTP_URL: the .eml files written under DATA_DIR/mail, newest first' })
  mail(@Query() query: PageQueryDto): Promise<Page<MailFileDto>> {
    return this.notifications.mailFiles(query);
  }
}
