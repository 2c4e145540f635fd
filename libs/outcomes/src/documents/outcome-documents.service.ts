import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { AppError, NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import type { Language } from '#core/i18n/language.js';
import { sha256Hex } from './document-checksum.js';
import { DOCUMENT_STORE, type DocumentStore } from './document-store.js';
import { DocumentNotFoundError } from './local-document-store.js';
import { withArticle } from '#core/i18n/english-article.js';
import { parsesAsPdf } from './parses-as-pdf.js';
import { extensionFor, sniffContentType } from './sniff-content-type.js';
import type { OutcomeDocumentDto } from '../outcomes/outcome.dto.js';

/** Signed copies are scans or PDFs; a larger upload is a mistake, not a document. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export interface StoredDocument {
  contentType: string;
  filename: string;
  sha256: string;
  bytes: Buffer;
}

/**
 * Signed copies of agreements (and photos of plaques), per language. The type is
 * decided by the bytes, never by a name or a header; the SHA-256 is kept so a
 * copy can be checked later; the bytes go to the document store (a local folder
 * by default, any store behind the DocumentStore interface).
 */
@Injectable()
export class OutcomeDocumentsService {
  private readonly logger = new Logger(OutcomeDocumentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    private readonly audit: AuditService,
  ) {}

  async upload(caller: Caller, eventId: string, outcomeId: string, language: Language, bytes: Buffer): Promise<OutcomeDocumentDto> {
    if (bytes.length === 0) throw new AppError(400, 'EMPTY_DOCUMENT', 'The document is empty');
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      throw new AppError(413, 'DOCUMENT_TOO_LARGE', `A document may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB (${MAX_DOCUMENT_BYTES} bytes)`, { maxBytes: MAX_DOCUMENT_BYTES });
    }
    const contentType = sniffContentType(bytes);
    if (!contentType) throw new AppError(415, 'UNSUPPORTED_DOCUMENT', 'Only PDF, PNG, JPEG or WebP documents are accepted (judged by their content)');
    // Its first bytes only say what it claims to be; a PDF must also open as one.
    if (contentType === 'application/pdf' && !(await parsesAsPdf(bytes))) {
      throw new AppError(422, 'DOCUMENT_NOT_PDF', 'The file starts like a PDF but does not open as one (damaged, cut short or not a PDF)');
    }
    // Checked before the bytes are stored (a clear answer without writing a file), and again under a
    // share lock in the transaction, so a cancel that lands in between cannot get a document attached.
    await this.expectingDocument(this.dataSource.manager, eventId, outcomeId, false);
    const checksum = sha256Hex(bytes);
    // The bytes are stored first: a row never points at nothing. A failed insert leaves an orphan file, which is harmless.
    const key = await this.store.put(bytes, { contentType, extension: extensionFor(contentType) });
    return this.dataSource.transaction(async (manager) => {
      await this.expectingDocument(manager, eventId, outcomeId, true);
      const [row] = (await manager.query(
        `INSERT INTO outcome_document (outcome_id, language, content_type, size_bytes, sha256, storage_key, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, uploaded_at`,
        [outcomeId, language, contentType, bytes.length, checksum, key, caller.userId || null],
      )) as { id: string; uploaded_at: Date }[];
      const document: OutcomeDocumentDto = {
        id: row.id,
        language,
        contentType,
        sizeBytes: bytes.length,
        sha256: checksum,
        uploadedAt: row.uploaded_at.toISOString(),
      };
      await this.audit.record(manager, caller, { action: 'outcome.document_added', entity: 'outcome', entityId: outcomeId, after: document });
      return document;
    });
  }

  /** Signed copies belong to an agreement about to be, or already, signed; photos to an outcome that took place. */
  private async expectingDocument(manager: EntityManager, eventId: string, outcomeId: string, lock: boolean): Promise<void> {
    const [outcome] = (await manager.query(
      `SELECT kind, status FROM outcome WHERE id = $1 AND event_id = $2${lock ? ' FOR SHARE' : ''}`,
      [outcomeId, eventId],
    )) as { kind: string; status: string }[];
    if (!outcome) throw new NotFoundError('Outcome', { outcomeId });
    const expected = outcome.kind === 'agreement' ? ['ready', 'signed'] : ['done'];
    if (!expected.includes(outcome.status)) {
      const when = outcome.kind === 'agreement' ? 'once it is ready or signed' : 'once it has taken place';
      // "A document is attached to an unveiling once it has taken place; this one is planned"
      throw new AppError(409, 'DOCUMENT_NOT_EXPECTED', `A document is attached to ${withArticle(outcome.kind)} ${when}; this one is ${outcome.status}`, {
        status: outcome.status,
      });
    }
  }

  /**
   * Removes a wrongly uploaded copy: the row goes (audited, with what it was) and then its bytes. The bytes go only
   * once the row is gone for good, so a rolled-back removal never leaves a row pointing at nothing; should the store
   * fail after that, the file is an orphan (harmless, as after a failed upload) and is logged with its key.
   */
  async remove(caller: Caller, eventId: string, outcomeId: string, documentId: string): Promise<void> {
    const key = await this.dataSource.transaction(async (manager) => {
      // TypeORM answers a DELETE … RETURNING with [rows, count].
      const [[row]] = (await manager.query(
        `DELETE FROM outcome_document d USING outcome o
          WHERE d.id = $1 AND d.outcome_id = $2 AND o.id = d.outcome_id AND o.event_id = $3
          RETURNING d.id, d.language, d.content_type, d.size_bytes, d.sha256, d.storage_key, d.uploaded_at`,
        [documentId, outcomeId, eventId],
      )) as [{ id: string; language: string; content_type: string; size_bytes: number; sha256: string; storage_key: string; uploaded_at: Date }[], number];
      if (!row) throw new NotFoundError('Document', { documentId });
      const before: OutcomeDocumentDto = {
        id: row.id,
        language: row.language,
        contentType: row.content_type,
        sizeBytes: row.size_bytes,
        sha256: row.sha256,
        uploadedAt: row.uploaded_at.toISOString(),
      };
      await this.audit.record(manager, caller, { action: 'outcome.document_removed', entity: 'outcome', entityId: outcomeId, before });
      return row.storage_key;
    });
    await this.store.delete(key).catch((error: unknown) => {
      this.logger.warn({ err: error, key, documentId }, 'the removed document could not be deleted from the store');
    });
  }

  async download(eventId: string, outcomeId: string, documentId: string): Promise<StoredDocument> {
    const [row] = (await this.dataSource.query(
      `SELECT d.content_type, d.sha256, d.storage_key, d.language FROM outcome_document d JOIN outcome o ON o.id = d.outcome_id
        WHERE d.id = $1 AND d.outcome_id = $2 AND o.event_id = $3`,
      [documentId, outcomeId, eventId],
    )) as { content_type: string; sha256: string; storage_key: string; language: string }[];
    if (!row) throw new NotFoundError('Document', { documentId });
    const bytes = await this.store.get(row.storage_key).catch((error: unknown) => {
      if (error instanceof DocumentNotFoundError) throw new AppError(500, 'DOCUMENT_MISSING', 'The stored document is missing');
      throw error;
    });
    if (sha256Hex(bytes) !== row.sha256) throw new AppError(500, 'DOCUMENT_CORRUPTED', 'The stored document does not match its checksum');
    return {
      contentType: row.content_type,
      filename: `${outcomeId}-${row.language}.${extensionFor(row.content_type as never)}`,
      sha256: row.sha256,
      bytes,
    };
  }
}
