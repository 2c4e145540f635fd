import { useState } from 'react';
import { Input, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { usePagedList } from '../shared/usePagedList';
import { diffEntry, showValue } from './auditDiff';

type AuditEntry = components['schemas']['AuditEntryDto'];

interface Filters {
  entity?: string;
  entityId?: string;
  action?: string;
}

/** Who changed what (admins only): each entry with its changed fields, before struck through and after beside it. */
export function AuditLog() {
  const { t, i18n } = useTranslation('messages');
  const [filters, setFilters] = useState<Filters>({});
  const list = usePagedList((page, pageSize) => call(api.GET('/api/audit', { params: { query: { ...filters, page, pageSize } } })), [filters]);
  const filter = (key: keyof Filters) => (value: string) => setFilters({ ...filters, [key]: value.trim() || undefined });

  return (
    <section aria-labelledby="audit-title" className="console-workspace">
      <Typography.Title level={2} id="audit-title">
        {t('audit.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t('audit.entity')} placeholder={t('audit.entity')} allowClear onSearch={filter('entity')} style={{ width: 180 }} />
        <Input.Search aria-label={t('audit.entityId')} placeholder={t('audit.entityId')} allowClear onSearch={filter('entityId')} style={{ width: 340 }} data-testid="audit-entity-id" />
        <Input.Search aria-label={t('audit.action')} placeholder={t('audit.action')} allowClear onSearch={filter('action')} style={{ width: 220 }} />
      </Space>
      {list.error && <ApiErrorAlert envelope={list.error} />}
      <Table<AuditEntry>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        locale={{ emptyText: t('audit.empty') }}
        columns={[
          { key: 'at', title: t('audit.at'), render: (_, row) => new Date(row.at).toLocaleString(i18n.language) },
          { key: 'actor', title: t('audit.actor'), render: (_, row) => t(`audit.roles.${row.actorRole}`) },
          { key: 'action', title: t('audit.action'), dataIndex: 'action' },
          { key: 'entity', title: t('audit.entity'), render: (_, row) => `${row.entity} ${row.entityId.slice(0, 8)}` },
          {
            key: 'diff',
            title: t('audit.changes'),
            render: (_, row) => (
              <table className="audit-diff" data-testid="audit-diff">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.field')}</th>
                    <th scope="col">{t('audit.before')}</th>
                    <th scope="col">{t('audit.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {diffEntry(row.before ?? null, row.after ?? null).map((change) => (
                    <tr key={change.field} data-field={change.field}>
                      <th scope="row">
                        <code>{change.field}</code>
                      </th>
                      <td>{change.before !== undefined && <del data-testid="before">{showValue(change.before)}</del>}</td>
                      <td>{change.after !== undefined && <ins data-testid="after">{showValue(change.after)}</ins>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ),
          },
        ]}
      />
    </section>
  );
}
