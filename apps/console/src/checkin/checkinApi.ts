import { api, ApiError, call } from '../api/client';
import type { components } from '../api/schema';
import { download } from '../registrations/registrationsApi';
import type { Page } from '../shared/usePagedList';

export type Edition = components['schemas']['EventDto'];
export type CheckInList = components['schemas']['CheckInListDto'];
export type ScanAnswer = components['schemas']['ScanAnswerDto'];
export type BatchAnswer = components['schemas']['ScanBatchItemAnswerDto'];
export type ExpectedPerson = components['schemas']['ExpectedPersonDto'];
export type ScanCode = ScanAnswer['code'];

/** Editions newest first; a door phone needs the few of this year, so one page of 100 is enough. */
export function listEditions(): Promise<Page<Edition>> {
  return call(api.GET('/api/events', { params: { query: { page: 1, pageSize: 100 } } }));
}

export function listLists(eventId: string): Promise<Page<CheckInList>> {
  return call(api.GET('/api/events/{eventId}/check-in-lists', { params: { path: { eventId }, query: { page: 1, pageSize: 100 } } }));
}

/**
 * A scan's answer, whatever its status: the api answers every scan in the same shape (201 CHECKED_IN, or the
 * refusal's status with its code), so a refusal is an answer to show, not an error. A network failure throws.
 */
async function answered(promise: Promise<{ data?: ScanAnswer; error?: unknown; response: Response }>): Promise<ScanAnswer> {
  try {
    return await call(promise);
  } catch (error) {
    if (error instanceof ApiError) {
      const { statusCode, code, message, details } = error.envelope;
      return { statusCode, code: code as ScanCode, message, details: (details ?? {}) as ScanAnswer['details'] };
    }
    throw error;
  }
}

export function sendScan(scan: { token: string; listId: string; nonce: string; scannedAt: string }): Promise<ScanAnswer> {
  return answered(api.POST('/api/check-ins', { body: scan }));
}

export function sendManual(scan: { registrationId: string; listId: string; nonce: string; scannedAt: string }): Promise<ScanAnswer> {
  return answered(api.POST('/api/check-ins/manual', { body: scan }));
}

export function sendBatch(scans: { token: string; listId: string; nonce: string; scannedAt: string }[]): Promise<BatchAnswer[]> {
  return call(api.POST('/api/check-ins/batch', { body: { scans } })).then((answer) => answer.answers);
}

export function searchExpected(listId: string, q: string, page: number, pageSize: number): Promise<Page<ExpectedPerson>> {
  return call(api.GET('/api/check-in-lists/{listId}/expected', { params: { path: { listId }, query: { q: q || undefined, page, pageSize } } }));
}

export function downloadDoorList(listId: string, lang: 'zh' | 'en' | 'ru'): Promise<void> {
  return download(`/api/check-in-lists/${listId}/door-list.pdf`, { lang }, `door-list-${lang}.pdf`);
}
