import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import type { Language } from '#core/i18n/language.js';
import { negotiateLanguage } from '#core/i18n/negotiate-language.js';
import { EventRepository, ReleaseRepository, type ReleaseSnapshotRow, SessionRepository } from '#programme/index.js';
import { EnrolmentRepository, RegistrationRepository } from '#registration/index.js';
import { type AgendaFormat, agendaRenderJob } from '../agenda-formats.js';
import { RenderPool } from '../render/render-pool.js';
import { type AgendaDownload, agendaDownload } from '../documents/agenda-download.js';
import { releaseAgendaInput } from '../release-agenda-input.js';

/** Releases are immutable: a few recent snapshots are kept in memory rather than read again per rebuild. */
const KEPT_RELEASES = 4;
/** Raised when the renderers change what they produce, so that copies cached by an older version are rebuilt. */
const RENDER_VERSION = 2;

/** Whose agenda it is: a registration of registration's (read through its repository). */
export interface AgendaOwner {
  id: string;
  eventId: string;
  preferredLanguage: Language;
  nameNative: string;
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/**
 * A delegate's own agenda: the sessions they hold a seat in, from the latest release, in their language.
 * Built on demand and cached per (registration, language, format) under a fingerprint of the release and
 * the seats; when either changes the fingerprint does too, and the next request builds a fresh copy.
 */
@Injectable()
export class PersonalAgendasService {
  private readonly snapshots = new Map<string, Promise<ReleaseSnapshotRow>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly renderer: RenderPool,
    private readonly events: EventRepository,
    private readonly releases: ReleaseRepository,
    private readonly sessions: SessionRepository,
    private readonly registrations: RegistrationRepository,
    private readonly enrolments: EnrolmentRepository,
  ) {}

  /** The caller's own registration only; another person's is a 404, as everywhere under /api/me. */
  async mine(caller: Caller, registrationId: string, format: AgendaFormat, lang: string | undefined, ifNoneMatch: string | undefined): Promise<AgendaDownload> {
    const owner = await this.registrations.agendaOwner(registrationId);
    if (!owner || owner.userId !== caller.userId) throw new NotFoundError('Registration', { id: registrationId });
    const language = negotiateLanguage({ query: lang, fallback: owner.preferredLanguage });
    return this.download(owner, format, language, ifNoneMatch);
  }

  async download(owner: AgendaOwner, format: AgendaFormat, language: Language, ifNoneMatch: string | undefined): Promise<AgendaDownload> {
    // The slug names the file only: read beside the document rather than before it.
    const [content, slug] = await Promise.all([this.content(owner, format, language), this.events.slugOf(owner.eventId)]);
    return agendaDownload(content, sha256(content), format, `${slug}-my-agenda-${language}`, ifNoneMatch, true, language);
  }

  private async content(owner: AgendaOwner, format: AgendaFormat, language: Language): Promise<Buffer> {
    // The release (programme's), the seats (registration's) and the cached copy (agenda's own), read side by side.
    const [releaseId, seats, [cached]] = await Promise.all([
      this.releases.latestIdOf(owner.eventId),
      this.enrolments.seatsOf(owner.id),
      this.dataSource.query(`SELECT content, fingerprint FROM personal_agenda WHERE registration_id = $1 AND language = $2 AND format = $3`, [
        owner.id,
        language,
        format,
      ]) as Promise<{ content: Buffer; fingerprint: string }[]>,
    ]);
    if (!releaseId) throw new NotFoundError('Published programme', { eventId: owner.eventId });
    // Seats that went with their session's cancellation: the calendar shows those sessions as cancelled.
    const cancelledSessions = new Set(await this.sessions.cancelledAmong(seats.cancelled));
    const cancelledSessionIds = seats.cancelled.filter((id) => cancelledSessions.has(id));
    // Everything the document is made of: the release, the seats, the name in its heading, the renderers.
    const fingerprint = createHash('sha1')
      .update(JSON.stringify([RENDER_VERSION, releaseId, seats.enrolled, cancelledSessionIds, owner.nameNative]))
      .digest('hex');
    if (cached && cached.fingerprint === fingerprint) return cached.content;

    const release = await this.snapshot(releaseId);
    const input = releaseAgendaInput(release, language, {
      sessionIds: new Set(seats.enrolled),
      cancelledSessionIds: new Set(cancelledSessionIds),
      ownerName: owner.nameNative,
    });
    const content = await this.renderer.render(agendaRenderJob(format, input, { name: `${input.event.name} · ${owner.nameNative}` }));
    await this.dataSource.query(
      `INSERT INTO personal_agenda (registration_id, language, format, fingerprint, content) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (registration_id, language, format) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, content = EXCLUDED.content, built_at = now()`,
      [owner.id, language, format, fingerprint, content],
    );
    return content;
  }

  private snapshot(id: string): Promise<ReleaseSnapshotRow> {
    let release = this.snapshots.get(id);
    if (!release) {
      release = this.releases.snapshotOf(id).then((row) => {
        if (!row) throw new NotFoundError('Release', { id });
        return row;
      });
      release.catch(() => this.snapshots.delete(id));
      this.snapshots.set(id, release);
      if (this.snapshots.size > KEPT_RELEASES) this.snapshots.delete(this.snapshots.keys().next().value!);
    }
    return release;
  }
}
