import { useState } from 'react';
import { Button, Form, Input, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { TrilingualFields } from '../shared/TrilingualFields';
import { pickText } from '../shared/trilingual';
import { usePagedList } from '../shared/usePagedList';
import { compact, createTrack, deleteTrack, listTracks, type Track, type TrackInput, updateTrack } from './editionsApi';
import { DeleteButton } from './DeleteButton';
import { FormDialog } from './FormDialog';
import { moved, renumbered } from './trackOrder';

const DEFAULT_COLOUR = '#1f5fa8';

/**
 * The edition's tracks (themes of the programme) in the order the programme lists them. Moving one up or down
 * renumbers the positions 0, 1, 2… and saves the ones that changed, so the order holds even where positions tied.
 */
export function TrackList({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation('editions');
  // The api lists tracks by position; they are shown whole, since the order is the point.
  const list = usePagedList(() => listTracks(eventId), [eventId]);
  const [editing, setEditing] = useState<Track | null>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [moving, setMoving] = useState(false);
  const tracks = list.items;

  const move = async (index: number, by: -1 | 1) => {
    setMoving(true);
    setError(undefined);
    try {
      for (const change of renumbered(moved(tracks, index, by))) await updateTrack(eventId, change.id, { position: change.position });
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught.envelope);
      else throw caught;
    } finally {
      setMoving(false);
      list.reload();
    }
  };

  const save = (values: TrackInput) => {
    const body = { name: compact(values.name), colour: values.colour.toLowerCase() };
    return editing
      ? updateTrack(eventId, editing.id, { ...body, position: editing.position })
      : createTrack(eventId, { ...body, position: tracks.reduce((last, track) => Math.max(last, track.position + 1), 0) });
  };

  return (
    <div>
      <Button type="primary" onClick={() => setEditing(null)} style={{ marginBottom: 16 }} data-testid="track-new">
        {t('tracks.new')}
      </Button>
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      {list.error && <ApiErrorAlert envelope={list.error} />}
      <Table<Track>
        rowKey="id"
        loading={list.loading || moving}
        dataSource={tracks}
        pagination={false}
        locale={{ emptyText: t('tracks.empty') }}
        columns={[
          { key: 'order', title: t('tracks.order'), render: (_, _track, index) => index + 1 },
          {
            key: 'name',
            title: t('tracks.name'),
            render: (_, track) => (
              <Space>
                <span className="track-swatch" style={{ background: track.colour }} aria-hidden="true" />
                <span data-testid="track-name">{pickText(track.name, i18n.language)}</span>
              </Space>
            ),
          },
          { key: 'colour', title: t('tracks.colour'), dataIndex: 'colour' },
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_, track, index) => {
              const name = pickText(track.name, i18n.language);
              return (
                <Space size="small">
                  <Button size="small" disabled={index === 0 || moving} onClick={() => void move(index, -1)} aria-label={t('tracks.up', { name })}>
                    ↑
                  </Button>
                  <Button size="small" disabled={index === tracks.length - 1 || moving} onClick={() => void move(index, 1)} aria-label={t('tracks.down', { name })}>
                    ↓
                  </Button>
                  <Button size="small" onClick={() => setEditing(track)} aria-label={t('tracks.editOne', { name })}>
                    {t('common:actions.edit')}
                  </Button>
                  <DeleteButton name={name} remove={() => deleteTrack(eventId, track.id)} onDeleted={list.reload} onError={setError} />
                </Space>
              );
            },
          },
        ]}
      />
      <FormDialog<TrackInput>
        open={editing !== undefined}
        title={editing ? t('tracks.edit') : t('tracks.new')}
        testId="track-dialog"
        initialValues={editing ?? { colour: DEFAULT_COLOUR }}
        onSave={save}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) list.reload();
        }}
      >
        <TrilingualFields name="name" label={t('tracks.name')} />
        <Form.Item name="colour" label={t('tracks.colour')} extra={t('tracks.colourHelp')} rules={[{ required: true, pattern: /^#[0-9a-fA-F]{6}$/, message: t('tracks.colourRule') }]}>
          {/* The browser's own colour picker: keyboard-usable and labelled by the form item, unlike a custom popover. */}
          <Input type="color" style={{ width: 80, padding: 2 }} data-testid="track-colour" />
        </Form.Item>
      </FormDialog>
    </div>
  );
}
