import { api, call } from '../api/client';
import type { components } from '../api/schema';
import type { Page } from '../shared/usePagedList';
import { allOf } from '../api/vocabulary';

export type Registration = components['schemas']['RegistrationDto'];
export type BulkResult = components['schemas']['BulkDecisionResultDto'];
export const STATUSES = allOf<Registration['status']>()(['pending', 'approved', 'rejected', 'cancelled']);
export const CATEGORIES = allOf<Registration['category']>()(['official', 'business', 'international_organisation', 'media', 'guest']);

/** The list's filters, exactly those of GET …/registrations (ListRegistrationsQueryDto). */
export interface RegistrationFilters {
  status?: (typeof STATUSES)[number];
  category?: (typeof CATEGORIES)[number];
  country?: string;
  q?: string;
}

export function listRegistrations(eventId: string, filters: RegistrationFilters, page: number, pageSize: number): Promise<Page<Registration>> {
  return call(api.GET('/api/events/{eventId}/registrations', { params: { path: { eventId }, query: { ...filters, page, pageSize } } }));
}

export function getRegistration(eventId: string, id: string): Promise<Registration> {
  return call(api.GET('/api/events/{eventId}/registrations/{id}', { params: { path: { eventId, id } } }));
}

/** The badge PDF (approved registrations only); the api names no file, so it is saved as badge-<latin name>.pdf. */
export function downloadBadge(eventId: string, registration: Registration): Promise<void> {
  const name = `badge-${(registration.nameLatin ?? registration.id).replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`;
  return download(`/api/events/${eventId}/registrations/${registration.id}/badge.pdf`, {}, name);
}

export type Decision = 'approve' | 'reject' | 'cancel';

export function decide(eventId: string, id: string, decision: Decision, reason?: string): Promise<Registration> {
  const params = { path: { eventId, id } };
  const body = reason ? { reason } : {};
  if (decision === 'approve') return call(api.POST('/api/events/{eventId}/registrations/{id}/approve', { params }));
  if (decision === 'reject') return call(api.POST('/api/events/{eventId}/registrations/{id}/reject', { params, body }));
  return call(api.POST('/api/events/{eventId}/registrations/{id}/cancel', { params, body }));
}

export function decideInBulk(eventId: string, action: 'approve' | 'reject', registrationIds: string[], reason?: string): Promise<BulkResult> {
  return call(api.POST('/api/events/{eventId}/registrations/bulk', { params: { path: { eventId } }, body: { action, registrationIds, ...(reason ? { reason } : {}) } }));
}

/**
 * An export, fetched with the bearer token as a blob (a plain link would go without it) and handed to the browser
 * to save under the name the api gives.
 */
export async function download(path: string, query: Record<string, string | undefined>, fallbackName: string): Promise<void> {
  // The export routes share one shape (a file, or an error envelope); the typed client is used untyped here only
  // for the path, so that every export goes through the same bearer and refresh middleware.
  const get = api.GET as unknown as (path: string, init: object) => Promise<{ data?: Blob; error?: unknown; response: Response }>;
  const answer = get(path, { params: { query }, parseAs: 'blob' });
  const { response } = await answer;
  const blob = await call(answer);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.dataset.testid = 'download-link';
  document.body.append(link);
  link.click();
  link.remove();
  // Tests read the last file saved (browser downloads do not work in headless Chromium here).
  // The first bytes let a test tell a PDF (%PDF-) from an error page.
  const head = new TextDecoder().decode(await blob.slice(0, 5).arrayBuffer());
  window.__lastDownload = { name, size: blob.size, type: blob.type, head };
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

declare global {
  interface Window {
    __lastDownload?: { name: string; size: number; type: string; head: string };
  }
}
