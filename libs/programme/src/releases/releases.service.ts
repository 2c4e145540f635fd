import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { AppError, ConflictError, NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, pageOf, type PageQueryDto, skipOf, toPage } from '#core/http/pagination.js';
import { retryOnConflict } from '#core/database/retry-on-conflict.js';
import { OutboxService } from '#core/outbox/outbox.service.js';
import { JobName } from '#core/queue/queue-names.js';
import { eventOrFail } from '../events/events.service.js';
import {
  type PublishReleaseDto,
  type ReleasePreviewDto,
  type ReleaseChangesDto,
  type ReleaseSummaryDto,
  toReleaseChangesDto,
  toReleaseSummaryDto,
  type TranslationReportDto,
} from './release.dto.js';
import { draftRelease } from './draft-release.js';
import { ScheduleRelease } from './schedule-release.entity.js';
import { releaseTextGaps, translationGaps } from './translation-report.js';

@Injectable()
export class ReleasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Publishes the draft schedule as the next numbered release, in one
   * transaction: the snapshot, its difference from the previous release, the
   * audit entry and the outbox event commit together. REPEATABLE READ gives the
   * translation check and the snapshot one view of the data, so an edit made
   * meanwhile cannot slip an untranslated text past the gate; the event row lock
   * makes concurrent publishers take turns (the later one is retried, and then
   * sees the earlier release). Publishing a release does not publish the edition: a draft edition's releases are
   * for organisers and staff to check; the public sees the latest one once the edition itself is published.
   */
  async publish(caller: Caller, eventId: string, dto: PublishReleaseDto): Promise<ReleaseSummaryDto> {
    const override = dto.overrideMissingTranslations === true;
    if (override && caller.role !== 'admin') {
      throw new AppError(403, 'OVERRIDE_NEEDS_ADMIN', 'Only an admin may publish with missing translations');
    }
    return retryOnConflict(() => this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await eventOrFail(manager, eventId, true);
      const draft = await draftRelease(manager, eventId);
      const gaps = [...draft.gaps, ...releaseTextGaps(dto)];
      if (gaps.length && !override) {
        throw new ConflictError('TRANSLATIONS_MISSING', `${gaps.length} texts lack a language; see details or the translation report`, gaps);
      }
      const { snapshot, previous, changes } = draft;
      if (draft.unchanged && previous) {
        throw new ConflictError('NO_CHANGES', `The schedule has not changed since release ${previous.number}`, { number: previous.number });
      }
      const release = await manager.save(
        manager.create(ScheduleRelease, {
          eventId,
          number: (previous?.number ?? 0) + 1,
          name: dto.name,
          notes: dto.notes ?? null,
          publishedAt: new Date(),
          publishedBy: caller.userId || null,
          translationsOverridden: gaps.length > 0,
          snapshot,
          changes,
        }),
      );
      const summary = toReleaseSummaryDto(release);
      await this.audit.record(manager, caller, {
        action: gaps.length ? 'release.published_with_missing_translations' : 'release.published',
        entity: 'schedule_release',
        entityId: release.id,
        after: { ...summary, missingTranslations: gaps.length ? gaps : undefined },
      });
      await this.outbox.add(manager, JobName.ScheduleReleased, {
        eventId,
        releaseId: release.id,
        number: release.number,
        changes,
      });
      return summary;
    }), ['schedule_release_number_key']);
  }

  /**
   * What publishing now would do, computed by the same code as publish() and written nowhere: the change list
   * against the latest release, the texts that lack a language (the release's own name is not known yet, so it is
   * not checked), and whether there is anything to publish. The console's release dialog shows it before asking.
   */
  async preview(eventId: string): Promise<ReleasePreviewDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await eventOrFail(manager, eventId);
      const { gaps, previous, changes, unchanged } = await draftRelease(manager, eventId);
      return {
        changes: { number: (previous?.number ?? 0) + 1, ...changes },
        missingTranslations: gaps,
        unchanged,
      };
    });
  }

  async list(eventId: string, query: PageQueryDto): Promise<Page<ReleaseSummaryDto>> {
    await eventOrFail(this.dataSource.manager, eventId);
    // The summaries only: snapshots are large and a list does not need them.
    const rows = (await this.dataSource.query(
      `SELECT id, event_id AS "eventId", number, name, notes, published_at AS "publishedAt", published_by AS "publishedBy",
              translations_overridden AS "translationsOverridden", jsonb_array_length(snapshot->'sessions') AS "sessionCount",
              count(*) OVER () AS total
         FROM schedule_release WHERE event_id = $1 ORDER BY number DESC OFFSET $2 LIMIT $3`,
      [eventId, skipOf(query), query.pageSize],
    )) as (Omit<ReleaseSummaryDto, 'publishedAt'> & { publishedAt: Date; total: string })[];
    const total = rows.length ? Number(rows[0].total) : (await this.dataSource.getRepository(ScheduleRelease).countBy({ eventId }));
    return toPage(rows, total, query, ({ total: _total, ...row }) => ({ ...row, publishedAt: row.publishedAt.toISOString() }));
  }

  private async get(eventId: string, number: number): Promise<ScheduleRelease> {
    const release = await this.dataSource.getRepository(ScheduleRelease).findOneBy({ eventId, number });
    if (!release) throw new NotFoundError('Release', { eventId, number });
    return release;
  }

  async summary(eventId: string, number: number): Promise<ReleaseSummaryDto> {
    return toReleaseSummaryDto(await this.get(eventId, number));
  }

  async changes(eventId: string, number: number): Promise<ReleaseChangesDto> {
    return toReleaseChangesDto(await this.get(eventId, number));
  }

  async translationReport(eventId: string, query: PageQueryDto): Promise<TranslationReportDto> {
    await eventOrFail(this.dataSource.manager, eventId);
    const gaps = await translationGaps(this.dataSource.manager, eventId);
    return { ...pageOf(gaps, query), complete: gaps.length === 0 };
  }
}
