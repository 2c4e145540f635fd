import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { retryOnConflict } from '#core/database/retry-on-conflict.js';
import { constraintOf } from '#core/errors/database-error-map.js';
import { registerSessionChangeExplainer } from '#core/errors/session-change-explainers.js';
import { AppError, ConflictError, NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, type PageQueryDto, skipOf, toPage } from '#core/http/pagination.js';
import { OutboxService } from '#core/outbox/outbox.service.js';
import { JobName } from '#core/queue/queue-names.js';
import { SessionRepository } from '#programme/index.js';
import {
  ENROLMENT_SELECT,
  type EnrolmentClaimRow,
  type EnrolmentDto,
  type EnrolmentRow,
  type ListSessionEnrolmentsQueryDto,
  type SessionEnrolmentDto,
  type SessionEnrolmentRow,
  toEnrolmentDto,
  toSessionEnrolmentDto,
} from './enrolment.dto.js';
import { explainDelegateTimeConflict } from './enrolment-conflicts.js';

type ClaimRefusal = 'REGISTRATION_NOT_FOUND' | 'REGISTRATION_NOT_APPROVED' | 'SESSION_NOT_FOUND' | 'SESSION_CANCELLED' | 'NOT_INVITED';

/** The error a refusal of claim_seat answers with: codes, statuses and details as when the service decided them. */
function refusalError(refusal: ClaimRefusal, registrationId: string, sessionId: string, registrationStatus: string | null): AppError {
  switch (refusal) {
    case 'REGISTRATION_NOT_FOUND':
      return new NotFoundError('Registration', { registrationId });
    case 'REGISTRATION_NOT_APPROVED':
      return new AppError(409, 'REGISTRATION_NOT_APPROVED', 'Only an approved registration can take seats', { status: registrationStatus });
    case 'SESSION_NOT_FOUND':
      return new NotFoundError('Session', { sessionId });
    case 'SESSION_CANCELLED':
      return new ConflictError('SESSION_CANCELLED', 'This session has been cancelled');
    case 'NOT_INVITED':
      return new AppError(403, 'NOT_INVITED', 'This session is by invitation; you are not on its list');
  }
}

/**
 * Seats in sessions. The session row is locked while a claim is decided, so the
 * arrival order is the order of decisions: the first come get the seats, the
 * rest queue in the order they came. A freed seat goes to the first in the queue
 * in the same transaction (promote_waitlisted, in the database).
 */
