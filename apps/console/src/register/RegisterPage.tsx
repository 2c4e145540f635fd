import { useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Radio, Result, Select, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { signIn } from '../auth/session';
import { LANGUAGES } from '../i18n/languages';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { pickText } from '../shared/trilingual';
import { countryOptions } from './countryCodes';
import { editionDays } from './editionDays';
import { EditionUnavailable, usePublicEdition } from './EditionPublicPage';
import { LinkButton } from './LinkButton';
import { PublicFrame } from './PublicFrame';
import { CATEGORIES, ORGANISATION_TYPES, type PublicEdition, type Registration, signUp, type SignUp } from './registerApi';

type Participation = 'delegate' | 'member' | 'head';

/** What the form holds; dates are dayjs values of the pickers until they are sent as YYYY-MM-DD. */
interface RegisterValues {
  email: string;
  password: string;
  nameNative: string;
  nameLatin: string;
  country: string;
  preferredLanguage: SignUp['preferredLanguage'];
  phone?: string;
  organisationName?: string;
  organisationType?: NonNullable<SignUp['newOrganisation']>['type'];
  position?: string;
  category: SignUp['category'];
  participation: Participation;
  delegationName?: string;
  confirmCountryMismatch?: boolean;
  arrivalDate?: Dayjs | null;
  departureDate?: Dayjs | null;
  dietaryNeeds?: string;
  accessibilityNeeds?: string;
  interpretationNeeds?: SignUp['preferredLanguage'][];
  needsVisa?: boolean;
  visaNationality?: string;
  visaPassportNumber?: string;
  visaDateOfBirth?: Dayjs | null;
  consentAccepted?: boolean;
  listedConsent?: boolean;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);
const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The form's values as the api's SignUpDto: only what was given, the consent to the notice version shown. */
function toSignUp(values: RegisterValues, edition: PublicEdition, invitationToken: string | null): SignUp {
  const organisation = text(values.organisationName);
  const delegation = values.participation !== 'delegate' && text(values.delegationName);
  return {
    email: values.email.trim(),
    password: values.password,
    nameNative: values.nameNative.trim(),
    nameLatin: values.nameLatin.trim(),
    country: values.country,
    preferredLanguage: values.preferredLanguage,
    phone: text(values.phone),
    newOrganisation: organisation && values.organisationType ? { name: organisation, type: values.organisationType } : undefined,
    position: text(values.position),
    category: values.category,
    delegation: delegation
      ? { name: delegation, head: values.participation === 'head', confirmCountryMismatch: values.confirmCountryMismatch === true }
      : undefined,
    arrivalDate: day(values.arrivalDate),
    departureDate: day(values.departureDate),
    dietaryNeeds: text(values.dietaryNeeds),
    accessibilityNeeds: text(values.accessibilityNeeds),
    interpretationNeeds: values.interpretationNeeds?.length ? values.interpretationNeeds : undefined,
    visa:
      values.needsVisa && values.visaNationality && values.visaPassportNumber && values.visaDateOfBirth
        ? { nationality: values.visaNationality, passportNumber: values.visaPassportNumber.trim().toUpperCase(), dateOfBirth: day(values.visaDateOfBirth)! }
        : undefined,
    consent: { accepted: true, noticeVersion: edition.consentNotice.version },
    listedConsent: values.listedConsent ?? false,
    ...(invitationToken ? { invitationToken } : {}),
  };
}

/** `/e/:slug/register`: a guest's account and registration in one form, in every registration mode of the edition. */
export default function RegisterPage() {
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const invitation = params.get('invitation');
  const { edition, error } = usePublicEdition(slug);
  return (
    <PublicFrame>
      {error ? (
        <EditionUnavailable envelope={error} />
      ) : !edition ? (
        <Spin />
      ) : (
        <RegisterForm key={edition.slug} edition={edition} invitation={invitation} />
      )}
    </PublicFrame>
  );
}

function RegisterForm({ edition, invitation }: { edition: PublicEdition; invitation: string | null }) {
  const { t, i18n } = useTranslation('register');
  const language = i18n.language;
  const [form] = Form.useForm<RegisterValues>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ErrorEnvelope>();
  const [registered, setRegistered] = useState<Registration>();
  // Kept for "sign in" after registering, so the guest does not type them again.
  const credentials = useRef<{ email: string; password: string }>(undefined);
  const participation = Form.useWatch('participation', form);
  const needsVisa = Form.useWatch('needsVisa', form);
  const organisationName = Form.useWatch('organisationName', form);

  const heading = (
    <>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {t('form.title', { edition: pickText(edition.name, language) })}
      </Typography.Title>
      <Typography.Paragraph className="register-subtitle">
        {editionDays(edition.firstDay, edition.lastDay, language)} · {pickText(edition.city, language)}
      </Typography.Paragraph>
    </>
  );

  if (edition.registrationMode === 'invitation' && !invitation) {
    return (
      <Card>
        {heading}
        <Alert type="info" title={t('invitation.only')} description={t('invitation.onlyHow')} data-testid="invitation-only" />
      </Card>
    );
  }
  if (registered) return <Registered edition={edition} registration={registered} credentials={credentials.current!} />;

  const submit = async (values: RegisterValues) => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const body = toSignUp(values, edition, invitation);
      const answer = await signUp(edition.slug, body);
      credentials.current = { email: body.email, password: body.password };
      setRegistered(answer);
      window.scrollTo(0, 0);
    } catch (caught) {
      if (caught instanceof ApiError) setRefusal(caught.envelope);
      else throw caught;
    } finally {
      setBusy(false);
    }
  };

  const required = { required: true, message: t('form.required') };
  const countries = countryOptions(language);
  const notice = pickText(edition.consentNotice.text, language);
  return (
    <Card>
      {heading}
      {invitation ? (
        <Alert type="info" title={t('invitation.carried')} style={{ marginBottom: 16 }} data-testid="invitation-carried" />
      ) : edition.registrationMode === 'approval' ? (
        <Alert type="info" title={t('approval.waits')} style={{ marginBottom: 16 }} data-testid="approval-waits" />
      ) : null}
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        scrollToFirstError
        initialValues={{ preferredLanguage: language, participation: 'delegate', category: 'business', interpretationNeeds: [] }}
      >
        <Typography.Title level={2} className="register-section" style={{ fontSize: 18 }}>
          {t('section.account')}
        </Typography.Title>
        <Form.Item name="email" label={t('field.email')} rules={[required, { type: 'email', message: t('form.email') }]} extra={invitation ? t('invitation.sameEmail') : undefined}>
          <Input type="email" autoComplete="email" data-testid="field-email" />
        </Form.Item>
        <Form.Item name="password" label={t('field.password')} rules={[required, { min: 12, message: t('form.passwordLength') }]} extra={t('field.passwordHint')}>
          <Input.Password autoComplete="new-password" data-testid="field-password" />
        </Form.Item>

        <Typography.Title level={2} className="register-section" style={{ fontSize: 18 }}>
          {t('section.person')}
        </Typography.Title>
        <Form.Item name="nameNative" label={t('field.nameNative')} rules={[required]} extra={t('field.nameNativeHint')}>
          <Input autoComplete="name" data-testid="field-name-native" />
        </Form.Item>
        <Form.Item name="nameLatin" label={t('field.nameLatin')} rules={[required]} extra={t('field.nameLatinHint')}>
          <Input data-testid="field-name-latin" />
        </Form.Item>
        <Form.Item name="country" label={t('field.country')} rules={[required]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={countries} data-testid="field-country" />
        </Form.Item>
        <Form.Item name="preferredLanguage" label={t('field.preferredLanguage')} rules={[required]} extra={t('field.preferredLanguageHint')}>
          <Select options={LANGUAGES.map((value) => ({ value, label: <span lang={value}>{t(`common:language.${value}`)}</span> }))} data-testid="field-language" />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')} rules={[{ pattern: /^\+?[0-9 ()-]{5,30}$/, message: t('form.phone') }]}>
          <Input type="tel" autoComplete="tel" />
        </Form.Item>

        <Typography.Title level={2} className="register-section" style={{ fontSize: 18 }}>
          {t('section.organisation')}
        </Typography.Title>
        <Form.Item name="organisationName" label={t('field.organisation')}>
          <Input autoComplete="organization" data-testid="field-organisation" />
        </Form.Item>
        <Form.Item name="organisationType" label={t('field.organisationType')} rules={organisationName?.trim() ? [required] : []}>
          <Select allowClear options={ORGANISATION_TYPES.map((value) => ({ value, label: t(`organisationType.${value}`) }))} data-testid="field-organisation-type" />
        </Form.Item>
        <Form.Item name="position" label={t('field.position')}>
          <Input autoComplete="organization-title" />
        </Form.Item>

        <Typography.Title level={2} className="register-section" style={{ fontSize: 18 }}>
          {t('section.participation')}
        </Typography.Title>
        <Form.Item name="category" label={t('field.category')} rules={[required]}>
          <Select options={CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))} data-testid="field-category" />
        </Form.Item>
        <Form.Item name="participation" label={t('field.participation')} rules={[required]}>
          <Radio.Group
            data-testid="field-participation"
            options={(['delegate', 'member', 'head'] as const).map((value) => ({ value, label: t(`participation.${value}`) }))}
          />
        </Form.Item>
        {participation && participation !== 'delegate' && (
          <>
            <Form.Item
              name="delegationName"
              label={t('field.delegation')}
              rules={[required]}
              extra={participation === 'head' ? t('field.delegationHeadHint') : t('field.delegationMemberHint')}
            >
              <Input data-testid="field-delegation" />
            </Form.Item>
            {refusal?.code === 'DELEGATION_COUNTRY_MISMATCH' && (
              <Form.Item name="confirmCountryMismatch" valuePropName="checked">
                <Checkbox data-testid="field-confirm-country">{t('field.confirmCountryMismatch')}</Checkbox>
              </Form.Item>
            )}
          </>
        )}

        <Typography.Title level={2} className="register-section" style={{ fontSize: 18 }}>
          {t('section.stay')}
        </Typography.Title>
        <Form.Item name="arrivalDate" label={t('field.arrivalDate')}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="departureDate" label={t('field.departureDate')}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="dietaryNeeds" label={t('field.dietaryNeeds')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="accessibilityNeeds" label={t('field.accessibilityNeeds')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="interpretationNeeds" label={t('field.interpretationNeeds')}>
          <Checkbox.Group options={LANGUAGES.map((value) => ({ value, label: <span lang={value}>{t(`common:language.${value}`)}</span> }))} />
        </Form.Item>

        <Typography.Title level={2} className="register-section" style={{ fontSize: 18 }}>
          {t('section.visa')}
        </Typography.Title>
        <Form.Item name="needsVisa" valuePropName="checked">
          <Checkbox data-testid="field-needs-visa">{t('field.needsVisa')}</Checkbox>
        </Form.Item>
        {needsVisa && (
          <>
            <Form.Item name="visaNationality" label={t('field.visaNationality')} rules={[required]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={countries} data-testid="field-visa-nationality" />
            </Form.Item>
            <Form.Item
              name="visaPassportNumber"
              label={t('field.visaPassportNumber')}
              rules={[required, { pattern: /^[A-Za-z0-9]{5,20}$/, message: t('form.passport') }]}
            >
              <Input data-testid="field-visa-passport" />
            </Form.Item>
            <Form.Item name="visaDateOfBirth" label={t('field.visaDateOfBirth')} rules={[required]}>
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
          </>
        )}

        <Typography.Title level={2} className="register-section" style={{ fontSize: 18 }}>
          {t('section.consent')}
        </Typography.Title>
        <Typography.Paragraph>{t('consent.intro', { version: edition.consentNotice.version })}</Typography.Paragraph>
        {notice ? (
          <div className="consent-notice" tabIndex={0} role="region" aria-label={t('consent.notice')} data-testid="consent-notice">
            {notice}
          </div>
        ) : (
          <Alert type="warning" title={t('consent.noText')} style={{ marginBottom: 12 }} />
        )}
        <Form.Item
          name="consentAccepted"
          valuePropName="checked"
          rules={[{ validator: (_rule, value) => (value ? Promise.resolve() : Promise.reject(new Error(t('consent.required')))) }]}
        >
          <Checkbox data-testid="field-consent">{t('consent.accept')}</Checkbox>
        </Form.Item>
        <Form.Item name="listedConsent" valuePropName="checked">
          <Checkbox>{t('consent.listed')}</Checkbox>
        </Form.Item>

        {refusal && <ApiErrorAlert envelope={refusal} />}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="register-submit">
          {t('form.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** After registering: the api's decision, what happens next, and signing in with what was just typed. */
function Registered({ edition, registration, credentials }: { edition: PublicEdition; registration: Registration; credentials: { email: string; password: string } }) {
  const { t } = useTranslation('register');
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const approved = registration.status === 'approved';
  const continueSignedIn = async () => {
    setBusy(true);
    try {
      await signIn(credentials.email, credentials.password);
      // The home screen decides where a delegate lands.
      void navigate('/', { replace: true });
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <Card>
      <Result
        status={approved ? 'success' : 'info'}
        title={<span data-testid="registered-title">{approved ? t('done.approvedTitle') : t('done.pendingTitle')}</span>}
        subTitle={<span data-testid="registered-next">{approved ? t('done.approvedNext', { email: credentials.email }) : t('done.pendingNext', { email: credentials.email })}</span>}
        extra={[
          <Button key="sign-in" type="primary" loading={busy} onClick={() => void continueSignedIn()} data-testid="registered-sign-in">
            {t('done.signIn')}
          </Button>,
          <LinkButton key="edition" type="default" to={`/e/${encodeURIComponent(edition.slug)}`}>
            {t('done.backToEdition')}
          </LinkButton>,
        ]}
      />
      {failed && <Alert type="warning" title={t('done.signInFailed')} action={<LinkButton to="/sign-in">{t('edition.signIn')}</LinkButton>} />}
    </Card>
  );
}
