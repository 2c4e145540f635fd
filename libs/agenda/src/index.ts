// The public face of libs/agenda: what other libraries, the apps, test/ and bench/ may import (#agenda/index.js).
// Kept by scripts/use-public-faces.mjs (it adds what other code imports); files inside libs/agenda import each
// other relatively, never through this file, so the face cannot close an import cycle.
export { AGENDA_FORMATS, type AgendaFormat, isAgendaFormat } from './agenda-formats.js';
export { AgendaModule } from './agenda.module.js';
export { AgendaBuilder, type BuildOutcome } from './documents/agenda-builder.service.js';
export type { AgendaDownload } from './documents/agenda-download.js';
export { OutcomesPdfService } from './documents/outcomes-pdf.service.js';
export { PublicAgendasService } from './documents/public-agendas.service.js';
export { CalendarFeedsService } from './personal/calendar-feeds.service.js';
export { PersonalAgendasService } from './personal/personal-agendas.service.js';
export type { AgendaInput } from './render/agenda-input.js';
export { RenderPool } from './render/render-pool.js';
