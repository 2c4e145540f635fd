import { useEffect, useRef, useState } from 'react';
import { Button, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { LANGUAGES } from '../i18n/languages';
import { useEventTimeZone } from '../registrations/useEventTimeZone';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { TimeZoneNote } from '../shared/EventTime';
import { type RunSheetLanguage, runSheetHtml, runSheetPdf, saveBlob } from './outcomesApi';
import { useSessionOptions } from './useSessions';

/**
 * The run sheet of one session as the api prints it (times in the event's zone, words in the reader's language, a
 * page per signing), fetched through the typed client with the bearer token and shown in a frame; "Print" prints
 * that frame, "PDF" downloads the api's PDF. The session is in the address (?session=), so a link opens it.
 */
export function RunSheetPage() {
  const { t, i18n } = useTranslation('outcomes');
  const { eventId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const sessionId = search.get('session') ?? undefined;
  const timeZone = useEventTimeZone(eventId);
  const sessions = useSessionOptions(eventId, timeZone);
  const lang = ((LANGUAGES as readonly string[]).includes(i18n.language) ? i18n.language : 'en') as RunSheetLanguage;
  const [html, setHtml] = useState<string>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [busy, setBusy] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    if (!sessionId) return;
    let current = true;
    setHtml(undefined);
    setError(undefined);
    runSheetHtml(eventId, sessionId, lang)
      .then((text) => current && setHtml(text))
      .catch((caught: unknown) => {
        if (current && caught instanceof ApiError) setError(caught.envelope);
      });
    return () => {
      current = false;
    };
  }, [eventId, sessionId, lang]);

  const pdf = async () => {
    if (!sessionId) return;
    setBusy(true);
    setError(undefined);
    try {
      const { blob, name } = await runSheetPdf(eventId, sessionId, lang);
      await saveBlob(blob, name);
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught.envelope);
      else throw caught;
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="run-sheet-title" className="console-workspace outcomes-page">
      <Typography.Paragraph>
        <Link to="..">{t('detail.back')}</Link>
      </Typography.Paragraph>
      <Typography.Title level={2} id="run-sheet-title">
        {t('runSheet.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('runSheet.session')}
          placeholder={t('runSheet.session')}
          style={{ width: 420 }}
          value={sessionId}
          onChange={(next: string) => setSearch({ session: next }, { replace: true })}
          options={sessions.options}
          data-testid="run-sheet-session"
        />
        <Button disabled={!html} onClick={() => frame.current?.contentWindow?.print()} data-testid="run-sheet-print">
          {t('runSheet.print')}
        </Button>
        <Button disabled={!sessionId} loading={busy} onClick={() => void pdf()} data-testid="run-sheet-pdf">
          {t('runSheet.pdf')}
        </Button>
        {timeZone && <TimeZoneNote timeZone={timeZone} />}
      </Space>
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      {!sessionId && <Typography.Paragraph type="secondary">{t('runSheet.pick')}</Typography.Paragraph>}
      {sessionId && !html && !error && <Spin />}
      {html && (
        // The api's page, escaped by the api, framed without scripts; same origin only so that Print can reach it.
        <iframe ref={frame} title={t('runSheet.frame')} className="run-sheet-frame" sandbox="allow-same-origin allow-modals" srcDoc={html} data-testid="run-sheet-frame" />
      )}
    </section>
  );
}
