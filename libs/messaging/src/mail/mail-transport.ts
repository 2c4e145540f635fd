import { mkdir, rename, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';

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
/**
 * A release can send thousands of messages at once: they share a few open SMTP connections (nodemailer's
 * pool) instead of one handshake each. The URL's own `pool` / `maxConnections` parameters win.
 */
export function pooled(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('pool')) parsed.searchParams.set('pool', 'true');
  if (!parsed.searchParams.has('maxConnections')) parsed.searchParams.set('maxConnections', '5');
  return parsed.toString();
}

const SMTP_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Opens the pool's connections with Nagle's algorithm off. nodemailer writes a message's closing "." as a
 * small segment of its own; with Nagle on, it waits for the server's delayed ACK of the body (about 40 ms on
 * Linux), which capped one connection at some 20 messages a second.
 */
function openWithoutDelay(
  options: { host: string; port?: number; secure?: boolean },
  callback: (error: Error | null, socketOptions?: { connection: Socket }) => void,
): void {
  const socket = connect({ host: options.host, port: options.port ?? (options.secure ? 465 : 587) });
  socket.setNoDelay(true);
  // nodemailer's own connection timeout does not cover a socket handed to it, so this one does.
  const timer = setTimeout(() => socket.destroy(new Error(`SMTP connection timed out after ${SMTP_CONNECT_TIMEOUT_MS} ms`)), SMTP_CONNECT_TIMEOUT_MS);
  const failed = (error: Error) => {
    clearTimeout(timer);
    callback(error);
  };
  socket.once('error', failed);
  socket.once('connect', () => {
    clearTimeout(timer);
    // From here on the SMTP connection listens for errors itself.
    socket.off('error', failed);
    callback(null, { connection: socket });
  });
}

export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(url: string, private readonly from: string) {
    const options = parseConnectionUrl(pooled(url)) as { host: string; port?: number; secure?: boolean };
    this.transporter = nodemailer.createTransport({ ...options, getSocket: openWithoutDelay } as never);
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
