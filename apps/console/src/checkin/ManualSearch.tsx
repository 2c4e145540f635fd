import { Alert, Button, Input, List, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { AnswerCard } from './AnswerCard';
import { type ExpectedPerson, type ScanAnswer, searchExpected, sendManual } from './checkinApi';
import { kindOf, signal } from './feedback';

const PAGE_SIZE = 10;

/** For a damaged badge: the expected people found by name (either script), checked in by hand under the scan's rules. */
export function ManualSearch({ listId, timeZone }: { listId: string; timeZone: string }) {
  const { t } = useTranslation('checkin');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ items: ExpectedPerson[]; total: number; page: number }>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [unreachable, setUnreachable] = useState(false);
  const [answer, setAnswer] = useState<ScanAnswer>();

  const search = async (page = 1) => {
    setError(undefined);
    setUnreachable(false);
    try {
      const result = await searchExpected(listId, q.trim(), page, PAGE_SIZE);
      setFound({ items: result.items, total: result.total, page });
    } catch (e) {
      if (e instanceof ApiError) setError(e.envelope);
      else setUnreachable(true);
    }
  };
  const checkIn = async (person: ExpectedPerson) => {
    setError(undefined);
    setUnreachable(false);
    try {
      const result = await sendManual({ registrationId: person.registrationId, listId, nonce: `manual-${crypto.randomUUID()}`, scannedAt: new Date().toISOString() });
      setAnswer(result);
      signal(kindOf(result.code));
      await search(found?.page ?? 1);
    } catch (e) {
      if (e instanceof ApiError) setError(e.envelope);
      else setUnreachable(true);
    }
  };

  return (
    <section aria-labelledby="manual-title" className="checkin-manual">
      <h2 id="manual-title" className="checkin-h2">
        {t('manual.title')}
      </h2>
      <Input.Search
        aria-label={t('manual.search')}
        placeholder={t('manual.placeholder')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={() => void search(1)}
        enterButton={t('manual.find')}
        data-testid="manual-search"
      />
      {error && <ApiErrorAlert envelope={error} />}
      {unreachable && <Alert type="warning" role="alert" title={t('manual.offline')} />}
      {answer && <AnswerCard answer={answer} timeZone={timeZone} />}
      {found && (
        <List
          data-testid="manual-results"
          locale={{ emptyText: t('manual.none') }}
          dataSource={found.items}
          pagination={found.total > PAGE_SIZE ? { current: found.page, pageSize: PAGE_SIZE, total: found.total, onChange: (page) => void search(page) } : false}
          renderItem={(person) => (
            <List.Item
              data-testid="manual-person"
              actions={[
                person.checkedInAt ? (
                  <Tag key="in" className="checkin-in-tag">{t('manual.inAlready')}</Tag>
                ) : (
                  <Button key="in" type="primary" onClick={() => void checkIn(person)}>
                    {t('manual.checkIn')}
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta
                title={[person.nameNative, person.nameLatin].filter(Boolean).join(' · ')}
                description={[person.delegation?.name, t(`category.${person.category}`), person.country].filter(Boolean).join(' · ')}
              />
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
