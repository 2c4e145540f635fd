/**
 * Reading a guest list that organisers upload (CSV or XLSX) into validated rows, without touching the database.
 *
 * Every problem is reported against the row number the organiser sees: the header is row 1, the first data row is
 * row 2, blank lines count but are skipped. In a CSV file a quoted field may span several lines; the row is then the
 * line on which the record starts (what a text editor shows; for files without such fields, which is nearly all of
 * them, that is also the spreadsheet row). Problems with the file as a whole (unreadable, empty, too many rows) are
 * reported at row 0.
 *
 * A file whose header is wrong (unknown, missing or repeated columns) yields only the header errors and no rows:
 * reading rows under a misspelt column would silently drop that column's data.
 */
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { isEmail, isISO31661Alpha2 } from 'class-validator';
import { isLanguage, type Language } from '#core/i18n/language.js';
import { ORGANISATION_TYPES, type OrganisationType } from '#programme/index.js';
import { CATEGORY_LABELS, REGISTRATION_CATEGORIES, type RegistrationCategory } from '../registration-vocabulary.js';
import { FORMULA_NEUTRALISER, isFormulaLike } from '#core/exports/write-table.js';

export interface GuestRow {
  /** Where the guest is in the file, as the organiser sees it (the header is row 1). */
  sourceRow: number;
  /** Trimmed, lower-cased. */
  email: string;
  /** The name in the guest's own script. */
  nameNative: string;
  /** The name in Latin letters. */
  nameLatin: string;
  /** ISO 3166-1 alpha-2, upper-cased. */
  country: string;
  organisation: string | null;
  /** Given only with an organisation; null when the column is absent or empty (the category then decides, see ORGANISATION_TYPE_BY_CATEGORY). */
  organisationType: OrganisationType | null;
  position: string | null;
  category: RegistrationCategory;
  /** 'en' when the column is absent or empty. */
  preferredLanguage: Language;
  phone: string | null;
  delegation: string | null;
}

export interface GuestRowError {
  /** The row as the organiser sees it: header is row 1, first data row is 2; 0 for the file as a whole. */
  row: number;
  /** The column (its canonical name, e.g. name_native), or null when the error is not about one column. */
  field: string | null;
  /** What is wrong, as a stable code (GUEST_ROW_ERROR_CODES) for readers in other languages; `reason` says it in English. */
  code: GuestRowErrorCode;
  reason: string;
}

/**
 * The kinds of fault a guest-list row (or the file) can have. The console shows each in the reader's language by
 * this code and the field; the English `reason` carries the details (values, row numbers) for API clients.
 * Lower case on purpose: these are entries of a report, not error-envelope codes (UPPER_SNAKE, catalogued in errors.json).
 */
export const GUEST_ROW_ERROR_CODES = [
  'file_empty',
  'file_unreadable',
  'file_not_utf8',
  'file_old_xls',
  'file_is_xlsx',
  'too_many_rows',
  'unknown_columns',
  'unnamed_columns',
  'duplicate_column',
  'missing_column',
  'spreadsheet_error',
  'control_character',
  'too_long',
  'required',
  'invalid_email',
  'duplicate_email',
  'already_invited',
  'not_latin',
  'invalid_country',
  'invalid_organisation_type',
  'type_without_organisation',
  'invalid_category',
  'invalid_language',
  'invalid_phone',
] as const;
export type GuestRowErrorCode = (typeof GUEST_ROW_ERROR_CODES)[number];

export interface ParsedGuestList {
  /** Every guest row the file holds, valid or not (not the header, not blank lines); 0 for a file that cannot be read. */
  rowsRead: number;
  /** The rows without any error, in file order. */
  rows: GuestRow[];
  /** Ordered by row. */
  errors: GuestRowError[];
}

export const MAX_GUEST_ROWS = 5000;

/** Longest accepted text in any field, in characters (code points). */
export const MAX_GUEST_TEXT_LENGTH = 300;

