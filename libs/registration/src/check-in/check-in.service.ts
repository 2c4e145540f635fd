import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { NotFoundError } from '#core/errors/app-error.js';
import { toErrorEnvelope } from '#core/errors/to-error-envelope.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, pageOf, type PageQueryDto, skipOf } from '#core/http/pagination.js';
import type { Language } from '#core/i18n/language.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { EventRepository, SessionRepository } from '#programme/index.js';
import type {
  CheckInListDto,
  CreateCheckInListDto,
  ExpectedPersonDto,
  ExpectedQueryDto,
  InsideDto,
  ManualCheckInDto,
  ScanAnswerDto,
  ScanBatchAnswerDto,
  ScanCode,
  ScanDelegationDto,
  ScanDto,
} from './check-in.dto.js';
import { type DoorListRow, renderDoorListPdf } from './door-list-pdf.js';

const STATUS: Record<ScanCode, number> = {
  CHECKED_IN: 201,
  ALREADY_CHECKED_IN: 409,
  UNKNOWN_BADGE: 404,
  BADGE_REVOKED: 410,
  REGISTRATION_PENDING: 403,
  REGISTRATION_REJECTED: 403,
  NOT_ENROLLED: 403,
  WRONG_EVENT: 403,
  NONCE_REUSED: 409,
};

const MESSAGES: Record<ScanCode, string> = {
  CHECKED_IN: 'Welcome',
  ALREADY_CHECKED_IN: 'This badge was already checked in on this list',
  UNKNOWN_BADGE: 'This badge is not known',
  BADGE_REVOKED: 'This badge has been revoked (the registration was cancelled)',
  REGISTRATION_PENDING: 'This registration is still waiting for approval',
  REGISTRATION_REJECTED: 'This registration was rejected',
  NOT_ENROLLED: 'This delegate holds no seat in this session',
  WRONG_EVENT: 'This badge is for another event',
  // Names no one: the nonce's first answer is another guest's, and the device only needs to scan again.
  NONCE_REUSED: 'This nonce belongs to another scan (another badge or another list); nothing was checked in, scan again with a new nonce',
};

/**
 * What check_in_scan.answer holds: the code and details of the first answer to a nonce. Rows written before
 * scan_badge also hold its status code and message, which answerOf ignores (they come from the maps above).
 */
interface StoredAnswer {
  code: ScanCode;
  details: ScanAnswerDto['details'];
}

/** Every answer has the shape of the error envelope, so a door app reads all of them alike. */
function answerOf({ code, details }: StoredAnswer, delegation?: ScanDelegationDto | null): ScanAnswerDto {
  const answer: ScanAnswerDto = { statusCode: STATUS[code], code, message: MESSAGES[code], details: detailsOf(details) };
  // Read at answer time, not stored with the scan: the door shows the delegation as it is now.
  if (delegation && answer.details.delegate) answer.details.delegate.delegation = delegation;
  return answer;
}

/** The scan and the delegation of the badge it names, in one round trip (the join reads after the function ran). */
const SCAN_SQL = `
  SELECT a.answer, d.id AS delegation_id, d.name AS delegation_name, d.country AS delegation_country
    FROM (SELECT scan_badge($1, $2, $3, $4, $5) AS answer) a
    LEFT JOIN registration r ON r.id = (a.answer #>> '{details,delegate,registrationId}')::uuid AND r.anonymised_at IS NULL
    LEFT JOIN delegation d ON d.id = r.delegation_id`;

interface ScanRow {
  answer: StoredAnswer | null;
  delegation_id: string | null;
  delegation_name: string | null;
  delegation_country: string | null;
}

/** Keys in the order the answer always had (jsonb keeps its own), so a replay matches the first answer byte for byte. */
function detailsOf({ checkedInAt, delegate }: ScanAnswerDto['details']): ScanAnswerDto['details'] {
  if (!delegate) return checkedInAt === undefined ? {} : { checkedInAt };
  // An erased delegate's stored answers keep only registrationId; the missing keys stay missing (undefined is not sent).
  const { registrationId, nameNative, nameLatin, category, country } = delegate;
  return { ...(checkedInAt === undefined ? {} : { checkedInAt }), delegate: { registrationId, nameNative, nameLatin, category, country } };
}

interface ListRow {
  id: string;
  event_id: string;
  session_id: string | null;
  name: Trilingual;
  event_name: Trilingual;
  default_language: Language;
  time_zone: string;
}

interface ExpectedRow {
  id: string;
  name_native: string | null;
  name_latin: string | null;
  category: string;
  country: string | null;
  delegation_id: string | null;
  delegation_name: string | null;
  delegation_country: string | null;
  checked_in_at: Date | null;
  total: string;
}

function expectedOf(r: ExpectedRow): ExpectedPersonDto {
  return {
    registrationId: r.id,
    nameNative: r.name_native,
    nameLatin: r.name_latin,
    category: r.category,
    country: r.country,
    delegation: r.delegation_id ? { id: r.delegation_id, name: r.delegation_name ?? '', country: r.delegation_country } : null,
    checkedInAt: r.checked_in_at ? r.checked_in_at.toISOString() : null,
  };
}

