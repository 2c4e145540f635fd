import { useState } from 'react';
import { Alert, Button, Card, Input, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { EventTime } from '../shared/EventTime';
import { downloadMyAgendaPdf, fetchMyAgendaHtml, issueFeed, revokeFeed, type CalendarFeed } from './portalApi';
import type { RegistrationPageProps } from './RegistrationFrame';
import { attempt } from './usePortalLoad';

/**
 * /me/registrations/:id/agenda: the personal agenda (the api's HTML in a tab of its own, the PDF saved) in the
 * reader's language, and the secret calendar address. The api stores only the address's hash, so it is shown once,
 * when made; renewing revokes the old one and makes a new one.
 */
export function AgendaPage({ registration, edition }: RegistrationPageProps) {
  const { t, i18n } = useTranslation('portal');
  const [error, setError] = useState<ErrorEnvelope>();
  const [feed, setFeed] = useState<CalendarFeed>();
  const [copied, setCopied] = useState(false);
  const [renewed, setRenewed] = useState(false);
  const [busy, setBusy] = useState<string>();
  const approved = registration.status === 'approved';

  const run = async (what: string, action: () => Promise<unknown>) => {
    setBusy(what);
    setError(undefined);
    await attempt(action, setError);
    setBusy(undefined);
  };

  const openHtml = () =>
    run('html', async () => {
      // Opened first, filled after: a window opened after an await is taken for a pop-up and blocked.
      const tab = window.open('', '_blank');
      try {
        const html = await fetchMyAgendaHtml(registration.id, i18n.language);
        const href = URL.createObjectURL(new Blob([await html.text()], { type: 'text/html;charset=utf-8' }));
        if (tab) tab.location.href = href;
        else window.location.assign(href);
        setTimeout(() => URL.revokeObjectURL(href), 60_000);
      } catch (caught) {
        tab?.close();
        throw caught;
      }
    });

  const create = () =>
    run('create', async () => {
      setFeed(await issueFeed(registration.id));
      setCopied(false);
      setRenewed(false);
    });

  const renew = () =>
    run('renew', async () => {
      // Revoke, then make anew: the old address stops answering before the new one exists. A feed never made
      // (404) has nothing to revoke.
      await revokeFeed(registration.id).catch((caught: unknown) => {
        if (!(caught instanceof ApiError && caught.envelope.statusCode === 404)) throw caught;
      });
      setFeed(await issueFeed(registration.id));
      setCopied(false);
      setRenewed(true);
    });

  const copy = async () => {
    if (!feed) return;
    await navigator.clipboard.writeText(feed.url);
    setCopied(true);
  };

  return (
    <section aria-labelledby="portal-agenda-title">
      <Typography.Title level={3} id="portal-agenda-title">
        {t('agenda.title')}
      </Typography.Title>
      {!approved && <Alert type="info" showIcon title={t('agenda.notApproved')} style={{ marginBottom: 12 }} />}
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      <Card title={t('agenda.documentTitle')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph>{t('agenda.documentText')}</Typography.Paragraph>
        <Space wrap>
          <Button onClick={() => void openHtml()} loading={busy === 'html'} disabled={!approved} data-testid="portal-agenda-html">
            {t('agenda.openHtml')}
          </Button>
          <Button onClick={() => void run('pdf', () => downloadMyAgendaPdf(registration, i18n.language))} loading={busy === 'pdf'} disabled={!approved} data-testid="portal-agenda-pdf">
            {t('agenda.downloadPdf')}
          </Button>
        </Space>
      </Card>
      <Card title={t('feed.title')}>
        <Typography.Paragraph>{t('feed.text')}</Typography.Paragraph>
        <Typography.Paragraph className="portal-note">{t('feed.once')}</Typography.Paragraph>
        {feed && (
          <div data-testid="portal-feed">
            <label htmlFor="portal-feed-url" className="portal-label">
              {t('feed.address')}
            </label>
            <Space.Compact style={{ width: '100%', maxWidth: 820 }}>
              <Input id="portal-feed-url" readOnly value={feed.url} data-testid="portal-feed-url" />
              <Button type="primary" onClick={() => void copy()} data-testid="portal-feed-copy">
                {t('feed.copy')}
              </Button>
            </Space.Compact>
            <Typography.Paragraph className="portal-note" style={{ marginTop: 4 }}>
              {t('feed.madeAt')} <EventTime at={feed.createdAt} timeZone={edition.timeZone} />
            </Typography.Paragraph>
            {copied && <Alert type="success" role="status" data-testid="portal-feed-copied" title={t('feed.copied')} style={{ marginBottom: 8 }} />}
            {renewed && <Alert type="info" role="status" data-testid="portal-feed-renewed" title={t('feed.renewed')} style={{ marginBottom: 8 }} />}
          </div>
        )}
        <Space wrap>
          {!feed && (
            <Button type="primary" onClick={() => void create()} loading={busy === 'create'} disabled={!approved} data-testid="portal-feed-create">
              {t('feed.create')}
            </Button>
          )}
          <Popconfirm title={t('feed.renewConfirm')} description={t('feed.renewMeans')} okText={t('feed.renew')} cancelText={t('feed.keep')} onConfirm={() => void renew()}>
            <Button loading={busy === 'renew'} disabled={!approved} data-testid="portal-feed-renew">
              {t('feed.renew')}
            </Button>
          </Popconfirm>
        </Space>
        <Typography.Paragraph className="portal-note" style={{ marginTop: 12 }}>
          {t('feed.renewMeans')}
        </Typography.Paragraph>
      </Card>
    </section>
  );
}
