import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#core/errors/app-error.js';
import type { Language } from '#core/i18n/language.js';
import { negotiateLanguage } from '#core/i18n/negotiate-language.js';
import { renderText, type Trilingual } from '#core/i18n/trilingual.js';
import { EventRepository, SessionRepository } from '#programme/index.js';
import { OutcomeLoader } from '../outcomes/load-outcomes.js';
import type { OutcomeDto } from '../outcomes/outcome.dto.js';
import { COOPERATION_AREAS, type CooperationArea } from '../outcomes-vocabulary.js';
import { formatMoney, formatWhen, localIso } from './reader-formats.js';

export interface PublicOutcome {
  id: string;
  kind: OutcomeDto['kind'];
  title: string;
  summary: string | null;
  body: string | null;
  occurredAt: string | null;
  agreementType: OutcomeDto['agreementType'];
  areas: { code: CooperationArea; name: string }[];
  parties: { name: string; country: string; role: string }[];
  people: { name: string; role: string; protocolOrder: number }[];
  /**
   * When it was signed (an agreement) or took place (anything else): the time of that state change, as an ISO
   * instant, as the event's local time with its offset, and as the reader writes it.
   */
  completed: { status: 'signed' | 'done'; at: string; localAt: string; timeZone: string; text: string } | null;
  /** The raw decimal and its currency, and the amount as the reader writes it (Intl, in the list's language). */
  value: { amount: string; currency: string; formatted: string } | null;
}

export interface PublicOutcomeGroup {
  session: { id: string; title: string; startsAt: string } | null;
  track: { id: string; name: string; colour: string } | null;
  outcomes: PublicOutcome[];
}

export interface PublicOutcomes {
  language: Language;
  event: { slug: string; name: string; timeZone: string };
  groups: PublicOutcomeGroup[];
  counts: { total: number; byKind: Record<string, number>; byCountry: Record<string, number>; byArea: Record<string, number> };
  /** The name of each cooperation area counted, in the list's language. */
  areaNames: Record<string, string>;
}

/** What orders the list: the session's start, the signing order, when it took place, the id (as PostgreSQL orders them). */
interface ListedOutcome {
  id: string;
  session_id: string | null;
  signing_order: number | null;
  occurred_at: Date | null;
}

/** Ascending, missing values last (ORDER BY … NULLS LAST). */
function nullsLast(a: number | null | undefined, b: number | null | undefined): number {
  if (a == null || b == null) return (a == null ? 1 : 0) - (b == null ? 1 : 0);
  return a - b;
}

/** The state change that put the outcome on the list: its signing, or its taking place. */
function completion(outcome: OutcomeDto, timeZone: string, language: Language): PublicOutcome['completed'] {
  const status = outcome.status === 'signed' || outcome.status === 'done' ? outcome.status : undefined;
  const at = status === 'signed' ? outcome.signedAt : status === 'done' ? outcome.doneAt : null;
  if (!status || !at) return null;
  const instant = new Date(at);
  return { status, at, localAt: localIso(instant, timeZone), timeZone, text: formatWhen(instant, timeZone, language) };
}

const count = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);

/**
 * The published list of outcomes: only what an organiser approved, and never a
 * confidential party (nor who signed for it) or a confidential value. Grouped by
 * session (and its track), with counts by kind, country and cooperation area.
 */
