import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { deleteMailCopies } from '../mail/mail-copies.js';
import { mailFolder } from '../mail/mail-transport.provider.js';

/**
 * Erasure reaches the mail written to files (the default without SMTP_URL): the .eml copies hold the delegate's
 * name and address as they were sent. Run by the worker, which writes the copies, once the erasure has committed
 * (its registration-changed job): a message being sent at that moment holds its row, which the erasure waited
 * for, so its copy is on disk by then. Idempotent: a repeated job finds nothing left to delete.
 */
@Injectable()
export class ErasedMailCopies {
  private readonly logger = new Logger(ErasedMailCopies.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Deletes the copies of every message about the erased registration, and of every message to its account once that is erased too. */
  async eraseFor(registrationId: string): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT n.id FROM registration r
         JOIN notification n ON
              n.trigger_key LIKE 'registration:' || r.id || ':%'
           OR n.trigger_key = 'invitation:' || r.invitation_id
           OR n.trigger_key LIKE ANY (SELECT prefix || e.id || ':%' FROM enrolment e, unnest(ARRAY['enrolment:', 'reminder:']) prefix WHERE e.registration_id = r.id)
           OR (n.recipient_user_id = r.user_id AND EXISTS (SELECT 1 FROM app_user u WHERE u.id = r.user_id AND NOT u.active AND u.email LIKE 'erased-%'))
        WHERE r.id = $1 AND r.anonymised_at IS NOT NULL`,
      [registrationId],
    )) as { id: string }[];
    const deleted = await deleteMailCopies(mailFolder(this.config), new Set(rows.map((row) => row.id)));
    if (deleted > 0) this.logger.log({ registrationId, deleted }, 'mail copies of an erased registration deleted');
    return deleted;
  }
}