@Injectable()
export class EnrolmentsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly sessions: SessionRepository,
  ) {}

  /** How a session move onto a delegate's other seat is explained to the organiser moving it. */
  onModuleInit(): void {
    registerSessionChangeExplainer('enrolment_no_overlap', explainDelegateTimeConflict(this.sessions));
  }

  async enrol(caller: Caller, registrationId: string, sessionId: string): Promise<EnrolmentDto> {
    try {
      // The whole claim is one statement in autocommit (claim_seat, migration 1763740000009): the session row's lock,
      // which serialises every claim on it, is then held for the database's work only, never across round trips to
      // a busy api. The same checks, locks, writes (enrolment, audit row, outbox row) and answer as taken step by step.
      // One delegate's claims still queue on their registration row: racing on the exclusion constraint they would
      // deadlock; queued, the second meets the first as a TIME_CONFLICT.
      const [claim] = (await retryOnConflict(() =>
        this.dataSource.query(`SELECT * FROM claim_seat($1, $2, $3, $4, $5)`, [
          registrationId,
          caller.userId,
          sessionId,
          caller.role,
          caller.requestId || null,
        ]),
      )) as (EnrolmentRow & { refusal: ClaimRefusal | null; registration_status: string | null })[];
      if (claim.refusal) throw refusalError(claim.refusal, registrationId, sessionId, claim.registration_status);
      return toEnrolmentDto(claim);
    } catch (error) {
      if (constraintOf(error) === 'enrolment_no_overlap') {
        const other = await this.firstOverlapping(registrationId, sessionId);
        throw new ConflictError('TIME_CONFLICT', 'You already hold or wait for a seat in a session at the same time', {
          conflictingSession: other
            ? { id: other.id, title: other.title, startsAt: other.starts_at.toISOString(), endsAt: other.ends_at.toISOString() }
            : undefined,
        });
      }
      throw error;
    }
  }

  /** Gives a seat (or a place in the queue) back; a freed seat goes to the first in the queue, in this transaction. */
  async cancel(caller: Caller, enrolmentId: string, ownerUserId: string | null): Promise<EnrolmentDto> {
    return this.dataSource.transaction(async (manager) => {
      const [found] = (await manager.query(
        `SELECT e.session_id FROM enrolment e JOIN registration r ON r.id = e.registration_id
          WHERE e.id = $1 AND ($2::uuid IS NULL OR r.user_id = $2)`,
        [enrolmentId, ownerUserId],
      )) as { session_id: string }[];
      if (!found) throw new NotFoundError('Enrolment', { enrolmentId });
      // Session first, then the enrolment: the order every seat change takes, so two never wait on each other.
      await this.sessions.lockForSeatChange(manager, [found.session_id]);
      const [row] = (await manager.query(
        `SELECT id, status, session_id, registration_id FROM enrolment WHERE id = $1 FOR UPDATE`,
        [enrolmentId],
      )) as { id: string; status: string; session_id: string; registration_id: string }[];
      if (row.status === 'cancelled') return this.one(manager, row.id);
      await this.release(manager, row);
      await this.audit.record(manager, caller, { action: 'enrolment.cancelled', entity: 'enrolment', entityId: row.id, before: { status: row.status } });
      return this.one(manager, row.id);
    });
  }

  /** Cancels every claim of a registration (it was cancelled or erased). */
  async releaseAll(manager: EntityManager, registrationId: string): Promise<void> {
    // Sessions locked in one order (by id) before their enrolments, like everywhere else.
    const held = (await manager.query(`SELECT DISTINCT session_id FROM enrolment WHERE registration_id = $1 AND status <> 'cancelled'`, [
      registrationId,
    ])) as { session_id: string }[];
    await this.sessions.lockForSeatChange(manager, held.map((row) => row.session_id));
    const rows = (await manager.query(
      `SELECT id, status, session_id, registration_id FROM enrolment WHERE registration_id = $1 AND status <> 'cancelled' FOR UPDATE`,
      [registrationId],
    )) as { id: string; status: string; session_id: string; registration_id: string }[];
    for (const row of rows) await this.release(manager, row);
  }

  private async release(manager: EntityManager, row: { id: string; status: string; session_id: string; registration_id: string }) {
    await manager.query(`UPDATE enrolment SET status = 'cancelled', updated_at = now() WHERE id = $1`, [row.id]);
    if (row.status === 'enrolled') {
      await this.sessions.freeSeat(manager, row.session_id);
      await manager.query(`SELECT promote_waitlisted($1)`, [row.session_id]);
    }
    await this.outbox.add(manager, JobName.EnrolmentChanged, {
      enrolmentId: row.id,
      registrationId: row.registration_id,
      sessionId: row.session_id,
      change: 'cancelled',
    });
  }

  async listMine(caller: Caller, query: PageQueryDto): Promise<Page<EnrolmentDto>> {
    // A delegate's claims are tens at most: all are read, timed from programme, ordered by the session's start
    // (then id) as before, and the page cut here.
    const claims = (await this.dataSource.query(`${ENROLMENT_SELECT} JOIN registration r ON r.id = e.registration_id WHERE r.user_id = $1`, [
      caller.userId,
    ])) as EnrolmentClaimRow[];
    const rows = (await this.withSessions(this.dataSource.manager, claims))
      .sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(skipOf(query), skipOf(query) + query.pageSize);
    return toPage(rows, claims.length, query, toEnrolmentDto);
  }

  /**
   * Who holds a seat in a session and who waits, for the organisers: seat holders first, then the waiting list in
   * the order it is served, then (asked for) the cancelled; positions count the whole queue, whatever the page.
   */
  async listForSession(eventId: string, sessionId: string, query: ListSessionEnrolmentsQueryDto): Promise<Page<SessionEnrolmentDto>> {
    if (!(await this.sessions.existsInEvent(this.dataSource.manager, sessionId, eventId))) throw new NotFoundError('Session', { sessionId });
    const rows = (await this.dataSource.query(
      `SELECT claim.*, count(*) OVER () AS total
         FROM (SELECT e.id, e.registration_id, r.name_native, r.name_latin, e.status, e.arrival, e.created_at, e.updated_at,
                      CASE WHEN e.status = 'waitlisted' THEN row_number() OVER (PARTITION BY e.status ORDER BY e.arrival) END AS waitlist_position
                 FROM enrolment e JOIN registration r ON r.id = e.registration_id
                WHERE e.session_id = $1) claim
        WHERE CASE WHEN $2::text IS NULL THEN claim.status <> 'cancelled' ELSE claim.status = $2 END
        ORDER BY CASE claim.status WHEN 'enrolled' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, claim.arrival, claim.id
        OFFSET $3 LIMIT $4`,
      [sessionId, query.status ?? null, skipOf(query), query.pageSize],
    )) as (SessionEnrolmentRow & { total: string })[];
    const total = rows.length ? Number(rows[0].total) : await this.countForSession(sessionId, query.status);
    return toPage(rows, total, query, toSessionEnrolmentDto);
  }

  /** The total when the page asked for lies past the end. */
  private async countForSession(sessionId: string, status: string | undefined): Promise<number> {
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM enrolment WHERE session_id = $1 AND CASE WHEN $2::text IS NULL THEN status <> 'cancelled' ELSE status = $2 END`,
      [sessionId, status ?? null],
    )) as { n: number }[];
    return n;
  }

  /** Organisers put delegates on an invitation-only session's list. */
  async invite(caller: Caller, eventId: string, sessionId: string, registrationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [registration] = (await manager.query(`SELECT 1 FROM registration WHERE id = $1 AND event_id = $2`, [registrationId, eventId])) as unknown[];
      if (!registration || !(await this.sessions.existsInEvent(manager, sessionId, eventId))) {
        throw new NotFoundError('Session or registration', { sessionId, registrationId });
      }
      await this.sessions.addInvitee(manager, sessionId, registrationId);
      await this.audit.record(manager, caller, { action: 'session.invitee_added', entity: 'session', entityId: sessionId, after: { registrationId } });
    });
  }

  private async one(manager: EntityManager, id: string): Promise<EnrolmentDto> {
    const claims = (await manager.query(`${ENROLMENT_SELECT} WHERE e.id = $1`, [id])) as EnrolmentClaimRow[];
    return toEnrolmentDto((await this.withSessions(manager, claims))[0]);
  }

  /** The claims with their sessions' titles and times (programme's), in one query for all of them. */
  private async withSessions(manager: EntityManager, claims: EnrolmentClaimRow[]): Promise<EnrolmentRow[]> {
    const sessions = await this.sessions.timesOf(claims.map((claim) => claim.session_id), manager);
    return claims.map((claim) => {
      const { title, starts_at, ends_at } = sessions.get(claim.session_id)!;
      return { ...claim, title, starts_at, ends_at };
    });
  }

  /** The earliest session, other than this one, in which the delegate holds or waits for a seat at its time. */
  private async firstOverlapping(registrationId: string, sessionId: string) {
    const wanted = (await this.sessions.timesOf([sessionId])).get(sessionId);
    if (!wanted) return undefined;
    // The session's own range, as its generated column `during` is made (an ended-before-start session is empty).
    const held = (await this.dataSource.query(
      `SELECT DISTINCT e.session_id FROM enrolment e
        WHERE e.registration_id = $1 AND e.status <> 'cancelled' AND e.session_id <> $2
          AND e.session_during && tstzrange($3::timestamptz, greatest($3::timestamptz, $4::timestamptz), '[)')`,
      [registrationId, sessionId, wanted.starts_at, wanted.ends_at],
    )) as { session_id: string }[];
    const others = await this.sessions.timesOf(held.map((row) => row.session_id));
    return [...others.values()].sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime())[0];
  }
}
