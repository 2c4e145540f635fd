import { type ReactNode, useEffect, useState } from 'react';
import { type ButtonProps, Form, type FormInstance, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';

/**
 * The create / edit dialog of every list here: a form in a modal whose OK saves through the api. A refusal stays
 * in the dialog (ApiErrorAlert) with what was typed, so it can be corrected; success closes it and tells the list.
 */
export function FormDialog<Values extends object>({
  open,
  title,
  initialValues,
  onSave,
  onClose,
  children,
  testId,
  width = 760,
}: {
  open: boolean;
  title: string;
  initialValues?: Partial<Values>;
  onSave: (values: Values) => Promise<unknown>;
  onClose: (saved: boolean) => void;
  children: ReactNode | ((form: FormInstance<Values>) => ReactNode);
  testId: string;
  width?: number;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    // The page behind a modal dialog is out of reach (keyboard, screen readers, axe) until it closes: the dialog
    // and its dropdowns are portals on <body>, outside the app's root.
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    return () => root?.removeAttribute('inert');
  }, [open]);

  const save = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setBusy(true);
    setError(undefined);
    try {
      await onSave(values);
      onClose(true);
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught.envelope);
      else throw caught;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': `${testId}-save` } as ButtonProps}
      onOk={() => void save()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
