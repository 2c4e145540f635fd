import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = ParsedMail & { receivedAt: Date };

export interface SmtpSink {
  url: string;
  messages: ReceivedMail[];
  /** Refuses mail to these addresses (a temporary failure), to test retries. */
  refuse: Set<string>;
  close(): Promise<void>;
}

/** A real SMTP server in this process (the npm package smtp-server): what it accepts is parsed and kept. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
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
      simpleParser(stream).then(
        (mail) => {
          messages.push(Object.assign(mail, { receivedAt }));
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
