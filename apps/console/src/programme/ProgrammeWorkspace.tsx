import type { ReactNode } from 'react';
import { Space, Typography } from 'antd';
import { NavLink, Route, Routes, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RELEASE_PAGES } from './release/releasePages';

/*
 * A stand-in for the timetable helper's ProgrammeWorkspace (branch console-timetable), with the same exports
 * (ProgrammePage, PROGRAMME_PAGES, ProgrammeToolbar), so the release and report pages build on their own. On merge
 * theirs replaces this file, and their PROGRAMME_PAGES takes `...RELEASE_PAGES`.
 */
export interface ProgrammePage {
  path: string;
  /** i18next key with namespace, e.g. 'release:nav.release'. */
  labelKey: string;
  element: ReactNode;
}

export const PROGRAMME_PAGES: readonly ProgrammePage[] = [...RELEASE_PAGES];

/**
 * Links by absolute path: the toolbar is rendered inside each page's route, where a relative "." or "conflicts"
 * would resolve against that page (…/release/conflicts) rather than the workspace.
 */
export function ProgrammeToolbar({ extra }: { extra?: ReactNode }) {
  const { t } = useTranslation('release');
  const { eventId = '' } = useParams();
  const base = `/editions/${eventId}/programme`;
  return (
    <nav aria-label={t('nav.toolbar')} className="programme-toolbar" style={{ marginBottom: 16 }}>
      <Space wrap>
        <NavLink end to={base}>
          {t('nav.timetable')}
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

function TimetableStandIn() {
  const { t } = useTranslation('release');
  return (
    <section aria-labelledby="programme-title" className="console-workspace">
      <Typography.Title level={2} id="programme-title">
        {t('nav.timetable')}
      </Typography.Title>
      <ProgrammeToolbar />
    </section>
  );
}

export default function ProgrammeWorkspace() {
  return (
    <Routes>
      <Route index element={<TimetableStandIn />} />
      {PROGRAMME_PAGES.map((page) => (
        <Route key={page.path} path={page.path} element={page.element} />
      ))}
    </Routes>
  );
}