// ---------------------------------------------------------------------------------------------------------------
// Columns

const GUEST_COLUMNS = [
  'email',
  'name_native',
  'name_latin',
  'country',
  'organisation',
  'organisation_type',
  'position',
  'category',
  'language',
  'phone',
  'delegation',
] as const;
type GuestColumn = (typeof GUEST_COLUMNS)[number];

const REQUIRED_COLUMNS: readonly GuestColumn[] = ['email', 'name_native', 'name_latin', 'country', 'category'];

/** Header names accepted for each column, besides the column's own name. */
const COLUMN_ALIASES: Record<GuestColumn, readonly string[]> = {
  email: [],
  name_native: ['native_name', 'name'],
  name_latin: ['latin_name'],
  country: [],
  organisation: ['organization'],
  organisation_type: ['organization_type'],
  position: [],
  category: [],
  language: ['preferred_language'],
  phone: [],
  delegation: [],
};

/** Header names compare case-insensitively, ignoring spaces, underscores and hyphens ("Native Name" = native_name). */
function headerKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * The type of the organisation a guest's registration gets when the guest list names an organisation the directory
 * does not hold and leaves organisation_type empty: the one the guest's category most often means. A guest (invited
 * personally) has no telling type; enterprise is the directory's commonest, and organisers correct it there.
 */
export const ORGANISATION_TYPE_BY_CATEGORY: Record<RegistrationCategory, OrganisationType> = {
  official: 'government_body',
  business: 'enterprise',
  international_organisation: 'international_organisation',
  media: 'media',
  guest: 'enterprise',
};

/** What each column takes, for the import route's OpenAPI description and the README (one source, so they cannot drift). */
const COLUMN_VALUES: Record<GuestColumn, string> = {
  email: 'an email address; unique within the file and not already invited to the edition',
  name_native: 'the name in the guest\'s own script',
  name_latin: 'the name in Latin letters (diacritics allowed)',
  country: 'ISO 3166-1 alpha-2 code, e.g. KZ',
  organisation: 'free text; on acceptance the registration gets the directory\'s organisation of that name (in any language) and country, or a new one',
  organisation_type: `${ORGANISATION_TYPES.join(', ')}; only with organisation; empty: from the category (${Object.entries(ORGANISATION_TYPE_BY_CATEGORY)
    .map(([category, type]) => `${category} → ${type}`)
    .join(', ')})`,
  position: 'free text; carried into the registration on acceptance unless the guest gives one',
  category: `${REGISTRATION_CATEGORIES.join(', ')}, or the category's label in zh, en or ru`,
  language: 'zh, en or ru (also zh-CN, ru_RU …, or the language\'s name: Chinese, 中文, русский …); empty: en',
  phone: 'digits, spaces and + ( ) - . /, 5 to 20 digits; kept with the invitation for the organisers (the guest gives their own on accepting)',
  delegation: 'free text: the delegation the guest joins on acceptance unless they choose one (created if the edition has none of that name)',
};

/** The accepted columns, one line each: name, aliases, required or optional, allowed values. */
export function describeGuestListColumns(): string {
  return GUEST_COLUMNS.map((column) => {
    const aliases = COLUMN_ALIASES[column].length ? ` (or ${COLUMN_ALIASES[column].join(', ')})` : '';
    return `- \`${column}\`${aliases}, ${REQUIRED_COLUMNS.includes(column) ? 'required' : 'optional'}: ${COLUMN_VALUES[column]}`;
  }).join('\n');
}

