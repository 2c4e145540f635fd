import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfActualTexts, pdfText } from '#testing/pdf-text.js';
import { type BadgeContent, qrPng, renderBadgePdf, renderBadgesPdf } from './badge-pdf.js';

const EVENT = { zh: '中国—上海合作组织地方经贸合作大会', en: 'China–SCO Local Economic and Trade Cooperation Conference', ru: 'Конференция ШОС' };
const OFFICIAL = { zh: '官方代表', en: 'Official', ru: 'Официальный представитель' };
const BUSINESS = { zh: '企业代表', en: 'Business', ru: 'Деловые круги' };

const chinese: BadgeContent = {
  eventName: EVENT, nameNative: '李刚', nameLatin: 'Li Gang', organisation: '青岛市商务局',
  country: 'CN', category: OFFICIAL, qrPayload: 'tok_cn_0001',
};
const russianScript: BadgeContent = {
  eventName: EVENT, nameNative: 'Алия Нурланова', nameLatin: 'Aliya Nurlanova', organisation: 'Министерство торговли и интеграции',
  country: 'KZ', category: BUSINESS, qrPayload: 'tok_kz_0002',
};
const latinScript: BadgeContent = {
  eventName: EVENT, nameNative: 'Aziz Karimov', nameLatin: 'Aziz Karimov', organisation: 'Uzbekistan Chamber of Commerce and Industry',
  country: 'UZ', category: OFFICIAL, qrPayload: 'tok_uz_0003',
};

// Cyrillic letters Noto Sans SC lacks (Әә Ққ Ұұ, Іі, Өө Үү): printed in Noto Sans instead.
const kazakh: BadgeContent = {
  eventName: EVENT, nameNative: 'Әлия Нұрланқызы', nameLatin: 'Aliya Nurlankyzy', organisation: 'Қазақстан Сауда палатасы',
  country: 'KZ', category: BUSINESS, qrPayload: 'tok_kz_0004',
};
const belarusian: BadgeContent = {
  eventName: EVENT, nameNative: 'Алесь Шумілін', nameLatin: 'Ales Shumilin', organisation: 'Міністэрства замежных спраў',
  country: 'BY', category: OFFICIAL, qrPayload: 'tok_by_0005',
};
const kyrgyz: BadgeContent = {
  eventName: EVENT, nameNative: 'Бакыт Өмүрбеков', nameLatin: 'Bakyt Omurbekov', organisation: 'Кыргыз Республикасынын Өкмөтү',
  country: 'KG', category: OFFICIAL, qrPayload: 'tok_kg_0006',
};

/** The fonts embedded in the PDF (subset prefix dropped), e.g. ['NotoSans-Regular', 'NotoSansSC-Bold']. */
function embeddedFonts(pdf: Buffer): string[] {
  const names = [...pdf.toString('latin1').matchAll(/\/BaseFont\s*\/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]);
  return [...new Set(names)].sort();
}

interface Run { str: string; x: number; baseline: number; width: number }

