import './reports.css';
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { TimeZoneNote } from '../../shared/EventTime';
import { pickText } from '../../shared/trilingual';
import { ProgrammeToolbar } from '../ProgrammeWorkspace';
import { type Conflict, getConflicts } from './programmeApi';
import { SessionMention } from './SessionMention';
import { useEdition, useReport } from './useEdition';

// Dark enough for white text (axe's contrast rule).
const SEVERITY_COLOURS = { hard: '#a8071a', soft: '#ad4e00' } as const;

/** /editions/:eventId/programme/conflicts: every hard and soft conflict, each session linked to the timetable. */
export function ConflictReportPage() {
  const { t, i18n } = useTranslation('release');
  const { eventId = '' } = useParams();
  const { edition, rooms, error: editionError } = useEdition(eventId);
  const report = useReport(() => getConflicts(eventId), [eventId]);
  const timeZone = edition?.timeZone ?? 'UTC';

  const detailOf = (conflict: Conflict) => {
    const detail = (conflict.detail ?? {}) as Record<string, number | undefined>;
    if (conflict.code === 'ROOM_TOO_SMALL') return t('conflicts.detail.roomTooSmall', { capacity: detail.capacity ?? '—', seats: detail.seats ?? '—', enrolled: detail.enrolled ?? 0 });
    if (conflict.code === 'TIGHT_TRANSFER') return t('conflicts.detail.tightTransfer', { minutes: detail.minutes ?? '—' });
    return '';
  };

  return (
    <section aria-labelledby="conflicts-title" className="console-workspace programme-report">
      <Typography.Title level={2} id="conflicts-title">
        {t('conflicts.title')}
      </Typography.Title>
      <ProgrammeToolbar />
      {editionError && <ApiErrorAlert envelope={editionError} />}
      {report.error && <ApiErrorAlert envelope={report.error} />}
      <Space style={{ marginBottom: 12 }} wrap>
        {report.data && (
          <span data-testid="conflict-counts">{t('conflicts.counts', { hard: report.data.hard, soft: report.data.soft })}</span>
        )}
        {edition && <TimeZoneNote timeZone={timeZone} />}
      </Space>
      <Table<Conflict>
        rowKey={(conflict) => `${conflict.code}:${conflict.personId ?? conflict.roomId}:${conflict.sessions.map((session) => session.id).join(',')}`}
        loading={!report.data && !report.error}
        dataSource={report.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('conflicts.empty') }}
        rowClassName={() => 'conflict-row'}
        columns={[
          {
            key: 'kind',
            title: t('conflicts.columns.kind'),
            render: (_, conflict) => (
              <Space direction="vertical" size={2}>
                <strong data-testid="conflict-kind" data-code={conflict.code}>
                  {t(`conflicts.code.${conflict.code}`)}
                </strong>
                <Tag color={SEVERITY_COLOURS[conflict.severity]}>{t(`conflicts.severity.${conflict.severity}`)}</Tag>
              </Space>
            ),
          },
          {
            key: 'sessions',
            title: t('conflicts.columns.sessions'),
            render: (_, conflict) => (
              <ul className="plain-list">
                {conflict.sessions.map((session) => (
                  <li key={session.id}>
                    <SessionMention eventId={eventId} session={session} timeZone={timeZone} />{' '}
                    {session.status === 'draft' && <Tag>{t('conflicts.draft')}</Tag>}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            key: 'room',
            title: t('conflicts.columns.room'),
            render: (_, conflict) => {
              const room = rooms.get(conflict.roomId ?? conflict.sessions[0]?.roomId ?? '');
              return room ? pickText(room.name, i18n.language) : '—';
            },
          },
          { key: 'detail', title: t('conflicts.columns.detail'), render: (_, conflict) => detailOf(conflict) },
        ]}
      />
    </section>
  );
}
