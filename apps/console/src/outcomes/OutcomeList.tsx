import { useState } from 'react';
import { Button, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useEventTimeZone } from '../registrations/useEventTimeZone';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { pickText } from '../shared/trilingual';
import { usePagedList } from '../shared/usePagedList';
import { OutcomeForm } from './OutcomeForm';
import { KINDS, listOutcomes, type Outcome, type OutcomeFilters, STATUSES } from './outcomesApi';
import { StatusTag } from './StatusTag';
import { useSessionOptions } from './useSessions';

/** The edition's outcomes, filtered by kind, state and session and paged by the api; "New" opens the form. */
export function OutcomeList() {
  const { t, i18n } = useTranslation('outcomes');
  const { eventId = '' } = useParams();
  const navigate = useNavigate();
  const timeZone = useEventTimeZone(eventId);
  const sessions = useSessionOptions(eventId, timeZone);
  const [filters, setFilters] = useState<OutcomeFilters>({});
  const [creating, setCreating] = useState(false);
  const list = usePagedList((page, pageSize) => listOutcomes(eventId, filters, page, pageSize), [eventId, filters]);

  return (
    <section aria-labelledby="outcomes-title" className="console-workspace outcomes-page">
      <Typography.Title level={2} id="outcomes-title">
        {t('title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('filters.kind')}
          placeholder={t('filters.kind')}
          allowClear
          style={{ width: 200 }}
          value={filters.kind}
          onChange={(kind) => setFilters({ ...filters, kind })}
          options={KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))}
          data-testid="filter-kind"
        />
        <Select
          aria-label={t('filters.status')}
          placeholder={t('filters.status')}
          allowClear
          style={{ width: 180 }}
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status })}
          options={STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
          data-testid="filter-status"
        />
        <Select
          aria-label={t('filters.session')}
          placeholder={t('filters.session')}
          allowClear
          style={{ width: 320 }}
          value={filters.sessionId}
          onChange={(sessionId) => setFilters({ ...filters, sessionId })}
          options={sessions.options}
          data-testid="filter-session"
        />
        <Button type="primary" onClick={() => setCreating(true)} data-testid="outcome-new">
          {t('actions.new')}
        </Button>
        <Link to="run-sheet" data-testid="run-sheet-link">
          {t('runSheet.link')}
        </Link>
      </Space>
      {list.error && <ApiErrorAlert envelope={list.error} />}
      {!list.error && (
        <Table<Outcome>
          rowKey="id"
          loading={list.loading}
          dataSource={list.items}
          pagination={list.pagination}
          locale={{ emptyText: t('empty') }}
          columns={[
            {
              key: 'title',
              title: t('columns.title'),
              render: (_, row) => (
                <Link to={row.id} data-testid="outcome-title">
                  {pickText(row.title, i18n.language)}
                </Link>
              ),
            },
            { key: 'kind', title: t('columns.kind'), render: (_, row) => t(`kind.${row.kind}`) },
            { key: 'session', title: t('columns.session'), render: (_, row) => sessions.titleOf(row.sessionId) || '—' },
            { key: 'parties', title: t('columns.parties'), render: (_, row) => row.parties.map((party) => pickText(party.name, i18n.language)).join(' · ') },
            { key: 'status', title: t('columns.status'), render: (_, row) => <StatusTag outcome={row} /> },
          ]}
        />
      )}
      <OutcomeForm
        open={creating}
        eventId={eventId}
        timeZone={timeZone}
        onClose={(saved) => {
          setCreating(false);
          if (saved) navigate(saved.id);
        }}
      />
    </section>
  );
}
