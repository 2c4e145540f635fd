import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ALL_MIGRATIONS } from '#migrations/index.js';
import type { AppConfig } from '../config/app-config.js';

/**
 * The schema comes from migrations only (synchronize is never on). The api and
 * the worker do not run them: `npm start`, `npm run migrate` and the compose
 * file's one-shot service do. The list is registered so readiness can report
 * migrations still pending.
 */
@Module({})
export class DatabaseModule {
  /** `poolSize`: the worker asks for more than the api, since each message being sent holds a connection. */
  static forRoot(config: AppConfig, options: { poolSize?: number } = {}): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.databaseUrl,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          migrations: ALL_MIGRATIONS,
          migrationsTableName: 'schema_migrations',
          // A burst (registration opening, an enrolment storm) queues for connections: waiting is right,
          // failing after a few seconds is not. A request that still cannot get one answers 503.
          extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 30_000, application_name: 'backoffice' },
          // Fail fast at boot instead of TypeORM's retry loop hiding a bad DATABASE_URL.
          retryAttempts: 2,
          retryDelay: 1000,
        }),
      ],
    };
  }
}
