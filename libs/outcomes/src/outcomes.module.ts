import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { ProgrammeModule } from '#programme/index.js';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { DOCUMENT_STORE } from './documents/document-store.js';
import { LocalDocumentStore } from './documents/local-document-store.js';
import { OutcomeDocumentsService } from './documents/outcome-documents.service.js';
import { OutcomeLoader } from './outcomes/load-outcomes.js';
import { OutcomesService } from './outcomes/outcomes.service.js';
import { PublicOutcomesService } from './public/public-outcomes.service.js';
import { RunSheetService } from './run-sheet/run-sheet.service.js';
import { OutcomesSeedRepository } from './seeding/outcomes-seed.repository.js';

const SERVICES = [OutcomesService, OutcomeDocumentsService, RunSheetService, PublicOutcomesService, OutcomesSeedRepository];

/** Agreements, signing ceremonies and their run sheets, unveilings, other outcomes, documents, the public list. */
@Module({
  // Events, sessions and the directory are programme's: read through its repositories.
  imports: [ProgrammeModule],
  providers: [
    ...SERVICES,
    OutcomeLoader,
    // A local folder by default; a cloud store implements DocumentStore and replaces this provider.
    { provide: DOCUMENT_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalDocumentStore(join(config.dataDir, 'documents')) },
  ],
  exports: SERVICES,
})
export class OutcomesModule {}
