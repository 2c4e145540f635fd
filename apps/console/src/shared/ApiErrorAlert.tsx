import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErrorEnvelope } from '../api/client';

/**
 * A refusal of the api in the reader's language, by its code (catalogue namespace `errors`, checked complete
 * against the codes the api sends by catalogues.spec.ts). Field errors of VALIDATION_FAILED are listed by field with
 * the broken rule in the reader's language (`errors:rule.<rule>`, checked against the rules the DTOs use).
 */
export function ApiErrorAlert({ envelope, onClose }: { envelope: ErrorEnvelope; onClose?: () => void }) {
  const { t, i18n } = useTranslation('errors');
  const known = i18n.exists(`errors:${envelope.code}`);
  const fields = Array.isArray(envelope.details)
    ? (envelope.details as { field?: string; rule?: string }[]).filter((detail) => detail.field)
    : [];
  return (
    <Alert
      type="error"
      role="alert"
      data-error-code={envelope.code}
      style={{ marginBottom: 16 }}
      title={known ? t(envelope.code) : t('UNKNOWN', { code: envelope.code })}
      description={
        fields.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {fields.map((detail) => (
              <li key={`${detail.field}:${detail.rule}`}>
                <code>{detail.field}</code>
                {detail.rule && i18n.exists(`errors:rule.${detail.rule}`) ? ` ${t(`rule.${detail.rule}`)}` : null}
              </li>
            ))}
          </ul>
        ) : undefined
      }
      closable={onClose ? { onClose } : undefined}
    />
  );
}
