import { useEffect, useState } from 'react';
import { Button, Descriptions, Popconfirm, Space, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { useSignedInUser } from '../auth/useSession';
import { useEventTimeZone } from '../registrations/useEventTimeZone';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { EventTime } from '../shared/EventTime';
import { pickText } from '../shared/trilingual';
import { allowedActions, takesDocument } from './outcomeActions';
import { OutcomeForm } from './OutcomeForm';
import { type Action, act, DOCUMENT_LANGUAGES, getOutcome, nameOf, type Outcome, type OutcomeDocument } from './outcomesApi';
import { DocumentList, DocumentUpload } from './OutcomeDocuments';
import { StatusTag } from './StatusTag';
import { useSessionOptions } from './useSessions';

/** Primary buttons move the outcome on; cancel and withdraw ask first. */
const PRIMARY: Action[] = ['ready', 'sign', 'done', 'approve'];
const CONFIRM: Action[] = ['cancel', 'withdraw'];

/**
 * One outcome: its terms, who signs for whom, its state with exactly the buttons the api allows in that state (and
 * approve / withdraw for organisers and admins only), and the signed copies with their SHA-256.
 */
export function OutcomeDetail() {
  const { t, i18n } = useTranslation('outcomes');
  const { eventId = '', outcomeId = '' } = useParams();
  const user = useSignedInUser();
  const timeZone = useEventTimeZone(eventId);
  const sessions = useSessionOptions(eventId, timeZone);
  const [outcome, setOutcome] = useState<Outcome>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [busy, setBusy] = useState<Action>();
  const [editing, setEditing] = useState(false);
  const [uploaded, setUploaded] = useState<OutcomeDocument>();

  const guard = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setError(undefined);
    try {
      return await work();
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught.envelope);
      else throw caught;
    }
  };
  useEffect(() => void guard(() => getOutcome(eventId, outcomeId).then(setOutcome)), [eventId, outcomeId]);

  if (!outcome) return error ? <ApiErrorAlert envelope={error} /> : <Spin />;

  const run = async (action: Action) => {
    setBusy(action);
    const next = await guard(() => act(eventId, outcome.id, action));
    if (next) setOutcome(next);
    setBusy(undefined);
  };
  const actions = allowedActions(outcome, user?.role);
  const title = pickText(outcome.title, i18n.language);
  const peopleAs = (role: Outcome['people'][number]['role']) =>
    outcome.people
      .filter((p) => p.role === role)
      .sort((a, b) => a.protocolOrder - b.protocolOrder)
      .map((p) => nameOf(p, i18n.language));
  const value = outcome.value;

  return (
    <section aria-labelledby="outcome-title" className="console-workspace outcomes-page">
      <Typography.Paragraph>
        <Link to="..">{t('detail.back')}</Link>
      </Typography.Paragraph>
      <Typography.Title level={2} id="outcome-title">
        {title}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <StatusTag outcome={outcome} />
        {actions.map((action) => {
          const button = (
            <Button
              key={action}
              type={PRIMARY.includes(action) ? 'primary' : 'default'}
              danger={CONFIRM.includes(action)}
              loading={busy === action}
              onClick={CONFIRM.includes(action) ? undefined : () => void run(action)}
              data-testid={`action-${action}`}
            >
              {t(`action.${action}`)}
            </Button>
          );
          return CONFIRM.includes(action) ? (
            <Popconfirm key={action} title={t(`confirm.${action}`)} okText={t(`action.${action}`)} cancelText={t('detail.keep')} onConfirm={() => void run(action)}>
              {button}
            </Popconfirm>
          ) : (
            button
          );
        })}
        {outcome.status !== 'cancelled' && (
          <Button onClick={() => setEditing(true)} data-testid="outcome-edit">
            {t('actions.edit')}
          </Button>
        )}
        {outcome.sessionId && (
          <Link to={`../run-sheet?session=${outcome.sessionId}`} data-testid="outcome-run-sheet">
            {t('runSheet.link')}
          </Link>
        )}
      </Space>
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      <Descriptions bordered column={1} size="small" style={{ marginBottom: 24 }}>
        <Descriptions.Item label={t('columns.kind')}>{t(`kind.${outcome.kind}`)}</Descriptions.Item>
        {outcome.agreementType && <Descriptions.Item label={t('form.agreementType')}>{t(`agreementType.${outcome.agreementType}`)}</Descriptions.Item>}
        <Descriptions.Item label={t('columns.session')}>{sessions.titleOf(outcome.sessionId) || '—'}</Descriptions.Item>
        {outcome.signingOrder !== null && <Descriptions.Item label={t('form.signingOrder')}>{outcome.signingOrder}</Descriptions.Item>}
        {(outcome.signedAt ?? outcome.doneAt) && timeZone && (
          <Descriptions.Item label={t(outcome.signedAt ? 'detail.signedAt' : 'detail.doneAt')}>
            <EventTime at={(outcome.signedAt ?? outcome.doneAt)!} timeZone={timeZone} />
          </Descriptions.Item>
        )}
        {outcome.areas.length > 0 && <Descriptions.Item label={t('form.areas')}>{outcome.areas.map((area) => t(`area.${area}`)).join(' · ')}</Descriptions.Item>}
        {value && (
          <Descriptions.Item label={t('form.value')}>
            <span data-testid="outcome-value">
              {value.amount === null ? t('detail.amountHidden') : `${new Intl.NumberFormat(i18n.language, { style: 'currency', currency: value.currency }).format(Number(value.amount))}`}
              {value.confidential && ` · ${t('detail.confidential')}`}
            </span>
          </Descriptions.Item>
        )}
        {outcome.summary && <Descriptions.Item label={t('form.summary')}>{pickText(outcome.summary, i18n.language)}</Descriptions.Item>}
      </Descriptions>

      {outcome.parties.length > 0 && (
        <>
          <Typography.Title level={3}>{t('form.parties')}</Typography.Title>
          <Table
            rowKey="organisationId"
            pagination={false}
            size="small"
            dataSource={outcome.parties}
            data-testid="parties-table"
            columns={[
              { key: 'name', title: t('detail.party'), render: (_, p) => pickText(p.name, i18n.language) },
              { key: 'country', title: t('detail.country'), dataIndex: 'country' },
              { key: 'role', title: t('form.partyRole'), render: (_, p) => t(`partyRole.${p.role}`) + (p.confidential ? ` · ${t('detail.confidential')}` : '') },
              {
                key: 'signatories',
                title: t('personRole.signatory'),
                render: (_, p) =>
                  outcome.people
                    .filter((person) => person.role === 'signatory' && person.forOrganisationId === p.organisationId)
                    .map((person) => nameOf(person, i18n.language))
                    .join(', ') || '—',
              },
            ]}
          />
        </>
      )}
      <Descriptions column={1} size="small" style={{ margin: '16px 0 24px' }}>
        {(['witness', 'unveiler', 'presenter'] as const).map((role) =>
          peopleAs(role).length ? (
            <Descriptions.Item key={role} label={t(`people.${role}`)}>
              {peopleAs(role).join(', ')}
            </Descriptions.Item>
          ) : null,
        )}
      </Descriptions>

      <Typography.Title level={3}>{t('documents.title')}</Typography.Title>
      {takesDocument(outcome) ? (
        <DocumentUpload
          eventId={eventId}
          outcome={outcome}
          languages={DOCUMENT_LANGUAGES}
          onUploaded={(document) => {
            setUploaded(document);
            setOutcome({ ...outcome, documents: [...outcome.documents.filter((d) => d.id !== document.id), document] });
          }}
          onError={setError}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t(outcome.kind === 'agreement' ? 'documents.notYetAgreement' : 'documents.notYet')}</Typography.Paragraph>
      )}
      <DocumentList eventId={eventId} outcome={outcome} highlight={uploaded?.id} onError={setError} />
      {editing && (
        <OutcomeForm
          open
          eventId={eventId}
          timeZone={timeZone}
          outcome={outcome}
          onClose={(saved) => {
            setEditing(false);
            if (saved) setOutcome(saved);
          }}
        />
      )}
    </section>
  );
}
