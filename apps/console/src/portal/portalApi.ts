import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { download } from '../registrations/registrationsApi';

export type MyRegistration = components['schemas']['RegistrationDto'];
export type MyEdition = components['schemas']['MyEditionDto'];
export type MySession = components['schemas']['MySessionDto'];
export type MyEnrolment = components['schemas']['EnrolmentDto'];
export type RegistrationChanges = components['schemas']['UpdateRegistrationDto'];
export type CalendarFeed = components['schemas']['CalendarFeedDto'];

/** A delegate has a registration or two (one per edition): one page of 100 holds them all. */
export function listMyRegistrations() {
  return call(api.GET('/api/me/registrations', { params: { query: { page: 1, pageSize: 100 } } }));
}

export function getMyRegistration(id: string): Promise<MyRegistration> {
  return call(api.GET('/api/me/registrations/{id}', { params: { path: { id } } }));
}

export function getMyEdition(id: string): Promise<MyEdition> {
  return call(api.GET('/api/me/registrations/{id}/edition', { params: { path: { id } } }));
}

export function updateMyRegistration(id: string, body: RegistrationChanges): Promise<MyRegistration> {
  return call(api.PATCH('/api/me/registrations/{id}', { params: { path: { id } }, body }));
}

export function cancelMyRegistration(id: string): Promise<MyRegistration> {
  return call(api.POST('/api/me/registrations/{id}/cancel', { params: { path: { id } } }));
}

export async function eraseMyRegistration(id: string): Promise<void> {
  await call(api.DELETE('/api/me/registrations/{id}', { params: { path: { id } } }));
}

/** Every session of the edition the delegate may claim, page by page (the api pages every list, 100 at most). */
export async function listMySessions(id: string): Promise<MySession[]> {
  const sessions: MySession[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await call(api.GET('/api/me/registrations/{id}/sessions', { params: { path: { id }, query: { page, pageSize: 100 } } }));
    sessions.push(...answer.items);
    if (sessions.length >= answer.total || answer.items.length === 0) return sessions;
  }
}

/** The delegate's seats and waiting places (all editions), page by page. */
export async function listMyEnrolments(): Promise<MyEnrolment[]> {
  const enrolments: MyEnrolment[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await call(api.GET('/api/me/enrolments', { params: { query: { page, pageSize: 100 } } }));
    enrolments.push(...answer.items);
    if (enrolments.length >= answer.total || answer.items.length === 0) return enrolments;
  }
}

export function takeSeat(registrationId: string, sessionId: string): Promise<MyEnrolment> {
  return call(api.POST('/api/me/registrations/{id}/enrolments', { params: { path: { id: registrationId } }, body: { sessionId } }));
}

export function giveUpSeat(enrolmentId: string): Promise<MyEnrolment> {
  return call(api.DELETE('/api/me/enrolments/{id}', { params: { path: { id: enrolmentId } } }));
}

const fileName = (prefix: string, registration: MyRegistration, extension: string) =>
  `${prefix}-${(registration.nameLatin ?? registration.id).replace(/[^\p{L}\p{N}]+/gu, '-')}.${extension}`;

/** The badge PDF, fetched with the bearer token (a plain link would go without it) and saved. */
export function downloadMyBadge(registration: MyRegistration): Promise<void> {
  return download(`/api/me/registrations/${registration.id}/badge.pdf`, {}, fileName('badge', registration, 'pdf'));
}

export function downloadMyAgendaPdf(registration: MyRegistration, lang: string): Promise<void> {
  return download(`/api/me/registrations/${registration.id}/agenda.pdf`, { lang }, fileName('agenda', registration, 'pdf'));
}

/** The personal agenda as the api renders it (HTML), to open in a tab of its own. */
export async function fetchMyAgendaHtml(registrationId: string, lang: string): Promise<Blob> {
  const get = api.GET as unknown as (path: string, init: object) => Promise<{ data?: Blob; error?: unknown; response: Response }>;
  return call(get(`/api/me/registrations/${registrationId}/agenda.html`, { params: { query: { lang } }, parseAs: 'blob' }));
}

export function issueFeed(registrationId: string): Promise<CalendarFeed> {
  return call(api.POST('/api/me/registrations/{id}/calendar-feed', { params: { path: { id: registrationId } } }));
}

export async function revokeFeed(registrationId: string): Promise<void> {
  await call(api.DELETE('/api/me/registrations/{id}/calendar-feed', { params: { path: { id: registrationId } } }));
}
