import { type HTMLAttributes, useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../editions/FormDialog';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { usePagedList } from '../shared/usePagedList';
import {
  createUser,
  generatePassword,
  listUsers,
  PASSWORD_MAX,
  PASSWORD_MIN,
  ROLES,
  updateUser,
  type User,
  type UserChange,
  type UserFilters,
  type UserInput,
  USER_LANGUAGES,
} from './usersApi';

type EditValues = Omit<UserChange, 'password'> & { password?: string };

/** The accounts: paged, filtered by role, state and e-mail/name, created and changed in a dialog. */
export function UserList() {
  const { t, i18n } = useTranslation('users');
  const [filters, setFilters] = useState<UserFilters>({});
  const [search, setSearch] = useState('');
  // undefined: no dialog; null: the "new account" dialog; a user: that account's edit dialog.
  const [editing, setEditing] = useState<User | null>();
  // The initial password of the account just created, shown once above the list (the api never gives it back).
  const [handOver, setHandOver] = useState<{ email: string; password: string }>();
  const list = usePagedList((page, pageSize) => listUsers(filters, page, pageSize), [filters]);
  const required = { required: true, message: t('common:signIn.required') };
  const passwordRules = [
    { min: PASSWORD_MIN, message: t('fields.passwordRule', { min: PASSWORD_MIN }) },
    { max: PASSWORD_MAX, message: t('fields.passwordMax', { max: PASSWORD_MAX }) },
  ];
  const date = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat(i18n.language === 'zh' ? 'zh-CN' : i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : t('list.never');

  const save = async (values: UserInput | EditValues) => {
    if (editing) {
      const { password, ...rest } = values as EditValues;
      // An empty password field means "keep it": only a typed one is sent (and ends that user's sessions).
      const updated = await updateUser(editing.id, password ? { ...rest, password } : rest);
      if (password) setHandOver({ email: updated.email, password });
      return updated;
    }
    const input = values as UserInput;
    const created = await createUser(input);
    setHandOver({ email: created.email, password: input.password });
    return created;
  };

  return (
    <section aria-labelledby="users-title" className="console-workspace">
      <Typography.Title level={2} id="users-title">
        {t('title')}
      </Typography.Title>
      {handOver && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setHandOver(undefined)}
          style={{ marginBottom: 16 }}
          data-testid="user-handover"
          message={t('handOver.title', { email: handOver.email })}
          description={
            <Space direction="vertical">
              <span>{t('handOver.once')}</span>
              <Typography.Text code copyable data-testid="user-handover-password">
                {handOver.password}
              </Typography.Text>
            </Space>
          }
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('filters.search')}
          placeholder={t('filters.search')}
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(q) => setFilters({ ...filters, q: q.trim() || undefined })}
          style={{ width: 280 }}
          data-testid="user-search"
        />
        <Select
          aria-label={t('filters.role')}
          placeholder={t('filters.role')}
          allowClear
          style={{ width: 200 }}
          value={filters.role}
          onChange={(role) => setFilters({ ...filters, role })}
          options={ROLES.map((value) => ({ value, label: t(`common:user.role.${value}`) }))}
          data-testid="user-role-filter"
        />
        <Select
          aria-label={t('filters.state')}
          placeholder={t('filters.state')}
          allowClear
          style={{ width: 200 }}
          value={filters.active === undefined ? undefined : String(filters.active)}
          onChange={(value?: string) => setFilters({ ...filters, active: value === undefined ? undefined : value === 'true' })}
          options={[
            { value: 'true', label: t('state.active') },
            { value: 'false', label: t('state.inactive') },
          ]}
        />
        <Button type="primary" onClick={() => setEditing(null)} data-testid="user-new">
          {t('new')}
        </Button>
      </Space>
      {list.error && <ApiErrorAlert envelope={list.error} />}
      <Table<User>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        locale={{ emptyText: t('list.empty') }}
        onRow={(row) => ({ 'data-testid': `user-row-${row.email}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'email', title: t('fields.email'), render: (_, row) => <span data-testid="user-email">{row.email}</span> },
          { key: 'displayName', title: t('fields.displayName'), dataIndex: 'displayName' },
          { key: 'role', title: t('fields.role'), render: (_, row) => <span data-testid="user-role">{t(`common:user.role.${row.role}`)}</span> },
          { key: 'language', title: t('fields.language'), render: (_, row) => <span lang={row.preferredLanguage}>{t(`common:language.${row.preferredLanguage}`)}</span> },
          {
            key: 'active',
            title: t('fields.state'),
            render: (_, row) => <Tag color={row.active ? 'green' : 'default'} style={{ color: 'rgba(0, 0, 0, 0.88)' }}>{t(row.active ? 'state.active' : 'state.inactive')}</Tag>,
          },
          { key: 'lastLoginAt', title: t('fields.lastLoginAt'), render: (_, row) => date(row.lastLoginAt) },
          { key: 'createdAt', title: t('fields.createdAt'), render: (_, row) => date(row.createdAt) },
          {
            key: 'actions',
            title: t('fields.actions'),
            render: (_, row) => (
              <Button size="small" onClick={() => setEditing(row)} aria-label={t('editOne', { email: row.email })} data-testid="user-edit">
                {t('common:actions.edit')}
              </Button>
            ),
          },
        ]}
      />
      <FormDialog<UserInput | EditValues>
        open={editing !== undefined}
        title={editing ? t('edit', { email: editing.email }) : t('new')}
        testId="user-dialog"
        width={560}
        initialValues={
          editing
            ? { displayName: editing.displayName, role: editing.role, preferredLanguage: editing.preferredLanguage, active: editing.active }
            : { preferredLanguage: i18n.language as User['preferredLanguage'], password: generatePassword() }
        }
        onSave={save}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) list.reload();
        }}
      >
        {(form) => (
          <>
            {!editing && (
              <Form.Item name="email" label={t('fields.email')} rules={[required, { type: 'email', message: t('fields.emailRule') }]}>
                <Input autoComplete="off" data-testid="user-email-input" />
              </Form.Item>
            )}
            <Form.Item name="displayName" label={t('fields.displayName')} rules={[required, { max: 200 }]}>
              <Input data-testid="user-name-input" />
            </Form.Item>
            <Form.Item name="role" label={t('fields.role')} rules={[required]}>
              <Select options={ROLES.map((value) => ({ value, label: t(`common:user.role.${value}`) }))} data-testid="user-role-input" />
            </Form.Item>
            <Form.Item name="preferredLanguage" label={t('fields.language')} rules={[required]}>
              <Select options={USER_LANGUAGES.map((value) => ({ value, label: <span lang={value}>{t(`common:language.${value}`)}</span> }))} />
            </Form.Item>
            {editing && (
              <Form.Item name="active" label={t('fields.state')} valuePropName="checked" extra={t('fields.activeHelp')}>
                <Switch checkedChildren={t('state.active')} unCheckedChildren={t('state.inactive')} data-testid="user-active-input" />
              </Form.Item>
            )}
            <Form.Item
              label={editing ? t('fields.newPassword') : t('fields.password')}
              extra={editing ? t('fields.newPasswordHelp', { min: PASSWORD_MIN }) : t('fields.passwordHelp', { min: PASSWORD_MIN })}
              required={!editing}
            >
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="password" noStyle rules={editing ? passwordRules : [required, ...passwordRules]}>
                  <Input autoComplete="new-password" aria-label={editing ? t('fields.newPassword') : t('fields.password')} data-testid="user-password-input" />
                </Form.Item>
                <Button onClick={() => form.setFieldValue('password', generatePassword())} data-testid="user-password-generate">
                  {t('fields.generate')}
                </Button>
              </Space.Compact>
            </Form.Item>
          </>
        )}
      </FormDialog>
    </section>
  );
}
