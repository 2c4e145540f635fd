import '../reports/reports.css';
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, type ErrorEnvelope } from '../../api/client';
import { useSignedInUser } from '../../auth/useSession';
import { LANGUAGES } from '../../i18n/languages';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { TimeZoneNote } from '../../shared/EventTime';
import { TrilingualFields } from '../../shared/TrilingualFields';
import type { Trilingual } from '../../shared/trilingual';
import { ProgrammeToolbar } from '../ProgrammeWorkspace';
import { getConflicts, getReleasePreview, publishRelease, type ReleaseSummary } from '../reports/programmeApi';
import { TranslationGapList } from '../reports/TranslationGapList';
import { useEdition, useReport } from '../reports/useEdition';
import { ChangeList } from './ChangeList';
import { PublishedLinks } from './PublishedLinks';
import { PublishRefusal } from './PublishRefusal';
import { ReleaseHistory } from './ReleaseHistory';

interface PublishForm {
  name: Trilingual;
  notes: Trilingual;
  override: boolean;
}

/**
 * /editions/:eventId/programme/release: what publishing now would change (the api's own change list, GET
 * …/releases/preview) and what stands in its way (missing translations as links, conflicts), the release's name and
 * notes, Publish, and the releases so far. The api decides: a refusal is shown with its reasons, and an admin may
 * publish over missing translations (the api records that in the audit log).
 */
export function ReleasePage() {
  const { t, i18n } = useTranslation('release');
  const { eventId = '' } = useParams();
  const user = useSignedInUser();
  const { edition, rooms, error: editionError } = useEdition(eventId);
  const preview = useReport(() => getReleasePreview(eventId), [eventId]);
  const conflicts = useReport(() => getConflicts(eventId), [eventId]);
  const [form] = Form.useForm<PublishForm>();
  const [refusal, setRefusal] = useState<ErrorEnvelope>();
  const [published, setPublished] = useState<ReleaseSummary>();
  const [publishing, setPublishing] = useState(false);
  const [generation, setGeneration] = useState(0);
  const timeZone = edition?.timeZone ?? 'UTC';
  const number = preview.data?.changes.number;

  // The release is named in all three languages from the start (its name is a public text the gate checks too).
  const defaultName = useMemo(
    () => (number ? Object.fromEntries(LANGUAGES.map((language) => [language, i18n.getFixedT(language, 'release')('form.defaultName', { number })])) : undefined),
    [number, i18n],
  );

  // After a release the next number is known only once the preview is read again: name the next one by it.
  useEffect(() => {
    if (defaultName) form.setFieldsValue({ name: defaultName });
  }, [defaultName, form]);

  const publish = async () => {
    const values = await form.validateFields();
    const notes = Object.values(values.notes ?? {}).some((text) => text?.trim()) ? values.notes : undefined;
    setPublishing(true);
    setRefusal(undefined);
    setPublished(undefined);
    try {
      const release = await publishRelease(eventId, { name: values.name, notes, ...(values.override ? { overrideMissingTranslations: true } : {}) });
      setPublished(release);
      form.setFieldsValue({ notes: {}, override: false });
      preview.reload();
      conflicts.reload();
      setGeneration((value) => value + 1);
    } catch (caught) {
      if (caught instanceof ApiError) setRefusal(caught.envelope);
      else throw caught;
    } finally {
      setPublishing(false);
    }
  };

  const gaps = preview.data?.missingTranslations ?? [];
  const hardConflicts = conflicts.data?.hard ?? 0;

  return (
    <section aria-labelledby="release-title" className="console-workspace programme-report">
      <Typography.Title level={2} id="release-title">
        {t('release.title')}
      </Typography.Title>
      <ProgrammeToolbar />
      {editionError && <ApiErrorAlert envelope={editionError} />}
      {preview.error && <ApiErrorAlert envelope={preview.error} />}
      {published && edition && <PublishedLinks release={published} edition={edition} />}
      {!preview.data && !preview.error && <Spin />}
      {preview.data && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card
            title={preview.data.unchanged ? t('release.unchanged') : t('release.wouldChange', { number })}
            extra={edition && <TimeZoneNote timeZone={timeZone} />}
            data-testid="preview"
          >
            {!preview.data.unchanged && <ChangeList eventId={eventId} changes={preview.data.changes} timeZone={timeZone} rooms={rooms} />}
          </Card>
          <Card title={t('release.blockers')} data-testid="blockers">
            {gaps.length === 0 && hardConflicts === 0 && <p>{t('release.noBlockers')}</p>}
            {gaps.length > 0 && (
              <>
                <p>{t('release.missing', { count: gaps.length })}</p>
                <TranslationGapList eventId={eventId} gaps={gaps} />
              </>
            )}
            {hardConflicts > 0 && (
              <p data-testid="blocking-conflicts">
                <Link to="../conflicts" relative="path">{t('release.conflicts', { count: hardConflicts })}</Link>
              </p>
            )}
          </Card>
          <Card title={t('form.title', { number })}>
            {refusal && <PublishRefusal eventId={eventId} envelope={refusal} onClose={() => setRefusal(undefined)} />}
            {defaultName && (
              <Form form={form} layout="vertical" initialValues={{ name: defaultName, notes: {}, override: false }}>
                <TrilingualFields name="name" label={t('form.name')} required={['zh', 'en', 'ru']} />
                <TrilingualFields name="notes" label={t('form.notes')} multiline />
                {user?.role === 'admin' && (
                  <Form.Item name="override" valuePropName="checked">
                    <Checkbox data-testid="override">{t('form.override')}</Checkbox>
                  </Form.Item>
                )}
                {user?.role !== 'admin' && gaps.length > 0 && <Alert type="info" showIcon title={t('form.overrideAdminOnly')} style={{ marginBottom: 16 }} />}
                <Button type="primary" loading={publishing} onClick={() => void publish()} data-testid="publish">
                  {t('form.publish')}
                </Button>
              </Form>
            )}
          </Card>
          <Card title={t('history.title')}>
            <ReleaseHistory eventId={eventId} timeZone={timeZone} rooms={rooms} generation={generation} />
          </Card>
        </Space>
      )}
    </section>
  );
}
