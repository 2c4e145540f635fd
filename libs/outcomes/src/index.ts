// The public face of libs/outcomes: what other libraries, the apps, test/ and bench/ may import (#outcomes/index.js).
// Kept by scripts/use-public-faces.mjs (it adds what other code imports); files inside libs/outcomes import each
// other relatively, never through this file, so the face cannot close an import cycle.
export { OutcomeDocumentsService } from './documents/outcome-documents.service.js';
export type { AgreementType, CooperationArea, OutcomeKind, OutcomePersonRole, OutcomeStatus, PartyRole } from './outcomes-vocabulary.js';
export { OutcomesModule } from './outcomes.module.js';
export { CreateOutcomeDto, DoneDto, ListOutcomesQueryDto, OutcomeDocumentDto, OutcomeDto, OutcomePageDto, SignDto, UpdateOutcomeDto } from './outcomes/outcome.dto.js';
export { OutcomesService } from './outcomes/outcomes.service.js';
export { outcomesPdf } from './public/outcomes-pdf.js';
export { PublicOutcomesDto } from './public/public-outcomes.dto.js';
export { outcomesCsv, outcomesHtml } from './public/public-outcomes.formats.js';
export { type PublicOutcomes, PublicOutcomesService } from './public/public-outcomes.service.js';
export { runSheetHtml } from './run-sheet/run-sheet-html.js';
export { runSheetPdf } from './run-sheet/run-sheet-pdf.js';
export { RunSheetDto } from './run-sheet/run-sheet.dto.js';
export { type RunSheet, RunSheetService } from './run-sheet/run-sheet.service.js';
export { OutcomesSeedRepository } from './seeding/outcomes-seed.repository.js';
