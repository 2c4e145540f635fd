/**
 * An agenda as an A4 PDF: the title, then each day with its sessions (local time on the left, title and details
 * on the right), a running header with the event's name and page numbers. Chinese, Latin and Cyrillic print in
 * the Noto fonts (see #core/pdf). A session is kept on one page unless it is taller than a page.
 */
import { A4, a4Document } from '#core/pdf/a4-document.js';
import { familiesFor } from '#core/pdf/noto-fonts.js';
import { stampPages } from '#core/pdf/page-stamps.js';
import { drawLines, heightOf, type Line, paragraph, type TextStyle, TextFlow, withFamilies } from '#core/pdf/text-flow.js';
import type { PublicSessionDto } from '#programme/index.js';
import type { AgendaInput } from './agenda-input.js';
import { agendaDays, agendaHeading, detailLines, releaseLine, timeRange, timesNote, wordsFor } from './agenda-text.js';

const MARGIN = A4.margin;
const CONTENT_W = A4.contentWidth;
const TIME_W = 84; // '09:00–09:40 (+1)' at 9.5 pt bold, with room to spare
const BODY_X = MARGIN + TIME_W + 10;
const BODY_W = A4.width - MARGIN - BODY_X;
const INDENT = 10; // people under their role's label

const STYLE = {
  event: { weight: 'bold', size: 17 },
  heading: { weight: 'bold', size: 13, colour: '#333333' },
  note: { weight: 'regular', size: 8.5, colour: '#555555' },
  day: { weight: 'bold', size: 12 },
  time: { weight: 'bold', size: 9.5 },
  title: { weight: 'bold', size: 10.5 },
  quietTitle: { weight: 'regular', size: 10.5, colour: '#555555' },
  detail: { weight: 'regular', size: 8.5, colour: '#444444' },
} satisfies Record<string, TextStyle>;

type Styles = Record<keyof typeof STYLE, TextStyle>;

export function agendaPdf(programme: AgendaInput): Promise<Buffer> {
  const w = wordsFor(programme);
  const families = familiesFor(programme.language);
  const style: Styles = withFamilies(STYLE, families);
  const heading = agendaHeading(programme);
  const { doc, done } = a4Document({ title: `${programme.event.name} — ${heading}`, subject: releaseLine(programme), lang: w.locale });
  const flow = new TextFlow(doc, A4.area, () => doc.addPage());
  flow.y = A4.firstPageTop; // the first page has no running header above its title

  flow.write(paragraph(doc, programme.event.name, style.event, MARGIN, CONTENT_W));
  flow.skip(2);
  flow.write(paragraph(doc, heading, style.heading, MARGIN, CONTENT_W));
  flow.skip(2);
  flow.write(paragraph(doc, timesNote(programme), style.note, MARGIN, CONTENT_W));

  const days = agendaDays(programme);
  if (days.length === 0) {
    flow.skip(16);
    flow.write(paragraph(doc, w.noSessions, style.note, MARGIN, CONTENT_W));
  }
  for (const day of days) {
    const title = paragraph(doc, day.title, style.day, MARGIN, CONTENT_W);
    const first = sessionBlock(doc, programme, style, day.sessions[0]);
    // A day's heading never ends a page: it goes with (the start of) its first session.
    flow.ensure(16 + heightOf(title) + 6 + Math.min(first.height, flow.pageHeight / 3));
    flow.skip(16);
    flow.write(title);
    doc.moveTo(MARGIN, flow.y + 1).lineTo(A4.width - MARGIN, flow.y + 1).lineWidth(1).stroke('#111111');
    flow.skip(6);
    day.sessions.forEach((s, i) => drawSession(doc, flow, i === 0 ? first : sessionBlock(doc, programme, style, s)));
  }

  stampPages(
    doc,
    { header: programme.event.name, headerRight: heading, footer: releaseLine(programme), pageLabel: w.page, families },
    A4.frame,
  );
  doc.end();
  return done;
}

interface SessionBlock {
  time: Line[];
  body: Line[];
  height: number;
}

const PAD = 6;

function sessionBlock(doc: PDFKit.PDFDocument, programme: AgendaInput, style: Styles, s: PublicSessionDto): SessionBlock {
  const w = wordsFor(programme);
  const time = paragraph(doc, timeRange(programme, s), style.time, MARGIN, TIME_W);
  const body = paragraph(doc, s.title, s.kind === 'break' ? style.quietTitle : style.title, BODY_X, BODY_W);
  for (const line of detailLines(programme, s)) {
    if (line.stacked && line.items.length > 1) {
      body.push(...paragraph(doc, `${line.label}${w.colon.trimEnd()}`, style.detail, BODY_X, BODY_W));
      for (const item of line.items) body.push(...paragraph(doc, item, style.detail, BODY_X + INDENT, BODY_W - INDENT));
    } else {
      const lines = paragraph(doc, `${line.label}${w.colon}${line.items.join(w.separator)}`, style.detail, BODY_X, BODY_W);
      if (line.colour && lines[0]) lines[0].marker = line.colour;
      body.push(...lines);
    }
  }
  return { time, body, height: PAD + Math.max(heightOf(time), heightOf(body)) + PAD };
}

function drawSession(doc: PDFKit.PDFDocument, flow: TextFlow, block: SessionBlock): void {
  if (block.height <= flow.pageHeight) {
    flow.ensure(block.height);
    const top = flow.y + PAD;
    drawLines(doc, block.time, top);
    drawLines(doc, block.body, top);
    flow.y += block.height;
  } else {
    // Taller than a page (hundreds of people): the time on top, then the lines wherever they fall.
    flow.ensure(PAD + heightOf(block.time));
    flow.skip(PAD);
    drawLines(doc, block.time, flow.y);
    flow.write(block.body);
    flow.skip(PAD);
  }
  doc.moveTo(MARGIN, flow.y).lineTo(A4.width - MARGIN, flow.y).lineWidth(0.4).stroke('#dddddd');
}
