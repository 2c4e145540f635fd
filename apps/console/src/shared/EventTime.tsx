import { useTranslation } from 'react-i18next';
import { formatEventTime, zoneName } from './time';

/** An instant shown in the event's time zone, the zone named beside it (or in the tooltip with `compact`). */
export function EventTime({ at, timeZone, compact = false, options }: { at: string; timeZone: string; compact?: boolean; options?: Intl.DateTimeFormatOptions }) {
  const { t, i18n } = useTranslation();
  const zone = zoneName(timeZone, i18n.language);
  const text = formatEventTime(at, timeZone, i18n.language, options);
  return (
    <time dateTime={at} title={t('time.zone', { zone })}>
      {text}
      {!compact && <span className="event-time-zone"> ({zone})</span>}
    </time>
  );
}

/** "Times in China Standard Time (Asia/Shanghai)", for the head of a page or table of times. */
export function TimeZoneNote({ timeZone }: { timeZone: string }) {
  const { t, i18n } = useTranslation();
  return <span className="time-zone-note">{t('time.zone', { zone: zoneName(timeZone, i18n.language) })}</span>;
}
