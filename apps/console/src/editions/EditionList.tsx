import { useRef, useState } from 'react';
import { Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { pickText } from '../shared/trilingual';
import { usePagedList } from '../shared/usePagedList';
import { formatDay } from '../shared/time';
import { createEdition, type Edition } from './editionsApi';
import { EditionFields, type EditionFormValues, fromFormValues } from './EditionFields';
import { FormDialog } from './FormDialog';
import { StatusTag } from './StatusTag';

/** Every edition; a new one is created here and then opened on its settings page. */
export function EditionList() {
  const { t, i18n } = useTranslation('editions');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = usePagedList<Edition>((page, pageSize) => call(api.GET('/api/events', { params: { query: { page, pageSize } } })));
  // The edition just created, opened once the dialog closes.
  const created = useRef<Edition>(undefined);

  return (
    <section aria-labelledby="editions-title" className="console-workspace">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center">
        <Typography.Title level={2} id="editions-title">
          {t('list.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)} data-testid="edition-new">
          {t('list.new')}
        </Button>
      </Space>
      {list.error && <ApiErrorAlert envelope={list.error} />}
      <Table<Edition>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        locale={{ emptyText: t('list.empty') }}
        columns={[
          {
            title: t('list.name'),
            key: 'name',
            render: (_, edition) => <Link to={`/editions/${edition.id}/settings`}>{pickText(edition.name, i18n.language)}</Link>,
          },
          { title: t('list.slug'), dataIndex: 'slug' },
          { title: t('list.days'), key: 'days', render: (_, edition) => `${formatDay(edition.firstDay, i18n.language)} – ${formatDay(edition.lastDay, i18n.language)}` },
          { title: t('list.status'), key: 'status', render: (_, edition) => <StatusTag status={edition.status} /> },
        ]}
      />
      <FormDialog<EditionFormValues>
        open={creating}
        title={t('list.new')}
        testId="edition-dialog"
        width={900}
        initialValues={{ timeZone: 'Asia/Shanghai', defaultLanguage: 'zh', registrationMode: 'approval' }}
        onSave={async (values) => {
          created.current = await createEdition({ ...fromFormValues(values), status: 'draft' });
        }}
        onClose={(saved) => {
          setCreating(false);
          if (saved && created.current) navigate(`/editions/${created.current.id}/settings`);
        }}
      >
        <EditionFields />
      </FormDialog>
    </section>
  );
}

