import { useEffect, useState } from 'react';
import { Button, Col, Form, Input, Row, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { TrilingualFields } from '../shared/TrilingualFields';
import { pickText } from '../shared/trilingual';
import { usePagedList } from '../shared/usePagedList';
import { compactOrNull } from './editionsApi';
import { createPerson, getOrganisation, listPeople, type Organisation, type Person, type PersonInput, updatePerson } from './directoryApi';
import { COUNTRY_PATTERN, countryName } from './countries';
import { CountryInput } from './CountryInput';
import { FormDialog } from './FormDialog';
import { OrganisationSelect } from './OrganisationSelect';

/**
 * The directory of people (speakers, moderators, officials): the name in their own script, in Latin letters and,
 * for Russian-language material, in Cyrillic; honorific and position in the three languages; their organisation.
 */
export function PersonList() {
  const { t, i18n } = useTranslation('editions');
  const [q, setQ] = useState<string>();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Person | null>();
  const [organisations, setOrganisations] = useState<Record<string, Organisation>>({});
  const list = usePagedList((page, pageSize) => listPeople(q, page, pageSize), [q]);

  // The api gives the organisation's id: the names of those on this page are read once each.
  useEffect(() => {
    const missing = [...new Set(list.items.map((person) => person.organisationId).filter((id): id is string => !!id && !organisations[id]))];
    for (const id of missing) void getOrganisation(id).then((organisation) => setOrganisations((known) => ({ ...known, [id]: organisation })));
  }, [list.items]);

  const save = (values: PersonInput) => {
    const body: PersonInput = {
      nameNative: values.nameNative.trim(),
      nameLatin: values.nameLatin.trim(),
      nameCyrillic: values.nameCyrillic?.trim() || null,
      honorific: compactOrNull(values.honorific),
      position: compactOrNull(values.position),
      organisationId: values.organisationId ?? null,
      country: values.country || null,
    };
    return editing ? updatePerson(editing.id, body) : createPerson(body);
  };
  const required = [{ required: true, whitespace: true, message: t('common:signIn.required') }];

  return (
    <section aria-labelledby="people-title" className="console-workspace">
      <Typography.Title level={2} id="people-title">
        {t('people.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('people.search')}
          placeholder={t('people.search')}
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(text) => setQ(text.trim() || undefined)}
          style={{ width: 280 }}
          data-testid="person-search"
        />
        <Button type="primary" onClick={() => setEditing(null)} data-testid="person-new">
          {t('people.new')}
        </Button>
      </Space>
      {list.error && <ApiErrorAlert envelope={list.error} />}
      <Table<Person>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        locale={{ emptyText: t('people.empty') }}
        columns={[
          { key: 'native', title: t('people.nameNative'), render: (_, row) => <span data-testid="person-name">{row.nameNative}</span> },
          { key: 'latin', title: t('people.nameLatin'), dataIndex: 'nameLatin' },
          { key: 'cyrillic', title: t('people.nameCyrillic'), dataIndex: 'nameCyrillic' },
          { key: 'position', title: t('people.position'), render: (_, row) => pickText(row.position, i18n.language) },
          {
            key: 'organisation',
            title: t('people.organisation'),
            render: (_, row) => <span data-testid="person-organisation-name">{row.organisationId ? pickText(organisations[row.organisationId]?.name, i18n.language) : ''}</span>,
          },
          { key: 'country', title: t('people.country'), render: (_, row) => countryName(row.country, i18n.language) },
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_, row) => (
              <Button size="small" onClick={() => setEditing(row)} aria-label={t('people.editOne', { name: row.nameNative })}>
                {t('common:actions.edit')}
              </Button>
            ),
          },
        ]}
      />
      <FormDialog<PersonInput>
        open={editing !== undefined}
        title={editing ? t('people.edit') : t('people.new')}
        testId="person-dialog"
        width={900}
        initialValues={editing ?? {}}
        onSave={save}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) list.reload();
        }}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="nameNative" label={t('people.nameNative')} extra={t('people.nameNativeHelp')} rules={required}>
              <Input data-testid="person-name-native" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nameLatin" label={t('people.nameLatin')} rules={required}>
              <Input lang="en" data-testid="person-name-latin" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nameCyrillic" label={t('people.nameCyrillic')}>
              <Input lang="ru" data-testid="person-name-cyrillic" />
            </Form.Item>
          </Col>
        </Row>
        <TrilingualFields name="honorific" label={t('people.honorific')} />
        <TrilingualFields name="position" label={t('people.position')} />
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="organisationId" label={t('people.organisation')}>
              <OrganisationSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="country" label={t('people.country')} extra={t('fields.countryHelp')} rules={[{ pattern: COUNTRY_PATTERN, message: t('fields.countryRule') }]}>
              <CountryInput />
            </Form.Item>
          </Col>
        </Row>
      </FormDialog>
    </section>
  );
}
