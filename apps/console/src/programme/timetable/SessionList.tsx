import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../shared/trilingual';
import { wallClockOf } from '../zoned-time';
import type { Room, Session, Track } from '../programmeApi';

/** The day as a list, in time order: the same sessions as the grid, for reading and for keyboard users. */
export function SessionList({ zone, rooms, tracks, sessions, isUnreleased, onOpen }: {
  zone: string;
  rooms: Room[];
  tracks: Track[];
  sessions: Session[];
  isUnreleased: (session: Session) => boolean;
  onOpen: (session: Session) => void;
}) {
  const { t, i18n } = useTranslation('programme');
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <Table<Session>
      rowKey="id"
      dataSource={sorted}
      pagination={false}
      locale={{ emptyText: t('list.empty') }}
      data-testid="timetable-list"
      columns={[
        { key: 'time', title: t('list.time'), render: (_, row) => `${wallClockOf(row.startsAt, zone).time}–${wallClockOf(row.endsAt, zone).time}` },
        { key: 'room', title: t('list.room'), render: (_, row) => pickText(rooms.find((room) => room.id === row.roomId)?.name, i18n.language) || '—' },
        {
          key: 'title',
          title: t('list.title'),
          render: (_, row) => (
            <Button type="link" className="tt-list-title" onClick={() => onOpen(row)}>
              {pickText(row.title, i18n.language)}
            </Button>
          ),
        },
        { key: 'kind', title: t('list.kind'), render: (_, row) => t(`kind.${row.kind}`) },
        {
          key: 'track',
          title: t('list.track'),
          render: (_, row) => {
            const track = tracks.find((candidate) => candidate.id === row.trackId);
            return track ? <span style={{ borderInlineStart: `6px solid ${track.colour}`, paddingInlineStart: 6 }}>{pickText(track.name, i18n.language)}</span> : '—';
          },
        },
        {
          key: 'status',
          title: t('list.status'),
          render: (_, row) => (
            <>
              <Tag>{t(`status.${row.status}`)}</Tag>
              {row.status !== 'draft' && isUnreleased(row) && <Tag>{t('flags.unreleased')}</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}
