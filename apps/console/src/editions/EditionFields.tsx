import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/languages';
import { TrilingualFields } from '../shared/TrilingualFields';
import { dayjs } from '../shared/time';
import { compact, compactOrNull, type Edition, type EditionInput, REGISTRATION_MODES } from './editionsApi';

/** The form's values: days as dayjs for the date pickers, the rest as the api has them. */
export type EditionFormValues = Omit<EditionInput, 'firstDay' | 'lastDay' | 'status'> & { firstDay: dayjs.Dayjs; lastDay: dayjs.Dayjs };

// Every zone the browser knows, Asia/Shanghai first: the editions are held in China.
const TIME_ZONES = ['Asia/Shanghai', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'Asia/Shanghai')];

export function toFormValues(edition: Edition): EditionFormValues {
  return {
    slug: edition.slug,
    name: edition.name,
    city: edition.city,
    timeZone: edition.timeZone,
    firstDay: dayjs(edition.firstDay),
    lastDay: dayjs(edition.lastDay),
    defaultLanguage: edition.defaultLanguage,
    registrationMode: edition.registrationMode,
    consentNoticeVersion: edition.consentNoticeVersion,
    consentNotice: edition.consentNotice,
  };
}

/** The days are calendar days of the event (YYYY-MM-DD), not instants: no time zone conversion. */
export function fromFormValues(values: EditionFormValues) {
  return {
    ...values,
    name: compact(values.name),
    city: compact(values.city),
    firstDay: values.firstDay.format('YYYY-MM-DD'),
    lastDay: values.lastDay.format('YYYY-MM-DD'),
    consentNoticeVersion: values.consentNoticeVersion?.trim() || undefined,
    consentNotice: compactOrNull(values.consentNotice),
  };
}

/** An edition's own fields (not its status: publishing has its own buttons). */
export function EditionFields() {
  const { t } = useTranslation('editions');
  const required = [{ required: true, message: t('common:signIn.required') }];
  return (
    <>
      <TrilingualFields name="name" label={t('fields.name')} />
      <TrilingualFields name="city" label={t('fields.city')} />
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="slug" label={t('fields.slug')} extra={t('fields.slugHelp')} rules={[...required, { pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/, message: t('fields.slugRule') }]}>
            <Input data-testid="edition-slug" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="timeZone" label={t('fields.timeZone')} rules={required}>
            <Select showSearch options={TIME_ZONES.map((zone) => ({ value: zone, label: zone }))} data-testid="edition-time-zone" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="firstDay" label={t('fields.firstDay')} extra={t('fields.dayHelp')} rules={required}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="edition-first-day" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="lastDay"
            label={t('fields.lastDay')}
            dependencies={['firstDay']}
            rules={[
              ...required,
              ({ getFieldValue }) => ({
                validator: (_, last?: dayjs.Dayjs) => {
                  const first = getFieldValue('firstDay') as dayjs.Dayjs | undefined;
                  return !first || !last || !last.isBefore(first, 'day') ? Promise.resolve() : Promise.reject(new Error(t('fields.lastBeforeFirst')));
                },
              }),
            ]}
          >
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="edition-last-day" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="defaultLanguage" label={t('fields.defaultLanguage')} rules={required}>
            <Select options={LANGUAGES.map((language) => ({ value: language, label: t(`common:trilingual.${language}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="registrationMode" label={t('fields.registrationMode')} rules={required}>
            <Select options={REGISTRATION_MODES.map((mode) => ({ value: mode, label: t(`registrationMode.${mode}`) }))} data-testid="edition-registration-mode" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="consentNoticeVersion" label={t('fields.consentNoticeVersion')} extra={t('fields.consentNoticeHelp')} rules={[{ pattern: /^[\w.-]{1,40}$/, message: t('fields.versionRule') }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <TrilingualFields name="consentNotice" label={t('fields.consentNotice')} multiline />
    </>
  );
}
