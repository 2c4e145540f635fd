import { pdfInfo, pdfPages, withoutSpaces } from '#testing/pdf-text.js';
import type { Language } from '#core/i18n/language.js';
import { COOPERATION_AREAS } from '../outcomes-vocabulary.js';
import { outcomesPdf } from './outcomes-pdf.js';
import { formatMoney, formatWhen } from './reader-formats.js';
import { WORDS } from './public-outcomes.formats.js';
import type { PublicOutcome, PublicOutcomes } from './public-outcomes.service.js';

type Tri = Record<Language, string>;

const TITLES = {
  conference: {
    zh: '中国—上海合作组织地方经贸合作大会',
    en: 'China–SCO Local Economic and Trade Cooperation Conference',
    ru: 'Конференция по местному торгово-экономическому сотрудничеству Китай–ШОС',
  },
  forum: {
    zh: '国际物流大通道合作论坛',
    en: 'Forum on International Logistics Corridor Cooperation',
    ru: 'Форум по сотрудничеству в создании международных логистических коридоров',
  },
  initiative: {
    zh: '中国—上海合作组织地方经贸合作大会青岛倡议',
    en: 'Qingdao Initiative of the China–SCO Local Economic and Trade Cooperation Conference',
    ru: 'Циндаоская инициатива Конференции по местному торгово-экономическому сотрудничеству Китай–ШОС',
  },
  agreement: {
    zh: '中白工业园合作协议',
    en: 'Cooperation Agreement on the China–Belarus Industrial Park',
    ru: 'Соглашение о сотрудничестве по Китайско-Белорусскому индустриальному парку',
  },
  alliance: {
    zh: '上合国际物流联盟成立',
    en: 'Founding of the SCO International Logistics Alliance',
    ru: 'Создание Международного логистического альянса ШОС',
  },
  announcement: {
    zh: '2025年上合示范区投资指南发布',
    en: 'Release of the 2025 Demonstration Zone Investment Guide',
    ru: 'Представление инвестиционного путеводителя Демонстрационной зоны 2025',
  },
} satisfies Record<string, Tri>;

const EVENT: Tri = {
  zh: '2025中国—上海合作组织地方经贸合作大会',
  en: '2025 China–SCO Local Economic and Trade Cooperation Conference',
  ru: 'Конференция по местному торгово-экономическому сотрудничеству Китай–ШОС 2025',
};
const SHANDONG: Tri = { zh: '山东省人民政府', en: "Shandong Provincial People's Government", ru: 'Народное правительство провинции Шаньдун' };
const GREAT_STONE: Tri = { zh: '中白工业园', en: 'China–Belarus Industrial Park "Great Stone"', ru: 'Китайско-Белорусский индустриальный парк «Великий камень»' };
const KZ_CHAMBER: Tri = { zh: '哈萨克斯坦工商会', en: 'Chamber of Commerce of Kazakhstan', ru: 'Қазақстан Сауда палатасы' };
const WANG_LEI: Tri = { zh: '王磊', en: 'Wang Lei', ru: 'Ван Лэй' };
const ALIYA: Tri = { zh: 'Әлия Нұрланқызы', en: 'Aliya Nurlankyzy', ru: 'Әлия Нұрланқызы' };

