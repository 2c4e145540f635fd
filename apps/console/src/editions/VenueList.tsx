import { useState } from 'react';
import { Button, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { TrilingualFields } from '../shared/TrilingualFields';
import { pickText } from '../shared/trilingual';
import { usePagedList } from '../shared/usePagedList';
import { compact, deleteVenue, compactOrNull, createVenue, listVenues, updateVenue, type Venue, type VenueInput } from './editionsApi';
import { DeleteButton } from './DeleteButton';
import { FormDialog } from './FormDialog';

/** The edition's venues (a conference centre, a hotel…), each with its trilingual name and address. */
export function VenueList({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation('editions');
  const list = usePagedList((page, pageSize) => listVenues(eventId, page, pageSize), [eventId]);
  // undefined: no dialog; null: a new venue; else the venue edited.
  // A refusal of a delete (still in use), shown above the list.
  const [error, setError] = useState<ErrorEnvelope>();
  const [editing, setEditing] = useState<Venue | null>();

  const save = (values: VenueInput) => {
    const body = { name: compact(values.name), address: compactOrNull(values.address) };
    return editing ? updateVenue(eventId, editing.id, body) : createVenue(eventId, body);
  };

  return (
    <div>
      <Button type="primary" onClick={() => setEditing(null)} style={{ marginBottom: 16 }} data-testid="venue-new">
        {t('venues.new')}
      </Button>
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      {list.error && <ApiErrorAlert envelope={list.error} />}
      <Table<Venue>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        locale={{ emptyText: t('venues.empty') }}
        columns={[
          { key: 'name', title: t('venues.name'), render: (_, venue) => <span data-testid="venue-name">{pickText(venue.name, i18n.language)}</span> },
          { key: 'address', title: t('venues.address'), render: (_, venue) => pickText(venue.address, i18n.language) },
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_, venue) => (
              <Space size="small">
                <Button size="small" onClick={() => setEditing(venue)} aria-label={t('venues.editOne', { name: pickText(venue.name, i18n.language) })}>
                  {t('common:actions.edit')}
                </Button>
                <DeleteButton name={pickText(venue.name, i18n.language)} remove={() => deleteVenue(eventId, venue.id)} onDeleted={list.reload} onError={setError} />
              </Space>
            ),
          },
        ]}
      />
      <FormDialog<VenueInput>
        open={editing !== undefined}
        title={editing ? t('venues.edit') : t('venues.new')}
        testId="venue-dialog"
        initialValues={editing ?? {}}
        onSave={save}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) list.reload();
        }}
      >
        <TrilingualFields name="name" label={t('venues.name')} />
        <TrilingualFields name="address" label={t('venues.address')} multiline />
      </FormDialog>
    </div>
  );
}
