import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { allOf } from '../api/vocabulary';
import type { Page } from '../shared/usePagedList';

type Schemas = components['schemas'];
export type Outcome = Schemas['OutcomeDto'];
export type OutcomeInput = Schemas['CreateOutcomeDto'];
export type OutcomeUpdate = Schemas['UpdateOutcomeDto'];
export type OutcomeDocument = Schemas['OutcomeDocumentDto'];
export type Session = Schemas['SessionDto'];
export type Person = Schemas['PersonDto'];
export type Organisation = Schemas['OrganisationDto'];

export const KINDS = allOf<Outcome['kind']>()(['agreement', 'unveiling', 'initiative', 'alliance', 'settlement', 'announcement']);
export const STATUSES = allOf<Outcome['status']>()(['planned', 'ready', 'signed', 'done', 'cancelled']);
export const AGREEMENT_TYPES = allOf<NonNullable<Outcome['agreementType']>>()([
  'strategic_cooperation',
  'investment_cooperation',
  'memorandum_of_understanding',
  'framework_agreement',
  'settlement_contract',
  'other',
]);
export const PARTY_ROLES = allOf<Outcome['parties'][number]['role']>()(['party', 'founding_member', 'operator', 'settling_enterprise']);
export const PERSON_ROLES = allOf<Outcome['people'][number]['role']>()(['signatory', 'witness', 'unveiler', 'presenter']);
/** The api's controlled vocabulary of cooperation areas (libs/outcomes outcomes-vocabulary.ts); names in outcomes.json. */
export const AREAS = allOf<Outcome['areas'][number]>()([
  'industrial_investment',
  'new_energy_computing',
  'park_development',
  'rail_express_logistics',
  'industrial_funds',
  'new_quality_productivity',
  'logistics',
  'new_energy',
  'equipment_manufacturing',
  'digital_economy',
  'artificial_intelligence',
  'cross_border_data',
  'trade_investment',
  'supply_chain',
]);
export const DOCUMENT_LANGUAGES = allOf<OutcomeDocument['language']>()(['zh', 'en', 'ru']);

/** The list's filters, those of GET …/outcomes (ListOutcomesQueryDto) the page offers. */
export interface OutcomeFilters {
  kind?: Outcome['kind'];
  status?: Outcome['status'];
  sessionId?: string;
}

export const listOutcomes = (eventId: string, filters: OutcomeFilters, page: number, pageSize: number): Promise<Page<Outcome>> =>
  call(api.GET('/api/events/{eventId}/outcomes', { params: { path: { eventId }, query: { ...filters, page, pageSize } } }));

export const getOutcome = (eventId: string, id: string): Promise<Outcome> =>
  call(api.GET('/api/events/{eventId}/outcomes/{id}', { params: { path: { eventId, id } } }));

export const createOutcome = (eventId: string, body: OutcomeInput): Promise<Outcome> =>
  call(api.POST('/api/events/{eventId}/outcomes', { params: { path: { eventId } }, body }));

export const updateOutcome = (eventId: string, id: string, body: OutcomeUpdate): Promise<Outcome> =>
  call(api.PATCH('/api/events/{eventId}/outcomes/{id}', { params: { path: { eventId, id } }, body }));

export type Action = 'ready' | 'sign' | 'done' | 'cancel' | 'approve' | 'withdraw';

export function act(eventId: string, id: string, action: Action): Promise<Outcome> {
  const params = { path: { eventId, id } };
  switch (action) {
    case 'ready':
      return call(api.POST('/api/events/{eventId}/outcomes/{id}/ready', { params }));
    case 'sign':
      return call(api.POST('/api/events/{eventId}/outcomes/{id}/sign', { params, body: {} }));
    case 'done':
      return call(api.POST('/api/events/{eventId}/outcomes/{id}/done', { params, body: {} }));
    case 'cancel':
      return call(api.POST('/api/events/{eventId}/outcomes/{id}/cancel', { params }));
    case 'approve':
      return call(api.POST('/api/events/{eventId}/outcomes/{id}/approve', { params }));
    case 'withdraw':
      return call(api.POST('/api/events/{eventId}/outcomes/{id}/withdraw', { params }));
  }
}

