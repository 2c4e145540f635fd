import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { likePattern } from '#core/database/like-pattern.js';
import { AppError, ConflictError, NotFoundError } from '#core/errors/app-error.js';
import { registerConstraint } from '#core/errors/database-error-map.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, skipOf, toPage } from '#core/http/pagination.js';
import { rejectNulls } from '#core/http/reject-nulls.js';
import { LANGUAGES } from '#core/i18n/language.js';
import { missingLanguages, renderText, type Trilingual } from '#core/i18n/trilingual.js';
import { OutboxService } from '#core/outbox/outbox.service.js';
import { JobName } from '#core/queue/queue-names.js';
import { withArticle } from '#core/i18n/english-article.js';
import { EventRepository } from '#programme/index.js';
import { OutcomeLoader } from './load-outcomes.js';
import type { CreateOutcomeDto, ListOutcomesQueryDto, OutcomeDto, UpdateOutcomeDto } from './outcome.dto.js';

registerConstraint('outcome_session_fkey', { statusCode: 422, code: 'SESSION_NOT_IN_EVENT', message: 'The session does not belong to this event' });
registerConstraint('outcome_agreement_type', { statusCode: 422, code: 'AGREEMENT_TYPE_REQUIRED', message: 'An agreement needs a type, and only an agreement has one' });
registerConstraint('outcome_person_party_fkey', { statusCode: 422, code: 'SIGNS_FOR_UNKNOWN_PARTY', message: 'A signatory must sign for one of the parties' });
registerConstraint('outcome_signatory_party', { statusCode: 422, code: 'SIGNATORY_NEEDS_PARTY', message: 'A signatory must say which party they sign for' });
registerConstraint('outcome_party_organisation_id_fkey', { statusCode: 422, code: 'ORGANISATION_NOT_FOUND', message: 'One of the organisations named as a party does not exist' });
registerConstraint('outcome_person_person_id_fkey', { statusCode: 422, code: 'PERSON_NOT_FOUND', message: 'One of the people named does not exist' });

type Transition = 'ready' | 'sign' | 'done' | 'cancel' | 'approve' | 'withdraw';

/** How a refused transition is told: what was asked ("cannot be …"), and what it may be asked of. */
const TRANSITION_WORDS: Record<Transition, { done: string; allowedFor: string }> = {
  ready: { done: 'marked ready', allowedFor: 'a planned agreement' },
  sign: { done: 'signed', allowedFor: 'a ready agreement' },
  done: { done: 'marked done', allowedFor: 'a planned outcome other than an agreement' },
  cancel: { done: 'cancelled', allowedFor: 'a planned or ready outcome' },
  approve: { done: 'approved', allowedFor: 'a signed or done outcome not yet published' },
  withdraw: { done: 'withdrawn', allowedFor: 'a published outcome' },
};

/** Organisers (and admins) publish, and may change a signed agreement's terms. */
const PUBLISHERS = ['admin', 'organiser'];

/**
 * Protocol staff share their role with door staff: they see which parties sign
 * (a ceremony needs it) but not a confidential amount, which only organisers and
 * admins read.
 */
function forRole(outcome: OutcomeDto, caller: Caller): OutcomeDto {
  if (PUBLISHERS.includes(caller.role) || !outcome.value?.confidential) return outcome;
  return { ...outcome, value: { ...outcome.value, amount: null } };
}

/** The title in the languages it has: how a gap names its record to whoever translates, who does not read ids. */
function namedBy(title: Trilingual): Trilingual {
  return Object.fromEntries(LANGUAGES.filter((language) => !missingLanguages(title).includes(language)).map((language) => [language, title[language]]));
}

/** What the public reads must exist in the three languages (the release gate of the programme, for outcomes). */
function assertTranslated(outcome: OutcomeDto): void {
  const name = namedBy(outcome.title);
  const gaps = (['title', 'summary', 'body'] as const)
    .filter((field) => field === 'title' || outcome[field])
    .map((field) => ({ entity: 'outcome' as const, id: outcome.id, label: name, field, missing: missingLanguages(outcome[field]) }))
    .filter((gap) => gap.missing.length > 0);
  if (gaps.length) {
    const label = renderText(outcome.title, 'en')?.text ?? outcome.id;
    const what = gaps.map((gap) => `its ${gap.field} lacks ${gap.missing.join(', ')}`).join('; ');
    throw new AppError(422, 'TRANSLATIONS_MISSING', `"${label}" cannot be published yet: ${what} (outcomes are published in zh, en and ru)`, gaps);
  }
}

