import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { pickText } from '../shared/trilingual';
import { usePagedList } from '../shared/usePagedList';

/** Where a role without the editions workspace (staff) chooses the edition it works on (GET /api/events reads for staff too). */
export function EditionPicker({ workspace }: { workspace: string }) {
  const { t, i18n } = useTranslation();
  const list = usePagedList((page, pageSize) => call(api.GET('/api/events', { params: { query: { page, pageSize } } })));
  return (
    <section aria-labelledby="edition-picker-title" className="console-workspace">
      <Typography.Title level={2} id="edition-picker-title">
        {t('editionChoice.title')}
      </Typography.Title>
      {list.error && <ApiErrorAlert envelope={list.error} />}
      <List
        loading={list.loading}
        dataSource={list.items}
        pagination={list.total > list.items.length ? { current: list.pagination.current, pageSize: list.pagination.pageSize, total: list.total, onChange: list.pagination.onChange } : false}
        locale={{ emptyText: t('edition.none') }}
        renderItem={(edition) => (
          <List.Item>
            <Link to={`/editions/${edition.id}/${workspace}`} data-testid="edition-choice">
              {pickText(edition.name, i18n.language)}
            </Link>
          </List.Item>
        )}
      />
    </section>
  );
}

/** The picker at /choose-edition/<workspace>, where the menu sends a per-edition workspace before an edition is chosen. */
export function ChooseEdition() {
  const { workspace = '' } = useParams();
  return <EditionPicker workspace={workspace} />;
}
