import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { download, type RegistrationFilters } from './registrationsApi';

/** Downloads of every export of the edition: the (filtered) registrations and the participants, as CSV or XLSX. */
export function ExportMenu({ eventId, filters, onError }: { eventId: string; filters: RegistrationFilters; onError: (envelope: ErrorEnvelope) => void }) {
  const { t } = useTranslation('registrations');
  const exports = [
    { key: 'registrations.csv', path: `/api/events/${eventId}/registrations.csv`, query: { ...filters } },
    { key: 'registrations.xlsx', path: `/api/events/${eventId}/registrations.xlsx`, query: { ...filters } },
    { key: 'participants.csv', path: `/api/events/${eventId}/participants.csv`, query: {} },
    { key: 'participants.xlsx', path: `/api/events/${eventId}/participants.xlsx`, query: {} },
  ];
  const save = async (key: string) => {
    const chosen = exports.find((entry) => entry.key === key)!;
    try {
      await download(chosen.path, chosen.query, chosen.key);
    } catch (caught) {
      if (caught instanceof ApiError) onError(caught.envelope);
      else throw caught;
    }
  };
  return (
    <Dropdown trigger={['click']} menu={{ items: exports.map((entry) => ({ key: entry.key, label: t(`exports.${entry.key.replace('.', '_')}`) })), onClick: ({ key }) => void save(key) }}>
      <Button data-testid="exports">{t('exports.label')}</Button>
    </Dropdown>
  );
}
