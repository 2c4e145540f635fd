/**
 * A visa invitation letter as an A4 PDF: the same letter twice, on page 1 in Chinese (the host country's language,
 * which the consulate reads) and on page 2 in the delegate's language (en or ru), each page complete in itself:
 * letterhead, reference and date, the organiser's text, the delegate's passport details, the signature block and
 * a QR code that opens the public check of the reference. Pure: the caller gathers and decrypts what it prints.
 */
import type { Language } from '#core/i18n/language.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { A4, a4Document } from '#core/pdf/a4-document.js';
import { familiesFor } from '#core/pdf/noto-fonts.js';
import { drawLines, heightOf, type Line, paragraph, type TextStyle, TextFlow, withFamilies } from '#core/pdf/text-flow.js';
import { qrPng } from '../badges/badge-pdf.js';
import type { LetterLanguage } from './visa-letter.dto.js';
import { countryName, formatDay, LETTER_WORDS } from './visa-letter-words.js';

export interface VisaLetterContent {
  reference: string;
  /** Calendar day of issue in the event's zone. */
  issuedOn: string;
  verifyUrl: string;
  event: { name: Trilingual; city: Trilingual; firstDay: string; lastDay: string };
  text: {
    body: Trilingual;
    purpose: Trilingual;
    organiserName: Trilingual;
    organiserAddress: Trilingual;
    organiserContact: string;
    signatoryName: Trilingual;
    signatoryTitle: Trilingual;
    signatoryOrganisation: Trilingual;
  };
  delegate: { nameInPassport: string; nationality: string; passportNumber: string; dateOfBirth: string | null; arrival: string; departure: string };
  /** The second page's language. */
  language: LetterLanguage;
  /** A preview for organisers: stamped as a sample on each page. */
  sample?: boolean;
}

const MARGIN = A4.margin;
const WIDTH = A4.contentWidth;
const LABEL_W = 150;
const QR_SIZE = 84;

const STYLE = {
  letterhead: { weight: 'bold', size: 14 },
  small: { weight: 'regular', size: 8.5, colour: '#444444' },
  title: { weight: 'bold', size: 16 },
  body: { weight: 'regular', size: 10.5 },
  label: { weight: 'regular', size: 9.5, colour: '#444444' },
  value: { weight: 'bold', size: 10.5 },
  signatory: { weight: 'bold', size: 10.5 },
  sample: { weight: 'bold', size: 11, colour: '#b00020' },
} satisfies Record<string, TextStyle>;

export async function renderVisaLetterPdf(letter: VisaLetterContent): Promise<Buffer> {
  const qr = await qrPng(letter.verifyUrl);
  const { doc, done } = a4Document({
    title: `${LETTER_WORDS.en.title} ${letter.reference}`,
    subject: letter.event.name.en ?? letter.event.name.zh ?? '',
    lang: 'zh-CN',
  });
  page(doc, letter, 'zh', qr);
  doc.addPage();
  page(doc, letter, letter.language, qr);
  doc.end();
  return done;
}

function page(doc: PDFKit.PDFDocument, letter: VisaLetterContent, language: Language, qr: Buffer): void {
  const w = LETTER_WORDS[language];
  const s = withFamilies(STYLE, familiesFor(language));
  const t = (value: Trilingual) => value[language] ?? '';
  const flow = new TextFlow(doc, { top: A4.firstPageTop, bottom: A4.height - MARGIN - QR_SIZE - 12 }, () => doc.addPage());
  const write = (lines: Line[], gap = 0) => {
    flow.write(lines);
    flow.skip(gap);
  };

  if (letter.sample) write(paragraph(doc, w.sample, s.sample, MARGIN, WIDTH), 6);
  // Letterhead: who invites, where to reach them.
  write(paragraph(doc, t(letter.text.organiserName), s.letterhead, MARGIN, WIDTH), 2);
  write(paragraph(doc, t(letter.text.organiserAddress), s.small, MARGIN, WIDTH));
  write(paragraph(doc, letter.text.organiserContact, s.small, MARGIN, WIDTH), 6);
  doc.moveTo(MARGIN, flow.y).lineTo(A4.width - MARGIN, flow.y).lineWidth(0.6).stroke('#888888');
  flow.skip(10);
  write(paragraph(doc, `${w.reference}: ${letter.reference}`, s.small, MARGIN, WIDTH));
  write(paragraph(doc, `${w.issued}: ${formatDay(letter.issuedOn, language)}`, s.small, MARGIN, WIDTH), 16);

  write(paragraph(doc, w.title, s.title, MARGIN, WIDTH), 12);
  for (const para of t(letter.text.body).split(/\n\s*\n/)) write(paragraph(doc, para, s.body, MARGIN, WIDTH), 8);
  flow.skip(6);

  // The delegate's details as a two-column table: label left, value right.
  const d = letter.delegate;
  const stay = `${formatDay(d.arrival, language)} – ${formatDay(d.departure, language)}`;
  const event = [t(letter.event.name), t(letter.event.city)].filter(Boolean).join(language === 'zh' ? '，' : ', ');
  const rows: [string, string][] = [
    [w.nameInPassport, d.nameInPassport],
    [w.nationality, countryName(d.nationality, language)],
    [w.passportNumber, d.passportNumber],
    ...(d.dateOfBirth ? ([[w.dateOfBirth, formatDay(d.dateOfBirth, language)]] as [string, string][]) : []),
    [w.event, event],
    [w.stay, stay],
    [w.purpose, t(letter.text.purpose)],
  ];
  for (const [label, value] of rows) {
    const left = paragraph(doc, label, s.label, MARGIN, LABEL_W - 8);
    const right = paragraph(doc, value, s.value, MARGIN + LABEL_W, WIDTH - LABEL_W);
    const height = Math.max(heightOf(left), heightOf(right));
    flow.ensure(height);
    drawLines(doc, left, flow.y + 1);
    drawLines(doc, right, flow.y);
    flow.skip(height + 4);
  }
  flow.skip(18);

  // Signature block: room to sign, then who signs, for whom, and how to reach them.
  const block = [
    ...paragraph(doc, `${w.signature}: ______________________`, s.label, MARGIN, WIDTH),
    ...paragraph(doc, t(letter.text.signatoryName), s.signatory, MARGIN, WIDTH),
    ...paragraph(doc, t(letter.text.signatoryTitle), s.body, MARGIN, WIDTH),
    ...paragraph(doc, t(letter.text.signatoryOrganisation), s.body, MARGIN, WIDTH),
    ...paragraph(doc, t(letter.text.organiserAddress), s.small, MARGIN, WIDTH),
    ...paragraph(doc, letter.text.organiserContact, s.small, MARGIN, WIDTH),
  ];
  flow.ensure(heightOf(block) + 24);
  flow.skip(24);
  flow.write(block);

  // Bottom of the page: the QR code and the address it opens, so a consulate can check the letter either way.
  const qrY = A4.height - MARGIN - QR_SIZE;
  doc.image(qr, MARGIN, qrY, { width: QR_SIZE, height: QR_SIZE });
  const note = [
    ...paragraph(doc, w.check, s.small, MARGIN + QR_SIZE + 10, WIDTH - QR_SIZE - 10),
    ...paragraph(doc, letter.verifyUrl, s.small, MARGIN + QR_SIZE + 10, WIDTH - QR_SIZE - 10, 2),
    ...paragraph(doc, `${w.reference}: ${letter.reference}`, s.small, MARGIN + QR_SIZE + 10, WIDTH - QR_SIZE - 10),
  ];
  drawLines(doc, note, qrY + 8);
}
