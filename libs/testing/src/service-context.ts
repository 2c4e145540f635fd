import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule, ForwardReference, Provider, Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AppConfig, loadConfig } from '#core/config/app-config.js';
import { ConfigModule } from '#core/config/config.module.js';
import { DatabaseModule } from '#core/database/database.module.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

type ModuleImport = Type | DynamicModule | ForwardReference;

export interface ServiceContextOptions {
  /** The domain modules (or single providers) under test; config and the database are always there. */
  imports?: ModuleImport[];
  providers?: Provider[];
  env?: Record<string, string | undefined>;
}

/**
 * The service-level test layer (between unit and e2e): a domain's repositories and services, wired by Nest as in
 * the apps, on a database of the test file's own (cloned from the run's migrated template), with no HTTP and no
 * queue consumer. Tests read the tables through `db.pool` to see what the code wrote.
 */
export class ServiceContext {
  private constructor(
    readonly module: TestingModule,
    readonly db: TestDatabase,
    readonly config: AppConfig,
  ) {}

  static async create(options: ServiceContextOptions = {}): Promise<ServiceContext> {
    const db = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'bo-service-')),
      DATABASE_URL: db.url,
      QUEUE_PREFIX: `s${randomBytes(5).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'silent',
      ...options.env,
    });
    try {
      const module = await Test.createTestingModule({
        imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(config, { poolSize: 4 }), ...(options.imports ?? [])],
        providers: options.providers ?? [],
      }).compile();
      await module.init();
      return new ServiceContext(module, db, config);
    } catch (error) {
      await db.drop();
      throw error;
    }
  }

  get<T>(type: Type<T>): T {
    return this.module.get(type, { strict: false });
  }

  get dataSource(): DataSource {
    return this.module.get<DataSource>(getDataSourceToken());
  }

  /** Runs `work` in one transaction, as a domain service does. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async close(): Promise<void> {
    await this.module.close();
    await this.db.drop();
    rmSync(this.config.dataDir, { recursive: true, force: true });
  }
}