const COLUMN_BY_HEADER = new Map<string, GuestColumn>();
for (const column of GUEST_COLUMNS) {
  for (const name of [column, ...COLUMN_ALIASES[column]]) COLUMN_BY_HEADER.set(headerKey(name), column);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the file into a table of texts

/** A cell as read: its text, or the error value a spreadsheet formula left in it (#N/A, #REF! …). */
type Cell = string | { spreadsheetError: string };
interface TableRow {
  row: number;
  cells: Cell[];
}
type Readout = { ok: true; rows: TableRow[] } | { ok: false; code: GuestRowErrorCode; reason: string };

const unreadable = (reason: string, code: GuestRowErrorCode = 'file_unreadable'): Readout => ({ ok: false, code, reason });

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];
const NOT_UTF8 =
  'the file is not UTF-8 text; in Excel save it with "Save as type: CSV UTF-8 (Comma delimited)", or upload the .xlsx workbook';
const OLD_XLS = 'the file is in the old Excel .xls format; save it as an .xlsx workbook or as CSV UTF-8';

function startsWith(content: Buffer, signature: Buffer): boolean {
  return content.length >= signature.length && content.subarray(0, signature.length).equals(signature);
}

/** Comma or semicolon (Excel in Russian and many European locales writes semicolons): the more frequent one, outside quotes, in the header line. */
function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  let seenContent = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (seenContent) break; // the header line ends; blank lines before it are passed over
    } else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
    if (char.trim() !== '' && char !== '\uFEFF') seenContent = true;
  }
  return semicolons > commas ? ';' : ',';
}

interface CsvRecordWithInfo {
  record: string[];
  info: { lines: number };
}

function readCsvTable(content: Buffer): Readout {
  if (startsWith(content, ZIP_SIGNATURE)) return unreadable('the file is an Excel workbook, not CSV; upload it as .xlsx', 'file_is_xlsx');
  if (startsWith(content, OLE_SIGNATURE)) return unreadable(OLD_XLS, 'file_old_xls');
  if (UTF16_BOMS.some((bom) => startsWith(content, bom))) return unreadable(NOT_UTF8, 'file_not_utf8');
  let text: string;
  try {
    // ignoreBOM keeps a byte-order mark in the text, for csv-parse's `bom` option to remove.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
  } catch {
    return unreadable(NOT_UTF8, 'file_not_utf8');
  }
  let records: CsvRecordWithInfo[];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      // Blank lines come through as records (and are skipped later), so that line numbers can be counted.
      skip_empty_lines: false,
      info: true,
    }) as unknown as CsvRecordWithInfo[];
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return unreadable(`the file could not be read as CSV: ${detail}`);
  }
  // info.lines is the line on which a record ends; the next record starts on the line after it.
  let line = 1;
  const rows: TableRow[] = [];
  for (const { record, info } of records) {
    rows.push({ row: line, cells: record });
    line = info.lines + 1;
  }
  return { ok: true, rows };
}

/** A cell value of exceljs as plain text: rich text joined, a hyperlink's shown text, a formula's cached result. */
function cellText(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText)) {
      return object.richText.map((part: unknown) => cellText((part as { text?: unknown } | null)?.text)).join('');
    }
    if ('error' in object) return { spreadsheetError: String(object.error) };
    if ('hyperlink' in object) {
      const text = cellText(object.text);
      if (text !== '') return text;
      return typeof object.hyperlink === 'string' ? object.hyperlink.replace(/^mailto:/i, '') : '';
    }
    if ('formula' in object || 'sharedFormula' in object) return cellText(object.result);
  }
  return '';
}

