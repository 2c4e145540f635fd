import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import type { Language } from '#core/i18n/language.js';
import { negotiateLanguage } from '#core/i18n/negotiate-language.js';
import { type AgendaFormat, agendaRenderJob } from '../agenda-formats.js';
import { RenderPool } from '../render/render-pool.js';
import { type AgendaDownload, agendaDownload } from '../documents/agenda-download.js';
import { releaseAgendaInput, type ReleaseRow } from '../release-agenda-input.js';

/** Releases are immutable: a few recent snapshots are kept in memory rather than read again per rebuild. */
const KEPT_RELEASES = 4;
/** Raised when the renderers change what they produce, so that copies cached by an older version are rebuilt. */
const RENDER_VERSION = 2;

export interface AgendaOwner {
  id: string;
  event_id: string;
  preferred_language: Language;
  name_native: string;
  slug: string;
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/**
 * A delegate's own agenda: the sessions they hold a seat in, from the latest release, in their language.
 * Built on demand and cached per (registration, language, format) under a fingerprint of the release and
 * the seats; when either changes the fingerprint does too, and the next request builds a fresh copy.
 */
@Injectable()
export class PersonalAgendasService {
  private readonly releases = new Map<string, Promise<ReleaseRow>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly renderer: RenderPool,
  ) {}

  /** The caller's own registration only; another person's is a 404, as everywhere under /api/me. */
  async mine(caller: Caller, registrationId: string, format: AgendaFormat, lang: string | undefined, ifNoneMatch: string | undefined): Promise<AgendaDownload> {
    const [owner] = (await this.dataSource.query(
      `SELECT r.id, r.event_id, r.preferred_language, r.name_native, e.slug FROM registration r JOIN event e ON e.id = r.event_id
        WHERE r.id = $1 AND r.user_id = $2 AND r.anonymised_at IS NULL`,
      [registrationId, caller.userId],
    )) as AgendaOwner[];
    if (!owner) throw new NotFoundError('Registration', { id: registrationId });
    const language = negotiateLanguage({ query: lang, fallback: owner.preferred_language });
    return this.download(owner, format, language, ifNoneMatch);
  }

  async download(owner: AgendaOwner, format: AgendaFormat, language: Language, ifNoneMatch: string | undefined): Promise<AgendaDownload> {
    const content = await this.content(owner, format, language);
    return agendaDownload(content, sha256(content), format, `${owner.slug}-my-agenda-${language}`, ifNoneMatch, true, language);
  }

  private async content(owner: AgendaOwner, format: AgendaFormat, language: Language): Promise<Buffer> {
    const [state] = (await this.dataSource.query(
      `SELECT (SELECT id FROM schedule_release WHERE event_id = $2 ORDER BY number DESC LIMIT 1) AS release_id,
              coalesce((SELECT array_agg(session_id ORDER BY session_id) FROM enrolment WHERE registration_id = $1 AND status = 'enrolled'), '{}') AS session_ids,
              -- Seats that went with their session's cancellation: the calendar shows those sessions as cancelled.
              coalesce((SELECT array_agg(DISTINCT en.session_id ORDER BY en.session_id) FROM enrolment en JOIN session s ON s.id = en.session_id
                         WHERE en.registration_id = $1 AND en.status = 'cancelled' AND s.status = 'cancelled'), '{}') AS cancelled_session_ids,
              cached.content AS cached, cached.fingerprint AS cached_fingerprint
         FROM (SELECT 1) one
         LEFT JOIN personal_agenda cached ON cached.registration_id = $1 AND cached.language = $3 AND cached.format = $4`,
      [owner.id, owner.event_id, language, format],
    )) as { release_id: string | null; session_ids: string[]; cancelled_session_ids: string[]; cached: Buffer | null; cached_fingerprint: string | null }[];
    if (!state.release_id) throw new NotFoundError('Published programme', { eventId: owner.event_id });
    // Everything the document is made of: the release, the seats, the name in its heading, the renderers.
    const fingerprint = createHash('sha1')
      .update(JSON.stringify([RENDER_VERSION, state.release_id, state.session_ids, state.cancelled_session_ids, owner.name_native]))
      .digest('hex');
    if (state.cached && state.cached_fingerprint === fingerprint) return state.cached;

    const release = await this.release(state.release_id);
    const input = releaseAgendaInput(release, language, {
      sessionIds: new Set(state.session_ids),
      cancelledSessionIds: new Set(state.cancelled_session_ids),
      ownerName: owner.name_native,
    });
    const content = await this.renderer.render(agendaRenderJob(format, input, { name: `${input.event.name} · ${owner.name_native}` }));
    await this.dataSource.query(
      `INSERT INTO personal_agenda (registration_id, language, format, fingerprint, content) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (registration_id, language, format) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, content = EXCLUDED.content, built_at = now()`,
      [owner.id, language, format, fingerprint, content],
    );
    return content;
  }

  private release(id: string): Promise<ReleaseRow> {
    let release = this.releases.get(id);
    if (!release) {
      release = this.dataSource
        .query(`SELECT id, number, name, published_at, snapshot FROM schedule_release WHERE id = $1`, [id])
        .then((rows: ReleaseRow[]) => {
          if (!rows[0]) throw new NotFoundError('Release', { id });
          return rows[0];
        });
      release.catch(() => this.releases.delete(id));
      this.releases.set(id, release);
      if (this.releases.size > KEPT_RELEASES) this.releases.delete(this.releases.keys().next().value!);
    }
    return release;
  }
}
