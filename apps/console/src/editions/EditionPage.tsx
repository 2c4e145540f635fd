import { Breadcrumb, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { TimeZoneNote } from '../shared/EventTime';
import { pickText } from '../shared/trilingual';
import { EditionSettings } from './EditionSettings';
import { RoomList } from './RoomList';
import { StatusTag } from './StatusTag';
import { TrackList } from './TrackList';
import { useEdition } from './useEdition';
import { VenueList } from './VenueList';

const TABS = ['settings', 'venues', 'rooms', 'tracks'] as const;

/**
 * One edition's management, as an organiser expects it from Indico's event management: its name and status on top,
 * then a tab each for its settings, venues, rooms and tracks, each tab its own address (/editions/:eventId/<tab>).
 */
export function EditionPage() {
  const { t, i18n } = useTranslation('editions');
  const { eventId = '' } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { edition, error, replace } = useEdition(eventId);
  const tab = TABS.find((key) => pathname.split('/').includes(key)) ?? 'settings';

  if (error) return <ApiErrorAlert envelope={error} />;
  if (!edition) return <Spin />;
  const name = pickText(edition.name, i18n.language);
  return (
    <section aria-labelledby="edition-title" className="console-workspace">
      <Breadcrumb items={[{ title: <Link to="/editions">{t('list.title')}</Link> }, { title: name }]} />
      <Typography.Title level={2} id="edition-title" style={{ marginTop: 8 }}>
        {name} <StatusTag status={edition.status} />
      </Typography.Title>
      <p>
        <TimeZoneNote timeZone={edition.timeZone} />
      </p>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`/editions/${eventId}/${key}`)}
        items={TABS.map((key) => ({ key, label: t(`tabs.${key}`) }))}
      />
      <Routes>
        <Route index element={<Navigate to="settings" replace />} />
        <Route path="settings" element={<EditionSettings edition={edition} onSaved={replace} />} />
        <Route path="venues" element={<VenueList eventId={eventId} />} />
        <Route path="rooms" element={<RoomList eventId={eventId} />} />
        <Route path="tracks" element={<TrackList eventId={eventId} />} />
      </Routes>
    </section>
  );
}
