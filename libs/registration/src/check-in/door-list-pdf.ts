/**
 * The printed door list of a check-in list: for the day the phones fail, everyone expected with a box to tick.
 * Names in both scripts, delegation, category and country, in the reader's language; the fonts and page frame of
 * the agendas (#core/pdf), so Chinese, Latin and Cyrillic all print. Pure: callers send the Buffer.
 */
import type { Language } from '#core/i18n/language.js';
import { renderText, type Trilingual } from '#core/i18n/trilingual.js';
import { A4, a4Document } from '#core/pdf/a4-document.js';
import { familiesFor } from '#core/pdf/noto-fonts.js';
import { stampPages } from '#core/pdf/page-stamps.js';
import { drawLines, heightOf, type Line, paragraph, type TextStyle, TextFlow, withFamilies } from '#core/pdf/text-flow.js';
import { CATEGORY_LABELS, type RegistrationCategory } from '../registration-vocabulary.js';

export interface DoorListRow {
  nameNative: string | null;
  nameLatin: string | null;
  delegation: string | null;
  category: string;
  country: string | null;
}

export interface DoorList {
  language: Language;
  eventName: Trilingual;
  listName: Trilingual;
  timeZone: string;
  rows: DoorListRow[];
  /** Fix it for byte-identical output in tests. Default: now. */
  printedAt?: Date;
}

const WORDS: Record<Language, {
  locale: string; heading: string; expected: string; printed: string; name: string; delegation: string;
  category: string; country: string; page(n: number, total: number): string; none: string;
}> = {
  zh: { locale: 'zh-CN', heading: '签到名单', expected: '应到人数', printed: '打印时间', name: '姓名', delegation: '代表团', category: '类别', country: '国家', page: (n, t) => `第${n}页，共${t}页`, none: '名单上没有人。' },
  en: { locale: 'en-GB', heading: 'Door list', expected: 'Expected', printed: 'Printed', name: 'Name', delegation: 'Delegation', category: 'Category', country: 'Country', page: (n, t) => `Page ${n} of ${t}`, none: 'Nobody is expected on this list.' },
  ru: { locale: 'ru-RU', heading: 'Список на входе', expected: 'Ожидается', printed: 'Напечатано', name: 'Имя', delegation: 'Делегация', category: 'Категория', country: 'Страна', page: (n, t) => `Стр. ${n} из ${t}`, none: 'В списке никого нет.' },
};

const STYLE = {
  event: { weight: 'bold', size: 16 },
  heading: { weight: 'bold', size: 12.5, colour: '#333333' },
  note: { weight: 'regular', size: 9, colour: '#555555' },
  column: { weight: 'bold', size: 8.5, colour: '#444444' },
  name: { weight: 'bold', size: 10.5 },
  latin: { weight: 'regular', size: 9, colour: '#333333' },
  cell: { weight: 'regular', size: 9, colour: '#222222' },
} satisfies Record<string, TextStyle>;

const M = A4.margin;
const BOX = 11;
// Box, name (both scripts), delegation, category, country: widths summing to the content width (499 pt).
const COLUMNS = { name: { x: M + 22, w: 190 }, delegation: { x: M + 220, w: 140 }, category: { x: M + 368, w: 95 }, country: { x: M + 469, w: 30 } };
const PAD = 4;

export function renderDoorListPdf(list: DoorList): Promise<Buffer> {
  const w = WORDS[list.language];
  const style = withFamilies(STYLE, familiesFor(list.language));
  const text = (t: Trilingual) => renderText(t, list.language)?.text ?? '';
  const event = text(list.eventName);
  const listName = text(list.listName);
  const { doc, done } = a4Document({ title: `${event} — ${w.heading}: ${listName}`, lang: w.locale });
  const flow = new TextFlow(doc, A4.area, () => doc.addPage());
  flow.y = A4.firstPageTop;

  const printedAt = new Intl.DateTimeFormat(w.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: list.timeZone }).format(list.printedAt ?? new Date());
  flow.write(paragraph(doc, event, style.event, M, A4.contentWidth));
  flow.skip(2);
  flow.write(paragraph(doc, `${w.heading}: ${listName}`, style.heading, M, A4.contentWidth));
  flow.skip(2);
  flow.write(paragraph(doc, `${w.expected}: ${list.rows.length} · ${w.printed}: ${printedAt} (${list.timeZone})`, style.note, M, A4.contentWidth));
  flow.skip(10);

  const columnHeads = (): void => {
    const heads = [
      paragraph(doc, w.name, style.column, COLUMNS.name.x, COLUMNS.name.w, 1),
      paragraph(doc, w.delegation, style.column, COLUMNS.delegation.x, COLUMNS.delegation.w, 1),
      paragraph(doc, w.category, style.column, COLUMNS.category.x, COLUMNS.category.w, 1),
      paragraph(doc, w.country, style.column, COLUMNS.country.x, COLUMNS.country.w + 10, 1),
    ];
    const top = flow.y;
    const height = Math.max(...heads.map(heightOf));
    for (const h of heads) drawLines(doc, h, top);
    flow.y = top + height + 2;
    doc.moveTo(M, flow.y).lineTo(A4.width - M, flow.y).lineWidth(0.8).stroke('#111111');
    flow.skip(PAD);
  };

  if (list.rows.length === 0) flow.write(paragraph(doc, w.none, style.note, M, A4.contentWidth));
  else columnHeads();

  for (const row of list.rows) {
    const native = row.nameNative ?? row.nameLatin ?? '';
    const cells: Line[][] = [
      [
        ...paragraph(doc, native, style.name, COLUMNS.name.x, COLUMNS.name.w, 2),
        ...(row.nameLatin && row.nameLatin !== native ? paragraph(doc, row.nameLatin, style.latin, COLUMNS.name.x, COLUMNS.name.w, 2) : []),
      ],
      paragraph(doc, row.delegation ?? '', style.cell, COLUMNS.delegation.x, COLUMNS.delegation.w, 3),
      paragraph(doc, CATEGORY_LABELS[row.category as RegistrationCategory]?.[list.language] ?? row.category, style.cell, COLUMNS.category.x, COLUMNS.category.w, 2),
      paragraph(doc, row.country ?? '', style.cell, COLUMNS.country.x, COLUMNS.country.w, 1),
    ];
    const height = Math.max(BOX, ...cells.map(heightOf)) + 2 * PAD;
    // A row never splits; a new page repeats the column heads.
    if (flow.y + height > A4.area.bottom) {
      flow.newPage();
      columnHeads();
    }
    const top = flow.y + PAD;
    doc.rect(M + 2, top + 1, BOX, BOX).lineWidth(0.9).stroke('#000000');
    for (const cell of cells) drawLines(doc, cell, top);
    flow.y += height;
    doc.moveTo(M, flow.y).lineTo(A4.width - M, flow.y).lineWidth(0.3).stroke('#bbbbbb');
  }

  stampPages(doc, { header: event, headerRight: `${w.heading}: ${listName}`, footer: `${w.expected}: ${list.rows.length}`, pageLabel: w.page, families: familiesFor(list.language) }, A4.frame);
  doc.end();
  return done;
}
