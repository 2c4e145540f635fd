/**
 * A small hand-made programme in three languages, for the agenda renderers' specs and benchmarks: two days in
 * Qingdao, a ceremony, a forum with a Kazakh speaker (letters only Noto Sans has), a break and a signing ceremony.
 */
import type { Language } from '#core/i18n/language.js';
import type { PublicSessionDto } from '#programme/index.js';
import type { AgendaInput } from '#agenda/index.js';

type Tri = Record<Language, string>;

export const FIXTURE_TITLES = {
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
  break: { zh: '茶歇', en: 'Coffee break', ru: 'Кофе-брейк' },
  signing: {
    zh: '重点项目签约仪式',
    en: 'Signing Ceremony for Key Cooperation Projects',
    ru: 'Церемония подписания соглашений по ключевым проектам сотрудничества',
  },
} satisfies Record<string, Tri>;

const EVENT_NAME: Tri = {
  zh: '2025中国—上海合作组织地方经贸合作大会',
  en: '2025 China–SCO Local Economic and Trade Cooperation Conference',
  ru: 'Конференция по местному торгово-экономическому сотрудничеству Китай–ШОС 2025',
};
const CITY: Tri = { zh: '青岛', en: 'Qingdao', ru: 'Циндао' };
const CONVENTION_CENTER: Tri = { zh: '青岛国际会议中心', en: 'Qingdao International Convention Center', ru: 'Международный конференц-центр Циндао' };
const DEMO_ZONE_VENUE: Tri = { zh: '上合示范区会场', en: 'China–SCO Demonstration Zone Venue', ru: 'Площадка Демонстрационной зоны ШОС' };
const MAIN_HALL: Tri = { zh: '主会场', en: 'Main Hall', ru: 'Главный зал' };
const FORUM_ROOM: Tri = { zh: '第一分会场', en: 'Forum Room 1', ru: 'Зал форума № 1' };
const TRACK_PLENARY = { id: '6f1c2e10-0000-4000-8000-000000000001', name: { zh: '开幕式及全体会议', en: 'Opening Plenary', ru: 'Церемония открытия и пленарное заседание' }, colour: '#b22234' };
const TRACK_LOGISTICS = { id: '6f1c2e10-0000-4000-8000-000000000002', name: { zh: '物流运输', en: 'Logistics and Transport', ru: 'Логистика и транспорт' }, colour: '#1f5fa8' };
const SHANDONG: { name: Tri; country: string } = {
  name: { zh: '山东省人民政府', en: "Shandong Provincial People's Government", ru: 'Народное правительство провинции Шаньдун' },
  country: 'CN',
};

interface FixturePerson {
  id: string;
  native: string;
  latin: string;
  cyrillic: string;
  honorific: Tri;
  position: Tri;
  organisation: { name: Tri; country: string };
}

const WANG_LEI: FixturePerson = {
  id: '7a000000-0000-4000-8000-000000000001', native: '王磊', latin: 'Wang Lei', cyrillic: 'Ван Лэй',
  honorific: { zh: '先生', en: 'Mr', ru: 'г-н' },
  position: { zh: '厅长', en: 'Director', ru: 'начальник' },
  organisation: { name: { zh: '山东省商务厅', en: 'Department of Commerce of Shandong Province', ru: 'Департамент коммерции провинции Шаньдун' }, country: 'CN' },
};
const LI_GANG: FixturePerson = {
  id: '7a000000-0000-4000-8000-000000000002', native: '李刚', latin: 'Li Gang', cyrillic: 'Ли Ган',
  honorific: { zh: '先生', en: 'Mr', ru: 'г-н' },
  position: { zh: '局长', en: 'Director General', ru: 'директор' },
  organisation: { name: { zh: '青岛市商务局', en: 'Qingdao Municipal Bureau of Commerce', ru: 'Управление коммерции города Циндао' }, country: 'CN' },
};
const ALIYA: FixturePerson = {
  id: '7a000000-0000-4000-8000-000000000003', native: 'Әлия Нұрланқызы', latin: 'Aliya Nurlankyzy', cyrillic: 'Әлия Нұрланқызы',
  honorific: { zh: '女士', en: 'Ms', ru: 'г-жа' },
  position: { zh: '副主席', en: 'Deputy Chair', ru: 'заместитель председателя' },
  organisation: { name: { zh: '哈萨克斯坦工商会', en: 'Chamber of Commerce of Kazakhstan', ru: 'Қазақстан Сауда палатасы' }, country: 'KZ' },
};

