import { useEffect, useState } from 'react';
import { Alert, Card, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { pickText } from '../shared/trilingual';
import { editionDays } from './editionDays';
import { LinkButton } from './LinkButton';
import { PublicFrame } from './PublicFrame';
import { getPublicEdition, type PublicEdition, publicProgrammeHref } from './registerApi';

/** Reads the public edition of the page's slug; a draft or archived one is the api's 404, shown as such. */
export function usePublicEdition(slug: string): { edition?: PublicEdition; error?: ErrorEnvelope } {
  const [state, setState] = useState<{ slug?: string; edition?: PublicEdition; error?: ErrorEnvelope }>({});
  useEffect(() => {
    let current = true;
    getPublicEdition(slug).then(
      (edition) => current && setState({ slug, edition }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError) setState({ slug, error: error.envelope });
        else throw error;
      },
    );
    return () => {
      current = false;
    };
  }, [slug]);
  return state.slug === slug ? state : {};
}

/** `/e/:slug`: the edition's public page, what a guest reads before registering. */
export default function EditionPublicPage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation('register');
  const { edition, error } = usePublicEdition(slug);
  const language = i18n.language;
  return (
    <PublicFrame>
      {error ? (
        <EditionUnavailable envelope={error} />
      ) : !edition ? (
        <Spin />
      ) : (
        <Card>
          <Typography.Title level={1} style={{ fontSize: 28 }} data-testid="edition-name">
            {pickText(edition.name, language)}
          </Typography.Title>
          <dl className="public-facts">
            <dt>{t('edition.dates')}</dt>
            <dd data-testid="edition-dates">{editionDays(edition.firstDay, edition.lastDay, language)}</dd>
            <dt>{t('edition.city')}</dt>
            <dd data-testid="edition-city">{pickText(edition.city, language)}</dd>
            <dt>{t('edition.mode')}</dt>
            <dd data-testid="edition-mode">{t(`mode.${edition.registrationMode}`)}</dd>
          </dl>
          <Space wrap>
            {edition.registrationMode !== 'invitation' && (
              <LinkButton to={`/e/${encodeURIComponent(slug)}/register`} testId="edition-register">
                {t('edition.register')}
              </LinkButton>
            )}
            <Link to="/sign-in">{t('edition.signIn')}</Link>
            <a href={publicProgrammeHref(slug, language)} data-testid="public-programme">
              {t('edition.programme')}
            </a>
          </Space>
          {edition.registrationMode === 'invitation' && <Alert type="info" style={{ marginTop: 16 }} title={t('invitation.only')} />}
        </Card>
      )}
    </PublicFrame>
  );
}

export function EditionUnavailable({ envelope }: { envelope: ErrorEnvelope }) {
  const { t } = useTranslation('register');
  return envelope.statusCode === 404 ? <Alert type="warning" title={t('edition.notFound')} data-testid="edition-not-found" /> : <ApiErrorAlert envelope={envelope} />;
}
