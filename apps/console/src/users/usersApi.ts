import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { allOf } from '../api/vocabulary';
import type { Page } from '../shared/usePagedList';

type Schemas = components['schemas'];
export type User = Schemas['UserDto'];
export type UserInput = Schemas['CreateUserDto'];
export type UserChange = Schemas['UpdateUserDto'];
export type UserRole = User['role'];

export const ROLES = allOf<UserRole>()(['admin', 'organiser', 'staff', 'delegate']);
export const USER_LANGUAGES = allOf<User['preferredLanguage']>()(['zh', 'en', 'ru']);

/** The api's rule for a password (CreateUserDto / UpdateUserDto): 12 to 200 characters. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export interface UserFilters {
  q?: string;
  role?: UserRole;
  active?: boolean;
}

export const listUsers = (filters: UserFilters, page: number, pageSize: number): Promise<Page<User>> =>
  call(api.GET('/api/users', { params: { query: { ...filters, page, pageSize } } }));
export const createUser = (body: UserInput): Promise<User> => call(api.POST('/api/users', { body }));
export const updateUser = (id: string, body: UserChange): Promise<User> => call(api.PATCH('/api/users/{id}', { params: { path: { id } }, body }));

/**
 * An initial password to hand over (20 characters from the browser's CSPRNG). Letters and digits that cannot be
 * mistaken for one another (no 0/O, 1/l/I), because it is read aloud or copied from a screen at a door.
 */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function generatePassword(length = 20): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
  let password = '';
  // Rejection sampling keeps every character equally likely (256 is not a multiple of the alphabet's size).
  const limit = 256 - (256 % ALPHABET.length);
  for (const byte of bytes) {
    if (byte < limit) password += ALPHABET[byte % ALPHABET.length];
    if (password.length === length) return password;
  }
  return password + generatePassword(length - password.length);
}