function person(p: FixturePerson, language: Language, role: PublicSessionDto['people'][number]['role'], protocolOrder: number): PublicSessionDto['people'][number] {
  return {
    id: p.id,
    name: language === 'zh' ? p.native : language === 'ru' ? p.cyrillic : p.latin,
    nameNative: p.native,
    honorific: p.honorific[language],
    position: p.position[language],
    organisation: { id: `${p.id.slice(0, -2)}99`, name: p.organisation.name[language], country: p.organisation.country },
    role,
    protocolOrder,
  };
}

/** The fixture programme in one language, as renderProgramme would give it, with release 3. */
export function agendaFixture(language: Language): AgendaInput {
  const room = (id: string, name: Tri, venueId: string, venue: Tri) => ({ id, name: name[language], venue: { id: venueId, name: venue[language] } });
  const mainHall = room('5b000000-0000-4000-8000-000000000001', MAIN_HALL, '5c000000-0000-4000-8000-000000000001', CONVENTION_CENTER);
  const forumRoom = room('5b000000-0000-4000-8000-000000000002', FORUM_ROOM, '5c000000-0000-4000-8000-000000000002', DEMO_ZONE_VENUE);
  const plenary = { id: TRACK_PLENARY.id, name: TRACK_PLENARY.name[language], colour: TRACK_PLENARY.colour };
  const logistics = { id: TRACK_LOGISTICS.id, name: TRACK_LOGISTICS.name[language], colour: TRACK_LOGISTICS.colour };
  const shandong = { id: '4d000000-0000-4000-8000-000000000001', name: SHANDONG.name[language], country: SHANDONG.country };
  const base = { description: null, fellBack: false, hosts: [], people: [], theme: null, track: null, languagesSpoken: [], languagesInterpreted: [] };
  const sessions: PublicSessionDto[] = [
    {
      ...base,
      id: '3e000000-0000-4000-8000-000000000001',
      kind: 'ceremony',
      title: FIXTURE_TITLES.conference[language],
      theme: { zh: '共谋区域合作 携手创新发展', en: 'Jointly Pursuing Regional Cooperation for Innovative Development', ru: 'Вместе за региональное сотрудничество и инновационное развитие' }[language],
      // 09:00–09:40 in Qingdao (UTC+8).
      startsAt: '2025-07-18T01:00:00.000Z',
      endsAt: '2025-07-18T01:40:00.000Z',
      day: '2025-07-18',
      room: mainHall,
      track: plenary,
      hosts: [shandong],
      people: [person(LI_GANG, language, 'host', 1), person(WANG_LEI, language, 'presenter', 2)],
      languagesSpoken: ['zh'],
      languagesInterpreted: ['en', 'ru'],
    },
    {
      ...base,
      id: '3e000000-0000-4000-8000-000000000002',
      kind: 'break',
      title: FIXTURE_TITLES.break[language],
      startsAt: '2025-07-18T01:40:00.000Z',
      endsAt: '2025-07-18T02:00:00.000Z',
      day: '2025-07-18',
      room: mainHall,
    },
    {
      ...base,
      id: '3e000000-0000-4000-8000-000000000003',
      kind: 'forum',
      title: FIXTURE_TITLES.forum[language],
      // 14:00–16:30 in Qingdao.
      startsAt: '2025-07-18T06:00:00.000Z',
      endsAt: '2025-07-18T08:30:00.000Z',
      day: '2025-07-18',
      room: forumRoom,
      track: logistics,
      hosts: [shandong],
      people: [person(WANG_LEI, language, 'moderator', 1), person(LI_GANG, language, 'speaker', 2), person(ALIYA, language, 'speaker', 3)],
      languagesSpoken: ['zh', 'ru'],
      languagesInterpreted: ['zh', 'en', 'ru'],
    },
    {
      ...base,
      id: '3e000000-0000-4000-8000-000000000004',
      kind: 'signing_ceremony',
      title: FIXTURE_TITLES.signing[language],
      // 10:00–11:30 in Qingdao, the second day.
      startsAt: '2025-07-19T02:00:00.000Z',
      endsAt: '2025-07-19T03:30:00.000Z',
      day: '2025-07-19',
      room: forumRoom,
      track: plenary,
      people: [person(ALIYA, language, 'signatory', 1), person(LI_GANG, language, 'signatory', 2)],
      languagesSpoken: ['zh', 'en', 'ru'],
      languagesInterpreted: ['zh', 'en', 'ru'],
    },
  ];
  return {
    language,
    event: { slug: 'sco-local-trade-2025', name: EVENT_NAME[language], city: CITY[language], timeZone: 'Asia/Shanghai', firstDay: '2025-07-18', lastDay: '2025-07-19' },
    tracks: [plenary, logistics],
    sessions,
    release: { number: 3, name: { zh: '终版', en: 'Final', ru: 'Окончательная' }[language], publishedAt: '2025-07-15T08:00:00.000Z' },
    cancelled: [],
  };
}
