import { Button, Collapse, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { GUEST_COLUMNS, guestListTemplate, REQUIRED_GUEST_COLUMNS } from './invitationsApi';

/** What a guest list holds, column by column (the api has no template to download; an empty one is made here). */
export function GuestListColumns() {
  const { t } = useTranslation('registrations');
  const saveTemplate = () => {
    const href = URL.createObjectURL(guestListTemplate());
    const link = document.createElement('a');
    link.href = href;
    link.download = 'guest-list-template.csv';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  };
  return (
    <Collapse
      style={{ marginBottom: 16 }}
      items={[
        {
          key: 'columns',
          label: t('guestList.columns.title'),
          children: (
            <>
              <p>{t('guestList.columns.intro')}</p>
              <Table
                rowKey="column"
                size="small"
                pagination={false}
                dataSource={GUEST_COLUMNS.map((column) => ({ column }))}
                columns={[
                  { key: 'column', title: t('guestList.columns.name'), render: (_, { column }) => <code>{column}</code> },
                  { key: 'label', title: t('guestList.columns.label'), render: (_, { column }) => t(`guestList.fields.${column}`) },
                  {
                    key: 'required',
                    title: t('guestList.columns.required'),
                    render: (_, { column }) => (REQUIRED_GUEST_COLUMNS.includes(column) ? <Tag>{t('guestList.columns.yes')}</Tag> : t('guestList.columns.no')),
                  },
                  { key: 'values', title: t('guestList.columns.values'), render: (_, { column }) => t(`guestList.values.${column}`) },
                ]}
              />
              <Button style={{ marginTop: 12 }} onClick={saveTemplate}>
                {t('guestList.template')}
              </Button>
            </>
          ),
        },
      ]}
    />
  );
}
