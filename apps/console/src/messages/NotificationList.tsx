import { useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call, type ErrorEnvelope } from '../api/client';
import type { components } from '../api/schema';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { usePagedList } from '../shared/usePagedList';

type Notification = components['schemas']['NotificationDto'];
const STATUSES = ['queued', 'sent', 'failed'] as const;
const STATUS_COLOURS = { queued: '#003eb3', sent: '#237804', failed: '#a8071a' } as Record<string, string>;

interface Filters {
  status?: (typeof STATUSES)[number];
  recipient?: string;
}

/** Messages recorded, newest first, with the api's filters; a failed one can be queued again. */
export function NotificationList() {
  const { t, i18n } = useTranslation('messages');
  const [filters, setFilters] = useState<Filters>({});
  const [error, setError] = useState<ErrorEnvelope>();
  const list = usePagedList(
    (page, pageSize) => call(api.GET('/api/notifications', { params: { query: { ...filters, page, pageSize } } })),
    [filters],
  );

  const retry = async (id: string) => {
    try {
      await call(api.POST('/api/notifications/{id}/retry', { params: { path: { id } } }));
      list.reload();
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught.envelope);
      else throw caught;
    }
  };

  return (
    <section aria-labelledby="notifications-title" className="console-workspace">
      <Typography.Title level={2} id="notifications-title">
        {t('notifications.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('notifications.status')}
          placeholder={t('notifications.status')}
          allowClear
          style={{ width: 160 }}
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status })}
          options={STATUSES.map((value) => ({ value, label: t(`notifications.statuses.${value}`) }))}
          data-testid="notification-status"
        />
        <Input.Search
          aria-label={t('notifications.recipient')}
          placeholder={t('notifications.recipient')}
          allowClear
          onSearch={(recipient) => setFilters({ ...filters, recipient: recipient.trim() || undefined })}
          style={{ width: 300 }}
        />
      </Space>
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      {list.error && <ApiErrorAlert envelope={list.error} />}
      <Table<Notification>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        locale={{ emptyText: t('notifications.empty') }}
        columns={[
          { key: 'at', title: t('notifications.at'), render: (_, row) => new Date(row.createdAt).toLocaleString(i18n.language) },
          { key: 'kind', title: t('notifications.kind'), dataIndex: 'kind' },
          { key: 'language', title: t('notifications.language'), dataIndex: 'language' },
          {
            key: 'status',
            title: t('notifications.status'),
            render: (_, row) => (
              <Tag color={STATUS_COLOURS[row.status]} data-testid="notification-state">
                {t(`notifications.statuses.${row.status}`)}
              </Tag>
            ),
          },
          { key: 'attempts', title: t('notifications.attempts'), dataIndex: 'attempts' },
          { key: 'error', title: t('notifications.lastError'), dataIndex: 'lastError' },
          {
            key: 'actions',
            title: t('notifications.actions'),
            render: (_, row) =>
              row.status === 'failed' ? (
                <Button size="small" onClick={() => void retry(row.id)} data-testid="retry">
                  {t('notifications.retry')}
                </Button>
              ) : null,
          },
        ]}
      />
    </section>
  );
}
