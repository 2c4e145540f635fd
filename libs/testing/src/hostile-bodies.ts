import ExcelJS from 'exceljs';
import fc from 'fast-check';
import {
  BAD_DAYS,
  BAD_INSTANTS,
  BAD_UUIDS,
  DAYS,
  deepNesting,
  hostileJsonValue,
  hostileKey,
  hostileNumber,
  hostileText,
  hugeText,
  mixedScriptText,
  POISON_KEYS,
  validInstant,
} from './hostile-values.js';

/** The parts of an OpenAPI schema the generators read. */
export interface OpenApiSchema {
  /** OpenAPI 3.1: `[t, 'null']` for a nullable value. */
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  $ref?: string;
  allOf?: OpenApiSchema[];
  /** OpenAPI 3.1: `[{ $ref }, { type: 'null' }]` for a nullable reference. */
  oneOf?: OpenApiSchema[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxItems?: number;
  nullable?: boolean;
}

export interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
  parameters?: { name: string; in: string; required?: boolean; schema?: OpenApiSchema }[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

/** One request's worth of hostility: a query string, a content type and the bytes (or a way to make them). */
export interface HostileRequest {
  kind: string;
  query: string;
  contentType?: string;
  payload?: string | Buffer;
  /** For bodies that take async work to make (a real .xlsx file). */
  build?: () => Promise<Buffer>;
}

/**
 * Real values of the world the requests are sent into, so that well-formed bodies refer to existing records:
 * ids by the kind of record (a property `hostOrganisationIds` takes `organisation` ids), and badge tokens.
 */
export interface ValuePools {
  ids: Record<string, string[]>;
  badgeTokens: string[];
}

export function operationOf(document: OpenApiDocument, route: { method: string; path: string }): OpenApiOperation | undefined {
  return document.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
}

/**
 * A schema with its references followed, in the generators' terms: one `type`, and `nullable` for a value that may
 * be null (the document is OpenAPI 3.1, where that is `type: [t, 'null']` or `oneOf: [{ $ref }, { type: 'null' }]`).
 */
export function resolveSchema(document: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema {
  if (schema.$ref) return resolveSchema(document, { ...document.components.schemas[schema.$ref.split('/').pop()!], nullable: schema.nullable });
  if (schema.allOf?.length === 1) return resolveSchema(document, { ...schema.allOf[0], nullable: schema.nullable });
  if (schema.oneOf) {
    const { oneOf, ...rest } = schema;
    const values = oneOf.filter((option) => option.type !== 'null');
    if (values.length === 1) return resolveSchema(document, { ...rest, ...values[0], nullable: values.length < oneOf.length || schema.nullable });
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== 'null');
    return resolveSchema(document, { ...schema, type: types[0], nullable: types.length < schema.type.length, enum: schema.enum?.filter((value) => value !== null) });
  }
  return schema;
}

/** The ids of the record kind a property's name mentions (`forOrganisationId`: organisations), else every id. */
export function idsFor(ids: Record<string, string[]>, name: string): string[] {
  const lower = name.toLowerCase();
  const kind = Object.keys(ids).find((key) => lower.includes(key));
  return kind ? ids[kind] : Object.values(ids).flat();
}

type Mode = 'clean' | 'valid' | 'hostile';

/** Latin, Cyrillic and Han letters and spaces only: text every field should take. */
const cleanText = fc
  .string({
    unit: fc.oneof(
      fc.integer({ min: 0x61, max: 0x7a }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0x430, max: 0x44f }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
      fc.constant(' '),
    ),
    minLength: 1,
    maxLength: 40,
  })
  .map((text) => text.trim() || 'Ж');

/** A property's name hints at the format its validator wants; these make "valid" values valid more often. */
function textByName(name: string, pools: ValuePools): fc.Arbitrary<string> | undefined {
  const rules: [RegExp, () => fc.Arbitrary<string>][] = [
    [/email/i, () => fc.uuid().map((id) => `fuzz-${id.slice(0, 13)}@example.org`)],
    [/^slug$/, () => fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/)],
    [/^colou?r$/, () => fc.stringMatching(/^#[0-9a-f]{6}$/)],
    [/country|nationality/i, () => fc.constantFrom('CN', 'KZ', 'RU', 'UZ', 'KG', 'TJ', 'IN', 'PK', 'BY', 'MN')],
    [/^password$/, () => fc.string({ minLength: 12, maxLength: 40 })],
    [/timeZone/, () => fc.constantFrom('Asia/Shanghai', 'Asia/Almaty', 'Europe/Moscow', 'UTC')],
    [/(Day|Date|dateOfBirth)$/, () => fc.constantFrom(...DAYS)],
    [/phone/i, () => fc.stringMatching(/^\+?[0-9]{5,15}$/)],
    [/^amount$/, () => fc.stringMatching(/^\d{1,12}(\.\d{1,2})?$/)],
    [/^currency$/, () => fc.constantFrom('CNY', 'USD', 'RUB', 'KZT')],
    [/^nonce$/, () => fc.stringMatching(/^[\w.:-]{8,40}$/)],
    [/^token$/, () => (pools.badgeTokens.length ? fc.constantFrom(...pools.badgeTokens) : fc.uuid())],
    [/passportNumber/, () => fc.stringMatching(/^[A-Z0-9]{5,20}$/)],
    [/[nN]oticeVersion$/, () => fc.constantFrom('1', '2025-1')],
  ];
  return rules.find(([pattern]) => pattern.test(name))?.[1]();
}

/** Lone surrogates cannot be percent-encoded (a client could not send them in a URL either). */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function withOwnKey(target: object, key: string, value: unknown): Record<string, unknown> {
  // defineProperty, not assignment: `__proto__` must become a key of the JSON, not the object's prototype.
  const copy = { ...target } as Record<string, unknown>;
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Adds a member to the JSON text of an object (for keys JSON.stringify could not be made to write first). */
function prependMember(objectJson: string, member: string): string {
  if (!objectJson.startsWith('{')) return `{${member}}`;
  return objectJson === '{}' ? `{${member}}` : `{${member},${objectJson.slice(1)}`;
}

const MALFORMED_JSON = [
  '{',
  '{"a":1',
  '{"a":1,}',
  "{'a':1}",
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":undefined}',
  '[1,2,',
  '\uFEFF{}',
  '{"a":1}{"b":2}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"\\u0000":1}',
  '{"a":1,"a":{"b":2}}',
  '{"a":01}',
  '{"a":1e999}',
  '{"a":"\\x41"}',
  '\u0000',
  '{"a":1}\u0000',
];

const POISONED_MEMBERS = [
  '"__proto__":{"role":"admin","isAdmin":true}',
  '"constructor":{"prototype":{"role":"admin"}}',
  '"__proto__":null',
  '"constructor":{"name":"Object"}',
  '"__proto__":[]',
];

const OTHER_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/vnd.api+json',
  'APPLICATION/JSON',
  'text/csv',
  'application/octet-stream',
  'application/pdf',
  'image/png',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '',
];

/** The first bytes of the formats upload routes look for: a wrong body behind a right signature. */
const SIGNATURES = [
  Buffer.from('%PDF-1.7\n'),
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 '),
  Buffer.from('PK\x03\x04'),
  Buffer.from('\uFEFF'),
  Buffer.from('GIF89a'),
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'),
  Buffer.alloc(0),
];

/**
 * Bodies for one route, from its OpenAPI operation: records shaped like its DTO with valid, hostile and
 * wrongly typed values; any JSON at all; prototype keys; deep nesting; huge strings; malformed JSON;
 * other content types; and, for routes that take a file, raw bytes (some with a real signature or a
 * real spreadsheet with hostile cells).
 */
export class HostileBodies {
  constructor(
    private readonly document: OpenApiDocument,
    private readonly pools: ValuePools,
  ) {}

  json(operation: OpenApiOperation | undefined): fc.Arbitrary<HostileRequest> {
    const schema = this.resolve(operation?.requestBody?.content?.['application/json']?.schema ?? { type: 'object', properties: {} });
    const send = (kind: string, contentType = 'application/json') => (payload: string | Buffer) => ({ kind, contentType, payload });
    const json = (kind: string) => (value: unknown) => send(kind)(JSON.stringify(value) ?? 'null');
    const names = Object.keys(schema.properties ?? {});
    const body = fc.oneof(
      { weight: 5, arbitrary: this.object(schema, 'clean', 0).map(json('shaped, valid values')) },
      { weight: 20, arbitrary: this.object(schema, 'valid', 0).map(json('shaped, a few bad values')) },
      { weight: 20, arbitrary: this.object(schema, 'hostile', 0).map(json('shaped, hostile values')) },
      {
        weight: 8,
        arbitrary: fc
          .tuple(this.object(schema, 'clean', 0), fc.constantFrom(...POISONED_MEMBERS), fc.constantFrom(undefined, ...names))
          .map(([value, member, inside]) => {
            // The prototype key at the top, or inside one of the DTO's own fields.
            if (inside === undefined) return send('prototype keys')(prependMember(JSON.stringify(value), member));
            return send('prototype keys in a field')(prependMember(JSON.stringify(value), `${JSON.stringify(inside)}:{${member}}`));
          }),
      },
      { weight: 12, arbitrary: hostileJsonValue.map(json('any JSON')) },
      {
        weight: 3,
        arbitrary: fc
          .tuple(deepNesting, fc.constantFrom(undefined, ...names))
          .map(([deep, inside]) => send('deep nesting')(inside === undefined ? deep : `{${JSON.stringify(inside)}:${deep}}`)),
      },
      {
        weight: 4,
        arbitrary: fc
          .tuple(this.object(schema, 'clean', 0), fc.oneof({ weight: 8, arbitrary: hugeText }, { weight: 1, arbitrary: fc.constant('x'.repeat(1_100_000)) }), fc.constantFrom(...(names.length ? names : ['text'])))
          // One field the size of a book, or of more than the body limit allows.
          .map(([value, huge, field]) => json('huge string')(withOwnKey(value, field, huge))),
      },
      { weight: 5, arbitrary: fc.constantFrom(...MALFORMED_JSON).map(send('malformed JSON')) },
      {
        weight: 5,
        arbitrary: fc
          .tuple(fc.constantFrom(...OTHER_CONTENT_TYPES), fc.oneof(hostileJsonValue.map((v) => JSON.stringify(v) ?? ''), fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b))))
          .map(([type, payload]) => ({ kind: `content-type ${type || '(empty)'}`, contentType: type, payload })),
      },
      {
        weight: 4,
        arbitrary: fc.constantFrom<Omit<HostileRequest, 'query'>>(
          { kind: 'no body' },
          { kind: 'empty JSON body', contentType: 'application/json', payload: '' },
          { kind: 'JSON null', contentType: 'application/json', payload: 'null' },
          { kind: 'JSON array', contentType: 'application/json', payload: '[]' },
          { kind: 'JSON string', contentType: 'application/json', payload: '"x"' },
          { kind: 'JSON number', contentType: 'application/json', payload: '0' },
          { kind: 'JSON false', contentType: 'application/json', payload: 'false' },
        ),
      },
    );
    return fc.tuple(this.query(operation), body).map(([query, request]) => ({ ...request, query }));
  }

  /** A route that reads its body as a file: raw bytes with each type it takes, and JSON that it must refuse. */
  file(operation: OpenApiOperation | undefined, contentTypes: string[], rowSchemaName?: string): fc.Arbitrary<HostileRequest> {
    const type = fc.constantFrom(...contentTypes);
    const bytes = fc
      .tuple(type, fc.constantFrom(...SIGNATURES), fc.uint8Array({ maxLength: 4096 }))
      .map(([contentType, signature, rest]) => ({ kind: 'raw bytes', contentType, payload: Buffer.concat([signature, Buffer.from(rest)]) }));
    const oversized = fc
      .tuple(type, fc.constantFrom(5 * 1_048_576 + 1, 10 * 1_048_576 + 1, 11 * 1_048_576 + 1))
      .map(([contentType, size]) => ({ kind: 'oversized file', contentType, payload: Buffer.alloc(size, 0x41) }));
    const empty = type.map((contentType) => ({ kind: 'empty file', contentType, payload: Buffer.alloc(0) }));
    const body = fc.oneof(
      { weight: 40, arbitrary: bytes },
      ...(rowSchemaName && contentTypes.includes('text/csv') ? [{ weight: 20, arbitrary: this.csv(rowSchemaName) }] : []),
      ...(rowSchemaName && contentTypes.some((t) => t.includes('spreadsheetml')) ? [{ weight: 8, arbitrary: this.xlsx(rowSchemaName) }] : []),
      { weight: 1, arbitrary: oversized },
      { weight: 4, arbitrary: empty },
      { weight: 20, arbitrary: this.json(undefined) },
    );
    return fc.tuple(this.query(operation), body).map(([query, request]) => ({ ...request, query }));
  }

  /** Spreadsheet rows shaped like a DTO: a header of its fields (some missing, some unknown) and hostile cells. */
  private table(rowSchemaName: string): fc.Arbitrary<string[][]> {
    const schema = this.resolve({ $ref: `#/components/schemas/${rowSchemaName}` });
    const columns = Object.keys(schema.properties ?? {});
    const header = fc.tuple(fc.shuffledSubarray(columns, { minLength: 1 }), fc.array(hostileText, { maxLength: 1 })).map(([known, unknown]) => [...known, ...unknown]);
    return header.chain((names) =>
      fc.array(
        fc.tuple(...names.map((name) => this.cell(schema.properties?.[name], name))),
        { maxLength: 12 },
      ).map((rows) => [names, ...rows]),
    );
  }

  private cell(schema: OpenApiSchema | undefined, name: string): fc.Arbitrary<string> {
    const valid = schema ? this.valid(schema, name, 3).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')) : cleanText;
    return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: hostileText });
  }

  private csv(rowSchemaName: string): fc.Arbitrary<Omit<HostileRequest, 'query'>> {
    const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
    return fc
      .tuple(this.table(rowSchemaName), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
      .map(([rows, separator, newline, quoted]) => ({
        kind: 'CSV with hostile cells',
        contentType: 'text/csv',
        payload: rows.map((row) => row.map((cell) => (quoted ? quote(cell) : cell)).join(separator)).join(newline),
      }));
  }

  private xlsx(rowSchemaName: string): fc.Arbitrary<Omit<HostileRequest, 'query'>> {
    return this.table(rowSchemaName).map((rows) => ({
      kind: 'XLSX with hostile cells',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      build: async () => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('Guests');
        // Cells exceljs itself would refuse (lone surrogates, NUL) are written as what a spreadsheet would keep.
        for (const row of rows) sheet.addRow(row.map((cell) => wellFormed(cell).replaceAll('\u0000', '\ufffd')));
        return Buffer.from(await workbook.xlsx.writeBuffer());
      },
    }));
  }

  /** Query parameters the operation declares: usually valid (so the body is what is judged), sometimes hostile. */
  private query(operation: OpenApiOperation | undefined): fc.Arbitrary<string> {
    const parameters = (operation?.parameters ?? []).filter((p) => p.in === 'query');
    if (!parameters.length) return fc.constant('');
    return fc
      .tuple(
        ...parameters.map((p) =>
          fc.oneof(
            { weight: 8, arbitrary: this.valid(p.schema ?? {}, p.name, 3).map((v) => String(v)) },
            { weight: 1, arbitrary: hostileText.filter((t) => t.length < 2000) },
            ...(p.required ? [] : [{ weight: 2, arbitrary: fc.constant(undefined) }]),
          ),
        ),
      )
      .map((values) => {
        const search = new URLSearchParams();
        values.forEach((value, i) => value !== undefined && search.append(parameters[i].name, wellFormed(value)));
        const text = search.toString();
        return text ? `?${text}` : '';
      });
  }

  private resolve(schema: OpenApiSchema): OpenApiSchema {
    return resolveSchema(this.document, schema);
  }

  private object(schema: OpenApiSchema, mode: Mode, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const properties = Object.entries(schema.properties ?? {});
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, property] of properties) {
      const valid = this.valid(property, name, depth + 1);
      const hostile = this.hostile(property, name, depth + 1);
      model[name] =
        mode === 'clean' ? valid : mode === 'valid' ? fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: hostile }) : fc.oneof(valid, hostile);
    }
    const requiredKeys = mode === 'hostile' ? [] : (schema.required ?? []).filter((key) => key in model);
    const record = fc.record(model, { requiredKeys });
    if (mode !== 'hostile') return record;
    const extras = fc.option(fc.tuple(hostileKey, hostileJsonValue), { freq: 3 });
    return fc.tuple(record, extras).map(([value, extra]) => (extra ? withOwnKey(value, extra[0], extra[1]) : value));
  }

  private valid(raw: OpenApiSchema, name: string, depth: number): fc.Arbitrary<unknown> {
    const schema = this.resolve(raw);
    // null clears a nullable field: valid too.
    if (schema.nullable) return fc.oneof({ weight: 6, arbitrary: this.valid({ ...schema, nullable: false }, name, depth) }, { weight: 1, arbitrary: fc.constant(null) });
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    if (schema.type === 'object' || schema.properties) return depth > 3 ? fc.constant({}) : this.object(schema, 'clean', depth);
    if (schema.type === 'array') {
      const item = this.valid(schema.items ?? {}, name, depth);
      return fc.uniqueArray(item, { maxLength: Math.min(3, schema.maxItems ?? 3), selector: (v) => JSON.stringify(v) });
    }
    if (schema.type === 'integer' || schema.type === 'number') {
      const min = schema.minimum ?? 0;
      return fc.integer({ min, max: Math.min(schema.maximum ?? min + 150, min + 150) });
    }
    if (schema.type === 'boolean') return fc.boolean();
    if (schema.format === 'uuid') {
      const known = idsFor(this.pools.ids, name);
      return known.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid();
    }
    if (schema.format === 'date-time') return validInstant;
    if (schema.type === 'string') {
      const byName = textByName(name, this.pools);
      if (byName) return byName;
      const text = schema.minLength ? cleanText.map((t) => t.padEnd(schema.minLength!, 'ж')) : cleanText;
      return typeof schema.example === 'string' ? fc.oneof(fc.constant(schema.example), text) : text;
    }
    return hostileJsonValue;
  }

  private hostile(raw: OpenApiSchema, name: string, depth: number): fc.Arbitrary<unknown> {
    const schema = this.resolve(raw);
    const wrongType = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      hostileNumber,
      hostileText,
      fc.array(hostileJsonValue, { maxLength: 3 }),
      fc.dictionary(hostileKey, hostileJsonValue, { maxKeys: 3 }),
      fc.tuple(fc.constantFrom(...POISON_KEYS), hostileJsonValue).map(([key, value]) => withOwnKey({}, key, value)),
    );
    if (schema.enum?.length) {
      const strings = schema.enum.filter((v): v is string => typeof v === 'string');
      const nearMiss = strings.length
        ? fc.tuple(fc.constantFrom(...strings), fc.constantFrom((s: string) => s.toUpperCase(), (s: string) => ` ${s}`, (s: string) => `${s}\u0000`, (s: string) => s.replace(/e/g, 'е'), (s: string) => `${s},${s}`)).map(([value, change]) => change(value))
        : hostileText;
      return fc.oneof(nearMiss, hostileText, wrongType);
    }
    if (schema.type === 'object' || schema.properties) {
      return depth > 3 ? wrongType : fc.oneof(this.object(schema, 'hostile', depth), wrongType);
    }
    if (schema.type === 'array') {
      const item = schema.items ?? {};
      return fc.oneof(
        fc.array(this.hostile(item, name, depth + 1), { minLength: 1, maxLength: 4 }),
        // Duplicates, and more items than any list allows.
        this.valid(item, name, depth + 1).map((value) => [value, value]),
        fc.tuple(this.valid(item, name, depth + 1), fc.constantFrom(21, 101, 201, 501)).map(([value, count]) => Array.from({ length: count }, () => value)),
        fc.array(fc.uuid(), { minLength: 501, maxLength: 520 }),
        wrongType,
      );
    }
    if (schema.type === 'integer' || schema.type === 'number') return fc.oneof(hostileNumber, wrongType);
    if (schema.type === 'boolean') return fc.oneof(fc.constantFrom('true', 'false', 0, 1, 'yes', ''), wrongType);
    if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...BAD_UUIDS), fc.uuid().map((id) => id.toUpperCase()), hostileText, wrongType);
    if (schema.format === 'date-time') return fc.oneof(fc.constantFrom(...BAD_INSTANTS), hostileText, wrongType);
    if (/(Day|Date|dateOfBirth)$/.test(name)) return fc.oneof(fc.constantFrom(...BAD_DAYS), hostileText, wrongType);
    return fc.oneof({ weight: 3, arbitrary: hostileText }, { weight: 1, arbitrary: mixedScriptText(5).map((t) => `${t}${'x'.repeat(2_001)}`) }, { weight: 1, arbitrary: wrongType });
  }
}
