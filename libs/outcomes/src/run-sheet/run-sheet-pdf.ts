/**
 * The run sheet as an A4 PDF, the same content as the HTML form (runSheetHtml): a first page with the ceremony and
 * the order of proceedings, then one page per signing or unveiling with the table of who signs for whom. Same fonts
 * and page frame as the agendas and the outcomes list (#core/pdf), so Chinese, Latin and Cyrillic all print.
 */
import { A4, a4Document } from '#core/pdf/a4-document.js';
import { familiesFor } from '#core/pdf/noto-fonts.js';
import { stampPages } from '#core/pdf/page-stamps.js';
import { drawLines, heightOf, type Line, paragraph, type TextStyle, TextFlow, withFamilies } from '#core/pdf/text-flow.js';
import { runSheetWhen } from './run-sheet-html.js';
import type { RunSheet, RunSheetEntry } from './run-sheet.service.js';
import { RUN_SHEET_WORDS, type RunSheetWords } from './run-sheet-words.js';

const STYLE = {
  event: { weight: 'regular', size: 9, colour: '#555555' },
  title: { weight: 'bold', size: 17 },
  when: { weight: 'bold', size: 12 },
  note: { weight: 'regular', size: 9.5, colour: '#333333' },
  heading: { weight: 'bold', size: 12 },
  entry: { weight: 'bold', size: 14 },
  meta: { weight: 'regular', size: 9, colour: '#555555' },
  cellHead: { weight: 'bold', size: 9.5 },
  cell: { weight: 'regular', size: 10 },
} satisfies Record<string, TextStyle>;
type Styles = Record<keyof typeof STYLE, TextStyle>;

const MARGIN = A4.margin;
const WIDTH = A4.contentWidth;
const PAD = 4;

/** A table drawn row by row: each row as tall as its tallest cell, a rule under it, kept on one page. */
function drawTable(doc: PDFKit.PDFDocument, flow: TextFlow, widths: number[], head: string[], rows: (string | string[])[][], style: Styles): void {
  const lay = (cells: (string | string[])[], cellStyle: TextStyle) => {
    let x = MARGIN;
    const laid = cells.map((text, i) => {
      // A cell of several items (two signatories for one party) puts each on a line of its own.
      const lines = [text].flat().flatMap((item) => paragraph(doc, item, cellStyle, x + PAD, widths[i] - 2 * PAD));
      x += widths[i];
      return lines;
    });
    return { laid, height: Math.max(...laid.map(heightOf), 0) + 2 * PAD };
  };
  for (const [index, row] of [head, ...rows].entries()) {
    const { laid, height } = lay(row, index === 0 ? style.cellHead : style.cell);
    flow.ensure(height);
    const top = flow.y;
    if (index === 0) doc.rect(MARGIN, top, WIDTH, height).fill('#eeeeee');
    for (const lines of laid) drawLines(doc, lines, top + PAD);
    doc.moveTo(MARGIN, top + height).lineTo(MARGIN + WIDTH, top + height).lineWidth(0.5).stroke('#999999');
    flow.y = top + height;
  }
}

function entryPage(doc: PDFKit.PDFDocument, flow: TextFlow, sheet: RunSheet, e: RunSheetEntry, w: RunSheetWords, style: Styles): void {
  const when = runSheetWhen(sheet);
  flow.newPage();
  flow.write(paragraph(doc, `${sheet.session.title} · ${when.time} · ${when.zone}`, style.meta, MARGIN, WIDTH));
  flow.skip(8);
  flow.write(paragraph(doc, `${e.order}. ${e.title}`, style.entry, MARGIN, WIDTH));
  flow.skip(2);
  flow.write(paragraph(doc, `${e.kindLabel} · ${e.statusLabel}`, style.meta, MARGIN, WIDTH));
  flow.skip(10);
  if (e.parties.length) {
    drawTable(doc, flow, [WIDTH * 0.42, WIDTH * 0.13, WIDTH * 0.45], [w.party, w.country, w.signatory], e.parties.map((p) => [p.name, p.country, p.signatories.length ? p.signatories : w.none]), style);
    flow.skip(10);
  }
  const people = (label: string, names: string[]): Line[] => (names.length ? paragraph(doc, `${label}${w.colon}${names.join(w.separator)}`, style.note, MARGIN, WIDTH) : []);
  flow.write(people(w.witnesses, e.witnesses));
  flow.skip(4);
  flow.write(people(w.unveilers, e.unveilers));
}

export function runSheetPdf(sheet: RunSheet): Promise<Buffer> {
  const w = RUN_SHEET_WORDS[sheet.language];
  const families = familiesFor(sheet.language);
  const style: Styles = withFamilies(STYLE, families);
  const s = sheet.session;
  const when = runSheetWhen(sheet);
  const { doc, done } = a4Document({ title: `${s.title} — ${w.heading}`, lang: w.locale });
  const flow = new TextFlow(doc, A4.area, () => doc.addPage());
  flow.y = A4.firstPageTop;

  flow.write(paragraph(doc, `${sheet.eventName} · ${w.heading}`, style.event, MARGIN, WIDTH));
  flow.skip(6);
  flow.write(paragraph(doc, s.title, style.title, MARGIN, WIDTH));
  flow.skip(6);
  flow.write(paragraph(doc, `${w.time}${w.colon}${when.time}`, style.when, MARGIN, WIDTH));
  flow.write(paragraph(doc, `${w.timeZone}${w.colon}${when.zone}`, style.note, MARGIN, WIDTH));
  if (s.room) flow.write(paragraph(doc, `${w.room}${w.colon}${s.room}`, style.note, MARGIN, WIDTH));
  flow.skip(14);
  if (sheet.entries.length) {
    flow.write(paragraph(doc, w.programme, style.heading, MARGIN, WIDTH));
    flow.skip(4);
    drawTable(doc, flow, [WIDTH * 0.1, WIDTH * 0.65, WIDTH * 0.25], [w.order, w.item, w.status], sheet.entries.map((e) => [String(e.order), `${e.title} (${e.kindLabel})`, e.statusLabel]), style);
  } else {
    flow.write(paragraph(doc, w.empty, style.note, MARGIN, WIDTH));
  }
  for (const entry of sheet.entries) entryPage(doc, flow, sheet, entry, w, style);

  stampPages(doc, { header: s.title, headerRight: w.heading, footer: `${when.time} · ${when.zone}`, pageLabel: w.page, families }, A4.frame);
  doc.end();
  return done;
}