/**
 * Check-in at the door. Each scan carries a nonce chosen by the scanner: the
 * first answer for a nonce is stored with it, so a retried request (same badge,
 * same list) gets the same answer and writes nothing; another badge or list with
 * that nonce gets NONCE_REUSED (migrations/1763740000011). A badge is checked in once per list (unique key);
 * a later scan answers ALREADY_CHECKED_IN with the first time.
 */
@Injectable()
export class CheckInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventRepository,
    private readonly sessions: SessionRepository,
  ) {}

  async createList(caller: Caller, eventId: string, dto: CreateCheckInListDto): Promise<CheckInListDto> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.events.exists(manager, eventId))) throw new NotFoundError('Event', { eventId });
      if (dto.sessionId) {
        if (!(await this.sessions.existsInEvent(manager, dto.sessionId, eventId))) throw new NotFoundError('Session', { sessionId: dto.sessionId });
      }
      const [{ id }] = (await manager.query(
        `INSERT INTO check_in_list (event_id, name, session_id) VALUES ($1, $2, $3) RETURNING id`,
        [eventId, dto.name, dto.sessionId ?? null],
      )) as { id: string }[];
      await this.audit.record(manager, caller, { action: 'check_in_list.created', entity: 'check_in_list', entityId: id, after: dto });
      return (await this.lists(manager, eventId, id))[0];
    });
  }

  async listLists(eventId: string, query: PageQueryDto): Promise<Page<CheckInListDto>> {
    if (!(await this.events.exists(this.dataSource.manager, eventId))) throw new NotFoundError('Event', { eventId });
    const all = await this.lists(this.dataSource.manager, eventId);
    return pageOf(all, query);
  }

  /** Live counts: one query for all the lists of an event. */
  private async lists(manager: EntityManager, eventId: string, onlyId?: string): Promise<CheckInListDto[]> {
    const rows = (await manager.query(
      `SELECT l.id, l.event_id, l.name, l.session_id,
              (SELECT count(*) FROM check_in c WHERE c.list_id = l.id)::int AS checked_in,
              CASE WHEN l.session_id IS NULL
                   THEN (SELECT count(*) FROM registration r WHERE r.event_id = l.event_id AND r.status = 'approved')
                   ELSE (SELECT count(*) FROM enrolment e WHERE e.session_id = l.session_id AND e.status = 'enrolled') END::int AS expected
         FROM check_in_list l WHERE l.event_id = $1 AND ($2::uuid IS NULL OR l.id = $2) ORDER BY l.created_at, l.id`,
      [eventId, onlyId ?? null],
    )) as { id: string; event_id: string; name: CheckInListDto['name']; session_id: string | null; checked_in: number; expected: number }[];
    return rows.map((r) => ({ id: r.id, eventId: r.event_id, name: r.name, sessionId: r.session_id, checkedIn: r.checked_in, expected: r.expected }));
  }

  /**
   * One round trip: scan_badge (migrations/1763740000008, nonce ownership in 1763740000011) checks the list, claims the nonce, decides, checks the
   * badge in and stores the answer, as one statement and so one transaction. It answers NULL for an unknown list.
   */
  async scan(caller: Caller, dto: ScanDto, manager: EntityManager = this.dataSource.manager): Promise<ScanAnswerDto> {
    const [row] = (await manager.query(SCAN_SQL, [dto.listId, dto.nonce, dto.token, dto.scannedAt, caller.userId || null])) as ScanRow[];
    if (!row.answer) throw new NotFoundError('Check-in list', { listId: dto.listId });
    const delegation = row.delegation_id ? { id: row.delegation_id, name: row.delegation_name ?? '', country: row.delegation_country } : null;
    return answerOf(row.answer, delegation);
  }

  /**
   * A check-in by registration id, for a badge the camera cannot read: the registration's own badge token goes
   * through scan_badge, so the rules, answer codes and nonce replay are a scan's. A person vouched for the guest
   * instead of the badge, so it is audited (a scan is recorded in check_in_scan alone).
   */
  async manual(caller: Caller, dto: ManualCheckInDto): Promise<ScanAnswerDto> {
    return this.dataSource.transaction(async (manager) => {
      const [reg] = (await manager.query(`SELECT badge_token FROM registration WHERE id = $1 AND anonymised_at IS NULL`, [dto.registrationId])) as {
        badge_token: string;
      }[];
      if (!reg) throw new NotFoundError('Registration', { registrationId: dto.registrationId });
      const answer = await this.scan(caller, { token: reg.badge_token, listId: dto.listId, nonce: dto.nonce, scannedAt: dto.scannedAt }, manager);
      await this.audit.record(manager, caller, {
        action: 'check_in.manual',
        entity: 'registration',
        entityId: dto.registrationId,
        after: { listId: dto.listId, nonce: dto.nonce, scannedAt: dto.scannedAt.toISOString(), code: answer.code },
      });
      return answer;
    });
  }

  /**
   * Who is expected on a list (approved registrations for the entrance, enrolled delegates for a session), found
   * by part of a name in either script, with whether they are in already.
   */
  async expected(listId: string, query: ExpectedQueryDto): Promise<Page<ExpectedPersonDto>> {
    const list = await this.listOf(listId);
    const rows = await this.expectedRows(list, query.q ?? null, skipOf(query), query.pageSize);
    // Past the last page the window count is not there: one more row of the first page says how many there are.
    const counted = rows[0] ?? (query.page > 1 ? (await this.expectedRows(list, query.q ?? null, 0, 1))[0] : undefined);
    const total = counted ? Number(counted.total) : 0;
    return { items: rows.map(expectedOf), page: query.page, pageSize: query.pageSize, total };
  }

  /** The printable door list of a list, everyone expected, in the reader's language (default the edition's). */
  async doorListPdf(listId: string, lang?: Language): Promise<Buffer> {
    const list = await this.listOf(listId);
    const rows = await this.expectedRows(list, null, 0, null);
    return renderDoorListPdf({
      language: lang ?? list.default_language,
      eventName: list.event_name,
      listName: list.name,
      timeZone: list.time_zone,
      rows: rows.map((r): DoorListRow => ({
        nameNative: r.name_native,
        nameLatin: r.name_latin,
        delegation: r.delegation_name,
        category: r.category,
        country: r.country,
      })),
    });
  }

  private async listOf(listId: string): Promise<ListRow> {
    const [list] = (await this.dataSource.query(`SELECT l.id, l.event_id, l.session_id, l.name FROM check_in_list l WHERE l.id = $1`, [
      listId,
    ])) as Omit<ListRow, 'event_name' | 'default_language' | 'time_zone'>[];
    if (!list) throw new NotFoundError('Check-in list', { listId });
    // The edition's name, language and zone from programme (the list's foreign key says it exists).
    const event = (await this.events.factsOf([list.event_id])).get(list.event_id)!;
    return { ...list, event_name: event.name, default_language: event.default_language, time_zone: event.time_zone };
  }

  private async expectedRows(list: ListRow, q: string | null, offset: number, limit: number | null): Promise<ExpectedRow[]> {
    // ILIKE on both scripts; the pattern's own % and _ are escaped so a name is matched as typed.
    const pattern = q === null ? null : `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return (await this.dataSource.query(
      `SELECT r.id, r.name_native, r.name_latin, r.category, r.country, d.id AS delegation_id, d.name AS delegation_name,
              d.country AS delegation_country, c.scanned_at AS checked_in_at, count(*) OVER () AS total
         FROM registration r
         LEFT JOIN delegation d ON d.id = r.delegation_id
         LEFT JOIN check_in c ON c.list_id = $1 AND c.registration_id = r.id
        WHERE r.event_id = $2 AND r.status = 'approved' AND r.anonymised_at IS NULL
          AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM enrolment e WHERE e.session_id = $3 AND e.registration_id = r.id AND e.status = 'enrolled'))
          AND ($4::text IS NULL OR r.name_native ILIKE $4 OR r.name_latin ILIKE $4)
        ORDER BY lower(r.name_latin), r.name_native, r.id OFFSET $5 LIMIT $6`,
      [list.id, list.event_id, list.session_id, pattern, offset, limit],
    )) as ExpectedRow[];
  }

  /** Scans collected offline: each answered on its own, in the order given. */
  async scanBatch(caller: Caller, scans: ScanDto[]): Promise<ScanBatchAnswerDto> {
    const answers: ScanBatchAnswerDto['answers'] = [];
    for (const scan of scans) {
      try {
        answers.push({ nonce: scan.nonce, ...(await this.scan(caller, scan)) });
      } catch (error) {
        // One bad scan (an unknown list) is answered like the others, so the device learns the fate of each.
        const { envelope } = toErrorEnvelope(error);
        answers.push({ nonce: scan.nonce, statusCode: envelope.statusCode, code: envelope.code as ScanCode, message: envelope.message, details: {} });
      }
    }
    return { answers };
  }

  /** Who is inside: the check-ins of a list, latest first. */
  async inside(listId: string, query: PageQueryDto): Promise<Page<InsideDto>> {
    const [list] = await this.dataSource.query(`SELECT 1 FROM check_in_list WHERE id = $1`, [listId]);
    if (!list) throw new NotFoundError('Check-in list', { listId });
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.name_native, r.name_latin, r.category, r.country, c.scanned_at, count(*) OVER () AS total
         FROM check_in c JOIN registration r ON r.id = c.registration_id
        WHERE c.list_id = $1 ORDER BY c.scanned_at DESC, c.id OFFSET $2 LIMIT $3`,
      [listId, skipOf(query), query.pageSize],
    )) as { id: string; name_native: string | null; name_latin: string | null; category: string; country: string | null; scanned_at: Date; total: string }[];
    const total = rows[0] ? Number(rows[0].total) : Number((await this.dataSource.query(`SELECT count(*) AS n FROM check_in WHERE list_id = $1`, [listId]))[0].n);
    return {
      items: rows.map((r) => ({
        registrationId: r.id,
        nameNative: r.name_native,
        nameLatin: r.name_latin,
        category: r.category,
        country: r.country,
        checkedInAt: r.scanned_at.toISOString(),
      })),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }
}
