import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GuestListReport, GuestRowError } from './invitationsApi';

interface ReportRow {
  row: number;
  guest?: GuestListReport['guests'][number];
  errors: GuestRowError[];
}

/** The report's rows in file order: each valid guest (to be invited) and each bad row with every fault it has. */
function rowsOf(report: GuestListReport, errors: GuestRowError[]): ReportRow[] {
  const byRow = new Map<number, ReportRow>();
  for (const guest of report.guests) byRow.set(guest.row, { row: guest.row, guest, errors: [] });
  for (const error of errors) {
    const entry = byRow.get(error.row) ?? { row: error.row, errors: [] };
    entry.errors.push(error);
    byRow.set(error.row, entry);
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}

/**
 * A guest-list report read row by row: the line in the file, what happens to it, and each fault by its code and
 * column in the reader's language (the api's English reason is for API clients).
 */
export function GuestListReportTable({ report, errors = report.errors }: { report: GuestListReport; errors?: GuestRowError[] }) {
  const { t, i18n } = useTranslation('registrations');
  const rowLabel = (row: number) => (row === 0 ? t('guestList.report.file') : row === 1 ? t('guestList.report.header') : String(row));
  const fieldLabel = (field: string | null) => (field && i18n.exists(`registrations:guestList.fields.${field}`) ? t(`guestList.fields.${field}`) : (field ?? ''));
  return (
    <Table<ReportRow>
      rowKey="row"
      size="small"
      data-testid="guest-list-report"
      dataSource={rowsOf(report, errors)}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t('guestList.report.empty') }}
      rowClassName={(entry) => (entry.errors.length ? 'guest-row-bad' : 'guest-row-ok')}
      columns={[
        { key: 'row', title: t('guestList.report.row'), width: 110, render: (_, entry) => <span data-testid="guest-row-number">{rowLabel(entry.row)}</span> },
        {
          key: 'outcome',
          title: t('guestList.report.outcome'),
          width: 200,
          render: (_, entry) =>
            entry.errors.length ? (
              <Tag color="#a8071a">{t('guestList.report.refused')}</Tag>
            ) : (
              <Tag color="#237804">{report.dryRun ? t('guestList.report.wouldInvite') : t('guestList.report.invited')}</Tag>
            ),
        },
        {
          key: 'details',
          title: t('guestList.report.details'),
          render: (_, entry) =>
            entry.errors.length ? (
              <ul className="guest-row-errors">
                {entry.errors.map((error, index) => (
                  <li key={index} data-error-code={error.code} data-field={error.field ?? ''}>
                    {error.field && <strong>{fieldLabel(error.field)}: </strong>}
                    {i18n.exists(`registrations:guestList.codes.${error.code}`) ? t(`guestList.codes.${error.code}`) : t('guestList.codes.unknown', { code: error.code })}
                  </li>
                ))}
              </ul>
            ) : (
              entry.guest && (
                <span>
                  {entry.guest.nameNative} ({entry.guest.nameLatin}), {entry.guest.email}, {entry.guest.country}, {t(`category.${entry.guest.category}`)}
                </span>
              )
            ),
        },
      ]}
    />
  );
}
