import './reports.css';
import { useEffect, useState } from 'react';
import { Alert, Button, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { ProgrammeToolbar } from '../ProgrammeWorkspace';
import { FixTranslationDialog } from './FixTranslationDialog';
import { fixableHere, getTranslationReport, type TranslationGap } from './programmeApi';
import { TranslationGapList } from './TranslationGapList';
import { pickText } from '../../shared/trilingual';
import { useReport } from './useEdition';

/**
 * /editions/:eventId/programme/translations: every public text lacking zh, en or ru. Names and titles are completed
 * here; a session's longer texts in its drawer on the timetable (linked). The page the release page's links lead to.
 */
export function TranslationReportPage() {
  const { t, i18n } = useTranslation('release');
  const { eventId = '' } = useParams();
  const { hash } = useLocation();
  const report = useReport(() => getTranslationReport(eventId), [eventId]);
  const [fixing, setFixing] = useState<TranslationGap>();

  // A link from the release page points at one gap: bring it into view once the report is shown.
  useEffect(() => {
    if (report.data && hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [report.data, hash]);

  return (
    <section aria-labelledby="translations-title" className="console-workspace programme-report">
      <Typography.Title level={2} id="translations-title">
        {t('translations.title')}
      </Typography.Title>
      <ProgrammeToolbar />
      {report.error && <ApiErrorAlert envelope={report.error} />}
      {!report.data && !report.error && <Spin />}
      {report.data?.complete && <Alert type="success" showIcon title={t('translations.complete')} data-testid="translations-complete" />}
      {report.data && !report.data.complete && (
        <>
          <p data-testid="gap-count">{t('translations.count', { count: report.data.total })}</p>
          <TranslationGapList
            eventId={eventId}
            gaps={report.data.items}
            anchors
            action={(gap) =>
              fixableHere(gap) && (
                <Button size="small" onClick={() => setFixing(gap)} aria-label={t('translations.fixNamed', { what: labelText(gap) })} data-testid="fix-gap">
                  {t('translations.fix')}
                </Button>
              )
            }
          />
        </>
      )}
      {fixing && (
        <FixTranslationDialog
          eventId={eventId}
          gap={fixing}
          onClose={() => setFixing(undefined)}
          onSaved={() => {
            setFixing(undefined);
            report.reload();
          }}
        />
      )}
    </section>
  );

  function labelText(gap: TranslationGap): string {
    return `${t(`translations.entity.${gap.entity}`)} «${pickText(gap.label, i18n.language)}» · ${t(`translations.field.${gap.field}`)}`;
  }
}
