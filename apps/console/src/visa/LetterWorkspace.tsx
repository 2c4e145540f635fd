import './visa.css';
import { useState } from 'react';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { pickText } from '../shared/trilingual';
import { usePagedList } from '../shared/usePagedList';
import { downloadMyLetter, type LetterLanguage, listMyLetters, type MyLetter } from './visaApi';

/**
 * /letter (delegates): each of the delegate's registrations with the visa letter's download, or why there is none
 * (the api's refusal code, in the reader's language). The letter's second language beside Chinese starts as the
 * reader's when it is English or Russian, else the one the api proposes.
 */
export default function LetterWorkspace() {
  const { t, i18n } = useTranslation('visa');
  const list = usePagedList((page, pageSize) => listMyLetters(page, pageSize));
  const [chosen, setChosen] = useState<Record<string, LetterLanguage>>({});
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ErrorEnvelope>();
  const reader = i18n.language === 'en' || i18n.language === 'ru' ? (i18n.language as LetterLanguage) : undefined;
  const languageOf = (row: MyLetter) => chosen[row.registrationId] ?? reader ?? row.defaultLanguage;

  const download = async (row: MyLetter) => {
    setBusy(row.registrationId);
    setError(undefined);
    try {
      await downloadMyLetter(row.registrationId, languageOf(row));
      list.reload();
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught.envelope);
      else throw caught;
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="letter-title" className="console-workspace">
      <Typography.Title level={2} id="letter-title">
        {t('mine.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('mine.intro')}</Typography.Paragraph>
      {(error ?? list.error) && <ApiErrorAlert envelope={(error ?? list.error)!} onClose={error ? () => setError(undefined) : undefined} />}
      <Table<MyLetter>
        rowKey="registrationId"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        locale={{ emptyText: t('mine.empty') }}
        columns={[
          { key: 'edition', title: t('mine.edition'), render: (_, row) => <span data-testid="letter-edition">{pickText(row.edition, i18n.language)}</span> },
          { key: 'days', title: t('mine.days'), render: (_, row) => `${row.firstDay} – ${row.lastDay}` },
          { key: 'status', title: t('mine.status'), render: (_, row) => <Tag>{t(`status.${row.status}`)}</Tag> },
          {
            key: 'letter',
            title: t('mine.letter'),
            render: (_, row) =>
              row.available ? (
                <Space wrap>
                  <Select<LetterLanguage>
                    aria-label={t('mine.language')}
                    value={languageOf(row)}
                    onChange={(value) => setChosen((current) => ({ ...current, [row.registrationId]: value }))}
                    options={[
                      { value: 'en', label: t('mine.withLanguage.en') },
                      { value: 'ru', label: t('mine.withLanguage.ru') },
                    ]}
                    style={{ minWidth: 190 }}
                    data-testid="letter-language"
                  />
                  <Button type="primary" loading={busy === row.registrationId} onClick={() => void download(row)} data-testid="letter-download">
                    {t('mine.download')}
                  </Button>
                  {row.reference && <Typography.Text type="secondary" data-testid="letter-reference">{t('mine.reference', { reference: row.reference })}</Typography.Text>}
                </Space>
              ) : (
                <Typography.Text data-testid="letter-refusal" data-code={row.refusal ?? undefined}>
                  {row.refusal ? t(`errors:${row.refusal}`) : null}
                </Typography.Text>
              ),
          },
        ]}
      />
    </section>
  );
}
