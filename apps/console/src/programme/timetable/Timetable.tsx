import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProgrammeToolbar } from '../ProgrammeWorkspace';

/** The edition's timetable: one tab per event day, rooms as columns, time as rows (built in the next commits). */
export function Timetable() {
  const { t } = useTranslation('programme');
  return (
    <section aria-labelledby="programme-title" className="console-workspace">
      <Typography.Title level={2} id="programme-title">
        {t('title')}
      </Typography.Title>
      <ProgrammeToolbar />
    </section>
  );
}
