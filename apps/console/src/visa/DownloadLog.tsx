import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { EventTime, TimeZoneNote } from '../shared/EventTime';
import { usePagedList } from '../shared/usePagedList';
import { useEventTimeZone } from '../registrations/useEventTimeZone';
import { type LetterDownloads, listDownloads } from './visaApi';

/** Who downloaded their letter, how often and when (the api records each download), newest first. */
export function DownloadLog({ eventId }: { eventId: string }) {
  const { t } = useTranslation('visa');
  const timeZone = useEventTimeZone(eventId);
  const list = usePagedList((page, pageSize) => listDownloads(eventId, page, pageSize), [eventId]);
  const time = (at: string) => (timeZone ? <EventTime at={at} timeZone={timeZone} compact /> : null);
  if (list.error) return <ApiErrorAlert envelope={list.error} />;
  return (
    <>
      {timeZone && (
        <Typography.Paragraph>
          <TimeZoneNote timeZone={timeZone} />
        </Typography.Paragraph>
      )}
      <Table<LetterDownloads>
        rowKey="registrationId"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        locale={{ emptyText: t('log.empty') }}
        data-testid="download-log"
        columns={[
          { key: 'name', title: t('log.name'), render: (_, row) => <span data-testid="log-name">{row.nameNative ?? t('log.erased')}</span> },
          { key: 'latin', title: t('log.latin'), render: (_, row) => row.nameLatin ?? '—' },
          { key: 'country', title: t('log.country'), render: (_, row) => row.country ?? '—' },
          { key: 'reference', title: t('log.reference'), render: (_, row) => <Typography.Text code>{row.reference}</Typography.Text> },
          { key: 'issued', title: t('log.issued'), render: (_, row) => time(row.issuedAt) },
          { key: 'last', title: t('log.last'), render: (_, row) => time(row.lastDownloadedAt) },
          { key: 'downloads', title: t('log.downloads'), render: (_, row) => <span data-testid="log-downloads">{row.downloads}</span> },
          { key: 'languages', title: t('log.languages'), render: (_, row) => row.languages.map((language) => t(`language.${language}`)).join(', ') },
        ]}
      />
    </>
  );
}
