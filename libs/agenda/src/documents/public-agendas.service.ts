import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError, NotReadyYetError } from '#core/errors/app-error.js';
import { negotiateLanguage } from '#core/i18n/negotiate-language.js';
import { ReleaseRepository } from '#programme/index.js';
import type { AgendaFormat } from '../agenda-formats.js';
import { type AgendaDownload, agendaDownload } from './agenda-download.js';

/** Seconds a client is told to wait for a document still being built. */
const BUILDING_RETRY_SECONDS = 5;

/** The whole programme of an event's latest release, as built by the worker, served from the database. */
@Injectable()
export class PublicAgendasService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly releases: ReleaseRepository,
  ) {}

  async download(slug: string, format: AgendaFormat, lang: string | undefined, acceptLanguage: string | undefined, ifNoneMatch: string | undefined): Promise<AgendaDownload> {
    const release = await this.releases.latestOfPublished(slug);
    // A draft edition's agendas are built with its releases but shown only once the edition is published.
    if (!release) throw new NotFoundError('Published programme', { slug });
    const language = negotiateLanguage({ query: lang, acceptLanguage, fallback: release.defaultLanguage });
    const [document] = (await this.dataSource.query(
      `SELECT content, sha256 FROM agenda_document WHERE release_id = $1 AND language = $2 AND format = $3`,
      [release.id, language, format],
    )) as { content: Buffer; sha256: string }[];
    if (!document) {
      // Built by the worker right after the release is published: a matter of seconds.
      throw new NotReadyYetError('AGENDA_NOT_READY', `The ${format} agenda of release ${release.number} is still being built`, { release: release.number, language, format }, BUILDING_RETRY_SECONDS);
    }
    return agendaDownload(document.content, document.sha256, format, `${slug}-agenda-r${release.number}-${language}`, ifNoneMatch, false, language);
  }
}
