import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { allOf } from '../api/vocabulary';

export type PublicEdition = components['schemas']['PublicEventDto'];
export type SignUp = components['schemas']['SignUpDto'];
export type Registration = components['schemas']['RegistrationDto'];

/** The api's vocabularies the form offers (checked complete against the generated schema). */
export const CATEGORIES = allOf<SignUp['category']>()(['official', 'business', 'international_organisation', 'media', 'guest']);
export const ORGANISATION_TYPES = allOf<NonNullable<SignUp['newOrganisation']>['type']>()([
  'government_body',
  'business_association',
  'enterprise',
  'international_organisation',
  'industrial_park',
  'research_institute',
  'university',
  'media',
]);

/** A published edition as the public sees it (404 for a draft or an archived one). */
export function getPublicEdition(slug: string): Promise<PublicEdition> {
  return call(api.GET('/api/public/events/{slug}', { params: { path: { slug } } }));
}

/** Creates the delegate's account and registration in one step; the answer's status is the api's decision. */
export function signUp(slug: string, body: SignUp): Promise<Registration> {
  return call(api.POST('/api/public/events/{slug}/registrations', { params: { path: { slug } }, body }));
}

/** The public programme of the edition, as the api renders it (HTML), in the reader's language. */
export function publicProgrammeHref(slug: string, language: string): string {
  return `/api/public/events/${encodeURIComponent(slug)}/agenda.html?lang=${language}`;
}
