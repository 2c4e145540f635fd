import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '#core/audit/audit.module.js';
import { ErasureModule } from '#core/erasure/erasure-hooks.js';
import type { AppConfig } from '#core/config/app-config.js';
import { ConfigModule } from '#core/config/config.module.js';
import { DatabaseModule } from '#core/database/database.module.js';
import { ReadinessService } from '#core/health/readiness.service.js';
import { OutboxModule } from '#core/outbox/outbox.module.js';
import { QueueModule } from '#core/queue/queue.module.js';
import { IdentityHttpModule } from '#identity/index.js';
import { AuditController } from './audit/audit.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { HealthController } from './health/health.controller.js';
import { FailedJobsService } from '#core/queue/failed-jobs.service.js';
import { JobsController } from './jobs/jobs.controller.js';
import { UsersController } from './users/users.controller.js';
import { ProgrammeModule } from '#programme/index.js';
import { RegistrationModule } from '#registration/index.js';
import { OutcomesModule } from '#outcomes/index.js';
import { MessagingModule } from '#messaging/index.js';
import { AgendaModule } from '#agenda/index.js';
import { DemoModule } from '#demo/index.js';
import { MyAgendaController } from './agenda/my-agenda.controller.js';
import { PublicAgendaController } from './agenda/public-agenda.controller.js';
import { NotificationsController } from './messaging/notifications.controller.js';
import { OutcomesController } from './outcomes/outcomes.controller.js';
import { PublicOutcomesController } from './outcomes/public-outcomes.controller.js';
import { CheckInController } from './registration/check-in.controller.js';
import { DelegationsController } from './registration/delegations.controller.js';
import { MeController } from './registration/me.controller.js';
import { PublicRegistrationController } from './registration/public-registration.controller.js';
import { RegistrationsController } from './registration/registrations.controller.js';
import { MyVisaLettersController, PublicVisaLettersController, VisaLetterTextController } from './registration/visa-letters.controller.js';
import { DirectoryController } from './programme/directory.controller.js';
import { EventsController } from './programme/events.controller.js';
import { PublicEventController } from './programme/public-event.controller.js';
import { SessionRemindersController } from './messaging/session-reminders.controller.js';
import { PublicProgrammeController } from './programme/public-programme.controller.js';
import { ScheduleController } from './programme/schedule.controller.js';
import { SessionsController } from './programme/sessions.controller.js';
import { TracksController } from './programme/tracks.controller.js';
import { VenuesController } from './programme/venues.controller.js';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config),
        QueueModule.forRoot(config),
        AuditModule,
        ErasureModule,
        OutboxModule,
        IdentityHttpModule,
        ProgrammeModule,
        RegistrationModule,
        OutcomesModule,
        MessagingModule,
        AgendaModule,
        // The demo seeders, as before the demo library: tests seed the 2025 edition through the running api.
        DemoModule,
      ],
      controllers: [
        HealthController,
        AuthController,
        UsersController,
        AuditController,
        JobsController,
        EventsController,
        VenuesController,
        TracksController,
        DirectoryController,
        SessionsController,
        ScheduleController,
        PublicEventController,
        PublicProgrammeController,
        PublicRegistrationController,
        MeController,
        RegistrationsController,
        CheckInController,
        DelegationsController,
        VisaLetterTextController,
        MyVisaLettersController,
        PublicVisaLettersController,
        OutcomesController,
        PublicOutcomesController,
        NotificationsController,
        SessionRemindersController,
        PublicAgendaController,
        MyAgendaController,
      ],
      providers: [ReadinessService, FailedJobsService],
    };
  }
}
