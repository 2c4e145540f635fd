/**
 * The public outcomes list as an A4 PDF: the heading and the counts (by kind, country and cooperation area), then
 * the outcomes under their sessions. The same words as the HTML and CSV forms (WORDS), the same fonts and page
 * frame as the agendas (#core/pdf), so Chinese, Latin and Cyrillic all print.
 */
import type { Language } from '#core/i18n/language.js';
import { A4, a4Document } from '#core/pdf/a4-document.js';
import { widthOf } from '#core/pdf/font-runs.js';
import { familiesFor } from '#core/pdf/noto-fonts.js';
import { stampPages } from '#core/pdf/page-stamps.js';
import { drawLine, drawLines, heightOf, type Line, paragraph, type TextStyle, TextFlow, withFamilies } from '#core/pdf/text-flow.js';
import { WORDS } from './public-outcomes.formats.js';
import type { PublicOutcome, PublicOutcomes } from './public-outcomes.service.js';

/** What only the printed form needs, beyond WORDS. */
const PRINT: Record<Language, { locale: string; colon: string; separator: string; page(n: number, total: number): string }> = {
  zh: { locale: 'zh-CN', colon: '：', separator: '、', page: (n, total) => `第${n}页，共${total}页` },
  en: { locale: 'en-GB', colon: ': ', separator: ', ', page: (n, total) => `Page ${n} of ${total}` },
  ru: { locale: 'ru-RU', colon: ': ', separator: ', ', page: (n, total) => `Стр. ${n} из ${total}` },
};

const STYLE = {
  event: { weight: 'bold', size: 17 },
  heading: { weight: 'bold', size: 13, colour: '#333333' },
  note: { weight: 'regular', size: 9, colour: '#555555' },
  countsHeading: { weight: 'bold', size: 9.5 },
  count: { weight: 'regular', size: 8.5, colour: '#333333' },
  group: { weight: 'bold', size: 12 },
  track: { weight: 'regular', size: 8.5, colour: '#555555' },
  meta: { weight: 'regular', size: 8, colour: '#666666' },
  title: { weight: 'bold', size: 10.5 },
  detail: { weight: 'regular', size: 8.5, colour: '#444444' },
  summary: { weight: 'regular', size: 9, colour: '#222222' },
} satisfies Record<string, TextStyle>;

type Styles = Record<keyof typeof STYLE, TextStyle>;

const MARGIN = A4.margin;
const CONTENT_W = A4.contentWidth;
const COLUMN_GAP = 16;
const COLUMN_W = (CONTENT_W - 2 * COLUMN_GAP) / 3;
const NUMBER_W = 24; // right-aligned counts, up to four digits

export function outcomesPdf(list: PublicOutcomes): Promise<Buffer> {
  const w = WORDS[list.language];
  const p = PRINT[list.language];
  const families = familiesFor(list.language);
  const style: Styles = withFamilies(STYLE, families);
  const { doc, done } = a4Document({ title: `${list.event.name} — ${w.heading}`, lang: p.locale });
  const flow = new TextFlow(doc, A4.area, () => doc.addPage());
  flow.y = A4.firstPageTop;

  flow.write(paragraph(doc, list.event.name, style.event, MARGIN, CONTENT_W));
  flow.skip(2);
  flow.write(paragraph(doc, w.heading, style.heading, MARGIN, CONTENT_W));
  flow.skip(2);
  flow.write(paragraph(doc, `${w.total}${p.colon}${list.counts.total}`, style.note, MARGIN, CONTENT_W));
  flow.skip(10);
  drawCounts(doc, flow, style, [
    { title: w.byKind, rows: sortedCounts(list.counts.byKind, (k) => w.kinds[k as keyof typeof w.kinds] ?? k) },
    { title: w.byCountry, rows: sortedCounts(list.counts.byCountry, (c) => c) },
    { title: w.byArea, rows: sortedCounts(list.counts.byArea, (a) => list.areaNames[a] ?? a) },
  ]);

  for (const group of list.groups) {
    const heading = paragraph(doc, group.session?.title ?? w.none, style.group, MARGIN, CONTENT_W);
    const track = group.track ? paragraph(doc, `${w.track}${p.colon}${group.track.name}`, style.track, MARGIN + 9, CONTENT_W - 9) : [];
    const colour = group.track && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(group.track.colour) ? group.track.colour : undefined;
    if (track[0] && colour) track[0].marker = colour;
    const blocks = group.outcomes.map((o, i) => outcomeBlock(doc, list.language, style, o, i + 1));
    // A session's heading never ends a page: it goes with (the start of) its first outcome.
    flow.ensure(18 + heightOf(heading) + heightOf(track) + 4 + Math.min(blocks[0]?.height ?? 0, flow.pageHeight / 3));
    flow.skip(18);
    flow.write(heading);
    flow.write(track);
    doc.moveTo(MARGIN, flow.y + 2).lineTo(A4.width - MARGIN, flow.y + 2).lineWidth(1).stroke('#111111');
    flow.skip(4);
    for (const block of blocks) drawOutcome(flow, block);
  }

  stampPages(doc, { header: list.event.name, headerRight: w.heading, footer: `${w.total}${p.colon}${list.counts.total}`, pageLabel: p.page, families }, A4.frame);
  doc.end();
  return done;
}

