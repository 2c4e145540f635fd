import { useEffect, useState } from 'react';
import { Button, Checkbox, Form, InputNumber, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/languages';
import type { ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { TrilingualFields } from '../shared/TrilingualFields';
import { pickText } from '../shared/trilingual';
import { usePagedList } from '../shared/usePagedList';
import { compact, deleteRoom, createRoom, listRooms, listVenues, type Room, type RoomInput, updateRoom, type Venue } from './editionsApi';
import { DeleteButton } from './DeleteButton';
import { FormDialog } from './FormDialog';

/** The edition's rooms: in which venue, how many seats, and which languages its interpretation booths deliver. */
export function RoomList({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation('editions');
  const list = usePagedList((page, pageSize) => listRooms(eventId, page, pageSize), [eventId]);
  const [venues, setVenues] = useState<Venue[]>([]);
  // A refusal of a delete (still in use), shown above the list.
  const [error, setError] = useState<ErrorEnvelope>();
  const [editing, setEditing] = useState<Room | null>();

  useEffect(() => {
    // Venues of one edition are few: one page of the largest size holds them all for the select.
    void listVenues(eventId).then((page) => setVenues(page.items));
  }, [eventId]);
  const venueName = (id: string) => pickText(venues.find((venue) => venue.id === id)?.name, i18n.language);

  const save = (values: RoomInput) => {
    const body = { ...values, name: compact(values.name), interpretationChannels: values.interpretationChannels ?? [] };
    return editing ? updateRoom(eventId, editing.id, body) : createRoom(eventId, body);
  };

  return (
    <div>
      <Button type="primary" onClick={() => setEditing(null)} style={{ marginBottom: 16 }} disabled={venues.length === 0} data-testid="room-new">
        {t('rooms.new')}
      </Button>
      {venues.length === 0 && <p>{t('rooms.needVenue')}</p>}
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      {list.error && <ApiErrorAlert envelope={list.error} />}
      <Table<Room>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        locale={{ emptyText: t('rooms.empty') }}
        columns={[
          { key: 'name', title: t('rooms.name'), render: (_, room) => <span data-testid="room-name">{pickText(room.name, i18n.language)}</span> },
          { key: 'venue', title: t('rooms.venue'), render: (_, room) => venueName(room.venueId) },
          { key: 'capacity', title: t('rooms.capacity'), dataIndex: 'capacity' },
          {
            key: 'channels',
            title: t('rooms.channels'),
            render: (_, room) => room.interpretationChannels.map((language) => t(`common:trilingual.${language}`)).join(', '),
          },
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_, room) => (
              <Space size="small">
                <Button size="small" onClick={() => setEditing(room)} aria-label={t('rooms.editOne', { name: pickText(room.name, i18n.language) })}>
                  {t('common:actions.edit')}
                </Button>
                <DeleteButton name={pickText(room.name, i18n.language)} remove={() => deleteRoom(eventId, room.id)} onDeleted={list.reload} onError={setError} />
              </Space>
            ),
          },
        ]}
      />
      <FormDialog<RoomInput>
        open={editing !== undefined}
        title={editing ? t('rooms.edit') : t('rooms.new')}
        testId="room-dialog"
        initialValues={editing ?? { venueId: venues[0]?.id, interpretationChannels: [] }}
        onSave={save}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) list.reload();
        }}
      >
        <TrilingualFields name="name" label={t('rooms.name')} />
        <Form.Item name="venueId" label={t('rooms.venue')} rules={[{ required: true, message: t('common:signIn.required') }]}>
          <Select options={venues.map((venue) => ({ value: venue.id, label: pickText(venue.name, i18n.language) }))} data-testid="room-venue" />
        </Form.Item>
        <Form.Item name="capacity" label={t('rooms.capacity')} rules={[{ required: true, message: t('common:signIn.required') }]}>
          <InputNumber min={1} max={100_000} precision={0} data-testid="room-capacity" />
        </Form.Item>
        <Form.Item name="interpretationChannels" label={t('rooms.channels')} extra={t('rooms.channelsHelp')}>
          <Checkbox.Group options={LANGUAGES.map((language) => ({ value: language, label: t(`common:trilingual.${language}`) }))} />
        </Form.Item>
      </FormDialog>
    </div>
  );
}
