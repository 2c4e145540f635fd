import { api, call } from '../api/client';
import type { components } from '../api/schema';
import type { Page } from '../shared/usePagedList';
import { allOf } from '../api/vocabulary';

type Schemas = components['schemas'];
export type Organisation = Schemas['OrganisationDto'];
export type OrganisationInput = Schemas['CreateOrganisationDto'];
export type Person = Schemas['PersonDto'];
export type PersonInput = Schemas['CreatePersonDto'];

export const ORGANISATION_TYPES = allOf<Organisation['type']>()([
  'government_body',
  'business_association',
  'enterprise',
  'international_organisation',
  'industrial_park',
  'research_institute',
  'university',
  'media',
]);

export interface OrganisationFilters {
  q?: string;
  type?: Organisation['type'];
}

export const listOrganisations = (filters: OrganisationFilters, page: number, pageSize: number): Promise<Page<Organisation>> =>
  call(api.GET('/api/organisations', { params: { query: { ...filters, page, pageSize } } }));
export const getOrganisation = (id: string): Promise<Organisation> => call(api.GET('/api/organisations/{id}', { params: { path: { id } } }));
export const createOrganisation = (body: OrganisationInput): Promise<Organisation> => call(api.POST('/api/organisations', { body }));
export const updateOrganisation = (id: string, body: OrganisationInput): Promise<Organisation> =>
  call(api.PATCH('/api/organisations/{id}', { params: { path: { id } }, body }));

export const listPeople = (q: string | undefined, page: number, pageSize: number): Promise<Page<Person>> =>
  call(api.GET('/api/people', { params: { query: { q, page, pageSize } } }));
export const createPerson = (body: PersonInput): Promise<Person> => call(api.POST('/api/people', { body }));
export const updatePerson = (id: string, body: PersonInput): Promise<Person> => call(api.PATCH('/api/people/{id}', { params: { path: { id } }, body }));