interface CountColumn {
  title: string;
  rows: { label: string; n: number }[];
}

/** Largest first, as the HTML form lists them. */
function sortedCounts(map: Record<string, number>, label: (key: string) => string): CountColumn['rows'] {
  return Object.entries(map)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => ({ label: label(key), n }));
}

/** The three count tables side by side, a label and a right-aligned number on each row. */
function drawCounts(doc: PDFKit.PDFDocument, flow: TextFlow, style: Styles, columns: CountColumn[]): void {
  const laid = columns.map((column, i) => {
    const x = MARGIN + i * (COLUMN_W + COLUMN_GAP);
    const rows = column.rows.map((row) => ({
      label: paragraph(doc, row.label, style.count, x, COLUMN_W - NUMBER_W - 4),
      number: paragraph(doc, String(row.n), style.count, 0, NUMBER_W, 1)[0],
    }));
    const title = paragraph(doc, column.title, style.countsHeading, x, COLUMN_W);
    return { x, title, rows, height: heightOf(title) + 3 + rows.reduce((h, r) => h + heightOf(r.label), 0) };
  });
  const height = Math.max(...laid.map((c) => c.height));
  flow.ensure(Math.min(height, flow.pageHeight));
  const top = flow.y;
  let bottom = top;
  for (const column of laid) {
    let y = drawLines(doc, column.title, top) + 3;
    for (const row of column.rows) {
      const numberWidth = widthOf(doc.fontSize(row.number.size), row.number.runs);
      drawLine(doc, { ...row.number, x: column.x + COLUMN_W - numberWidth }, y);
      y = drawLines(doc, row.label, y);
    }
    bottom = Math.max(bottom, y);
  }
  flow.y = bottom;
}

interface OutcomeBlock {
  lines: Line[];
  height: number;
}

const GAP = 7; // between outcomes

function outcomeBlock(doc: PDFKit.PDFDocument, language: Language, style: Styles, o: PublicOutcome, n: number): OutcomeBlock {
  const w = WORDS[language];
  const p = PRINT[language];
  const labelled = (label: string, items: string[]) => (items.length ? paragraph(doc, `${label}${p.colon}${items.join(p.separator)}`, style.detail, MARGIN, CONTENT_W) : []);
  const lines = [
    ...paragraph(doc, [w.kinds[o.kind], o.completed ? `${w.completedAs[o.completed.status]} ${o.completed.text}` : o.occurredAt?.slice(0, 10)].filter(Boolean).join(' · '), style.meta, MARGIN, CONTENT_W),
    ...paragraph(doc, `${n}. ${o.title}`, style.title, MARGIN, CONTENT_W),
    ...labelled(w.parties, o.parties.map((party) => `${party.name} (${party.country})`)),
    ...labelled(w.people, o.people.map((person) => person.name)),
    ...labelled(w.areas, o.areas.map((area) => area.name)),
    ...labelled(w.value, o.value ? [o.value.formatted] : []),
    ...(o.summary ? paragraph(doc, o.summary, style.summary, MARGIN, CONTENT_W) : []),
  ];
  return { lines, height: GAP + heightOf(lines) };
}

/** Kept on one page when it fits one; a longer one (a long summary) runs on. */
function drawOutcome(flow: TextFlow, block: OutcomeBlock): void {
  if (block.height <= flow.pageHeight) flow.ensure(block.height);
  flow.skip(GAP);
  flow.write(block.lines);
}
