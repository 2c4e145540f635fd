import { Button, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { keepUserForOfflineReload } from '../auth/session';
import { useSignedInUser } from '../auth/useSession';
import type { Language } from '../i18n/languages';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { pickText } from '../shared/trilingual';
import { type CheckInList, downloadDoorList, type Edition, listEditions, listLists } from './checkinApi';
import { type DoorChoice, kioskLocked, loadChoice, saveChoice, setKioskLocked } from './choice';
import { ManualSearch } from './ManualSearch';
import { OfflineAnswers } from './OfflineAnswers';
import { ScanPanel } from './ScanPanel';
import { StatusBar, useQueue } from './StatusBar';

const POLL_MS = 5000;

/** The door: pick the edition and the list (live counts), scan, search by name, print the door list, lock as a kiosk. */
export function DoorPage() {
  const { t, i18n } = useTranslation('checkin');
  const user = useSignedInUser();
  const navigate = useNavigate();
  const { online } = useQueue();
  const [choice, setChoice] = useState<DoorChoice | undefined>(loadChoice);
  const [editions, setEditions] = useState<Edition[]>();
  const [lists, setLists] = useState<CheckInList[]>();
  const [error, setError] = useState<ErrorEnvelope>();
  const eventId = choice?.eventId;

  useEffect(() => {
    if (user) keepUserForOfflineReload(user);
  }, [user]);

  useEffect(() => {
    if (!online) return;
    listEditions().then((page) => setEditions(page.items), (e) => e instanceof ApiError && setError(e.envelope));
  }, [online]);

  // Live counts: polled while online (a count offline would be stale anyway).
  useEffect(() => {
    if (!eventId || !online) return;
    let stop = false;
    const read = () =>
      listLists(eventId).then(
        (page) => !stop && setLists(page.items),
        (e) => e instanceof ApiError && setError(e.envelope),
      );
    void read();
    const timer = window.setInterval(read, POLL_MS);
    return () => {
      stop = true;
      window.clearInterval(timer);
    };
  }, [eventId, online]);

  if (kioskLocked()) return <Navigate to="kiosk" replace />;

  const edition = editions?.find((e) => e.id === eventId);
  const current = lists?.find((l) => l.id === choice?.listId);
  const pickEdition = (id: string) => {
    const e = editions?.find((x) => x.id === id);
    setLists(undefined);
    setChoice(e ? { eventId: e.id, eventName: e.name, timeZone: e.timeZone, listId: '', listName: {} } : undefined);
  };
  const pickList = (id: string) => {
    const l = lists?.find((x) => x.id === id);
    if (!l || !choice) return;
    const next = { ...choice, listId: l.id, listName: l.name };
    saveChoice(next);
    setChoice(next);
  };

  return (
    <div className="checkin-page" data-testid="checkin-page">
      <StatusBar />
      <Typography.Title level={1} className="checkin-h1">
        {t('title')}
      </Typography.Title>
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <label className="checkin-field">
          <span>{t('choose.edition')}</span>
          <Select
            data-testid="edition-select"
            value={eventId}
            placeholder={t('choose.editionPlaceholder')}
            onChange={pickEdition}
            options={(editions ?? (choice ? [{ id: choice.eventId, name: choice.eventName } as Edition] : [])).map((e) => ({ value: e.id, label: pickText(e.name, i18n.language) }))}
          />
        </label>
        {eventId && (
          <label className="checkin-field">
            <span>{t('choose.list')}</span>
            <Select
              data-testid="list-select"
              value={choice?.listId || undefined}
              placeholder={t('choose.listPlaceholder')}
              onChange={pickList}
              options={(lists ?? (choice?.listId ? [{ id: choice.listId, name: choice.listName, checkedIn: 0, expected: 0 } as CheckInList] : [])).map((l) => ({
                value: l.id,
                label: lists ? t('choose.listOption', { name: pickText(l.name, i18n.language), checkedIn: l.checkedIn, expected: l.expected }) : pickText(l.name, i18n.language),
              }))}
            />
          </label>
        )}
      </Space>
      {choice?.listId && (
        <>
          <p className="checkin-count" data-testid="live-count" aria-live="polite">
            {current ? t('count', { checkedIn: current.checkedIn, expected: current.expected }) : t('countUnknown')}
          </p>
          <ScanPanel listId={choice.listId} timeZone={edition?.timeZone ?? choice.timeZone} />
          <OfflineAnswers timeZone={edition?.timeZone ?? choice.timeZone} />
          <ManualSearch listId={choice.listId} timeZone={edition?.timeZone ?? choice.timeZone} />
          <Space wrap className="checkin-tools">
            <Button onClick={() => void downloadDoorList(choice.listId, i18n.language as Language).catch((e) => e instanceof ApiError && setError(e.envelope))} data-testid="door-list">
              {t('doorList')}
            </Button>
            <Button
              danger
              data-testid="kiosk-enter"
              onClick={() => {
                setKioskLocked(true);
                navigate('kiosk');
              }}
            >
              {t('kiosk.enter')}
            </Button>
          </Space>
        </>
      )}
    </div>
  );
}