function outcomesFixture(language: Language): PublicOutcomes {
  const area = (code: keyof typeof COOPERATION_AREAS) => ({ code, name: COOPERATION_AREAS[code][language] });
  const outcome = (id: string, kind: PublicOutcome['kind'], title: Tri, extra: Partial<PublicOutcome>): PublicOutcome => ({
    id, kind, title: title[language], summary: null, body: null, occurredAt: '2025-07-18T02:00:00.000Z', agreementType: null,
    areas: [], parties: [], people: [], completed: null, value: null, ...extra,
  });
  const groups: PublicOutcomes['groups'] = [
    {
      session: { id: 's1', title: TITLES.conference[language], startsAt: '2025-07-18T01:00:00.000Z' },
      track: { id: 't1', name: { zh: '开幕式及全体会议', en: 'Opening Plenary', ru: 'Церемония открытия и пленарное заседание' }[language], colour: '#b22234' },
      outcomes: [
        outcome('o1', 'initiative', TITLES.initiative, {
          parties: [{ name: SHANDONG[language], country: 'CN', role: 'party' }],
          people: [{ name: WANG_LEI[language], role: 'presenter', protocolOrder: 1 }],
          areas: [area('trade_investment'), area('logistics')],
          summary: { zh: '倡议包括携手构建国际物流大通道等6个方面。', en: 'Six points, beginning with jointly building international logistics corridors.', ru: 'Шесть направлений, начиная с совместного создания международных логистических коридоров.' }[language],
        }),
        outcome('o2', 'agreement', TITLES.agreement, {
          agreementType: 'framework_agreement',
          parties: [{ name: SHANDONG[language], country: 'CN', role: 'party' }, { name: GREAT_STONE[language], country: 'BY', role: 'party' }],
          areas: [area('park_development'), area('industrial_investment')],
          value: { amount: '500000000.00', currency: 'CNY', formatted: formatMoney('500000000.00', 'CNY', language) },
          completed: {
            status: 'signed',
            at: '2025-07-18T03:58:00.000Z',
            localAt: '2025-07-18T11:58:00+08:00',
            timeZone: 'Asia/Shanghai',
            text: formatWhen(new Date('2025-07-18T03:58:00.000Z'), 'Asia/Shanghai', language),
          },
        }),
      ],
    },
    {
      session: { id: 's2', title: TITLES.forum[language], startsAt: '2025-07-18T06:00:00.000Z' },
      track: null,
      outcomes: [
        outcome('o3', 'alliance', TITLES.alliance, {
          parties: [{ name: SHANDONG[language], country: 'CN', role: 'founding_member' }, { name: KZ_CHAMBER[language], country: 'KZ', role: 'founding_member' }],
          people: [{ name: ALIYA[language], role: 'signatory', protocolOrder: 1 }],
          areas: [area('logistics')],
        }),
      ],
    },
    { session: null, track: null, outcomes: [outcome('o4', 'announcement', TITLES.announcement, { occurredAt: '2025-07-19T03:00:00.000Z' })] },
  ];
  return {
    language,
    event: { slug: 'sco-local-trade-2025', name: EVENT[language], timeZone: 'Asia/Shanghai' },
    groups,
    counts: {
      total: 4,
      byKind: { initiative: 1, agreement: 1, alliance: 1, announcement: 1 },
      byCountry: { CN: 3, BY: 1, KZ: 1 },
      byArea: { logistics: 2, trade_investment: 1, park_development: 1, industrial_investment: 1 },
    },
    areaNames: Object.fromEntries(['logistics', 'trade_investment', 'park_development', 'industrial_investment'].map((c) => [c, COOPERATION_AREAS[c as keyof typeof COOPERATION_AREAS][language]])),
  };
}

describe(outcomesPdf.name, () => {
  it.each(['zh', 'en', 'ru'] as const)('prints the %s list: heading, counts, sessions and every outcome with its details', async (language) => {
    const list = outcomesFixture(language);
    const w = WORDS[language];
    const pdf = await outcomesPdf(list);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = withoutSpaces(pdfPages(pdf).join(''));
    for (const s of [list.event.name, w.heading, w.byKind, w.byCountry, w.byArea, w.none]) expect(text).toContain(withoutSpaces(s));
    for (const title of [TITLES.conference, TITLES.forum]) expect(text).toContain(withoutSpaces(title[language]));
    list.groups.flatMap((g) => g.outcomes).forEach((o, i) => {
      expect(text).toContain(withoutSpaces(o.title));
      expect(text).toContain(withoutSpaces(w.kinds[o.kind]));
      if (i === 0) expect(text).toContain(withoutSpaces(`1. ${o.title}`));
    });
    // The amount and the signing time as the reader writes them.
    const signed = { zh: '签署于2025年7月18日 11:58', en: 'Signed 18 July 2025 at 11:58', ru: 'Подписано 18 июля 2025 г. в 11:58' }[language];
    const amount = { zh: '¥500,000,000.00', en: 'CN¥500,000,000.00', ru: '500 000 000,00 CN¥' }[language];
    for (const s of [`${GREAT_STONE[language]} (BY)`, `${KZ_CHAMBER[language]} (KZ)`, amount, signed, ALIYA[language], COOPERATION_AREAS.park_development[language], '2025-07-19']) {
      expect(text).toContain(withoutSpaces(s));
    }
  });

  it('carries the title and the language as document metadata', async () => {
    const pdf = await outcomesPdf(outcomesFixture('zh'));
    const info = pdfInfo(pdf);
    expect(info).toMatch(/^Title:\s+2025中国—上海合作组织地方经贸合作大会 — 成果清单$/m);
    expect(info).toMatch(/\(A4\)$/m);
    expect(pdf.toString('latin1')).toContain('/Lang (zh-CN)');
  });

  it('runs over pages with the event in the header and page n of total in the footer', async () => {
    const list = outcomesFixture('ru');
    const [first] = list.groups;
    list.groups = Array.from({ length: 30 }, (_, i) => ({ ...first, session: { ...first.session!, id: `s${i}`, title: `${first.session!.title} — ${i + 1}` } }));
    const pages = pdfPages(await outcomesPdf(list));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`Стр. ${i + 1} из ${pages.length}`);
      expect(withoutSpaces(page)).toContain(withoutSpaces(list.event.name));
    });
    expect(withoutSpaces(pages.join('')).split(withoutSpaces(TITLES.agreement.ru))).toHaveLength(31);
  });

  it('prints a list with no outcomes', async () => {
    const list = { ...outcomesFixture('en'), groups: [], counts: { total: 0, byKind: {}, byCountry: {}, byArea: {} }, areaNames: {} };
    const [page] = pdfPages(await outcomesPdf(list));
    expect(page).toContain('Outcomes in all: 0');
  });
});