/**
 * Outcomes are recorded by protocol staff and published by organisers. State
 * changes are conditional updates (the database re-checks them), each audited;
 * recording a signing writes an outbox event for the parties' contacts.
 */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly events: EventRepository,
    private readonly loader: OutcomeLoader,
  ) {}

  async create(caller: Caller, eventId: string, dto: CreateOutcomeDto): Promise<OutcomeDto> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.events.exists(manager, eventId))) throw new NotFoundError('Event', { eventId });
      const [{ id }] = (await manager.query(
        `INSERT INTO outcome (event_id, kind, title, summary, body, session_id, occurred_at, agreement_type, signing_order,
                              value_amount, value_currency, value_confidential)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          eventId,
          dto.kind,
          dto.title,
          dto.summary ?? null,
          dto.body ?? null,
          dto.sessionId ?? null,
          dto.occurredAt ?? null,
          dto.agreementType ?? null,
          dto.signingOrder ?? null,
          dto.value?.amount ?? null,
          dto.value?.currency ?? null,
          dto.value?.confidential ?? false,
        ],
      )) as { id: string }[];
      await this.setLists(manager, id, dto);
      const [after] = await this.loader.load(manager, [id]);
      await this.audit.record(manager, caller, { action: 'outcome.created', entity: 'outcome', entityId: id, after });
      return forRole(after, caller);
    });
  }

  async update(caller: Caller, eventId: string, id: string, dto: UpdateOutcomeDto): Promise<OutcomeDto> {
    rejectNulls(dto, ['title', 'agreementType', 'areas', 'parties', 'people']);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockOne(manager, eventId, id);
      if (before.status === 'cancelled') throw new ConflictError('OUTCOME_CANCELLED', 'A cancelled outcome cannot be changed');
      const terms = dto.parties !== undefined || dto.people !== undefined || dto.agreementType !== undefined || dto.value !== undefined;
      if (before.status === 'signed' && terms && !PUBLISHERS.includes(caller.role)) {
        throw new ConflictError('OUTCOME_SIGNED', 'The parties, signatories, type and value of a signed agreement are changed by organisers only');
      }
      const set: string[] = [];
      const values: unknown[] = [id];
      const column = (name: string, value: unknown) => {
        values.push(value);
        set.push(`${name} = $${values.length}`);
      };
      if (dto.title !== undefined) column('title', dto.title);
      if (dto.summary !== undefined) column('summary', dto.summary);
      if (dto.body !== undefined) column('body', dto.body);
      if (dto.sessionId !== undefined) column('session_id', dto.sessionId);
      if (dto.occurredAt !== undefined) column('occurred_at', dto.occurredAt);
      if (dto.agreementType !== undefined) column('agreement_type', dto.agreementType);
      if (dto.signingOrder !== undefined) column('signing_order', dto.signingOrder);
      if (dto.value !== undefined) {
        column('value_amount', dto.value?.amount ?? null);
        column('value_currency', dto.value?.currency ?? null);
        // Left out, the flag stays as it was: a value never turns public by omission.
        column('value_confidential', dto.value?.confidential ?? before.value?.confidential ?? false);
      }
      // A ready agreement whose parties or signatories change is no longer confirmed.
      if (before.status === 'ready' && (dto.parties !== undefined || dto.people !== undefined)) set.push(`status = 'planned'`);
      // What the public reads was approved as it was: a change takes it off the list until approved again.
      if (before.approvedAt) set.push('approved_at = NULL', 'approved_by = NULL');
      if (set.length) await manager.query(`UPDATE outcome SET ${set.join(', ')}, updated_at = now() WHERE id = $1`, values);
      await this.setLists(manager, id, dto);
      const [after] = await this.loader.load(manager, [id]);
      // The audit entry keeps before and after, so who changed the value (or anything else) is on record.
      await this.audit.record(manager, caller, { action: 'outcome.updated', entity: 'outcome', entityId: id, before, after });
      return forRole(after, caller);
    });
  }

  /** Moves an outcome along its life, or publishes / withdraws it (organisers). */
  async transition(caller: Caller, eventId: string, id: string, action: Transition, at?: Date): Promise<OutcomeDto> {
    if ((action === 'approve' || action === 'withdraw') && !PUBLISHERS.includes(caller.role)) {
      throw new AppError(403, 'FORBIDDEN', 'Only organisers publish outcomes');
    }
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockOne(manager, eventId, id);
      const by = caller.userId || null;
      const rules: Record<Transition, { when: string; set: string; params: unknown[] }> = {
        ready: { when: `kind = 'agreement' AND status = 'planned'`, set: `status = 'ready'`, params: [] },
        sign: {
          when: `kind = 'agreement' AND status = 'ready'`,
          set: `status = 'signed', signed_at = $2, signed_recorded_by = $3`,
          params: [at ?? new Date(), by],
        },
        // When it took place is kept as signed_at is for an agreement: the public list shows it.
        done: { when: `kind <> 'agreement' AND status = 'planned'`, set: `status = 'done', done_at = $2`, params: [at ?? new Date()] },
        cancel: { when: `status IN ('planned', 'ready')`, set: `status = 'cancelled', approved_at = NULL, approved_by = NULL`, params: [] },
        approve: { when: `status IN ('signed', 'done') AND approved_at IS NULL`, set: `approved_at = now(), approved_by = $2`, params: [by] },
        withdraw: { when: `approved_at IS NOT NULL`, set: `approved_at = NULL, approved_by = NULL`, params: [] },
      };
      if (action === 'ready' || action === 'sign') this.assertReady(before);
      if (action === 'approve') assertTranslated(before);
      const rule = rules[action];
      const [, changed] = (await manager.query(`UPDATE outcome SET ${rule.set}, updated_at = now() WHERE id = $1 AND ${rule.when}`, [
        id,
        ...rule.params,
      ])) as [unknown, number];
      if (!changed) {
        const words = TRANSITION_WORDS[action];
        const state = `${before.status}${before.approvedAt ? ' and published' : ''}`;
        // "An agreement that is planned cannot be approved: only a signed or done outcome not yet published can be"
        throw new ConflictError('INVALID_TRANSITION', `${withArticle(before.kind, true)} that is ${state} cannot be ${words.done}: only ${words.allowedFor} can be`, {
          status: before.status,
          published: Boolean(before.approvedAt),
        });
      }
      const [after] = await this.loader.load(manager, [id]);
      await this.audit.record(manager, caller, { action: `outcome.${action}`, entity: 'outcome', entityId: id, before, after });
      if (action === 'sign') await this.outbox.add(manager, JobName.AgreementSigned, { outcomeId: id, eventId });
      return forRole(after, caller);
    });
  }

  /** An agreement is ready when its text is final and its signatories confirmed: two parties, each with a signatory. */
  private assertReady(outcome: OutcomeDto): void {
    const parties = outcome.parties.filter((p) => p.role === 'party');
    const signing = new Set(outcome.people.filter((p) => p.role === 'signatory').map((p) => p.forOrganisationId));
    const missing = parties.filter((p) => !signing.has(p.organisationId)).map((p) => p.organisationId);
    if (parties.length < 2 || missing.length) {
      throw new AppError(422, 'AGREEMENT_NOT_READY', 'An agreement needs at least two parties, each with a signatory', {
        parties: parties.length,
        partiesWithoutSignatory: missing,
      });
    }
  }

  async get(caller: Caller, eventId: string, id: string): Promise<OutcomeDto> {
    const [outcome] = await this.loader.load(this.dataSource.manager, [id]);
    if (!outcome || outcome.eventId !== eventId) throw new NotFoundError('Outcome', { id });
    return forRole(outcome, caller);
  }

  async list(caller: Caller, eventId: string, query: ListOutcomesQueryDto): Promise<Page<OutcomeDto>> {
    if (!(await this.events.exists(this.dataSource.manager, eventId))) throw new NotFoundError('Event', { eventId });
    // One row even past the last page, so the total is right there too.
    const [{ total, ids }] = (await this.dataSource.query(
      `WITH matched AS (
         SELECT o.id, o.occurred_at, o.signing_order FROM outcome o
          WHERE o.event_id = $1
            AND ($2::text IS NULL OR o.kind = $2) AND ($3::text IS NULL OR o.status = $3)
            AND ($4::uuid IS NULL OR o.session_id = $4)
            AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM outcome_area a WHERE a.outcome_id = o.id AND a.area = $5))
            AND ($6::boolean IS NULL OR (o.approved_at IS NOT NULL) = $6)
            AND ($7::text IS NULL OR EXISTS (SELECT 1 FROM jsonb_each_text(o.title) t WHERE t.value ILIKE $7))
       )
       SELECT (SELECT count(*) FROM matched)::int AS total,
              coalesce((SELECT array_agg(id ORDER BY occurred_at NULLS LAST, signing_order NULLS LAST, id) FROM (
                SELECT * FROM matched ORDER BY occurred_at NULLS LAST, signing_order NULLS LAST, id OFFSET $8 LIMIT $9) page), '{}') AS ids`,
      [
        eventId,
        query.kind ?? null,
        query.status ?? null,
        query.sessionId ?? null,
        query.area ?? null,
        query.published === undefined ? null : query.published === 'true',
        query.q ? likePattern(query.q) : null,
        skipOf(query),
        query.pageSize,
      ],
    )) as { total: number; ids: string[] }[];
    const outcomes = await this.loader.load(this.dataSource.manager, ids);
    return toPage(outcomes, total, query, (o) => forRole(o, caller));
  }

  private async lockOne(manager: EntityManager, eventId: string, id: string): Promise<OutcomeDto> {
    const [row] = await manager.query(`SELECT id FROM outcome WHERE id = $1 AND event_id = $2 FOR UPDATE`, [id, eventId]);
    if (!row) throw new NotFoundError('Outcome', { id });
    return (await this.loader.load(manager, [id]))[0];
  }

  /** Parties, people and areas: each list given replaces the stored one. */
  private async setLists(manager: EntityManager, id: string, dto: Pick<CreateOutcomeDto, 'parties' | 'people' | 'areas'>): Promise<void> {
    if (dto.people) await manager.query(`DELETE FROM outcome_person WHERE outcome_id = $1`, [id]);
    if (dto.parties) {
      // Parties still named are updated in place (their signatories stay valid); the others are removed.
      await manager.query(`DELETE FROM outcome_party WHERE outcome_id = $1 AND NOT (organisation_id = ANY($2::uuid[]))`, [
        id,
        dto.parties.map((p) => p.organisationId),
      ]);
      for (const [index, party] of dto.parties.entries()) {
        await manager.query(
          `INSERT INTO outcome_party (outcome_id, organisation_id, role, confidential, position) VALUES ($1, $2, $3, coalesce($4, false), $5)
           ON CONFLICT (outcome_id, organisation_id) DO UPDATE
             SET role = EXCLUDED.role, position = EXCLUDED.position, confidential = coalesce($4, outcome_party.confidential)`,
          [id, party.organisationId, party.role, party.confidential ?? null, index + 1],
        );
      }
    }
    if (dto.people) {
      for (const person of dto.people) {
        await manager.query(
          `INSERT INTO outcome_person (outcome_id, person_id, role, for_organisation_id, protocol_order) VALUES ($1, $2, $3, $4, $5)`,
          [id, person.personId, person.role, person.forOrganisationId ?? null, person.protocolOrder ?? 1],
        );
      }
    }
    if (dto.areas) {
      await manager.query(`DELETE FROM outcome_area WHERE outcome_id = $1`, [id]);
      await manager.query(`INSERT INTO outcome_area (outcome_id, area) SELECT $1, unnest($2::text[])`, [id, dto.areas]);
    }
  }
}
