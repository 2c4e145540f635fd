import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Segmented, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ApiError, type ErrorEnvelope } from '../../api/client';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { TimeZoneNote } from '../../shared/EventTime';
import { formatDay } from '../../shared/time';
import { eventDays, instantAtMinutes, wallClockOf } from '../zoned-time';
import { ProgrammeToolbar } from '../ProgrammeWorkspace';
import { type Edition, type Release, type Room, type Session, type Track, getEdition, getSession, latestRelease, listRooms, listSessions, listTracks, updateSession } from '../programmeApi';
import { DayGrid, type Placement } from './DayGrid';
import { SessionList } from './SessionList';
import { UnplacedSessions } from './UnplacedSessions';
import { SessionDrawer, type DrawerTarget } from '../session/SessionDrawer';

function envelopeOf(caught: unknown): ErrorEnvelope {
  if (caught instanceof ApiError) return caught.envelope;
  throw caught;
}

/** /editions/:eventId/programme: one tab per event day (in the event's zone), the day as a grid or a list. */
export function Timetable() {
  const { t, i18n } = useTranslation('programme');
  const { eventId = '' } = useParams();
  const [edition, setEdition] = useState<Edition>();
  const [rooms, setRooms] = useState<Room[]>([]);
  const [tracks, setTracks] = useState<Track[]>([]);
  const [release, setRelease] = useState<Release>();
  const [day, setDay] = useState<string>();
  const [sessions, setSessions] = useState<Session[]>();
  const [view, setView] = useState<'grid' | 'list'>('grid');
  const [error, setError] = useState<ErrorEnvelope>();
  const [drawer, setDrawer] = useState<DrawerTarget>();
  // `?session=<id>`: the reports (conflicts, translations) link a session here; it opens in the drawer on its day.
  const [searchParams, setSearchParams] = useSearchParams();
  const linked = searchParams.get('session');
  // The day whose sessions are wanted now: an answer for another day (the tab changed meanwhile) is dropped.
  const shownDay = useRef(day);
  shownDay.current = day;

  useEffect(() => {
    setError(undefined);
    Promise.all([getEdition(eventId), listRooms(eventId), listTracks(eventId), latestRelease(eventId)])
      .then(([event, eventRooms, eventTracks, newest]) => {
        setEdition(event);
        setRooms(eventRooms);
        setTracks([...eventTracks].sort((a, b) => a.position - b.position));
        setRelease(newest);
        setDay((current) => current ?? event.firstDay);
      })
      .catch((caught: unknown) => setError(envelopeOf(caught)));
  }, [eventId]);

  useEffect(() => {
    if (!linked || !edition) return;
    let wanted = true;
    getSession(eventId, linked)
      .then((session) => {
        if (!wanted) return;
        const sessionDay = wallClockOf(session.startsAt, edition.timeZone).day;
        setDay(sessionDay);
        setDrawer({ day: sessionDay, session });
      })
      .catch((caught: unknown) => setError(envelopeOf(caught)));
    return () => {
      wanted = false;
    };
  }, [eventId, linked, edition]);

  const closeDrawer = () => {
    setDrawer(undefined);
    // Closed is closed: a reload or a later visit does not open it again.
    if (linked) setSearchParams((params) => (params.delete('session'), params), { replace: true });
  };

  const reloadDay = useCallback(async () => {
    if (!day) return;
    try {
      const read = await listSessions(eventId, day);
      if (shownDay.current === day) setSessions(read);
    } catch (caught) {
      setError(envelopeOf(caught));
    }
  }, [eventId, day]);
  useEffect(() => {
    setSessions(undefined);
    void reloadDay();
  }, [reloadDay]);

  if (error && !edition) return <ApiErrorAlert envelope={error} />;
  if (!edition || !day) return <Spin />;
  const zone = edition.timeZone;

  // Not in the published programme yet: a session changed after the newest release (or with none released).
  const isUnreleased = (session: Session) => !release || Date.parse(session.updatedAt) > Date.parse(release.publishedAt);

  const place = async (session: Session, placement: Placement): Promise<ErrorEnvelope | undefined> => {
    try {
      const moved = await updateSession(eventId, session.id, {
        roomId: placement.roomId,
        startsAt: instantAtMinutes(day, placement.start, zone),
        endsAt: instantAtMinutes(day, placement.end, zone),
        // The schema marks these required (they have defaults); sent as they are, so the move changes nothing else.
        visibility: session.visibility,
        status: session.status,
      });
      // The api answers with the session as stored: it replaces the one in the day, and nothing else is read again
      // (re-reading the day took three pages of 100 and re-rendered every block; a move changes one session).
      setSessions((current) => current?.map((entry) => (entry.id === moved.id ? moved : entry)));
      return undefined;
    } catch (caught) {
      return envelopeOf(caught);
    }
  };

  return (
    <section aria-labelledby="programme-title" className="console-workspace">
      <Typography.Title level={2} id="programme-title">
        {t('title')}
      </Typography.Title>
      <ProgrammeToolbar />
      <Space wrap style={{ marginBottom: 12 }}>
        <TimeZoneNote timeZone={zone} />
        <Segmented
          aria-label={t('view.label')}
          value={view}
          onChange={(value) => setView(value as 'grid' | 'list')}
          options={[
            { value: 'grid', label: t('view.grid') },
            { value: 'list', label: t('view.list') },
          ]}
        />
        <Button type="primary" onClick={() => setDrawer({ day, roomId: rooms[0]?.id, start: 9 * 60, end: 10 * 60 })} data-testid="new-session">
          {t('grid.newSession')}
        </Button>
      </Space>
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      <Tabs
        activeKey={day}
        onChange={setDay}
        items={eventDays(edition.firstDay, edition.lastDay).map((eventDay) => ({ key: eventDay, label: formatDay(eventDay, i18n.language) }))}
      />
      {!sessions ? (
        <Spin />
      ) : view === 'grid' ? (
        rooms.length === 0 ? (
          <Typography.Paragraph>{t('grid.noRooms')}</Typography.Paragraph>
        ) : (
          <>
            <UnplacedSessions sessions={sessions.filter((session) => !rooms.some((room) => room.id === session.roomId))} onOpen={(session) => setDrawer({ day, session })} />
            <DayGrid
            zone={zone}
            rooms={rooms}
            tracks={tracks}
            sessions={sessions}
            isUnreleased={isUnreleased}
            onCreate={(placement) => setDrawer({ day, ...placement })}
            onOpen={(session) => setDrawer({ day, session })}
              onPlace={place}
            />
          </>
        )
      ) : (
        <SessionList zone={zone} rooms={rooms} tracks={tracks} sessions={sessions} isUnreleased={isUnreleased} onOpen={(session) => setDrawer({ day, session })} />
      )}
      {drawer && (
        <SessionDrawer
          eventId={eventId}
          zone={zone}
          rooms={rooms}
          tracks={tracks}
          target={drawer}
          onClose={closeDrawer}
          onSaved={() => void reloadDay()}
        />
      )}
    </section>
  );
}
