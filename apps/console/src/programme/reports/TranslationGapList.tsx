import type { ReactNode } from 'react';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pickText } from '../../shared/trilingual';
import type { TranslationGap } from './programmeApi';
import { gapAnchor, gapHref, sessionHref } from './programmeLinks';

/** What a gap is about, in the reader's words: "Session “…” · title". */
export function GapLabel({ gap }: { gap: TranslationGap }) {
  const { t, i18n } = useTranslation('release');
  const name = pickText(gap.label, i18n.language) || t('translations.unnamed');
  return (
    <span>
      {t(`translations.entity.${gap.entity}`)} «{name}» · {t(`translations.field.${gap.field}`, { defaultValue: gap.field })}
    </span>
  );
}

/** Each missing language as a tag, named in the reader's language. */
export function MissingLanguages({ gap }: { gap: TranslationGap }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {gap.missing.map((language) => (
        <Tag key={language} color="#a8071a" data-testid="missing-language">
          {t(`trilingual.${language}`)}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * Missing translations as a list of links to where each is fixed (the session in the timetable, other texts on the
 * translation report, the release's own name on the release page). `action` adds a control per gap.
 */
export function TranslationGapList({ eventId, gaps, action, anchors = false }: {
  eventId: string;
  gaps: TranslationGap[];
  action?: (gap: TranslationGap) => ReactNode;
  /** On the translation report itself each entry carries its anchor, the target of the other pages' links. */
  anchors?: boolean;
}) {
  const { t } = useTranslation('release');
  return (
    <ul className="gap-list" data-testid="gap-list">
      {gaps.map((gap) => (
        <li key={gapAnchor(gap)} id={anchors ? gapAnchor(gap) : undefined} data-testid="gap" data-entity={gap.entity} data-field={gap.field}>
          <Space wrap>
            {anchors ? <GapLabel gap={gap} /> : <Link to={gapHref(eventId, gap)}><GapLabel gap={gap} /></Link>}
            <span>{t('translations.lacks')}</span>
            <MissingLanguages gap={gap} />
            {gap.entity === 'session' && (
              <Link to={sessionHref(eventId, gap.id)}>{t('translations.openSession')}</Link>
            )}
            {action?.(gap)}
          </Space>
        </li>
      ))}
    </ul>
  );
}
