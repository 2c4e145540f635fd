export enum Role {
  Admin = 'admin',
  Organiser = 'organiser',
  Staff = 'staff',
  Delegate = 'delegate',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);
