import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { pickText } from '../shared/trilingual';
import { usePagedList } from '../shared/usePagedList';
import { formatDay } from '../shared/time';

type Edition = components['schemas']['EventDto'];

export function EditionList() {
  const { t, i18n } = useTranslation('editions');
  const list = usePagedList<Edition>((page, pageSize) => call(api.GET('/api/events', { params: { query: { page, pageSize } } })));
  return (
    <section>
      <Typography.Title level={2}>{t('list.title')}</Typography.Title>
      {list.error && <ApiErrorAlert envelope={list.error} />}
      <Table<Edition>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        columns={[
          { title: t('list.name'), key: 'name', render: (_, edition) => pickText(edition.name, i18n.language) },
          { title: t('list.slug'), dataIndex: 'slug' },
          { title: t('list.days'), key: 'days', render: (_, edition) => `${formatDay(edition.firstDay, i18n.language)} – ${formatDay(edition.lastDay, i18n.language)}` },
          { title: t('list.status'), key: 'status', render: (_, edition) => <Tag>{t(`status.${edition.status}`)}</Tag> },
        ]}
      />
    </section>
  );
}
