import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per notification: a message sent twice carries the same id, so mail clients fold the repeat. */
  messageId: string;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ providerMessageId: string }>;
  close(): void;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** SMTP through nodemailer (SMTP_URL). */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(url: string, private readonly from: string) {
    this.transporter = nodemailer.createTransport(url);
  }

  async send(mail: OutgoingMail): Promise<{ providerMessageId: string }> {
    const info = await this.transporter.sendMail({ from: this.from, ...mail });
    return { providerMessageId: String(info.messageId ?? mail.messageId) };
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * The embedded default: each message is built by nodemailer exactly as it would
 * be sent, and written as an .eml file under DATA_DIR/mail, so a newcomer can
 * read what would have gone out. Written to a temporary name, then renamed.
 */
export class FileMailTransport implements MailTransport {
  private readonly transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    private readonly folder: string,
    private readonly from: string,
  ) {}

  async send(mail: OutgoingMail): Promise<{ providerMessageId: string }> {
    const info = (await this.transporter.sendMail({ from: this.from, ...mail })) as unknown as { message: Buffer };
    await mkdir(this.folder, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^\w.-]/g, '')}.eml`;
    const temporary = join(this.folder, `.${name}.tmp`);
    await writeFile(temporary, info.message);
    await rename(temporary, join(this.folder, name));
    return { providerMessageId: mail.messageId };
  }

  close(): void {
    this.transporter.close();
  }
}
