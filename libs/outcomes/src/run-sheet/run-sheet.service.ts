import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#core/errors/app-error.js';
import type { Language } from '#core/i18n/language.js';
import { renderText, type Trilingual } from '#core/i18n/trilingual.js';
import { escapeHtml } from '../html-escape.js';
import { loadOutcomes } from '../outcomes/load-outcomes.js';
import type { OutcomeDto, OutcomePersonDto } from '../outcomes/outcome.dto.js';

export interface RunSheetEntry {
  order: number;
  kind: OutcomeDto['kind'];
  title: string;
  status: OutcomeDto['status'];
  parties: { name: string; country: string; signatories: string[] }[];
  witnesses: string[];
  unveilers: string[];
}

export interface RunSheet {
  language: Language;
  session: { id: string; title: string; startsAt: string; endsAt: string; room: string | null };
  entries: RunSheetEntry[];
}

const personName = (p: OutcomePersonDto, language: Language) =>
  language === 'zh' ? p.nameNative : language === 'ru' ? (p.nameCyrillic ?? p.nameLatin) : p.nameLatin;

/** A signatory as the protocol reads them out: name, then position. */
const signatoryLine = (p: OutcomePersonDto, language: Language, text: (value: Trilingual | null) => string) => {
  const position = p.position ? text(p.position) : '';
  return position ? `${personName(p, language)}, ${position}` : personName(p, language);
};

/**
 * The printable run sheet of a ceremony: what is signed (or unveiled) in order,
 * who signs for whom by protocol order, who witnesses. It is a working document
 * for protocol staff, so it shows confidential parties too.
 */
@Injectable()
export class RunSheetService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async runSheet(eventId: string, sessionId: string, language: Language): Promise<RunSheet> {
    const [session] = (await this.dataSource.query(
      `SELECT s.id, s.title, s.starts_at, s.ends_at, r.name AS room, e.default_language
         FROM session s JOIN event e ON e.id = s.event_id LEFT JOIN room r ON r.id = s.room_id
        WHERE s.id = $1 AND s.event_id = $2`,
      [sessionId, eventId],
    )) as { id: string; title: Trilingual; starts_at: Date; ends_at: Date; room: Trilingual | null; default_language: Language }[];
    if (!session) throw new NotFoundError('Session', { sessionId });
    const text = (value: Trilingual | null | undefined) => renderText(value, language, session.default_language)?.text ?? '';
    const ids = (await this.dataSource.query(
      `SELECT id FROM outcome WHERE session_id = $1 AND status <> 'cancelled'
        ORDER BY signing_order NULLS LAST, occurred_at NULLS LAST, created_at, id`,
      [sessionId],
    )) as { id: string }[];
    const outcomes = await loadOutcomes(this.dataSource.manager, ids.map((r) => r.id));
    const byProtocol = (a: OutcomePersonDto, b: OutcomePersonDto) => a.protocolOrder - b.protocolOrder;
    return {
      language,
      session: {
        id: session.id,
        title: text(session.title),
        startsAt: session.starts_at.toISOString(),
        endsAt: session.ends_at.toISOString(),
        room: session.room ? text(session.room) : null,
      },
      entries: outcomes.map((o, index) => ({
        order: index + 1,
        kind: o.kind,
        title: text(o.title),
        status: o.status,
        parties: o.parties.map((party) => ({
          name: text(party.name),
          country: party.country,
          signatories: o.people
            .filter((p) => p.role === 'signatory' && p.forOrganisationId === party.organisationId)
            .sort(byProtocol)
            .map((p) => signatoryLine(p, language, text)),
        })),
        witnesses: o.people.filter((p) => p.role === 'witness').sort(byProtocol).map((p) => personName(p, language)),
        unveilers: o.people.filter((p) => p.role === 'unveiler').sort(byProtocol).map((p) => personName(p, language)),
      })),
    };
  }
}

const LABELS: Record<Language, { signs: string; witnesses: string; unveil: string; none: string }> = {
  zh: { signs: '签约', witnesses: '见证', unveil: '揭牌', none: '（待定）' },
  en: { signs: 'signs', witnesses: 'Witnesses', unveil: 'Unveiled by', none: '(to be confirmed)' },
  ru: { signs: 'подписывает', witnesses: 'Свидетели', unveil: 'Открывают', none: '(уточняется)' },
};

/** A plain page that prints well: one numbered block per signing or unveiling, in order. */
export function runSheetHtml(sheet: RunSheet): string {
  const l = LABELS[sheet.language];
  const entries = sheet.entries
    .map((e) => {
      const parties = e.parties
        .map((p) => `<li>${escapeHtml(p.name)} (${escapeHtml(p.country)}) — ${escapeHtml(l.signs)}: ${p.signatories.map(escapeHtml).join(', ') || escapeHtml(l.none)}</li>`)
        .join('');
      const witnesses = e.witnesses.length ? `<p>${escapeHtml(l.witnesses)}: ${e.witnesses.map(escapeHtml).join(', ')}</p>` : '';
      const unveilers = e.unveilers.length ? `<p>${escapeHtml(l.unveil)}: ${e.unveilers.map(escapeHtml).join(', ')}</p>` : '';
      // The status shows whether the texts and signatories are confirmed (ready) or still open (planned).
      return `<section><h2>${e.order}. ${escapeHtml(e.title)} <small>[${escapeHtml(e.status)}]</small></h2><ul>${parties}</ul>${witnesses}${unveilers}</section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="${sheet.language}"><head><meta charset="utf-8"><title>${escapeHtml(sheet.session.title)}</title>
<style>body{font-family:"Noto Sans SC","Noto Sans",sans-serif;margin:2cm}section{page-break-inside:avoid;border-top:1px solid #999;padding:.5em 0}</style>
</head><body><h1>${escapeHtml(sheet.session.title)}</h1><p>${escapeHtml(sheet.session.startsAt)} – ${escapeHtml(sheet.session.endsAt)}${sheet.session.room ? ` · ${escapeHtml(sheet.session.room)}` : ''}</p>
${entries}</body></html>`;
}
