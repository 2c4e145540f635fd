import { useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { invite, type InviteGuest, type NewInvitation } from './invitationsApi';
import { CATEGORIES } from './registrationsApi';
import { LANGUAGES } from '../i18n/languages';


/** One guest invited by hand: the same fields as a guest-list row (InviteGuestDto). */
export function InviteGuestDialog({ eventId, open, onClose, onInvited }: { eventId: string; open: boolean; onClose: () => void; onInvited: (invitation: NewInvitation) => void }) {
  const { t } = useTranslation('registrations');
  const [form] = Form.useForm<InviteGuest>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: InviteGuest) => {
    setBusy(true);
    setError(undefined);
    try {
      // Empty optional fields are left out: the api refuses an empty string where it takes text or nothing.
      const guest = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== '')) as unknown as InviteGuest;
      onInvited(await invite(eventId, { ...guest, country: guest.country.toUpperCase() }));
      form.resetFields();
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught.envelope);
      else throw caught;
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('common:signIn.required') }];
  return (
    <Modal
      open={open}
      title={t('invitations.invite')}
      okText={t('invitations.send')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'invite-guest' }}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      <Form id="invite-guest" form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ preferredLanguage: 'en', category: 'guest' }}>
        <Form.Item name="email" label={t('guestList.fields.email')} rules={[...required, { type: 'email', message: t('guestList.codes.invalid_email') }]}>
          <Input type="email" maxLength={254} />
        </Form.Item>
        <Form.Item name="nameNative" label={t('guestList.fields.name_native')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="nameLatin" label={t('guestList.fields.name_latin')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="country" label={t('guestList.fields.country')} rules={[...required, { pattern: /^[A-Za-z]{2}$/, message: t('guestList.codes.invalid_country') }]}>
          <Input maxLength={2} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="category" label={t('guestList.fields.category')} rules={required}>
          <Select options={CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))} />
        </Form.Item>
        <Form.Item name="preferredLanguage" label={t('guestList.fields.language')}>
          <Select options={LANGUAGES.map((value) => ({ value, label: t(`detail.languages.${value}`) }))} />
        </Form.Item>
        <Form.Item name="organisation" label={t('guestList.fields.organisation')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="position" label={t('guestList.fields.position')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="delegation" label={t('guestList.fields.delegation')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
