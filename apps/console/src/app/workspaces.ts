import type { ComponentType } from 'react';
import type { Role } from '../auth/session';

/**
 * The console's workspaces: one entry each, one folder each (src/<folder>/), loaded on demand so the sign-in page
 * and the first screen stay small. A workspace renders its own sub-routes under its path. `perEdition` ones live
 * under /editions/:eventId/<path> and the shell links them to the edition being worked on.
 * The menu shows a workspace to the roles listed (the api still decides what each may do).
 */
export interface Workspace {
  /** Menu key, URL segment and catalogue key `nav.<key>`. */
  key: string;
  roles: readonly Role[];
  perEdition: boolean;
  load: () => Promise<{ default: ComponentType }>;
}

const ORGANISERS: readonly Role[] = ['admin', 'organiser'];

export const WORKSPACES: readonly Workspace[] = [
  { key: 'editions', roles: ORGANISERS, perEdition: false, load: () => import('../editions/EditionsWorkspace') },
  { key: 'programme', roles: ORGANISERS, perEdition: true, load: () => import('../programme/ProgrammeWorkspace') },
  { key: 'registrations', roles: ORGANISERS, perEdition: true, load: () => import('../registrations/RegistrationsWorkspace') },
  { key: 'organisations', roles: ORGANISERS, perEdition: false, load: () => import('../editions/OrganisationsWorkspace') },
  { key: 'people', roles: ORGANISERS, perEdition: false, load: () => import('../editions/PeopleWorkspace') },
  { key: 'messages', roles: ORGANISERS, perEdition: false, load: () => import('../messages/MessagesWorkspace') },
  { key: 'outcomes', roles: ['admin', 'organiser', 'staff'], perEdition: true, load: () => import('../outcomes/OutcomesWorkspace') },
  { key: 'me', roles: ['delegate'], perEdition: false, load: () => import('../portal/PortalWorkspace') },
  { key: 'visa', roles: ORGANISERS, perEdition: true, load: () => import('../visa/VisaWorkspace') },
  { key: 'letter', roles: ['delegate'], perEdition: false, load: () => import('../visa/LetterWorkspace') },
  { key: 'checkin', roles: ['staff', 'organiser', 'admin'], perEdition: false, load: () => import('../checkin/CheckInWorkspace') },
  { key: 'users', roles: ['admin'], perEdition: false, load: () => import('../users/UsersWorkspace') },
];

export function workspacesFor(role: Role | undefined): Workspace[] {
  return WORKSPACES.filter((workspace) => role && workspace.roles.includes(role));
}
