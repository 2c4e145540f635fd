import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LANGUAGES, type Language } from '#core/i18n/language.js';
import { OutboxService } from '#core/outbox/outbox.service.js';
import { JobName } from '#core/queue/queue-names.js';
import { ReleaseRepository } from '#programme/index.js';
import { AGENDA_FORMATS, type AgendaFormat, agendaRenderJob } from '../agenda-formats.js';
import { RenderPool } from '../render/render-pool.js';
import { releaseAgendaInput } from '../release-agenda-input.js';

export type BuildOutcome = { built: true; bytes: number; ms: number } | { built: false; reason: 'exists' | 'no-release' };

/**
 * Builds the documents of a release, one job per language and format on the agendas queue (CPU work with its
 * own concurrency, so it neither stalls the api nor holds up messages). Each build is idempotent: the document
 * is looked for first, and stored with ON CONFLICT DO NOTHING, so a repeated or raced job stores one copy.
 */
@Injectable()
export class AgendaBuilder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly renderer: RenderPool,
    private readonly releases: ReleaseRepository,
  ) {}

  /** The release's nine builds (3 languages × 3 formats), written to the outbox together. */
  async planRelease(releaseId: string): Promise<number> {
    await this.dataSource.transaction(async (manager) => {
      for (const language of LANGUAGES) {
        for (const format of AGENDA_FORMATS) await this.outbox.add(manager, JobName.BuildAgenda, { releaseId, language, format });
      }
    });
    return LANGUAGES.length * AGENDA_FORMATS.length;
  }

  /**
   * The latest release of each event that lacks some of its documents (published before agendas existed, or
   * whose builds failed for good): planned again when a worker starts. Returns how many releases.
   */
  async planMissing(): Promise<number> {
    const latest = await this.releases.latestIds();
    const complete = new Set(
      ((await this.dataSource.query(
        `SELECT release_id FROM agenda_document WHERE release_id = ANY($1::uuid[]) GROUP BY release_id HAVING count(*) >= $2`,
        [latest, LANGUAGES.length * AGENDA_FORMATS.length],
      )) as { release_id: string }[]).map((row) => row.release_id),
    );
    const missing = latest.filter((id) => !complete.has(id));
    for (const releaseId of missing) await this.planRelease(releaseId);
    return missing.length;
  }

  async build(releaseId: string, language: Language, format: AgendaFormat): Promise<BuildOutcome> {
    const [existing] = (await this.dataSource.query(
      `SELECT 1 FROM agenda_document WHERE release_id = $1 AND language = $2 AND format = $3`,
      [releaseId, language, format],
    )) as unknown[];
    if (existing) return { built: false, reason: 'exists' };
    const release = await this.releases.snapshotOf(releaseId);
    if (!release) return { built: false, reason: 'no-release' };
    const started = performance.now();
    const input = releaseAgendaInput(release, language);
    const content = await this.renderer.render(agendaRenderJob(format, input, { name: input.event.name }));
    const ms = Math.round(performance.now() - started);
    const stored = (await this.dataSource.query(
      `INSERT INTO agenda_document (release_id, language, format, content, sha256, build_ms) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING release_id`,
      [releaseId, language, format, content, createHash('sha256').update(content).digest('hex'), ms],
    )) as unknown[];
    // A build that raced another one for the same document stored nothing: the other copy stands.
    if (stored.length === 0) return { built: false, reason: 'exists' };
    return { built: true, bytes: content.length, ms };
  }
}
