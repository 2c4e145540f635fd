import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErrorEnvelope } from '../../api/client';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import type { TranslationGap } from '../reports/programmeApi';
import { TranslationGapList } from '../reports/TranslationGapList';

/** The refusals of POST …/releases this page explains with their reasons; any other shows by its code. */
const EXPLAINED = ['TRANSLATIONS_MISSING', 'NO_CHANGES', 'OVERRIDE_NEEDS_ADMIN'];

/**
 * Why publishing was refused, in the reader's language: the missing translations listed (each a link to where it is
 * fixed), the release that already holds everything, or that only an admin may override.
 */
export function PublishRefusal({ eventId, envelope, onClose }: { eventId: string; envelope: ErrorEnvelope; onClose: () => void }) {
  const { t } = useTranslation('release');
  if (!EXPLAINED.includes(envelope.code)) return <ApiErrorAlert envelope={envelope} onClose={onClose} />;
  const gaps = envelope.code === 'TRANSLATIONS_MISSING' && Array.isArray(envelope.details) ? (envelope.details as TranslationGap[]) : [];
  const latest = (envelope.details as { number?: number } | undefined)?.number;
  return (
    <Alert
      type="error"
      role="alert"
      data-testid="publish-refusal"
      data-error-code={envelope.code}
      style={{ marginBottom: 16 }}
      closable={{ onClose }}
      title={t(`refusal.${envelope.code}`, { count: gaps.length, number: latest })}
      description={gaps.length > 0 ? <TranslationGapList eventId={eventId} gaps={gaps} /> : undefined}
    />
  );
}