/** The signed copy, sent as the raw body (the api judges its type by its bytes). */
export function uploadDocument(eventId: string, id: string, language: OutcomeDocument['language'], file: File): Promise<OutcomeDocument> {
  return call(
    api.POST('/api/events/{eventId}/outcomes/{id}/documents', {
      params: { path: { eventId, id }, query: { language: language as 'zh' | 'en' | 'ru' } },
      // The declared body is binary; the File goes as it is, unserialised.
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'content-type': file.type || 'application/octet-stream' },
    }),
  );
}

/** A stored copy, fetched with the bearer token as a blob, with the checksum the api checked it against. */
export async function fetchDocument(eventId: string, id: string, documentId: string): Promise<{ blob: Blob; name: string; sha256: string | null }> {
  const answer = api.GET('/api/events/{eventId}/outcomes/{id}/documents/{documentId}', { params: { path: { eventId, id, documentId } }, parseAs: 'blob' });
  const { response } = await answer;
  const blob = (await call(answer)) as unknown as Blob;
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `${documentId}`;
  return { blob, name, sha256: response.headers.get('x-content-sha256') };
}

export type RunSheetLanguage = 'zh' | 'en' | 'ru';

/** The run sheet as HTML (shown in a frame) or JSON, in the reader's language. */
export async function runSheetHtml(eventId: string, sessionId: string, lang: RunSheetLanguage): Promise<string> {
  const answer = api.GET('/api/events/{eventId}/sessions/{sessionId}/run-sheet', { params: { path: { eventId, sessionId }, query: { lang, format: 'html' } }, parseAs: 'text' });
  return (await call(answer)) as unknown as string;
}

export async function runSheetPdf(eventId: string, sessionId: string, lang: RunSheetLanguage): Promise<{ blob: Blob; name: string }> {
  const answer = api.GET('/api/events/{eventId}/sessions/{sessionId}/run-sheet', { params: { path: { eventId, sessionId }, query: { lang, format: 'pdf' } }, parseAs: 'blob' });
  const { response } = await answer;
  const blob = (await call(answer)) as unknown as Blob;
  return { blob, name: /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `run-sheet-${lang}.pdf` };
}

/** Every session of the edition, for the session filter and select (ceremonies first is left to the reader: the api orders by time). */
export async function listSessions(eventId: string): Promise<Session[]> {
  const all: Session[] = [];
  for (let page = 1; ; page++) {
    const answer = await call(api.GET('/api/events/{eventId}/sessions', { params: { path: { eventId }, query: { page, pageSize: 100 } } }));
    all.push(...answer.items);
    if (all.length >= answer.total || answer.items.length === 0) return all;
  }
}

export const searchPeople = (q: string): Promise<Page<Person>> => call(api.GET('/api/people', { params: { query: { q: q || undefined, page: 1, pageSize: 20 } } }));
export const getPerson = (id: string): Promise<Person> => call(api.GET('/api/people/{id}', { params: { path: { id } } }));
export const searchOrganisations = (q: string): Promise<Page<Organisation>> =>
  call(api.GET('/api/organisations', { params: { query: { q: q || undefined, page: 1, pageSize: 20 } } }));

/** Hands a blob to the browser to save (and records it for the browser tests, which cannot read downloads here). */
export async function saveBlob(blob: Blob, name: string): Promise<void> {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  const head = new TextDecoder().decode(await blob.slice(0, 5).arrayBuffer());
  window.__lastDownload = { name, size: blob.size, type: blob.type, head };
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** A person's name as the reader writes names (as the programme does): Cyrillic in Russian, native in Chinese, else Latin. */
export function nameOf(person: { nameNative: string; nameLatin: string; nameCyrillic: string | null }, language: string): string {
  if (language === 'ru') return person.nameCyrillic ?? person.nameLatin;
  if (language === 'zh') return person.nameNative;
  return person.nameLatin;
}