/** The text runs of each page as a PDF reader extracts them (through the ToUnicode maps pdfkit writes), with positions. */
async function pagesRuns(pdf: Buffer): Promise<Run[][]> {
  // isEvalSupported: false keeps pdf.js from compiling font programs with eval, which Jest's VM does not need.
  const doc = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: Run[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.flatMap((item) =>
        'str' in item && item.str ? [{ str: item.str, x: item.transform[4], baseline: item.transform[5], width: item.width }] : []));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Each visual line of a page: the runs sharing a baseline, left to right, joined (a font switch splits a line into runs). */
function lines(runs: Run[]): string[] {
  const byBaseline = new Map<number, Run[]>();
  for (const r of runs) {
    const key = Math.round(r.baseline * 10) / 10;
    byBaseline.set(key, [...(byBaseline.get(key) ?? []), r]);
  }
  return [...byBaseline.values()].map((rs) => rs.sort((a, b) => a.x - b.x).map((r) => r.str).join(''));
}

async function pagesText(pdf: Buffer): Promise<string[]> {
  return (await pagesRuns(pdf)).map((runs) => runs.map((r) => r.str).join('\n'));
}

describe(renderBadgePdf.name, () => {
  const createdAt = new Date('2026-07-01T00:00:00Z');

  it('prints a Chinese delegate: name, Latin form, organisation, event and category in three languages', async () => {
    const pdf = await renderBadgePdf(chinese, { createdAt });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [text] = await pagesText(pdf);
    for (const s of ['李刚', 'Li Gang', '青岛市商务局', 'CN', EVENT.zh, EVENT.en, 'Official', '官方代表', 'Официальный представитель']) {
      expect(text).toContain(s);
    }
  });

  it('prints a Cyrillic-script delegate with the Latin form beneath', async () => {
    const [text] = await pagesText(await renderBadgePdf(russianScript, { createdAt }));
    for (const s of ['Алия Нурланова', 'Aliya Nurlanova', 'Министерство торговли и интеграции', 'KZ', 'Business', '企业代表', 'Деловые круги']) {
      expect(text).toContain(s);
    }
  });

  it('prints a Latin-script name once when the Latin form is the same', async () => {
    const [text] = await pagesText(await renderBadgePdf(latinScript, { createdAt }));
    expect(text.split('Aziz Karimov')).toHaveLength(2);
    expect(text).toContain('Uzbekistan Chamber of Commerce and Industry');
  });

  it('puts a batch on one page per badge', async () => {
    const pages = await pagesText(await renderBadgesPdf([chinese, russianScript, latinScript], { createdAt }));
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('李刚');
    expect(pages[1]).toContain('Алия Нурланова');
    expect(pages[2]).toContain('Aziz Karimov');
  });

  // Not byte-identical across runs: pdfkit numbers objects in the order its asynchronous image embedding finishes.
  it('carries the title, the creator and the given creation date', async () => {
    const a = await renderBadgePdf(chinese, { createdAt });
    const doc = await getDocument({ data: new Uint8Array(a), isEvalSupported: false }).promise;
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    await doc.destroy();
    expect(info.Title).toContain('Li Gang');
    expect(info.Creator).toBe('SCO Conference Back Office');
    expect(String(info.CreationDate)).toContain('20260701');
  });

  it('keeps an extremely long name, organisation and category on one page', async () => {
    const long: BadgeContent = {
      ...russianScript,
      nameNative: 'Александр Константинович '.repeat(5).slice(0, 120),
      nameLatin: 'AleksandrKonstantinovich'.repeat(5), // no space to break at
      organisation: 'Министерство торговли и интеграции Республики Казахстан, '.repeat(4),
      category: { zh: '国际组织'.repeat(10), en: 'International organisation '.repeat(4), ru: 'Международная организация '.repeat(3) },
    };
    expect(long.nameNative).toHaveLength(120);
    expect(long.nameLatin).toHaveLength(120);
    const pages = await pagesRuns(await renderBadgePdf(long, { createdAt }));
    expect(pages).toHaveLength(1);
    expect(pages[0].some((r) => r.str.includes('…'))).toBe(true); // cut, and visibly so
    // Every run stays inside the 18 pt margins of the A6 page (297.64 × 419.53 pt); 0.5 pt for rounding.
    for (const r of pages[0]) {
      expect(r.x).toBeGreaterThanOrEqual(17.5);
      expect(r.x + r.width).toBeLessThanOrEqual(297.64 - 17.5);
      expect(r.baseline).toBeGreaterThanOrEqual(17.5);
      expect(r.baseline).toBeLessThanOrEqual(419.53 - 17.5);
    }
  });

  it('prints Kazakh, Belarusian and Kyrgyz names and organisations whole, in Noto Sans where SC lacks letters', async () => {
    for (const badge of [kazakh, belarusian, kyrgyz]) {
      const pdf = await renderBadgePdf(badge, { createdAt });
      const [runs] = await pagesRuns(pdf);
      const text = runs.map((r) => r.str).join('\n');
      for (const s of [badge.nameNative, badge.nameLatin, badge.organisation!, badge.country, EVENT.zh, EVENT.en]) expect(text).toContain(s);
      // The native name is one run (one font), not pieced together from two.
      expect(runs.some((r) => r.str === badge.nameNative)).toBe(true);
      expect(embeddedFonts(pdf)).toEqual(['NotoSans-Bold', 'NotoSans-Regular', 'NotoSansSC-Bold', 'NotoSansSC-Regular']);
    }
  });

  it('keeps Chinese and Russian badges in Noto Sans SC only', async () => {
    expect(embeddedFonts(await renderBadgePdf(chinese, { createdAt }))).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular']);
    expect(embeddedFonts(await renderBadgePdf(russianScript, { createdAt }))).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular']);
  });

  it('prints Chinese and Kazakh names side by side in one batch', async () => {
    const pages = await pagesText(await renderBadgesPdf([chinese, kazakh, belarusian, kyrgyz], { createdAt }));
    expect(pages).toHaveLength(4);
    expect(pages[0]).toContain('李刚');
    expect(pages[0]).toContain('青岛市商务局');
    expect(pages[1]).toContain('Әлия Нұрланқызы');
    expect(pages[1]).toContain('Қазақстан Сауда палатасы');
    expect(pages[2]).toContain('Алесь Шумілін');
    expect(pages[2]).toContain('Міністэрства замежных спраў');
    expect(pages[3]).toContain('Бакыт Өмүрбеков');
    expect(pages[3]).toContain('Кыргыз Республикасынын Өкмөтү');
  });

  it('prints a text mixing Chinese and Kazakh as runs of both fonts on one line', async () => {
    const organisation = '上海合作组织 Қазақстан бөлімі';
    const nameNative = '李 Әлия';
    const pdf = await renderBadgePdf({ ...kazakh, nameNative, organisation }, { createdAt });
    const [runs] = await pagesRuns(pdf);
    expect(lines(runs)).toEqual(expect.arrayContaining([organisation, nameNative]));
    expect(runs.some((r) => r.str === organisation)).toBe(false); // really two runs: no font has both scripts
  });

  it('keeps long mixed-script texts inside the margins', async () => {
    const long: BadgeContent = {
      ...kazakh,
      nameNative: 'Әлия Нұрланқызы 李刚 '.repeat(6),
      organisation: '上海合作组织 Қазақстан Республикасы Сауда-өнеркәсіп палатасы, '.repeat(4),
      category: { zh: '国际组织'.repeat(10), en: 'International organisation '.repeat(4), ru: 'Халықаралық ұйым '.repeat(3) },
    };
    const pages = await pagesRuns(await renderBadgePdf(long, { createdAt }));
    expect(pages).toHaveLength(1);
    expect(pages[0].some((r) => r.str.includes('…'))).toBe(true);
    for (const r of pages[0]) {
      expect(r.x).toBeGreaterThanOrEqual(17.5);
      expect(r.x + r.width).toBeLessThanOrEqual(297.64 - 17.5);
      expect(r.baseline).toBeGreaterThanOrEqual(17.5);
      expect(r.baseline).toBeLessThanOrEqual(419.53 - 17.5);
    }
  });

  it('prints the Latin form large when no font has the native script', async () => {
    // No font of the family has Tibetan letters: boxes on a badge are worse than Latin.
    const [text] = await pagesText(await renderBadgePdf({ ...russianScript, nameNative: 'བཀྲ་ཤིས་' }, { createdAt }));
    expect(text).toContain('Aliya Nurlanova');
    expect(text).not.toContain('བཀྲ');
  });

  // Cambodia's delegates: Khmer stacks subscript consonants and draws some vowel signs before their consonant.
  it('prints a Khmer name in Noto Sans Khmer, and it reads back in typed order', async () => {
    const khmer: BadgeContent = { ...latinScript, nameNative: 'សុខ ចាន់ធីតា', nameLatin: 'Sok Chanthida', organisation: 'ក្រសួងពាណិជ្ជកម្ម', country: 'KH' };
    const pdf = await renderBadgePdf(khmer, { createdAt });
    expect(embeddedFonts(pdf)).toEqual(expect.arrayContaining(['NotoSansKhmer-Bold', 'NotoSansKhmer-Regular']));
    const text = pdfText(pdf);
    for (const s of [khmer.nameNative, 'Sok Chanthida', khmer.organisation!]) expect(text).toContain(s);
  });

  // Pakistan (Urdu), Iran (Persian) and the UAE (Arabic): shaped (joined letters), right to left, Latin form beneath.
  it.each([
    ['PK', 'عمران خان', 'Imran Khan', 'وزارت منصوبہ بندی'],
    ['IR', 'فاطمه رضایی', 'Fatemeh Rezaei', 'اتاق بازرگانی تهران'],
    ['AE', 'محمد بن راشد', 'Mohammed bin Rashid', 'وزارة الاقتصاد'],
  ])('prints an Arabic-script name from %s in Noto Naskh Arabic, with its text in reading order', async (country, nameNative, nameLatin, organisation) => {
    const pdf = await renderBadgePdf({ ...latinScript, nameNative, nameLatin, organisation, country }, { createdAt });
    expect(embeddedFonts(pdf)).toEqual(expect.arrayContaining(['NotoNaskhArabic-Bold', 'NotoNaskhArabic-Regular']));
    // The letters' shapes share glyphs (ج ح خ are one body with different dots), so the text a reader takes is the
    // ActualText drawRuns writes: the name as typed, first letter first.
    expect(pdfActualTexts(pdf)).toEqual(expect.arrayContaining([nameNative, organisation]));
    expect(pdfText(pdf)).toContain(nameLatin);
  });

  it('prints a Devanagari name that reads back in typed order (vowel signs drawn before their consonant)', async () => {
    const pdf = await renderBadgePdf({ ...latinScript, nameNative: 'प्रिया शर्मा', nameLatin: 'Priya Sharma', country: 'IN' }, { createdAt });
    expect(embeddedFonts(pdf)).toEqual(expect.arrayContaining(['NotoSans-Bold']));
    expect(pdfText(pdf)).toContain('प्रिया शर्मा');
  });

  it('generates the QR code as PNG', async () => {
    const png = await qrPng(chinese.qrPayload);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});
