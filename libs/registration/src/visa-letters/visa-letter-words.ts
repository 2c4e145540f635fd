/**
 * The fixed words of a visa letter (headings and labels) in the three languages. The organiser's own text (body,
 * purpose, organiser, signature) comes from the edition's letter text; these are the same for every edition.
 */
import type { Language } from '#core/i18n/language.js';
import { dateTimeFormat } from '#core/i18n/date-time-format.js';

export interface LetterWords {
  locale: string;
  title: string;
  reference: string;
  issued: string;
  nameInPassport: string;
  nationality: string;
  passportNumber: string;
  dateOfBirth: string;
  stay: string;
  purpose: string;
  event: string;
  signature: string;
  check: string;
  sample: string;
}

export const LETTER_WORDS: Record<Language, LetterWords> = {
  zh: {
    locale: 'zh-CN',
    title: '邀请函',
    reference: '编号',
    issued: '签发日期',
    nameInPassport: '姓名（与护照一致）',
    nationality: '国籍',
    passportNumber: '护照号码',
    dateOfBirth: '出生日期',
    stay: '停留日期',
    purpose: '访问目的',
    event: '会议',
    signature: '签字',
    check: '扫描二维码或访问以下地址核验本函真伪：',
    sample: '样本 — 不作签证用途',
  },
  en: {
    locale: 'en-GB',
    title: 'Letter of invitation',
    reference: 'Reference',
    issued: 'Date of issue',
    nameInPassport: 'Name (as in passport)',
    nationality: 'Nationality',
    passportNumber: 'Passport number',
    dateOfBirth: 'Date of birth',
    stay: 'Dates of stay',
    purpose: 'Purpose of visit',
    event: 'Event',
    signature: 'Signature',
    check: 'Check that this letter is genuine: scan the QR code or open',
    sample: 'SAMPLE — not valid for a visa application',
  },
  ru: {
    locale: 'ru-RU',
    title: 'Письмо-приглашение',
    reference: 'Номер',
    issued: 'Дата выдачи',
    nameInPassport: 'Имя (как в паспорте)',
    nationality: 'Гражданство',
    passportNumber: 'Номер паспорта',
    dateOfBirth: 'Дата рождения',
    stay: 'Даты пребывания',
    purpose: 'Цель поездки',
    event: 'Мероприятие',
    signature: 'Подпись',
    check: 'Подлинность письма можно проверить по QR-коду или по адресу',
    sample: 'ОБРАЗЕЦ — не для визовых целей',
  },
};

/** A calendar day ('2025-07-17') as the reader writes it: 2025年7月17日, 17 July 2025, 17 июля 2025 г. */
export function formatDay(day: string, language: Language): string {
  // Noon UTC: the day is a calendar day, not an instant; formatting it in UTC can never move it a day.
  return dateTimeFormat(LETTER_WORDS[language].locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** The date of an instant in the event's zone, as a calendar day. */
export function dayInZone(at: Date, timeZone: string): string {
  return dateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(at);
}

/** 'KZ' → 'Казахстан (KZ)'; a value that is no ISO code is printed as given. */
export function countryName(code: string, language: Language): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    const name = new Intl.DisplayNames([LETTER_WORDS[language].locale], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
