import { Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { EventTime } from '../../shared/EventTime';
import { pickText } from '../../shared/trilingual';
import type { ReleaseChanges, Room } from '../reports/programmeApi';
import { SessionMention } from '../reports/SessionMention';

const KINDS = ['added', 'cancelled', 'moved', 'roomChanged', 'retitled', 'speakersChanged', 'visibilityChanged'] as const;
type Kind = (typeof KINDS)[number];
type Entry = ReleaseChanges[Kind][number];

/**
 * A release's change list as the api computes it (the same for the preview and a published release), one heading per
 * kind of change, each session named in the reader's language at its time in the event's zone, with what it was before.
 */
export function ChangeList({ eventId, changes, timeZone, rooms }: { eventId: string; changes: ReleaseChanges; timeZone: string; rooms: Map<string, Room> }) {
  const { t, i18n } = useTranslation('release');
  const roomName = (id: string | null) => (id && rooms.get(id) ? pickText(rooms.get(id)!.name, i18n.language) : t('changes.noRoom'));
  const kinds = KINDS.filter((kind) => changes[kind].length > 0);
  if (kinds.length === 0) return <Empty description={t('changes.none')} />;

  const before = (kind: Kind, entry: Entry) => {
    if (kind === 'moved' && 'from' in entry) return <>{t('changes.was')} <EventTime at={entry.from.startsAt} timeZone={timeZone} compact /></>;
    if (kind === 'roomChanged' && 'fromRoomId' in entry) return <>{t('changes.roomFromTo', { from: roomName(entry.fromRoomId), to: roomName(entry.roomId) })}</>;
    if (kind === 'retitled' && 'fromTitle' in entry) return <>{t('changes.was')} «{pickText(entry.fromTitle, i18n.language)}»</>;
    if (kind === 'visibilityChanged' && 'fromVisibility' in entry) return <>{t(`changes.visibility.${entry.fromVisibility}`)} → {t(`changes.visibility.${entry.visibility}`)}</>;
    if (kind === 'speakersChanged' && 'added' in entry) {
      return <>{t('changes.speakers', { added: entry.added.length, removed: entry.removed.length })}{entry.order ? ` · ${t('changes.reordered')}` : ''}</>;
    }
    return null;
  };

  return (
    <div className="change-list" data-testid="change-list">
      {kinds.map((kind) => (
        <section key={kind} aria-label={t(`changes.kind.${kind}`)} data-kind={kind}>
          <h4>
            {t(`changes.kind.${kind}`)} ({changes[kind].length})
          </h4>
          <ul className="plain-list">
            {changes[kind].map((entry) => (
              <li key={entry.sessionId} data-testid="change">
                <SessionMention eventId={eventId} session={{ id: entry.sessionId, title: entry.title, startsAt: entry.startsAt, endsAt: entry.endsAt }} timeZone={timeZone} />{' '}
                {entry.visibility === 'invitation' && kind !== 'visibilityChanged' && <Tag>{t('changes.visibility.invitation')}</Tag>}{' '}
                {before(kind, entry)}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
