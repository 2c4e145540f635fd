import type { Language } from '#core/i18n/language.js';
import type { OutcomeKind, OutcomeStatus } from '../outcomes-vocabulary.js';

/**
 * Every word a run sheet prints, in the reader's language: the printed sheet is read aloud by protocol staff of
 * three countries, so no status or heading stays in English (it did: `[signed]` in zh and ru).
 */
export interface RunSheetWords {
  locale: string;
  heading: string;
  time: string;
  timeZone: string;
  room: string;
  order: string;
  programme: string;
  item: string;
  status: string;
  party: string;
  country: string;
  signatory: string;
  witnesses: string;
  unveilers: string;
  none: string;
  empty: string;
  colon: string;
  separator: string;
  page(n: number, total: number): string;
  kinds: Record<OutcomeKind, string>;
  statuses: Record<OutcomeStatus, string>;
}

export const RUN_SHEET_WORDS: Record<Language, RunSheetWords> = {
  zh: {
    locale: 'zh-CN',
    heading: '仪式流程单',
    time: '时间',
    timeZone: '时区',
    room: '地点',
    order: '顺序',
    programme: '流程',
    item: '事项',
    status: '状态',
    party: '签约方',
    country: '国家/地区',
    signatory: '签约人',
    witnesses: '见证人',
    unveilers: '揭牌人',
    none: '（待定）',
    empty: '本场暂无签约或揭牌事项。',
    colon: '：',
    separator: '、',
    page: (n, total) => `第${n}页，共${total}页`,
    kinds: { agreement: '协议', unveiling: '揭牌', initiative: '倡议', alliance: '联盟', settlement: '项目落地', announcement: '发布' },
    statuses: { planned: '筹备中', ready: '已就绪', signed: '已签约', done: '已完成', cancelled: '已取消' },
  },
  en: {
    locale: 'en-GB',
    heading: 'Ceremony run sheet',
    time: 'Time',
    timeZone: 'Time zone',
    room: 'Venue',
    order: 'No.',
    programme: 'Order of proceedings',
    item: 'Item',
    status: 'Status',
    party: 'Party',
    country: 'Country',
    signatory: 'Signs for it',
    witnesses: 'Witnesses',
    unveilers: 'Unveiled by',
    none: '(to be confirmed)',
    empty: 'Nothing is signed or unveiled in this session yet.',
    colon: ': ',
    separator: ', ',
    page: (n, total) => `Page ${n} of ${total}`,
    kinds: { agreement: 'Agreement', unveiling: 'Plaque unveiling', initiative: 'Initiative', alliance: 'Alliance', settlement: 'Settlement', announcement: 'Announcement' },
    statuses: { planned: 'planned', ready: 'ready', signed: 'signed', done: 'done', cancelled: 'cancelled' },
  },
  ru: {
    locale: 'ru-RU',
    heading: 'Сценарий церемонии',
    time: 'Время',
    timeZone: 'Часовой пояс',
    room: 'Место',
    order: '№',
    programme: 'Порядок проведения',
    item: 'Пункт',
    status: 'Статус',
    party: 'Сторона',
    country: 'Страна',
    signatory: 'Подписывает',
    witnesses: 'Свидетели',
    unveilers: 'Открывают',
    none: '(уточняется)',
    empty: 'В этой сессии пока нечего подписывать или открывать.',
    colon: ': ',
    separator: ', ',
    page: (n, total) => `Стр. ${n} из ${total}`,
    kinds: { agreement: 'Соглашение', unveiling: 'Открытие таблички', initiative: 'Инициатива', alliance: 'Альянс', settlement: 'Размещение проекта', announcement: 'Объявление' },
    statuses: { planned: 'готовится', ready: 'готово', signed: 'подписано', done: 'состоялось', cancelled: 'отменено' },
  },
};
