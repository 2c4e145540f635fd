import { useState } from 'react';
import { Spin, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../../api/client';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { EventTime } from '../../shared/EventTime';
import { pickText } from '../../shared/trilingual';
import { usePagedList } from '../../shared/usePagedList';
import { getReleaseChanges, listReleases, type ReleaseChanges, type ReleaseSummary, type Room } from '../reports/programmeApi';
import { ChangeList } from './ChangeList';

/** Past releases, newest first as the api lists them; a row opens to its change list (fetched when opened). */
export function ReleaseHistory({ eventId, timeZone, rooms, generation }: { eventId: string; timeZone: string; rooms: Map<string, Room>; generation: number }) {
  const { t, i18n } = useTranslation('release');
  const list = usePagedList((page, pageSize) => listReleases(eventId, page, pageSize), [eventId, generation]);
  const [changes, setChanges] = useState<Record<number, ReleaseChanges | ErrorEnvelope>>({});

  const open = async (release: ReleaseSummary) => {
    if (changes[release.number]) return;
    try {
      const answer = await getReleaseChanges(eventId, release.number);
      setChanges((known) => ({ ...known, [release.number]: answer }));
    } catch (caught) {
      if (caught instanceof ApiError) setChanges((known) => ({ ...known, [release.number]: caught.envelope }));
      else throw caught;
    }
  };

  return (
    <>
      {list.error && <ApiErrorAlert envelope={list.error} />}
      <Table<ReleaseSummary>
        rowKey="number"
        data-testid="release-history"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        locale={{ emptyText: t('history.empty') }}
        expandable={{
          onExpand: (expanded, release) => void (expanded && open(release)),
          expandedRowRender: (release) => {
            const entry = changes[release.number];
            if (!entry) return <Spin />;
            if ('code' in entry) return <ApiErrorAlert envelope={entry} />;
            return <ChangeList eventId={eventId} changes={entry} timeZone={timeZone} rooms={rooms} />;
          },
        }}
        columns={[
          { key: 'number', title: t('history.number'), render: (_, release) => <span data-testid="release-number">{release.number}</span> },
          { key: 'name', title: t('history.name'), render: (_, release) => pickText(release.name, i18n.language) },
          { key: 'publishedAt', title: t('history.publishedAt'), render: (_, release) => <EventTime at={release.publishedAt} timeZone={timeZone} compact /> },
          { key: 'sessions', title: t('history.sessions'), dataIndex: 'sessionCount' },
          {
            key: 'overridden',
            title: t('history.translations'),
            render: (_, release) => (release.translationsOverridden ? <Tag color="#ad4e00">{t('history.overridden')}</Tag> : t('history.complete')),
          },
        ]}
      />
    </>
  );
}
