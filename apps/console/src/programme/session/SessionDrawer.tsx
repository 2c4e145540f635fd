import { useEffect, useState } from 'react';
import { Button, Drawer, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../../api/client';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { TrilingualFields } from '../../shared/TrilingualFields';
import { type Trilingual, pickText } from '../../shared/trilingual';
import { formatDay } from '../../shared/time';
import { LANGUAGES } from '../../i18n/languages';
import { instantOf, wallClockOf } from '../zoned-time';
import { formatMinutes } from '../timetable/gridGeometry';
import { type Room, type Session, type SessionInput, type Track, SESSION_KINDS, SESSION_STATUSES, VISIBILITIES, createSession, getSession, updateSession } from '../programmeApi';
import { RolesEditor } from './RolesEditor';

/** What the drawer opens on: an existing session, or a slot drawn on the grid (room, start and end minutes). */
export interface DrawerTarget {
  day: string;
  session?: Session;
  roomId?: string;
  start?: number;
  end?: number;
}

interface Values {
  kind: SessionInput['kind'];
  title: Trilingual;
  description?: Trilingual;
  start: string;
  end: string;
  roomId?: string;
  trackId?: string;
  capacity?: number | null;
  capacityOverrideReason?: string;
  languagesSpoken: SessionInput['languagesSpoken'];
  languagesInterpreted: SessionInput['languagesInterpreted'];
  visibility: NonNullable<SessionInput['visibility']>;
  status: NonNullable<SessionInput['status']>;
}

function initialValues(target: DrawerTarget, zone: string): Partial<Values> {
  const session = target.session;
  if (!session) {
    return {
      kind: 'forum',
      title: {},
      start: formatMinutes(target.start ?? 9 * 60),
      end: formatMinutes(target.end ?? 10 * 60),
      roomId: target.roomId,
      languagesSpoken: [],
      languagesInterpreted: [],
      visibility: 'public',
      status: 'draft',
    };
  }
  return {
    kind: session.kind,
    title: session.title,
    description: session.description ?? undefined,
    start: wallClockOf(session.startsAt, zone).time,
    end: wallClockOf(session.endsAt, zone).time,
    roomId: session.roomId ?? undefined,
    trackId: session.trackId ?? undefined,
    capacity: session.capacity,
    capacityOverrideReason: session.capacityOverrideReason ?? undefined,
    languagesSpoken: session.languagesSpoken,
    languagesInterpreted: session.languagesInterpreted,
    visibility: session.visibility,
    status: session.status,
  };
}

/** Creates or edits one session: every field the api takes, times as the event's clocks show them. */
export function SessionDrawer({ eventId, zone, rooms, tracks, target, onClose, onSaved }: {
  eventId: string;
  zone: string;
  rooms: Room[];
  tracks: Track[];
  target: DrawerTarget;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation('programme');
  const [form] = Form.useForm<Values>();
  const [session, setSession] = useState(target.session);
  const [error, setError] = useState<ErrorEnvelope>();
  const [busy, setBusy] = useState(false);
  useEffect(() => form.setFieldsValue(initialValues(target, zone) as Values), [form, target, zone]);

  const save = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    const body: SessionInput = {
      kind: values.kind,
      title: values.title,
      description: values.description && Object.values(values.description).some(Boolean) ? values.description : null,
      startsAt: instantOf(target.day, values.start, zone),
      endsAt: instantOf(target.day, values.end, zone),
      roomId: values.roomId ?? null,
      trackId: values.trackId ?? null,
      capacity: values.capacity ?? null,
      capacityOverrideReason: values.capacityOverrideReason?.trim() || null,
      languagesSpoken: values.languagesSpoken,
      languagesInterpreted: values.languagesInterpreted,
      visibility: values.visibility,
      status: values.status,
    };
    try {
      if (session) await updateSession(eventId, session.id, body);
      else setSession(await createSession(eventId, body));
      onSaved();
      if (session) onClose();
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught.envelope);
      else throw caught;
    } finally {
      setBusy(false);
    }
  };

  const languageOptions = LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }));
  return (
    <Drawer
      open
      size={720}
      rootClassName="programme-drawer"
      onClose={onClose}
      title={session ? pickText(session.title, i18n.language) : t('drawer.newTitle')}
      closable={{ 'aria-label': t('drawer.close') }}
      data-testid="session-drawer"
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="session-save">
          {t('drawer.save')}
        </Button>
      }
    >
      <Typography.Paragraph>{formatDay(target.day, i18n.language)}</Typography.Paragraph>
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)} requiredMark={false}>
        <Form.Item name="kind" label={t('fields.kind')}>
          <Select options={SESSION_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} />
        </Form.Item>
        <TrilingualFields name="title" label={t('fields.title')} />
        <TrilingualFields name="description" label={t('fields.description')} multiline />
        <Space wrap>
          <Form.Item name="start" label={t('fields.start')} rules={[{ required: true, message: t('drawer.required') }]}>
            <Input type="time" step={300} />
          </Form.Item>
          <Form.Item name="end" label={t('fields.end')} rules={[{ required: true, message: t('drawer.required') }]}>
            <Input type="time" step={300} />
          </Form.Item>
          <Form.Item name="roomId" label={t('fields.room')}>
            <Select allowClear style={{ width: 220 }} options={rooms.map((room) => ({ value: room.id, label: pickText(room.name, i18n.language) }))} />
          </Form.Item>
          <Form.Item name="trackId" label={t('fields.track')}>
            <Select allowClear style={{ width: 220 }} options={tracks.map((track) => ({ value: track.id, label: pickText(track.name, i18n.language) }))} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="capacity" label={t('fields.capacity')}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="capacityOverrideReason" label={t('fields.capacityOverrideReason')} style={{ minWidth: 360 }}>
            <Input maxLength={500} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="languagesSpoken" label={t('fields.languagesSpoken')}>
            <Select mode="multiple" style={{ width: 240 }} options={languageOptions} />
          </Form.Item>
          <Form.Item name="languagesInterpreted" label={t('fields.languagesInterpreted')}>
            <Select mode="multiple" style={{ width: 240 }} options={languageOptions} />
          </Form.Item>
          <Form.Item name="visibility" label={t('fields.visibility')}>
            <Select style={{ width: 180 }} options={VISIBILITIES.map((value) => ({ value, label: t(`visibility.${value}`) }))} />
          </Form.Item>
          <Form.Item name="status" label={t('fields.status')}>
            <Select style={{ width: 180 }} options={SESSION_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))} />
          </Form.Item>
        </Space>
      </Form>
      <Typography.Title level={4}>{t('roles.title')}</Typography.Title>
      {session ? (
        <RolesEditor
          eventId={eventId}
          session={session}
          onChanged={async () => {
            setSession(await getSession(eventId, session.id));
            onSaved();
          }}
        />
      ) : (
        <Typography.Paragraph>{t('roles.saveFirst')}</Typography.Paragraph>
      )}
    </Drawer>
  );
}
