import { api, call } from '../api/client';
import type { components } from '../api/schema';
import type { Page } from '../shared/usePagedList';

export type GuestListReport = components['schemas']['GuestListReportDto'];
export type GuestRowError = components['schemas']['GuestListRowErrorDto'];
export type GuestRowErrorCode = components['schemas']['GuestRowErrorCode'];
export type Invitation = components['schemas']['InvitationSummaryDto'];
export type InviteGuest = components['schemas']['InviteGuestDto'];
export type NewInvitation = components['schemas']['InvitationDto'];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The columns of a guest list, as the api reads them (parse-guest-list.ts); their meanings are in the catalogue. */
export const GUEST_COLUMNS = ['email', 'name_native', 'name_latin', 'country', 'category', 'organisation', 'organisation_type', 'position', 'language', 'phone', 'delegation'] as const;
export const REQUIRED_GUEST_COLUMNS: readonly string[] = ['email', 'name_native', 'name_latin', 'country', 'category'];

/** The api reads the body by its content type; the browser's guess for .csv varies (application/vnd.ms-excel on Windows), so the name decides. */
export function guestListType(file: File): 'text/csv' | typeof XLSX_TYPE | undefined {
  if (/\.csv$/i.test(file.name)) return 'text/csv';
  if (/\.xlsx$/i.test(file.name)) return XLSX_TYPE;
  return undefined;
}

/**
 * Sends the file as the raw body (what POST …/guest-list reads). dryRun only reports; the real import is all rows or
 * none (422 GUEST_LIST_INVALID with the bad rows in details).
 */
export function uploadGuestList(eventId: string, file: File, dryRun: boolean): Promise<GuestListReport> {
  const type = guestListType(file) ?? 'text/csv';
  return call(
    api.POST('/api/events/{eventId}/guest-list', {
      params: { path: { eventId }, query: { dryRun } },
      // The declared body type is a string; a File is sent as it is, unserialised.
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'content-type': type },
    }),
  );
}

export function listInvitations(eventId: string, page: number, pageSize: number): Promise<Page<Invitation>> {
  return call(api.GET('/api/events/{eventId}/invitations', { params: { path: { eventId }, query: { page, pageSize } } }));
}

export function invite(eventId: string, guest: InviteGuest): Promise<NewInvitation> {
  return call(api.POST('/api/events/{eventId}/invitations', { params: { path: { eventId } }, body: guest }));
}

/** A CSV with the header row only: a starting point in a spreadsheet (the api offers no template of its own). */
export function guestListTemplate(): Blob {
  return new Blob([`\uFEFF${GUEST_COLUMNS.join(',')}\r\n`], { type: 'text/csv;charset=utf-8' });
}
