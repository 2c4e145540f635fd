import './visa.css';
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { DownloadLog } from './DownloadLog';
import { LetterTextForm } from './LetterTextForm';

/**
 * /editions/:eventId/visa (admins, organisers): the edition's visa invitation letter, its text and signature block
 * with a preview, and who downloaded their letter (?tab=log). A workspace of its own rather than a tab of the
 * edition page: the edition page's tabs are the programme's settings, and the log is about delegates.
 */
export default function VisaWorkspace() {
  const { t } = useTranslation('visa');
  const { eventId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'log' ? 'log' : 'text';
  return (
    <section aria-labelledby="visa-title" className="console-workspace">
      <Typography.Title level={2} id="visa-title">
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch(key === 'log' ? { tab: 'log' } : {}, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'text', label: t('tabs.text'), children: <LetterTextForm eventId={eventId} /> },
          { key: 'log', label: t('tabs.log'), children: <DownloadLog eventId={eventId} /> },
        ]}
      />
    </section>
  );
}
