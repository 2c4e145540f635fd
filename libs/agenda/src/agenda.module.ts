import { Module } from '@nestjs/common';
import { AgendaBuilder } from './documents/agenda-builder.service.js';
import { PublicAgendasService } from './documents/public-agendas.service.js';
import { CalendarFeedsService } from './personal/calendar-feeds.service.js';
import { PersonalAgendasService } from './personal/personal-agendas.service.js';

const SERVICES = [AgendaBuilder, PublicAgendasService, PersonalAgendasService, CalendarFeedsService];

/** The programme as documents: per release and language in HTML, PDF and iCalendar, and each delegate's own. */
@Module({
  providers: SERVICES,
  exports: SERVICES,
})
export class AgendaModule {}
