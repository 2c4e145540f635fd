import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Segmented, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { TrilingualFields } from '../shared/TrilingualFields';
import { LetterPreview } from './LetterPreview';
import { downloadSample, getLetterText, type LetterLanguage, type LetterTextInput, putLetterText } from './visaApi';

const ALL = ['zh', 'en', 'ru'] as const;
const TRILINGUAL: { name: keyof LetterTextInput; multiline?: boolean }[] = [
  { name: 'body', multiline: true },
  { name: 'purpose' },
  { name: 'organiserName' },
  { name: 'organiserAddress' },
  { name: 'signatoryName' },
  { name: 'signatoryTitle' },
  { name: 'signatoryOrganisation' },
];

/** The edition's letter text (every field in zh, en and ru, as the api requires), with a live preview and a sample PDF. */
export function LetterTextForm({ eventId }: { eventId: string }) {
  const { t } = useTranslation('visa');
  const [form] = Form.useForm<LetterTextInput>();
  const values = (Form.useWatch([], form) ?? {}) as Partial<LetterTextInput>;
  const [loaded, setLoaded] = useState(false);
  const [configured, setConfigured] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ErrorEnvelope>();
  const [language, setLanguage] = useState<LetterLanguage>('ru');

  useEffect(() => {
    getLetterText(eventId)
      .then((text) => {
        if (text) {
          const { eventId: _eventId, updatedAt: _updatedAt, ...input } = text;
          form.setFieldsValue(input);
        }
        setConfigured(Boolean(text));
        setLoaded(true);
      })
      .catch((caught: unknown) => {
        if (caught instanceof ApiError) setError(caught.envelope);
        else throw caught;
      });
  }, [eventId, form]);

  const failed = (caught: unknown) => {
    if (caught instanceof ApiError) setError(caught.envelope);
    else throw caught;
  };
  const save = async (input: LetterTextInput) => {
    setSaving(true);
    setSaved(false);
    setError(undefined);
    try {
      await putLetterText(eventId, input);
      setConfigured(true);
      setSaved(true);
    } catch (caught) {
      failed(caught);
    } finally {
      setSaving(false);
    }
  };

  if (!loaded && !error) return <Spin aria-label={t('common:state.loading')} />;
  return (
    <>
      {!configured && <Alert type="info" style={{ marginBottom: 16 }} title={t('text.notSet')} data-testid="letter-not-set" />}
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      {saved && <Alert type="success" style={{ marginBottom: 16 }} title={t('text.saved')} data-testid="letter-saved" role="status" />}
      <Form form={form} layout="vertical" onFinish={(input) => void save(input)} data-testid="letter-form">
        {TRILINGUAL.map((field) => (
          <TrilingualFields key={field.name} name={field.name} label={t(`fields.${field.name}`)} required={ALL} multiline={field.multiline} />
        ))}
        <Form.Item name="organiserContact" label={t('fields.organiserContact')} rules={[{ required: true, whitespace: true, message: t('common:signIn.required') }]}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="letter-save">
          {t('text.save')}
        </Button>
      </Form>
      <Typography.Title level={3} style={{ marginTop: 24 }}>
        {t('text.preview')}
      </Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text id="preview-language">{t('text.secondLanguage')}</Typography.Text>
        <Segmented<LetterLanguage>
          aria-labelledby="preview-language"
          value={language}
          onChange={setLanguage}
          options={[
            { value: 'en', label: t('language.en') },
            { value: 'ru', label: t('language.ru') },
          ]}
        />
        <Button disabled={!configured} onClick={() => void downloadSample(eventId, language).catch(failed)} data-testid="letter-sample">
          {t('text.sample')}
        </Button>
      </Space>
      <LetterPreview text={values} language={language} />
    </>
  );
}
