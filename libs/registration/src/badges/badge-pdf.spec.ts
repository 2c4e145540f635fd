import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
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

  it('is deterministic for a fixed creation date and carries title and creator', async () => {
    const a = await renderBadgePdf(chinese, { createdAt });
    expect((await renderBadgePdf(chinese, { createdAt })).equals(a)).toBe(true);
    const doc = await getDocument({ data: new Uint8Array(a), isEvalSupported: false }).promise;
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    await doc.destroy();
    expect(info.Title).toContain('Li Gang');
    expect(info.Creator).toBe('SCO Conference Back Office');
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

  it('prints the Latin form large when the font lacks the native script', async () => {
    // Noto Sans SC has no Kazakh-specific Cyrillic letters (Ә, Қ, Ұ …): boxes on a badge are worse than Latin.
    const [text] = await pagesText(await renderBadgePdf({ ...russianScript, nameNative: 'Әлия Нұрланова' }, { createdAt }));
    expect(text).toContain('Aliya Nurlanova');
    expect(text).not.toContain('Әлия');
  });

  it('generates the QR code as PNG', async () => {
    const png = await qrPng(chinese.qrPayload);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});
