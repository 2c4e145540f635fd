import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = ParsedMail & { receivedAt: Date };

export interface SmtpSink {
  url: string;
  /** Parsed messages (unless started with parse: false). */
  messages: ReceivedMail[];
  /** Every message accepted, as its Message-ID header: a repeat of one message shows as a repeated id. */
  messageIds: string[];
  /** Refuses mail to these addresses (a temporary failure), to test retries. */
  refuse: Set<string>;
  close(): Promise<void>;
}

/** A real SMTP server in this process (the npm package smtp-server): what it accepts is parsed and kept. */
export async function startSmtpSink(options: { parse?: boolean } = {}): Promise<SmtpSink> {
  const parse = options.parse ?? true;
  const messages: ReceivedMail[] = [];
  const messageIds: string[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) {
        const error = Object.assign(new Error('mailbox busy, try later'), { responseCode: 450 });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      const receivedAt = new Date();
      if (!parse) {
        // Thousands of messages: keep only the Message-ID, read from the header block.
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const headers = raw.slice(0, raw.search(/\r?\n\r?\n/));
          messageIds.push(/^message-id:\s*(\S+)/im.exec(headers)?.[1] ?? '');
          callback();
        });
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          messages.push(Object.assign(mail, { receivedAt }));
          messageIds.push(mail.messageId ?? '');
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A client that vanishes mid-conversation (a worker killed on purpose) resets its connection: expected here.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    messageIds,
    refuse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