async function readXlsxTable(content: Buffer): Promise<Readout> {
  if (startsWith(content, OLE_SIGNATURE)) return unreadable(OLD_XLS, 'file_old_xls');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return unreadable('the file could not be read as an Excel workbook (.xlsx)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return unreadable('the workbook has no worksheet');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // A merged range keeps its value in the top-left cell; the others would repeat it.
      if (cell.isMerged && cell.master !== cell) return;
      cells[columnNumber - 1] = cellText(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return { ok: true, rows };
}

// ---------------------------------------------------------------------------------------------------------------
// Validating the table

const isBlank = (cell: Cell | undefined): boolean => cell === undefined || (typeof cell === 'string' && cell.trim() === '');
const isBlankRow = (row: TableRow): boolean => row.cells.every(isBlank);

/** C0 and C1 control characters, DEL, except tab, line feed and carriage return (which count as whitespace). */
const CONTROL_CHARACTER = /[^\P{Cc}\t\n\r]/u;

/** A letter of a script other than Latin (Cyrillic, Han …); Common and Inherited ones (ʻ in Oʻzbek) are allowed. */
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

const PHONE = /^\+?[0-9 ().\-/]+$/;

type Cleaned = { ok: true; text: string } | { ok: false; code: GuestRowErrorCode; reason: string };

/**
 * A cell as a text: the apostrophe our CSV exports put before formula-like texts removed, control characters refused,
 * runs of whitespace (including line breaks) made one space, trimmed, at most MAX_GUEST_TEXT_LENGTH characters.
 */
function cleanText(field: GuestColumn, cell: Cell | undefined): Cleaned {
  if (cell === undefined) return { ok: true, text: '' };
  if (typeof cell !== 'string') {
    return { ok: false, code: 'spreadsheet_error', reason: `${field} contains the spreadsheet error ${cell.spreadsheetError}` };
  }
  let text = cell;
  const start = text.trimStart();
  if (start.startsWith(FORMULA_NEUTRALISER) && isFormulaLike(start.slice(FORMULA_NEUTRALISER.length))) {
    text = start.slice(FORMULA_NEUTRALISER.length);
  }
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, code: 'control_character', reason: `${field} contains a control character (U+${code}), which is not allowed` };
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (Array.from(text).length > MAX_GUEST_TEXT_LENGTH) {
    return { ok: false, code: 'too_long', reason: `${field} is longer than ${MAX_GUEST_TEXT_LENGTH} characters` };
  }
  return { ok: true, text };
}

/** Codes, spelling variants and the printed labels (in zh, en, ru) of each category. */
const CATEGORY_BY_KEY = new Map<string, RegistrationCategory>();
const categoryKey = (text: string): string => text.normalize('NFKC').toLowerCase().trim().replace(/[\s-]+/g, '_');
for (const category of REGISTRATION_CATEGORIES) {
  CATEGORY_BY_KEY.set(category, category);
  for (const label of Object.values(CATEGORY_LABELS[category])) CATEGORY_BY_KEY.set(categoryKey(label), category);
}
CATEGORY_BY_KEY.set('international_organization', 'international_organisation');

const ORGANISATION_TYPE_BY_KEY = new Map<string, OrganisationType>(ORGANISATION_TYPES.map((type) => [type, type]));
ORGANISATION_TYPE_BY_KEY.set('international_organization', 'international_organisation');
const ORGANISATION_TYPE_REASON = `organisation_type must be one of ${ORGANISATION_TYPES.join(', ')}`;

/** Language names organisers write instead of the code. */
const LANGUAGE_BY_NAME = new Map<string, Language>([
  ['chinese', 'zh'],
  ['中文', 'zh'],
  ['汉语', 'zh'],
  ['китайский', 'zh'],
  ['english', 'en'],
  ['英语', 'en'],
  ['英文', 'en'],
  ['английский', 'en'],
  ['russian', 'ru'],
  ['俄语', 'ru'],
  ['俄文', 'ru'],
  ['русский', 'ru'],
]);

function parseLanguage(text: string): Language | null {
  const key = text.normalize('NFKC').toLowerCase();
  if (key === '') return 'en';
  const primary = key.split(/[-_]/)[0]; // zh-CN, ru_RU, en-GB
  if (isLanguage(primary)) return primary;
  return LANGUAGE_BY_NAME.get(key) ?? null;
}

const CATEGORY_REASON = `category must be one of ${REGISTRATION_CATEGORIES.join(', ')}`;

interface RowContext {
  columns: Map<GuestColumn, number>;
  /** The first row of each valid email seen so far. */
  emails: Map<string, number>;
  errors: GuestRowError[];
}

function validateRow(source: TableRow, context: RowContext): Omit<GuestRow, 'sourceRow'> | null {
  const fieldErrors: GuestRowError[] = [];
  const fail = (field: GuestColumn, code: GuestRowErrorCode, reason: string): null => {
    fieldErrors.push({ row: source.row, field, code, reason });
    return null;
  };
  const text = (field: GuestColumn): string | null => {
    const index = context.columns.get(field);
    const cleaned = cleanText(field, index === undefined ? undefined : source.cells[index]);
    return cleaned.ok ? cleaned.text : fail(field, cleaned.code, cleaned.reason);
  };
  const required = (field: GuestColumn): string | null => {
    const value = text(field);
    return value === '' ? fail(field, 'required', `${field} is required`) : value;
  };
  const optional = (field: GuestColumn): string | null | undefined => {
    const value = text(field);
    if (value === null) return undefined; // already reported
    return value === '' ? null : value;
  };

  let email = required('email');
  if (email !== null) {
    email = email.normalize('NFKC').toLowerCase();
    if (!isEmail(email)) email = fail('email', 'invalid_email', 'email is not a valid email address');
  }
  if (email !== null) {
    const earlier = context.emails.get(email);
    if (earlier !== undefined) email = fail('email', 'duplicate_email', `email ${email} already appears in row ${earlier}`);
    else context.emails.set(email, source.row);
  }

  const nameNative = required('name_native');

  let nameLatin = required('name_latin');
  if (nameLatin !== null && NON_LATIN_LETTER.test(nameLatin)) {
    nameLatin = fail('name_latin', 'not_latin', 'name_latin must be written in Latin letters');
  }

  let country = required('country');
  if (country !== null) {
    country = country.normalize('NFKC').toUpperCase();
    if (!/^[A-Z]{2}$/.test(country) || !isISO31661Alpha2(country)) {
      country = fail('country', 'invalid_country', 'country must be an ISO 3166 alpha-2 code such as KZ');
    }
  }

  const organisation = optional('organisation');
  const organisationTypeText = optional('organisation_type');
  let organisationType: OrganisationType | null | undefined =
    typeof organisationTypeText === 'string' ? (ORGANISATION_TYPE_BY_KEY.get(categoryKey(organisationTypeText)) ?? fail('organisation_type', 'invalid_organisation_type', ORGANISATION_TYPE_REASON)) : organisationTypeText;
  // A type says what the organisation is; without one named it would be silently dropped.
  if (organisationType && organisation === null) organisationType = fail('organisation_type', 'type_without_organisation', 'organisation_type is given without an organisation');
  const position = optional('position');

  const categoryText = required('category');
  const category = categoryText === null ? null : (CATEGORY_BY_KEY.get(categoryKey(categoryText)) ?? fail('category', 'invalid_category', CATEGORY_REASON));

  const languageText = text('language');
  const preferredLanguage =
    languageText === null ? null : (parseLanguage(languageText) ?? fail('language', 'invalid_language', 'language must be zh, en or ru'));

  let phone = optional('phone');
  if (typeof phone === 'string') {
    phone = phone.normalize('NFKC');
    const digits = phone.replace(/\D/g, '').length;
    if (!PHONE.test(phone) || digits < 5 || digits > 20) {
      phone = fail('phone', 'invalid_phone', 'phone must be a telephone number such as +7 701 123 45 67 (digits, spaces and + ( ) - . /)');
    }
  }

  const delegation = optional('delegation');

  if (fieldErrors.length > 0) {
    context.errors.push(...fieldErrors);
    return null;
  }
  // With no error, every value above is set.
  return {
    email: email!,
    nameNative: nameNative!,
    nameLatin: nameLatin!,
    country: country!,
    organisation: organisation ?? null,
    organisationType: organisationType ?? null,
    position: position ?? null,
    category: category!,
    preferredLanguage: preferredLanguage!,
    phone: phone ?? null,
    delegation: delegation ?? null,
  };
}

function validateTable(table: TableRow[]): ParsedGuestList {
  const nonBlank = table.filter((row) => !isBlankRow(row));
  const [header, ...data] = nonBlank;
  if (!header) return { rowsRead: 0, rows: [], errors: [{ row: 0, field: null, code: 'file_empty', reason: 'the file is empty' }] };
  const rowsRead = data.length;

  if (data.length > MAX_GUEST_ROWS) {
    const reason = `the file has ${data.length} guest rows; at most ${MAX_GUEST_ROWS} can be imported at once, so split it into several files`;
    return { rowsRead, rows: [], errors: [{ row: 0, field: null, code: 'too_many_rows', reason }] };
  }

  // Header: which column holds which field.
  const errors: GuestRowError[] = [];
  const columns = new Map<GuestColumn, number>();
  const namesUsed = new Map<GuestColumn, string[]>();
  const unknown: string[] = [];
  const unnamed: number[] = [];
  const width = Math.max(header.cells.length, ...data.map((row) => row.cells.length));
  for (let index = 0; index < width; index++) {
    const cell = header.cells[index];
    const name = typeof cell === 'string' ? cell.trim() : cell === undefined ? '' : cell.spreadsheetError;
    if (name === '') {
      if (data.some((row) => !isBlank(row.cells[index]))) unnamed.push(index + 1);
      continue;
    }
    const column = COLUMN_BY_HEADER.get(headerKey(name));
    if (!column) {
      unknown.push(name);
      continue;
    }
    if (!columns.has(column)) columns.set(column, index);
    namesUsed.set(column, [...(namesUsed.get(column) ?? []), name]);
  }
  if (unknown.length > 0) {
    errors.push({
      row: header.row,
      field: null,
      code: 'unknown_columns',
      reason: `unknown ${unknown.length === 1 ? 'column' : 'columns'} ${unknown.map((name) => `"${name}"`).join(', ')}; the accepted columns are ${GUEST_COLUMNS.join(', ')}`,
    });
  }
  if (unnamed.length > 0) {
    errors.push({
      row: header.row,
      field: null,
      code: 'unnamed_columns',
      reason: `${unnamed.length === 1 ? 'column' : 'columns'} ${unnamed.join(', ')} ${unnamed.length === 1 ? 'has' : 'have'} values but no header`,
    });
  }
  for (const [column, names] of namesUsed) {
    if (names.length > 1) {
      errors.push({
        row: header.row,
        field: column,
        code: 'duplicate_column',
        reason: `column ${column} appears more than once (${names.map((name) => `"${name}"`).join(', ')})`,
      });
    }
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.has(column)) errors.push({ row: header.row, field: column, code: 'missing_column', reason: `required column ${column} is missing` });
  }
  if (errors.length > 0) return { rowsRead, rows: [], errors };

  const context: RowContext = { columns, emails: new Map(), errors };
  const rows: GuestRow[] = [];
  for (const row of data) {
    const guest = validateRow(row, context);
    if (guest) rows.push({ ...guest, sourceRow: row.row });
  }
  return { rowsRead, rows, errors };
}

/**
 * Reads an uploaded guest list. Never throws for bad content: a file that cannot be read at all gives one error at
 * row 0. Rows with any error are left out of `rows`; each of their bad fields has its own error.
 */
export async function parseGuestList(content: Buffer, format: 'csv' | 'xlsx'): Promise<ParsedGuestList> {
  let readout: Readout;
  if (content.length === 0) readout = unreadable('the file is empty', 'file_empty');
  else if (format === 'csv') readout = readCsvTable(content);
  else if (format === 'xlsx') readout = await readXlsxTable(content);
  else readout = unreadable(`unsupported file format ${JSON.stringify(format)}; upload CSV or XLSX`);
  if (!readout.ok) return { rowsRead: 0, rows: [], errors: [{ row: 0, field: null, code: readout.code, reason: readout.reason }] };
  return validateTable(readout.rows);
}
