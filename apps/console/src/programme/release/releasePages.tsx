import type { ProgrammePage } from '../ProgrammeWorkspace';
import { ConflictReportPage } from '../reports/ConflictReportPage';
import { TranslationReportPage } from '../reports/TranslationReportPage';
import { ReleasePage } from './ReleasePage';

/** The pages of this folder and reports/, for ProgrammeWorkspace's PROGRAMME_PAGES (route and toolbar link each). */
export const RELEASE_PAGES: ProgrammePage[] = [
  { path: 'conflicts', labelKey: 'release:nav.conflicts', element: <ConflictReportPage /> },
  { path: 'translations', labelKey: 'release:nav.translations', element: <TranslationReportPage /> },
  { path: 'release', labelKey: 'release:nav.release', element: <ReleasePage /> },
];
