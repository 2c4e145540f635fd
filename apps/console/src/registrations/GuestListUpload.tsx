import { useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { GuestListColumns } from './GuestListColumns';
import { GuestListReportTable } from './GuestListReportTable';
import { type GuestListReport, type GuestRowError, guestListType, uploadGuestList } from './invitationsApi';

/**
 * /editions/:eventId/registrations/guest-list: pick a CSV or XLSX guest list, read the dry run's report row by row,
 * then import it for real. The api imports all rows or none, so Import waits for a report without faults.
 */
export function GuestListUpload() {
  const { t } = useTranslation('registrations');
  const { eventId = '' } = useParams();
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<GuestListReport>();
  const [result, setResult] = useState<GuestListReport>();
  // The rows the real import refused (422 GUEST_LIST_INVALID), should the list have changed since the dry run.
  const [refused, setRefused] = useState<GuestRowError[]>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [busy, setBusy] = useState<'dry' | 'import'>();

  const send = async (chosen: File, dryRun: boolean) => {
    setBusy(dryRun ? 'dry' : 'import');
    setError(undefined);
    setRefused(undefined);
    try {
      const answer = await uploadGuestList(eventId, chosen, dryRun);
      if (dryRun) setReport(answer);
      else {
        setResult(answer);
        setReport(undefined);
        setFile(undefined);
      }
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      setError(caught.envelope);
      if (caught.envelope.code === 'GUEST_LIST_INVALID' && Array.isArray(caught.envelope.details)) setRefused(caught.envelope.details as GuestRowError[]);
    } finally {
      setBusy(undefined);
    }
  };

  const choose = (chosen: File | undefined) => {
    setReport(undefined);
    setResult(undefined);
    setError(undefined);
    setFile(chosen);
    if (chosen && guestListType(chosen)) void send(chosen, true);
  };

  const faults = report?.errors.length ?? 0;
  const canImport = !!file && !!report && faults === 0 && report.rows > 0 && !busy;

  return (
    <section aria-labelledby="guest-list-title" className="console-workspace registrations-page">
      <Typography.Title level={2} id="guest-list-title">
        {t('guestList.title')}
      </Typography.Title>
      <Typography.Paragraph>
        <Link to="..">{t('nav.list')}</Link> · <Link to="../invitations">{t('nav.invitations')}</Link>
      </Typography.Paragraph>
      <Typography.Paragraph>{t('guestList.intro')}</Typography.Paragraph>
      <GuestListColumns />
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <label htmlFor="guest-list-file" className="guest-list-file-label">
          {t('guestList.pick')}
        </label>
        {/* The native input's button speaks the browser's language, not the reader's: it is hidden (still focusable)
            behind a label drawn as a button. */}
        <span className="guest-list-file-picker">
          <input
            id="guest-list-file"
            className="guest-list-file-input"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => choose(event.target.files?.[0])}
          />
          <label htmlFor="guest-list-file" className="guest-list-file-button">
            {t('guestList.choose')}
          </label>{' '}
          <span data-testid="guest-list-file-name">{file ? file.name : t('guestList.noFile')}</span>
        </span>
        {file && !guestListType(file) && <Alert type="error" title={t('guestList.wrongType', { name: file.name })} />}
      </Space>
      {busy === 'dry' && <Alert type="info" title={t('guestList.checking')} style={{ marginBottom: 16 }} />}
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      {report && (
        <div data-testid="guest-list-dry-run">
          <Alert
            type={faults ? 'warning' : 'success'}
            style={{ marginBottom: 16 }}
            title={t('guestList.summary', { read: report.rowsRead, valid: report.rows, bad: new Set(report.errors.map((fault) => fault.row)).size })}
            description={faults ? t('guestList.fixFirst') : t('guestList.readyToImport', { count: report.rows })}
          />
          <GuestListReportTable report={report} errors={refused ?? report.errors} />
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" disabled={!canImport} loading={busy === 'import'} onClick={() => file && void send(file, false)} data-testid="guest-list-import">
              {t('guestList.import', { count: report.rows })}
            </Button>
          </Space>
        </div>
      )}
      {result && (
        <Alert
          type="success"
          data-testid="guest-list-result"
          title={t('guestList.imported', { count: result.invited })}
          description={<Link to="../invitations">{t('guestList.seeInvitations')}</Link>}
        />
      )}
    </section>
  );
}