@Injectable()
export class PublicOutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventRepository,
    private readonly sessions: SessionRepository,
    private readonly loader: OutcomeLoader,
  ) {}

  async list(slug: string, lang: string | undefined, acceptLanguage: string | undefined): Promise<PublicOutcomes> {
    // Only a published event has a public face (as its programme does).
    const event = await this.events.publishedBySlug(slug);
    if (!event) throw new NotFoundError('Event', { slug });
    const language = negotiateLanguage({ query: lang, acceptLanguage, fallback: event.defaultLanguage });
    const text = (value: Trilingual | null | undefined) => (value ? (renderText(value, language, event.defaultLanguage)?.text ?? null) : null);

    const listed = (await this.dataSource.query(
      `SELECT id, session_id, signing_order, occurred_at FROM outcome
        WHERE event_id = $1 AND approved_at IS NOT NULL AND status IN ('signed', 'done')`,
      [event.id],
    )) as ListedOutcome[];
    // Every session named orders the list; only those the public programme shows (not invitation-only, drafts,
    // cancelled) are named in it.
    const named = await this.sessions.withTracks([...new Set(listed.map((o) => o.session_id).filter((id): id is string => Boolean(id)))]);
    const startsAt = new Map(named.map((s) => [s.id, s.startsAt.getTime()]));
    const sessions = new Map(named.filter((s) => s.visibility === 'public' && s.status === 'scheduled').map((s) => [s.id, s]));
    listed.sort(
      (a, b) =>
        nullsLast(a.session_id ? startsAt.get(a.session_id) : null, b.session_id ? startsAt.get(b.session_id) : null) ||
        nullsLast(a.signing_order, b.signing_order) ||
        nullsLast(a.occurred_at?.getTime(), b.occurred_at?.getTime()) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const outcomes = await this.loader.load(this.dataSource.manager, listed.map((o) => o.id));

    const counts: PublicOutcomes['counts'] = { total: outcomes.length, byKind: {}, byCountry: {}, byArea: {} };
    const groups = new Map<string, PublicOutcomeGroup>();
    for (const outcome of outcomes) {
      const hidden = new Set(outcome.parties.filter((p) => p.confidential).map((p) => p.organisationId));
      const parties = outcome.parties.filter((p) => !p.confidential);
      const rendered: PublicOutcome = {
        id: outcome.id,
        kind: outcome.kind,
        title: text(outcome.title) ?? '',
        summary: text(outcome.summary),
        body: text(outcome.body),
        occurredAt: outcome.occurredAt,
        agreementType: outcome.agreementType,
        areas: outcome.areas.map((code) => ({ code, name: COOPERATION_AREAS[code][language] })),
        parties: parties.map((p) => ({ name: text(p.name) ?? '', country: p.country, role: p.role })),
        people: outcome.people
          .filter((p) => !(p.forOrganisationId && hidden.has(p.forOrganisationId)))
          .map((p) => ({
            name: language === 'zh' ? p.nameNative : language === 'ru' ? (p.nameCyrillic ?? p.nameLatin) : p.nameLatin,
            role: p.role,
            protocolOrder: p.protocolOrder,
          })),
        completed: completion(outcome, event.timeZone, language),
        value:
          outcome.value && !outcome.value.confidential && outcome.value.amount
            ? { amount: outcome.value.amount, currency: outcome.value.currency, formatted: formatMoney(outcome.value.amount, outcome.value.currency, language) }
            : null,
      };
      count(counts.byKind, outcome.kind);
      for (const country of new Set(parties.map((p) => p.country))) count(counts.byCountry, country);
      for (const area of outcome.areas) count(counts.byArea, area);

      const session = outcome.sessionId ? sessions.get(outcome.sessionId) : undefined;
      const key = session?.id ?? 'none';
      if (!groups.has(key)) {
        groups.set(key, {
          session: session ? { id: session.id, title: text(session.title) ?? '', startsAt: session.startsAt.toISOString() } : null,
          track: session?.track ? { id: session.track.id, name: text(session.track.name) ?? '', colour: session.track.colour } : null,
          outcomes: [],
        });
      }
      groups.get(key)!.outcomes.push(rendered);
    }
    const areaNames = Object.fromEntries(Object.keys(counts.byArea).map((code) => [code, COOPERATION_AREAS[code as CooperationArea]?.[language] ?? code]));
    return { language, event: { slug, name: text(event.name) ?? slug, timeZone: event.timeZone }, groups: [...groups.values()], counts, areaNames };
  }
}
