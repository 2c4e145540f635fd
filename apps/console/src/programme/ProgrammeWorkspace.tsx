import './programme.css';
import type { ReactNode } from 'react';
import { Space } from 'antd';
import { NavLink, Route, Routes, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RELEASE_PAGES } from './release/releasePages';
import { Timetable } from './timetable/Timetable';

/**
 * One page of the programme workspace: its URL segment under /editions/:eventId/programme/, the catalogue key of
 * its toolbar link (`<namespace>:<key>`) and what it renders. The timetable is the index; other pages (release,
 * conflicts, translations — added by the release helper in programme/release/ and programme/reports/) add an entry
 * here and get their route and their toolbar link from it.
 */
export interface ProgrammePage {
  path: string;
  /** i18next key with namespace, e.g. 'release:nav.release'. */
  labelKey: string;
  element: ReactNode;
}

export const PROGRAMME_PAGES: readonly ProgrammePage[] = [
  // --- other programme pages go here (release, conflicts, translations) ---
  ...RELEASE_PAGES,
];

/**
 * The toolbar over every programme page: the timetable and a link to each other page. Links by absolute path: the
 * toolbar renders inside each page's route, where "." or "conflicts" would resolve against that page
 * (…/release/conflicts) rather than the workspace.
 */
export function ProgrammeToolbar({ extra }: { extra?: ReactNode }) {
  const { eventId = '' } = useParams();
  const base = `/editions/${eventId}/programme`;
  const { t } = useTranslation(['programme', ...new Set(PROGRAMME_PAGES.map((page) => page.labelKey.split(':')[0]))]);
  return (
    <nav aria-label={t('programme:toolbar.label')} className="programme-toolbar">
      <Space wrap>
        <NavLink end to={base}>
          {t('programme:toolbar.timetable')}
        </NavLink>
        {PROGRAMME_PAGES.map((page) => (
          <NavLink key={page.path} to={`${base}/${page.path}`}>
            {t(page.labelKey)}
          </NavLink>
        ))}
        {extra}
      </Space>
    </nav>
  );
}

/** /editions/:eventId/programme: the edition's timetable (index) and the pages of PROGRAMME_PAGES. */
export default function ProgrammeWorkspace() {
  return (
    <Routes>
      <Route index element={<Timetable />} />
      {PROGRAMME_PAGES.map((page) => (
        <Route key={page.path} path={page.path} element={page.element} />
      ))}
    </Routes>
  );
}
