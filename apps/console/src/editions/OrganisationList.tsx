import { useState } from 'react';
import { Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { TrilingualFields } from '../shared/TrilingualFields';
import { pickText } from '../shared/trilingual';
import { usePagedList } from '../shared/usePagedList';
import { compact } from './editionsApi';
import { createOrganisation, listOrganisations, ORGANISATION_TYPES, type Organisation, type OrganisationFilters, type OrganisationInput, updateOrganisation } from './directoryApi';
import { COUNTRY_PATTERN, countryName } from './countries';
import { CountryInput } from './CountryInput';
import { FormDialog } from './FormDialog';

/** The directory of organisations (ministries, associations, enterprises…) shared by every edition. */
export function OrganisationList() {
  const { t, i18n } = useTranslation('editions');
  const [filters, setFilters] = useState<OrganisationFilters>({});
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Organisation | null>();
  const list = usePagedList((page, pageSize) => listOrganisations(filters, page, pageSize), [filters]);

  const save = (values: OrganisationInput) => {
    const body = { ...values, name: compact(values.name) };
    return editing ? updateOrganisation(editing.id, body) : createOrganisation(body);
  };

  return (
    <section aria-labelledby="organisations-title" className="console-workspace">
      <Typography.Title level={2} id="organisations-title">
        {t('organisations.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('organisations.search')}
          placeholder={t('organisations.search')}
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(q) => setFilters({ ...filters, q: q.trim() || undefined })}
          style={{ width: 280 }}
          data-testid="organisation-search"
        />
        <Select
          aria-label={t('organisations.type')}
          placeholder={t('organisations.type')}
          allowClear
          style={{ width: 260 }}
          value={filters.type}
          onChange={(type) => setFilters({ ...filters, type })}
          options={ORGANISATION_TYPES.map((value) => ({ value, label: t(`organisationType.${value}`) }))}
        />
        <Button type="primary" onClick={() => setEditing(null)} data-testid="organisation-new">
          {t('organisations.new')}
        </Button>
      </Space>
      {list.error && <ApiErrorAlert envelope={list.error} />}
      <Table<Organisation>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        locale={{ emptyText: t('organisations.empty') }}
        columns={[
          { key: 'name', title: t('organisations.name'), render: (_, row) => <span data-testid="organisation-name">{pickText(row.name, i18n.language)}</span> },
          { key: 'type', title: t('organisations.type'), render: (_, row) => t(`organisationType.${row.type}`) },
          { key: 'country', title: t('organisations.country'), render: (_, row) => countryName(row.country, i18n.language) },
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_, row) => (
              <Button size="small" onClick={() => setEditing(row)} aria-label={t('organisations.editOne', { name: pickText(row.name, i18n.language) })}>
                {t('common:actions.edit')}
              </Button>
            ),
          },
        ]}
      />
      <FormDialog<OrganisationInput>
        open={editing !== undefined}
        title={editing ? t('organisations.edit') : t('organisations.new')}
        testId="organisation-dialog"
        initialValues={editing ?? {}}
        onSave={save}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) list.reload();
        }}
      >
        <TrilingualFields name="name" label={t('organisations.name')} />
        <Form.Item name="type" label={t('organisations.type')} rules={[{ required: true, message: t('common:signIn.required') }]}>
          <Select options={ORGANISATION_TYPES.map((value) => ({ value, label: t(`organisationType.${value}`) }))} data-testid="organisation-type" />
        </Form.Item>
        <Form.Item
          name="country"
          label={t('organisations.country')}
          extra={t('fields.countryHelp')}
          rules={[{ required: true, message: t('common:signIn.required') }, { pattern: COUNTRY_PATTERN, message: t('fields.countryRule') }]}
        >
          <CountryInput />
        </Form.Item>
      </FormDialog>
    </section>
  );
}
