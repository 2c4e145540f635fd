import { randomBytes } from 'node:crypto';

// Crockford's base32 without I, L, O, U: read aloud over a consulate's telephone or typed from paper, a reference
// has no 0/O or 1/I/L to confuse.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `VL-XXXX-XXXX-XXXX`: 60 random bits, so references cannot be guessed or counted through. */
export function newVisaLetterReference(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]);
  return `VL-${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8, 12).join('')}`;
}

/** The form alone, checked before any query: anything else is unknown without asking the database. */
export const VISA_LETTER_REFERENCE = /^VL-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
