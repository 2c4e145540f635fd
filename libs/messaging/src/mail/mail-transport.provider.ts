import { join } from 'node:path';
import type { Provider } from '@nestjs/common';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { FileMailTransport, MAIL_TRANSPORT, SmtpMailTransport } from './mail-transport.js';

/** SMTP when SMTP_URL is set; otherwise .eml files under DATA_DIR/mail. */
export const mailTransportProvider: Provider = {
  provide: MAIL_TRANSPORT,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    config.smtpUrl ? new SmtpMailTransport(config.smtpUrl, config.mailFrom) : new FileMailTransport(mailFolder(config), config.mailFrom),
};

export function mailFolder(config: AppConfig): string {
  return join(config.dataDir, 'mail');
}
