import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { previewOpenApiDocument } from './openapi-preview.js';

/** Writes the api's OpenAPI document (no database needed) to the first argument, else dist/openapi.json. */
const target = resolve(process.argv[2] ?? 'dist/openapi.json');
const document = await previewOpenApiDocument();
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
process.stdout.write(`OpenAPI document written to ${target}\n`);
