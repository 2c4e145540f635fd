import { Alert, List } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulkResult } from './registrationsApi';

/** What a bulk decision did, row by row: how many changed, and each registration left as it was with why (an error code, in the reader's language). */
export function BulkResultReport({ result, onClose }: { result: BulkResult; onClose: () => void }) {
  const { t, i18n } = useTranslation('registrations');
  const { t: tError } = useTranslation('errors');
  return (
    <Alert
      type={result.skipped.length > 0 ? 'warning' : 'success'}
      data-testid="bulk-result"
      style={{ marginBottom: 16 }}
      title={t('bulk.result', { changed: result.changed.length, skipped: result.skipped.length })}
      closable={{ onClose }}
      description={
        result.skipped.length > 0 ? (
          <List
            size="small"
            dataSource={result.skipped}
            renderItem={(skip) => (
              <List.Item>
                <code>{skip.registrationId}</code>: <span data-error-code={skip.reason}>{i18n.exists(`errors:${skip.reason}`) ? tError(skip.reason) : tError('UNKNOWN', { code: skip.reason })}</span>
              </List.Item>
            )}
          />
        ) : undefined
      }
    />
  );
}
