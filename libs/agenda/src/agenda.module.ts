import { Module, type OnModuleInit } from '@nestjs/common';
import { ErasureHooks } from '#core/erasure/erasure-hooks.js';
import { ProgrammeModule } from '#programme/index.js';
import { RegistrationModule } from '#registration/index.js';
import { AgendaBuilder } from './documents/agenda-builder.service.js';
import { OutcomesPdfService } from './documents/outcomes-pdf.service.js';
import { PublicAgendasService } from './documents/public-agendas.service.js';
import { CalendarFeedsService } from './personal/calendar-feeds.service.js';
import { erasePersonalAgendas } from './personal/personal-agenda-erasure.js';
import { PersonalAgendasService } from './personal/personal-agendas.service.js';
import { RenderPool } from './render/render-pool.js';

const SERVICES = [RenderPool, AgendaBuilder, PublicAgendasService, PersonalAgendasService, CalendarFeedsService, OutcomesPdfService];

/**
 * The programme as documents: per release and language in HTML, PDF and iCalendar, and each delegate's own;
 * the outcomes list as a PDF. Rendering happens on a thread of its own (RenderPool), never on the event loop.
 */
@Module({
  // Releases, events and sessions are programme's; registrations and seats are registration's: read through their repositories.
  imports: [ProgrammeModule, RegistrationModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class AgendaModule implements OnModuleInit {
  constructor(private readonly erasure: ErasureHooks) {}

  /** Agenda holds copies of a registration's data (its agendas, its feed): it erases them when registration erases. */
  onModuleInit(): void {
    this.erasure.onRegistrationErased('agenda', erasePersonalAgendas);
  }
}
