import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import { previewOpenApiDocument } from './openapi-preview.js';

/**
 * The console's typed API client is generated from the api's own document and checked in:
 *   --write  rewrites it (npm run client:generate);
 *   --check  fails with one line when the checked-in file differs (npm run build), so a change to a DTO or route
 *            cannot reach main without the client that matches it.
 */
export const CLIENT_SCHEMA = resolve('apps/console/src/api/schema.d.ts');

const mode = process.argv[2];
if (mode !== '--write' && mode !== '--check') {
  process.stderr.write('usage: openapi-client.main.js --write | --check\n');
  process.exit(2);
}
const document = await previewOpenApiDocument();
const generated = COMMENT_HEADER + astToString(await openapiTS(document as unknown as OpenAPI3));
if (mode === '--write') {
  mkdirSync(dirname(CLIENT_SCHEMA), { recursive: true });
  writeFileSync(CLIENT_SCHEMA, generated);
  process.stdout.write(`console API client written to ${CLIENT_SCHEMA}\n`);
} else if (!existsSync(CLIENT_SCHEMA) || readFileSync(CLIENT_SCHEMA, 'utf8') !== generated) {
  process.stderr.write("the console's API client is stale: run npm run client:generate\n");
  process.exit(1);
}
