import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '#core/config/app-config.js';
import { ApiModule } from './api.module.js';
import { buildOpenApiDocument } from './openapi.js';

/**
 * The api's OpenAPI document without PostgreSQL or Redis: Nest's preview mode builds the module graph and reads
 * the route decorators but instantiates no provider, so no connection is opened. The config is a throwaway one;
 * nothing in it reaches the document (the served one is the same: openapi-contract.e2e-spec.ts).
 */
export async function previewOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create(ApiModule.forRoot(config), new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
