import { useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { usePagedList } from '../shared/usePagedList';
import { DecisionButtons } from './DecisionButtons';
import { ExportMenu } from './ExportMenu';
import { BulkResultReport } from './BulkResultReport';
import { STATUS_COLOURS } from './statusColours';
import { type BulkResult, CATEGORIES, decideInBulk, listRegistrations, type Registration, type RegistrationFilters, STATUSES } from './registrationsApi';


/** Every registration of the edition, filtered and paged as the api pages; decisions one by one or on a selection. */
export function RegistrationList() {
  const { t } = useTranslation('registrations');
  const { eventId = '' } = useParams();
  const [filters, setFilters] = useState<RegistrationFilters>({});
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<BulkResult>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [busy, setBusy] = useState(false);
  const list = usePagedList((page, pageSize) => listRegistrations(eventId, filters, page, pageSize), [eventId, filters]);

  const approveSelected = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setBulk(await decideInBulk(eventId, 'approve', selected));
      setSelected([]);
      list.reload();
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught.envelope);
      else throw caught;
    } finally {
      setBusy(false);
    }
  };

  const nameOf = (registration: Registration) => registration.nameNative ?? registration.nameLatin ?? '—';

  return (
    <section aria-labelledby="registrations-title" className="console-workspace registrations-page">
      <Typography.Title level={2} id="registrations-title">
        {t('title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('filters.status')}
          placeholder={t('filters.status')}
          allowClear
          style={{ width: 160 }}
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status })}
          options={STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
          data-testid="filter-status"
        />
        <Select
          aria-label={t('filters.category')}
          placeholder={t('filters.category')}
          allowClear
          style={{ width: 220 }}
          value={filters.category}
          onChange={(category) => setFilters({ ...filters, category })}
          options={CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))}
        />
        <Input
          aria-label={t('filters.country')}
          placeholder={t('filters.country')}
          maxLength={2}
          style={{ width: 110 }}
          allowClear
          onChange={(event) => {
            const country = event.target.value.toUpperCase();
            if (country.length === 0 || country.length === 2) setFilters({ ...filters, country: country || undefined });
          }}
        />
        <Input.Search
          aria-label={t('filters.q')}
          placeholder={t('filters.q')}
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(q) => setFilters({ ...filters, q: q.trim() || undefined })}
          style={{ width: 260 }}
        />
        <ExportMenu eventId={eventId} filters={filters} onError={setError} />
      </Space>
      <Typography.Paragraph>
        <Link to="guest-list">{t('nav.guestList')}</Link> · <Link to="invitations">{t('nav.invitations')}</Link>
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" disabled={selected.length === 0} loading={busy} onClick={() => void approveSelected()} data-testid="bulk-approve">
          {t('bulk.approve', { count: selected.length })}
        </Button>
      </Space>
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      {list.error && <ApiErrorAlert envelope={list.error} />}
      {bulk && <BulkResultReport result={bulk} onClose={() => setBulk(undefined)} />}
      {!list.error && (
        <Table<Registration>
          rowKey="id"
          loading={list.loading}
          dataSource={list.items}
          pagination={list.pagination}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (row) => ({ 'aria-label': t('select', { name: nameOf(row) }) }),
            // antd names the header's checkbox "Select all" in English whatever its locale.
            getTitleCheckboxProps: () => ({ 'aria-label': t('selectAll') }),
          }}
          locale={{ emptyText: t('empty') }}
          columns={[
            {
              key: 'name',
              title: t('columns.name'),
              render: (_, row) => (
                <Link to={row.id} data-testid="registration-name">
                  {nameOf(row)}
                </Link>
              ),
            },
            { key: 'latin', title: t('columns.latin'), dataIndex: 'nameLatin' },
            { key: 'country', title: t('columns.country'), dataIndex: 'country' },
            { key: 'category', title: t('columns.category'), render: (_, row) => t(`category.${row.category}`) },
            {
              key: 'status',
              title: t('columns.status'),
              render: (_, row) => (
                <Tag color={STATUS_COLOURS[row.status]} data-testid="registration-status">
                  {t(`status.${row.status}`)}
                </Tag>
              ),
            },
            { key: 'reason', title: t('columns.reason'), dataIndex: 'statusReason' },
            {
              key: 'actions',
              title: t('columns.actions'),
              render: (_, row) => <DecisionButtons eventId={eventId} registration={row} onDecided={list.reload} onError={setError} />,
            },
          ]}
        />
      )}
    </section>
  );
}
