import { useState } from 'react';
import { Alert, Button, Form, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { type Edition, updateEdition } from './editionsApi';
import { EditionFields, type EditionFormValues, fromFormValues, toFormValues } from './EditionFields';

/** The statuses an edition can be moved to from each one (publish, unpublish back to draft, archive, reopen). */
const NEXT: Record<Edition['status'], Edition['status'][]> = {
  draft: ['published', 'archived'],
  published: ['draft', 'archived'],
  archived: ['draft'],
};

/** An edition's settings, edited in place, and its status changed by its own buttons (publishing is a decision). */
export function EditionSettings({ edition, onSaved }: { edition: Edition; onSaved: (edition: Edition) => void }) {
  const { t } = useTranslation('editions');
  const [form] = Form.useForm<EditionFormValues>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [busy, setBusy] = useState<string>();
  const [saved, setSaved] = useState(false);

  const run = async (what: string, body: Parameters<typeof updateEdition>[1]) => {
    setBusy(what);
    setError(undefined);
    setSaved(false);
    try {
      const answer = await updateEdition(edition.id, body);
      onSaved(answer);
      form.setFieldsValue(toFormValues(answer));
      setSaved(true);
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught.envelope);
      else throw caught;
    } finally {
      setBusy(undefined);
    }
  };

  const save = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (values) await run('save', { ...fromFormValues(values), status: edition.status });
  };

  return (
    <div>
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      {saved && <Alert type="success" title={t('common:state.saved')} showIcon closable={{ onClose: () => setSaved(false) }} style={{ marginBottom: 16 }} data-testid="edition-saved" />}
      <Space style={{ marginBottom: 16 }} wrap>
        {NEXT[edition.status].map((status) => (
          <Popconfirm
            key={status}
            title={t(`statusChange.${status}Confirm`)}
            okText={t(`statusChange.${status}`)}
            cancelText={t('common:actions.cancel')}
            onConfirm={() => run(status, { status, registrationMode: edition.registrationMode })}
          >
            <Button loading={busy === status} data-testid={`edition-to-${status}`}>
              {t(`statusChange.${status}`)}
            </Button>
          </Popconfirm>
        ))}
      </Space>
      <Form<EditionFormValues> form={form} layout="vertical" initialValues={toFormValues(edition)} onFinish={() => void save()}>
        <EditionFields />
        <Button type="primary" htmlType="submit" loading={busy === 'save'} data-testid="edition-save">
          {t('common:actions.save')}
        </Button>
      </Form>
    </div>
  );
}
