import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../../api/client';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { TrilingualFields } from '../../shared/TrilingualFields';
import type { Trilingual } from '../../shared/trilingual';
import { fixGap, type TranslationGap } from './programmeApi';
import { GapLabel } from './TranslationGapList';

/**
 * Completes one name or title in place: the three languages side by side, the ones it has filled in (the gap's
 * label is that text), or a person's Cyrillic name alone. Saved straight to the api.
 */
export function FixTranslationDialog({ eventId, gap, onClose, onSaved }: { eventId: string; gap: TranslationGap; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('release');
  const [form] = Form.useForm<{ text: Trilingual; cyrillic: string }>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [saving, setSaving] = useState(false);
  const cyrillic = gap.entity === 'person';

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(undefined);
    try {
      await fixGap(eventId, gap, cyrillic ? values.cyrillic.trim() : values.text);
      onSaved();
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught.envelope);
      else throw caught;
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('translations.fixTitle')}
      okText={t('translations.save')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      rootClassName="programme-report"
    >
      <p>
        <GapLabel gap={gap} />
      </p>
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      <Form form={form} layout="vertical" initialValues={{ text: { ...gap.label } }}>
        {cyrillic ? (
          <Form.Item name="cyrillic" label={t('translations.field.nameCyrillic')} rules={[{ required: true, whitespace: true, message: t('common:signIn.required') }]}>
            <Input lang="ru" />
          </Form.Item>
        ) : (
          <TrilingualFields name="text" label={t(`translations.field.${gap.field}`)} required={['zh', 'en', 'ru']} />
        )}
      </Form>
    </Modal>
  );
}
