import type { Language } from '#core/i18n/language.js';
import { quoteTitle } from '#core/i18n/quote-title.js';
import type { SessionRoleKind } from '#programme/index.js';

/** A person as an agenda lists them, every part already in the reader's language. */
export interface PersonParts {
  name: string;
  honorific: string | null;
  position: string | null;
  organisation: string | null;
}

/** The fixed words of an agenda (everything not taken from the programme itself), in one language. */
export interface AgendaWords {
  /** For Intl (dates and times). */
  locale: string;
  /** The HTML lang attribute: zh-Hans rather than zh, so browsers pick Simplified Chinese glyphs. */
  htmlLang: string;
  heading: string;
  personalHeading(owner: string): string;
  day(n: number): string;
  /** city may be empty. */
  timesAreLocal(city: string, timeZone: string): string;
  theme: string;
  room: string;
  track: string;
  hosts: string;
  spoken: string;
  interpretation: string;
  languages: Record<Language, string>;
  /** One word per role, and a plural for a label over several people. */
  roles: Record<SessionRoleKind, { one: string; many: string }>;
  person(p: PersonParts): string;
  /** Room and venue, in the order the language names places. */
  place(room: string, venue: string): string;
  /** Between the items of a list. */
  separator: string;
  /** Between items that have commas of their own (people with positions), when they must share a line. */
  stackSeparator: string;
  /** After a label. */
  colon: string;
  release(number: number, name: string, publishedAt: string): string;
  page(n: number, total: number): string;
  noSessions: string;
}

const comma = (parts: (string | null)[]): string => parts.filter(Boolean).join(', ');

export const AGENDA_WORDS: Record<Language, AgendaWords> = {
  zh: {
    locale: 'zh-CN',
    htmlLang: 'zh-Hans',
    heading: '日程',
    personalHeading: (owner) => `${owner}的个人日程`,
    day: (n) => `第${n}天`,
    timesAreLocal: (city, timeZone) => `时间均为当地时间（${[city, timeZone].filter(Boolean).join('，')}）。`,
    theme: '主题',
    room: '会场',
    track: '板块',
    hosts: '主办单位',
    spoken: '发言语言',
    interpretation: '同声传译',
    languages: { zh: '中文', en: '英文', ru: '俄文' },
    // A session's host (主持人) chairs it; a moderator leads a dialogue (对话主持): Chinese programmes name both so.
    roles: {
      speaker: { one: '发言嘉宾', many: '发言嘉宾' },
      moderator: { one: '对话主持', many: '对话主持' },
      host: { one: '主持人', many: '主持人' },
      presenter: { one: '主讲人', many: '主讲人' },
      signatory: { one: '签约代表', many: '签约代表' },
      guest_of_honour: { one: '贵宾', many: '贵宾' },
      interpreter: { one: '翻译', many: '翻译' },
    },
    // Chinese puts the organisation and the position before the name, and the honorific after it: 青岛市商务局局长 李刚先生.
    person: (p) => [`${p.organisation ?? ''}${p.position ?? ''}`, `${p.name}${p.honorific ?? ''}`].filter(Boolean).join(' '),
    place: (room, venue) => [venue, room].filter(Boolean).join(' '),
    separator: '、',
    stackSeparator: '；',
    colon: '：',
    release: (number, name, publishedAt) => `第${number}版${quoteTitle('zh', name)}，发布于${publishedAt}`,
    page: (n, total) => `第${n}页，共${total}页`,
    noSessions: '暂无活动',
  },
  en: {
    locale: 'en-GB',
    htmlLang: 'en',
    heading: 'Programme',
    personalHeading: (owner) => `Personal agenda: ${owner}`,
    day: (n) => `Day ${n}`,
    timesAreLocal: (city, timeZone) => `All times are local (${comma([city, timeZone])}).`,
    theme: 'Theme',
    room: 'Room',
    track: 'Track',
    hosts: 'Hosted by',
    spoken: 'Spoken',
    interpretation: 'Interpretation',
    languages: { zh: 'Chinese', en: 'English', ru: 'Russian' },
    roles: {
      speaker: { one: 'Speaker', many: 'Speakers' },
      moderator: { one: 'Moderator', many: 'Moderators' },
      host: { one: 'Host', many: 'Hosts' },
      presenter: { one: 'Presenter', many: 'Presenters' },
      signatory: { one: 'Signatory', many: 'Signatories' },
      guest_of_honour: { one: 'Guest of honour', many: 'Guests of honour' },
      interpreter: { one: 'Interpreter', many: 'Interpreters' },
    },
    person: (p) => comma([[p.honorific, p.name].filter(Boolean).join(' '), p.position, p.organisation]),
    place: (room, venue) => comma([room, venue]),
    separator: ', ',
    stackSeparator: '; ',
    colon: ': ',
    release: (number, name, publishedAt) => `Release ${number} ${quoteTitle('en', name)}, published ${publishedAt}`,
    page: (n, total) => `Page ${n} of ${total}`,
    noSessions: 'No sessions',
  },
  ru: {
    locale: 'ru-RU',
    htmlLang: 'ru',
    heading: 'Программа',
    personalHeading: (owner) => `Личная программа: ${owner}`,
    day: (n) => `День ${n}`,
    timesAreLocal: (city, timeZone) => `Время местное (${comma([city, timeZone])}).`,
    theme: 'Тема',
    room: 'Зал',
    track: 'Направление',
    hosts: 'Организаторы',
    spoken: 'Язык выступлений',
    interpretation: 'Синхронный перевод',
    languages: { zh: 'китайский', en: 'английский', ru: 'русский' },
    roles: {
      speaker: { one: 'Выступающий', many: 'Выступающие' },
      moderator: { one: 'Модератор', many: 'Модераторы' },
      host: { one: 'Ведущий', many: 'Ведущие' },
      presenter: { one: 'Докладчик', many: 'Докладчики' },
      signatory: { one: 'Подписант', many: 'Подписанты' },
      guest_of_honour: { one: 'Почётный гость', many: 'Почётные гости' },
      interpreter: { one: 'Переводчик', many: 'Переводчики' },
    },
    person: (p) => comma([[p.honorific, p.name].filter(Boolean).join(' '), p.position, p.organisation]),
    place: (room, venue) => comma([room, venue]),
    separator: ', ',
    stackSeparator: '; ',
    colon: ': ',
    release: (number, name, publishedAt) => `Редакция ${number} ${quoteTitle('ru', name)}, опубликована ${publishedAt}`,
    page: (n, total) => `Стр. ${n} из ${total}`,
    noSessions: 'Мероприятий нет',
  },
};
