import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/languages';
import type { Edition, ReleaseSummary } from '../reports/programmeApi';

/**
 * The release just published, with the public programme in each language: the printable page
 * (GET /api/public/events/{slug}/agenda.html?lang=) and the data the public sites read (…/programme?lang=). Both are
 * public, so plain links do. The public sees a release only once the edition itself is published.
 */
export function PublishedLinks({ release, edition }: { release: ReleaseSummary; edition: Edition }) {
  const { t } = useTranslation('release');
  const base = `/api/public/events/${encodeURIComponent(edition.slug)}`;
  return (
    <Alert
      type="success"
      showIcon
      data-testid="published"
      style={{ marginBottom: 16 }}
      title={t('published.title', { number: release.number, count: release.sessionCount })}
      description={
        <>
          {release.translationsOverridden && <p>{t('published.overridden')}</p>}
          {edition.status !== 'published' && <p data-testid="edition-draft-note">{t('published.editionNotPublic')}</p>}
          <ul className="plain-list" data-testid="public-links">
            {LANGUAGES.map((language) => (
              <li key={language}>
                <Space>
                  <span lang={language}>{t(`published.language.${language}`)}:</span>
                  <a href={`${base}/agenda.html?lang=${language}`} target="_blank" rel="noreferrer" data-testid={`public-page-${language}`}>
                    {t('published.page')}
                  </a>
                  <a href={`${base}/programme?lang=${language}`} target="_blank" rel="noreferrer" data-testid={`public-data-${language}`}>
                    {t('published.data')}
                  </a>
                </Space>
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}
