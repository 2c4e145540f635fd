import { Role } from '#identity/index.js';

/** Organisers (and admins) write the programme; staff read everything. */
export const PROGRAMME_WRITERS = [Role.Admin, Role.Organiser] as const;
export const PROGRAMME_READERS = [Role.Admin, Role.Organiser, Role.Staff] as const;
