import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDED_PG_DEFAULT_PORT, loadConfig, onEmbeddedPort } from './app-config.js';
import { ConfigError, type Env } from './env-parsers.js';

/** A valid secret, so that tests not about the secret never write a jwt-secret file. */
const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const KEY = Buffer.alloc(32, 7).toString('base64');

function configErrorFor(env: Env): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe(loadConfig.name, () => {
  const tempDirs: string[] = [];
  const makeTempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'app-config-spec-'));
    tempDirs.push(dir);
    return dir;
  };

  afterEach(() => {
    for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  describe('defaults', () => {
    it('listens on 0.0.0.0:3000 in development with info logs', () => {
      const config = loadConfig({ JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY });

      expect(config.nodeEnv).toBe('development');
      expect(config.isProduction).toBe(false);
      expect(config.host).toBe('0.0.0.0');
      expect(config.port).toBe(3000);
      expect(config.logLevel).toBe('info');
      expect(config.trustProxy).toBe(false);
      expect(config.queuePrefix).toBe('bo');
      expect(config.adminEmail).toBe('admin@example.org');
      expect(config.adminPassword).toBeUndefined();
    });

    it('gives links the address of the port it listens on unless PUBLIC_BASE_URL says otherwise', () => {
      expect(loadConfig({ JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY }).publicBaseUrl).toBe('http://localhost:3000');
      expect(loadConfig({ JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY, PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
      expect(loadConfig({ JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY, PORT: '8080', PUBLIC_BASE_URL: 'https://sco.example/' }).publicBaseUrl).toBe('https://sco.example');
    });

    it('logs at warn level by default when NODE_ENV=test', () => {
      expect(loadConfig({ NODE_ENV: 'test', JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY }).logLevel).toBe('warn');
    });

    it('uses the postgres queue backend when REDIS_URL is unset', () => {
      const config = loadConfig({ JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY });

      expect(config.redisUrl).toBeUndefined();
      expect(config.queueBackend).toBe('postgres');
    });

    it('uses the redis queue backend when REDIS_URL is set', () => {
      const config = loadConfig({ JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY, REDIS_URL: 'redis://127.0.0.1:6379' });

      expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
      expect(config.queueBackend).toBe('redis');
    });

    it('points at the embedded PostgreSQL on port 54329 when DATABASE_URL is unset', () => {
      const config = loadConfig({ JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY });
      const url = new URL(config.databaseUrl);

      expect(config.databaseIsEmbedded).toBe(true);
      expect(config.embeddedPgPort).toBe(EMBEDDED_PG_DEFAULT_PORT);
      expect(url.protocol).toBe('postgres:');
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.port).toBe('54329');
      expect(url.pathname).toBe('/backoffice');
    });

    it('builds the embedded URL on EMBEDDED_PG_PORT when given', () => {
      const config = loadConfig({ JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY, EMBEDDED_PG_PORT: '55000' });

      expect(config.databaseIsEmbedded).toBe(true);
      expect(new URL(config.databaseUrl).port).toBe('55000');
    });

    it('moves the embedded URL to the port the launcher found free, and leaves a given DATABASE_URL alone', () => {
      const embedded = onEmbeddedPort(loadConfig({ JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY }), 54330);
      const given = loadConfig({ JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY, DATABASE_URL: 'postgres://app@db:5432/x' });

      expect(embedded.embeddedPgPort).toBe(54330);
      expect(new URL(embedded.databaseUrl).port).toBe('54330');
      expect(onEmbeddedPort(given, 54330).databaseUrl).toBe('postgres://app@db:5432/x');
    });

    it('uses DATABASE_URL as given and does not treat it as embedded', () => {
      const databaseUrl = 'postgresql://app:pw@db.internal:5432/conference';
      const config = loadConfig({ JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY, DATABASE_URL: databaseUrl });

      expect(config.databaseUrl).toBe(databaseUrl);
      expect(config.databaseIsEmbedded).toBe(false);
    });
  });

  describe('given values', () => {
    it('parses numbers, booleans and emails, trimming surrounding whitespace', () => {
      const config = loadConfig({
        JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY,
        PORT: ' 8080 ',
        TRUST_PROXY: 'yes',
        ADMIN_EMAIL: 'Organiser@SCO-Conference.ORG',
        ADMIN_PASSWORD: 'twelve-chars',
      });

      expect(config.port).toBe(8080);
      expect(config.trustProxy).toBe(true);
      expect(config.adminEmail).toBe('organiser@sco-conference.org');
      expect(config.adminPassword).toBe('twelve-chars');
    });

    it('treats an empty or blank variable as unset', () => {
      const config = loadConfig({ JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY, PORT: '', REDIS_URL: '   ' });

      expect(config.port).toBe(3000);
      expect(config.queueBackend).toBe('postgres');
    });
  });

  describe('wrong values', () => {
    it.each([
      ['PORT', 'abc'],
      ['PORT', '70000'],
      ['PORT', '3000.5'],
      ['NODE_ENV', 'staging'],
      ['REDIS_URL', 'http://x'],
      ['DATABASE_URL', 'not-a-url'],
      ['DATABASE_URL', 'mysql://db/conference'],
      ['TRUST_PROXY', 'maybe'],
      ['JWT_SECRET', 'too-short-secret'],
      ['QUEUE_PREFIX', 'my queue'],
      ['ADMIN_PASSWORD', 'short-pass1'],
      ['ADMIN_EMAIL', 'not-an-email'],
      ['LOG_LEVEL', 'verbose'],
    ])('rejects %s=%j with a ConfigError naming the variable', (name, value) => {
      const env: Env = { JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY, [name]: value };

      expect(configErrorFor(env).message).toContain(name);
    });

    it('accepts the boundary values that the wrong ones just miss', () => {
      const config = loadConfig({
        JWT_SECRET: 'x'.repeat(32),
        PORT: '65535',
        QUEUE_PREFIX: 'conf_2026-bo',
        ADMIN_PASSWORD: 'x'.repeat(12),
      });

      expect(config.jwtSecret).toBe('x'.repeat(32));
      expect(config.port).toBe(65535);
      expect(config.queuePrefix).toBe('conf_2026-bo');
    });
  });

  describe('production', () => {
    it('requires DATABASE_URL', () => {
      const error = configErrorFor({ NODE_ENV: 'production', JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY });

      expect(error.message).toContain('DATABASE_URL');
    });

    it('requires JWT_SECRET and does not generate one', () => {
      const dataDir = makeTempDir();
      const error = configErrorFor({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://app:pw@db:5432/conference',
        DATA_DIR: dataDir,
      });

      expect(error.message).toContain('JWT_SECRET');
      expect(existsSync(join(dataDir, 'jwt-secret'))).toBe(false);
    });

    it('loads when both are given', () => {
      const config = loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://app:pw@db:5432/conference',
        JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY,
      });

      expect(config.isProduction).toBe(true);
      expect(config.jwtSecret).toBe(SECRET);
      expect(config.databaseIsEmbedded).toBe(false);
    });
  });

  describe('development JWT secret', () => {
    it('is generated once into DATA_DIR/jwt-secret and reused on the next load', () => {
      const dataDir = makeTempDir();

      const first = loadConfig({ DATA_DIR: dataDir });
      const second = loadConfig({ DATA_DIR: dataDir });

      expect(first.dataDir).toBe(dataDir);
      expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
      expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8')).toBe(first.jwtSecret);
      expect(second.jwtSecret).toBe(first.jwtSecret);
    });

    it('creates a missing DATA_DIR and differs between data folders', () => {
      const one = join(makeTempDir(), 'nested', 'data');
      const other = makeTempDir();

      const secretOne = loadConfig({ DATA_DIR: one }).jwtSecret;
      const secretOther = loadConfig({ DATA_DIR: other }).jwtSecret;

      expect(existsSync(join(one, 'jwt-secret'))).toBe(true);
      expect(secretOne).not.toBe(secretOther);
    });

    it('is not written when JWT_SECRET is given', () => {
      const dataDir = makeTempDir();

      expect(loadConfig({ DATA_DIR: dataDir, JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY }).jwtSecret).toBe(SECRET);
      expect(existsSync(join(dataDir, 'jwt-secret'))).toBe(false);
    });
  });

  describe('DATA_ENCRYPTION_KEY', () => {
    it('is required in production and must be 32 bytes', () => {
      expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', JWT_SECRET: SECRET })).toThrow(
        'DATA_ENCRYPTION_KEY is required when NODE_ENV=production',
      );
      expect(() => loadConfig({ JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/32 bytes/);
      expect(loadConfig({ JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY }).dataEncryptionKey).toEqual(Buffer.alloc(32, 7));
    });
  });
});
