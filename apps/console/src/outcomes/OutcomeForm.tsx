import { useRef, useState } from 'react';
import { Button, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../auth/useSession';
import { FormDialog } from '../editions/FormDialog';
import { TrilingualFields } from '../shared/TrilingualFields';
import { pickText, type Trilingual } from '../shared/trilingual';
import { PUBLISHERS } from './outcomeActions';
import {
  AGREEMENT_TYPES,
  AREAS,
  createOutcome,
  KINDS,
  nameOf,
  type Outcome,
  type OutcomeInput,
  PARTY_ROLES,
  PERSON_ROLES,
  searchOrganisations,
  searchPeople,
  updateOutcome,
} from './outcomesApi';
import { RemoteSelect } from './RemoteSelect';
import { useSessionOptions } from './useSessions';

interface PartyRow {
  organisationId?: string;
  role: OutcomeInput['parties'] extends (infer P)[] | undefined ? (P extends { role: infer R } ? R : never) : never;
  confidential?: boolean;
}
interface PersonRow {
  personId?: string;
  role: (typeof PERSON_ROLES)[number];
  forOrganisationId?: string;
  protocolOrder?: number;
}
interface Values {
  kind: Outcome['kind'];
  title: Trilingual;
  summary?: Trilingual;
  agreementType?: Outcome['agreementType'];
  sessionId?: string;
  signingOrder?: number | null;
  areas?: Outcome['areas'];
  amount?: string;
  currency?: string;
  valueConfidential?: boolean;
  parties?: PartyRow[];
  people?: PersonRow[];
}

/** How an organisation takes part, by kind: what a new party row starts as. */
const PARTY_ROLE_OF: Record<Outcome['kind'], PartyRow['role']> = {
  agreement: 'party',
  unveiling: 'operator',
  initiative: 'party',
  alliance: 'founding_member',
  settlement: 'settling_enterprise',
  announcement: 'party',
};
/** And how a person does: signatories sign agreements, unveilers unveil plaques, others present. */
const PERSON_ROLE_OF: Record<Outcome['kind'], PersonRow['role']> = {
  agreement: 'signatory',
  unveiling: 'unveiler',
  initiative: 'presenter',
  alliance: 'signatory',
  settlement: 'presenter',
  announcement: 'presenter',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function toValues(outcome: Outcome): Values {
  return {
    kind: outcome.kind,
    title: outcome.title,
    summary: outcome.summary ?? undefined,
    agreementType: outcome.agreementType,
    sessionId: outcome.sessionId ?? undefined,
    signingOrder: outcome.signingOrder,
    areas: outcome.areas,
    amount: outcome.value?.amount ?? undefined,
    currency: outcome.value?.currency ?? undefined,
    valueConfidential: outcome.value?.confidential ?? false,
    parties: outcome.parties.map((p) => ({ organisationId: p.organisationId, role: p.role, confidential: p.confidential })),
    people: outcome.people.map((p) => ({ personId: p.personId, role: p.role, forOrganisationId: p.forOrganisationId ?? undefined, protocolOrder: p.protocolOrder })),
  };
}

/** What the api takes, from the form. Lists in the api's shape; a value only with an amount. */
function toBody(values: Values) {
  const trimmed = (text?: Trilingual) => (text && Object.values(text).some((v) => v?.trim()) ? text : null);
  return {
    title: values.title,
    summary: trimmed(values.summary),
    sessionId: values.sessionId ?? null,
    signingOrder: values.signingOrder ?? null,
    areas: values.areas ?? [],
    agreementType: values.kind === 'agreement' ? (values.agreementType ?? undefined) : undefined,
    value: values.amount ? { amount: values.amount.trim(), currency: (values.currency ?? 'CNY').trim().toUpperCase(), confidential: Boolean(values.valueConfidential) } : null,
    parties: (values.parties ?? []).filter((p) => p.organisationId).map((p) => ({ organisationId: p.organisationId!, role: p.role, confidential: Boolean(p.confidential) })),
    people: (values.people ?? [])
      .filter((p) => p.personId)
      .map((p, index) => ({
        personId: p.personId!,
        role: p.role,
        ...(p.role === 'signatory' && p.forOrganisationId ? { forOrganisationId: p.forOrganisationId } : {}),
        protocolOrder: p.protocolOrder ?? index + 1,
      })),
  };
}

/**
 * Create or edit one outcome of any kind: the trilingual title and summary, the session, cooperation areas, value,
 * parties (organisations), people (signatories for a party, witnesses, unveilers, presenters) by protocol order.
 * Editing sends the terms (parties, people, type, value) only when they changed: the api puts a ready agreement back
 * to planned when they are sent, and refuses staff any change to a signed agreement's terms (OUTCOME_SIGNED).
 */
export function OutcomeForm({ open, eventId, timeZone, outcome, onClose }: { open: boolean; eventId: string; timeZone?: string; outcome?: Outcome; onClose: (saved?: Outcome) => void }) {
  const { t, i18n } = useTranslation('outcomes');
  const user = useSignedInUser();
  const sessions = useSessionOptions(eventId, timeZone);
  // A ref, not state: the dialog closes in the same tick as the save resolves, before a state update would show.
  const saved = useRef<Outcome>(undefined);
  // Names of the organisations and people already on the outcome, and of those picked, for the selects' labels.
  const [organisations, setOrganisations] = useState<Record<string, string>>(() =>
    Object.fromEntries((outcome?.parties ?? []).map((p) => [p.organisationId, pickText(p.name, i18n.language)])),
  );
  const people = Object.fromEntries((outcome?.people ?? []).map((p) => [p.personId, nameOf(p, i18n.language)]));
  const initial: Partial<Values> = outcome ? toValues(outcome) : { kind: 'agreement', agreementType: 'strategic_cooperation', currency: 'CNY', parties: [], people: [] };
  const amountHidden = outcome?.value?.confidential && outcome.value.amount === null && !PUBLISHERS.includes(user?.role ?? 'staff');

  const save = async (values: Values) => {
    const body = toBody(values);
    if (!outcome) {
      saved.current = await createOutcome(eventId, { kind: values.kind, ...body });
      return;
    }
    const before = toBody(toValues(outcome));
    const { parties, people: persons, agreementType, value, ...rest } = body;
    const terms = {
      ...(same(parties, before.parties) ? {} : { parties }),
      ...(same(persons, before.people) ? {} : { people: persons }),
      ...(outcome.kind === 'agreement' && agreementType !== before.agreementType ? { agreementType } : {}),
      // A withheld amount cannot be re-sent: the value is left as it is.
      ...(amountHidden || same(value, before.value) ? {} : { value }),
    };
    saved.current = await updateOutcome(eventId, outcome.id, { ...rest, ...terms });
  };

  return (
    <FormDialog<Values>
      open={open}
      title={outcome ? t('form.editTitle') : t('form.newTitle')}
      initialValues={initial}
      onSave={save}
      onClose={(ok) => onClose(ok ? saved.current : undefined)}
      testId="outcome-form"
      width={980}
    >
      {(form) => {
        const kind = (Form.useWatch('kind', form) ?? initial.kind) as Outcome['kind'];
        const partyIds = ((Form.useWatch('parties', form) ?? []) as PartyRow[]).map((p) => p?.organisationId).filter(Boolean) as string[];
        return (
          <>
            <Form.Item name="kind" label={t('form.kind')} rules={[{ required: true }]}>
              <Select disabled={Boolean(outcome)} options={KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} data-testid="form-kind" />
            </Form.Item>
            <TrilingualFields name="title" label={t('form.title')} required={['zh', 'en', 'ru']} />
            <TrilingualFields name="summary" label={t('form.summary')} multiline />
            {kind === 'agreement' && (
              <Form.Item name="agreementType" label={t('form.agreementType')} rules={[{ required: true, message: t('form.required') }]}>
                <Select options={AGREEMENT_TYPES.map((value) => ({ value, label: t(`agreementType.${value}`) }))} data-testid="form-agreement-type" />
              </Form.Item>
            )}
            <div className="outcome-form-row">
              <Form.Item name="sessionId" label={t('form.session')} style={{ minWidth: 360 }}>
                <Select allowClear options={sessions.options} data-testid="form-session" />
              </Form.Item>
              <Form.Item name="signingOrder" label={t('form.signingOrder')}>
                <InputNumber min={1} precision={0} />
              </Form.Item>
            </div>
            <Form.Item name="areas" label={t('form.areas')}>
              <Select mode="multiple" allowClear options={AREAS.map((value) => ({ value, label: t(`area.${value}`) }))} data-testid="form-areas" />
            </Form.Item>
            <fieldset className="outcome-form-row" style={{ border: 0, padding: 0 }}>
              <legend style={{ fontWeight: 500, fontSize: 14 }}>{t('form.value')}</legend>
              {amountHidden ? (
                <Typography.Text type="secondary">{t('detail.amountHidden')}</Typography.Text>
              ) : (
                <>
                  <Form.Item name="amount" label={t('form.amount')} rules={[{ pattern: /^\d{1,18}(\.\d{1,2})?$/, message: t('form.amountRule') }]}>
                    <Input inputMode="decimal" style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name="currency" label={t('form.currency')} rules={[{ pattern: /^[A-Za-z]{3}$/, message: t('form.currencyRule') }]}>
                    <Input maxLength={3} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name="valueConfidential" valuePropName="checked" label=" ">
                    <Checkbox>{t('form.confidentialValue')}</Checkbox>
                  </Form.Item>
                </>
              )}
            </fieldset>

            <Typography.Title level={4}>{t('form.parties')}</Typography.Title>
            <Form.List name="parties">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <Space key={field.key} align="baseline" wrap data-testid="party-row">
                      <Form.Item name={[field.name, 'organisationId']} rules={[{ required: true, message: t('form.required') }]}>
                        <RemoteSelect
                          ariaLabel={t('form.organisation', { n: index + 1 })}
                          search={searchOrganisations}
                          label={(o) => `${pickText(o.name, i18n.language)} (${o.country})`}
                          known={organisations}
                          onPicked={(id, name) => setOrganisations((known) => ({ ...known, [id]: name }))}
                          testId="party-organisation"
                          width={360}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'role']}>
                        <Select aria-label={t('form.partyRole')} style={{ width: 200 }} options={PARTY_ROLES.map((value) => ({ value, label: t(`partyRole.${value}`) }))} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'confidential']} valuePropName="checked">
                        <Checkbox>{t('form.confidentialParty')}</Checkbox>
                      </Form.Item>
                      <Button onClick={() => remove(field.name)} aria-label={t('form.removeParty', { n: index + 1 })}>
                        {t('form.remove')}
                      </Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({ role: PARTY_ROLE_OF[kind] })} data-testid="add-party">
                    {t('form.addParty')}
                  </Button>
                </>
              )}
            </Form.List>

            <Typography.Title level={4}>{t('form.people')}</Typography.Title>
            <Form.List name="people">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => {
                    const role = form.getFieldValue(['people', field.name, 'role']) as PersonRow['role'];
                    return (
                      <Space key={field.key} align="baseline" wrap data-testid="person-row">
                        <Form.Item name={[field.name, 'personId']} rules={[{ required: true, message: t('form.required') }]}>
                          <RemoteSelect
                            ariaLabel={t('form.person', { n: index + 1 })}
                            search={searchPeople}
                            label={(p) => nameOf(p, i18n.language)}
                            known={people}
                            testId="person-select"
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'role']}>
                          <Select aria-label={t('form.personRole')} style={{ width: 160 }} options={PERSON_ROLES.map((value) => ({ value, label: t(`personRole.${value}`) }))} data-testid="person-role" />
                        </Form.Item>
                        {role === 'signatory' && (
                          <Form.Item name={[field.name, 'forOrganisationId']} rules={[{ required: true, message: t('form.required') }]}>
                            <Select
                              aria-label={t('form.signsFor')}
                              placeholder={t('form.signsFor')}
                              style={{ width: 280 }}
                              options={partyIds.map((id) => ({ value: id, label: organisations[id] ?? '…' }))}
                              data-testid="person-signs-for"
                            />
                          </Form.Item>
                        )}
                        <Form.Item name={[field.name, 'protocolOrder']}>
                          <InputNumber aria-label={t('form.protocolOrder')} placeholder={t('form.protocolOrder')} min={1} precision={0} style={{ width: 120 }} />
                        </Form.Item>
                        <Button onClick={() => remove(field.name)} aria-label={t('form.removePerson', { n: index + 1 })}>
                          {t('form.remove')}
                        </Button>
                      </Space>
                    );
                  })}
                  <Button onClick={() => add({ role: PERSON_ROLE_OF[kind], protocolOrder: fields.length + 1 })} data-testid="add-person">
                    {t('form.addPerson')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        );
      }}
    </FormDialog>
  );
}
