import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErrorEnvelope } from '../api/client';
import { CountryInput } from '../editions/CountryInput';
import { countryName } from '../editions/countries';
import { LANGUAGES } from '../i18n/languages';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { formatDay } from '../shared/time';
import { cancelMyRegistration, type RegistrationChanges, updateMyRegistration } from './portalApi';
import type { RegistrationPageProps } from './RegistrationFrame';
import { attempt } from './usePortalLoad';

/** What the api lets a delegate change (UpdateRegistrationDto less the visa data, which has its own place). */
type Editable = Required<Pick<RegistrationChanges, 'nameNative' | 'nameLatin' | 'country' | 'preferredLanguage' | 'interpretationNeeds' | 'listedConsent'>> & {
  position: string;
  phone: string;
  dietaryNeeds: string;
  accessibilityNeeds: string;
  arrivalDate: string;
  departureDate: string;
};

/** The registration's state (what it means, what comes next, the organisers' reason), its details, edit and cancel. */
export function RegistrationOverview({ registration, reload }: RegistrationPageProps) {
  const { t, i18n } = useTranslation('portal');
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<ErrorEnvelope>();
  const [saved, setSaved] = useState(false);
  const [form] = Form.useForm<Editable>();
  const live = registration.status === 'pending' || registration.status === 'approved';

  const startEditing = () => {
    form.setFieldsValue({
      nameNative: registration.nameNative ?? '',
      nameLatin: registration.nameLatin ?? '',
      country: registration.country ?? '',
      position: registration.position ?? '',
      preferredLanguage: registration.preferredLanguage,
      phone: registration.phone ?? '',
      dietaryNeeds: registration.dietaryNeeds ?? '',
      accessibilityNeeds: registration.accessibilityNeeds ?? '',
      interpretationNeeds: registration.interpretationNeeds,
      arrivalDate: registration.arrivalDate ?? '',
      departureDate: registration.departureDate ?? '',
      listedConsent: registration.listedConsent,
    });
    setSaved(false);
    setError(undefined);
    setEditing(true);
  };

  const save = async (values: Editable) => {
    // Optional texts left empty are not sent: the api keeps what it has (it takes no empty date or phone).
    const optional = ['position', 'phone', 'dietaryNeeds', 'accessibilityNeeds', 'arrivalDate', 'departureDate'] as const;
    const body: RegistrationChanges = {
      nameNative: values.nameNative,
      nameLatin: values.nameLatin,
      country: values.country,
      preferredLanguage: values.preferredLanguage,
      interpretationNeeds: values.interpretationNeeds,
      listedConsent: values.listedConsent,
    };
    for (const key of optional) if (values[key]?.trim()) body[key] = values[key].trim();
    const answer = await attempt(() => updateMyRegistration(registration.id, body), setError);
    if (answer) {
      setEditing(false);
      setSaved(true);
      reload();
    }
  };

  const cancel = async () => {
    if (await attempt(() => cancelMyRegistration(registration.id), setError)) reload();
  };

  const day = (value: string | null) => (value ? formatDay(value, i18n.language) : '—');
  return (
    <div>
      <Alert
        type={registration.status === 'approved' ? 'success' : registration.status === 'pending' ? 'info' : 'warning'}
        showIcon
        data-testid="my-registration-meaning"
        title={t(`meaning.${registration.status}`)}
        description={
          <>
            <p style={{ margin: 0 }}>{t(`next.${registration.status}`)}</p>
            {registration.statusReason && (
              <p style={{ margin: '8px 0 0' }} data-testid="my-registration-reason">
                {t('overview.reason')}: «{registration.statusReason}»
              </p>
            )}
          </>
        }
      />
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      {saved && <Alert type="success" role="status" title={t('overview.saved')} style={{ marginTop: 12 }} />}
      {!editing && (
        <>
          <Descriptions bordered column={1} size="small" style={{ marginTop: 16 }} data-testid="my-registration-details">
            <Descriptions.Item label={t('field.nameNative')}>{registration.nameNative}</Descriptions.Item>
            <Descriptions.Item label={t('field.nameLatin')}>{registration.nameLatin}</Descriptions.Item>
            <Descriptions.Item label={t('field.country')}>{registration.country ? countryName(registration.country, i18n.language) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.category')}>{t(`category.${registration.category}`)}</Descriptions.Item>
            <Descriptions.Item label={t('field.position')}>{registration.position || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.preferredLanguage')}>{t(`language.${registration.preferredLanguage}`)}</Descriptions.Item>
            <Descriptions.Item label={t('field.phone')}>{registration.phone || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.dietaryNeeds')}>{registration.dietaryNeeds || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.accessibilityNeeds')}>{registration.accessibilityNeeds || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.interpretationNeeds')}>
              {registration.interpretationNeeds.length ? registration.interpretationNeeds.map((language) => t(`language.${language}`)).join(', ') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.stay')}>
              {day(registration.arrivalDate)} – {day(registration.departureDate)}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.listedConsent')}>{t(registration.listedConsent ? 'overview.yes' : 'overview.no')}</Descriptions.Item>
          </Descriptions>
          {live && (
            <Space style={{ marginTop: 16 }} wrap>
              <Button type="primary" onClick={startEditing} data-testid="my-registration-edit">
                {t('overview.edit')}
              </Button>
              <Popconfirm
                title={t('overview.cancelConfirm')}
                description={t('overview.cancelMeans')}
                okText={t('overview.cancelYes')}
                cancelText={t('overview.keep')}
                okButtonProps={{ danger: true }}
                onConfirm={() => void cancel()}
              >
                <Button danger data-testid="my-registration-cancel">
                  {t('overview.cancel')}
                </Button>
              </Popconfirm>
            </Space>
          )}
        </>
      )}
      {editing && (
        <Form form={form} layout="vertical" onFinish={(values) => void save(values)} style={{ maxWidth: 640, marginTop: 16 }} data-testid="my-registration-form">
          <Form.Item name="nameNative" label={t('field.nameNative')} rules={[{ required: true, whitespace: true, message: t('overview.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="nameLatin" label={t('field.nameLatin')} rules={[{ required: true, whitespace: true, message: t('overview.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="country" label={t('field.country')} rules={[{ required: true, message: t('overview.required') }]}>
            <CountryInput />
          </Form.Item>
          <Form.Item name="position" label={t('field.position')}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="preferredLanguage" label={t('field.preferredLanguage')} extra={t('overview.languageMeans')}>
            <Select options={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="phone" label={t('field.phone')}>
            <Input maxLength={30} type="tel" />
          </Form.Item>
          <Form.Item name="dietaryNeeds" label={t('field.dietaryNeeds')}>
            <Input.TextArea maxLength={1000} rows={2} />
          </Form.Item>
          <Form.Item name="accessibilityNeeds" label={t('field.accessibilityNeeds')}>
            <Input.TextArea maxLength={1000} rows={2} />
          </Form.Item>
          <Form.Item name="interpretationNeeds" label={t('field.interpretationNeeds')}>
            <Checkbox.Group options={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="arrivalDate" label={t('field.arrivalDate')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="departureDate" label={t('field.departureDate')}>
              <Input type="date" />
            </Form.Item>
          </Space>
          <Form.Item name="listedConsent" valuePropName="checked">
            <Checkbox>{t('overview.listedConsent')}</Checkbox>
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="my-registration-save">
              {t('overview.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('overview.discard')}</Button>
          </Space>
          <Typography.Paragraph className="portal-note" style={{ marginTop: 12 }}>
            {t('overview.notEditable')}
          </Typography.Paragraph>
        </Form>
      )}
    </div>
  );
}
