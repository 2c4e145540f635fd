import { join } from 'node:path';
import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { FileMailTransport, MAIL_TRANSPORT, type MailTransport, SmtpMailTransport } from './mail-transport.js';

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

/** Pooled SMTP connections are closed (QUIT) when the process stops, rather than dropped. */
@Injectable()
export class MailTransportCloser implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
