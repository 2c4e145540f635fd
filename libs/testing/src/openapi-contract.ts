import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import type { HttpResult } from './http-client.js';

// ajv-formats is CommonJS: how deep its plugin sits under `default` depends on the loader (Node's ESM, or Jest's).
type FormatsPlugin = (ajv: Ajv2020) => unknown;
function pluginOf(module: unknown): FormatsPlugin {
  let current = module as { default?: unknown } | FormatsPlugin;
  while (typeof current !== 'function' && current?.default) current = current.default as typeof current;
  return current as FormatsPlugin;
}
const addFormats = pluginOf(ajvFormats);

interface MediaType {
  schema?: unknown;
}
interface DeclaredResponse {
  content?: Record<string, MediaType>;
}
interface ContractOperation {
  requestBody?: { content?: Record<string, MediaType> };
  responses: Record<string, DeclaredResponse>;
}
export interface ContractDocument {
  openapi: string;
  paths: Record<string, Record<string, ContractOperation>>;
  components: Record<string, unknown>;
}

/**
 * The document with every object schema closed (`unevaluatedProperties: false`, unless it says what else it takes):
 * an answer with a field the document does not declare fails, since the generated client would not know it.
 */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) node.forEach(closed);
  else if (node && typeof node === 'object') {
    const schema = node as Record<string, unknown>;
    if (schema.properties && typeof schema.properties === 'object' && !('additionalProperties' in schema)) schema.unevaluatedProperties = false;
    Object.values(schema).forEach(closed);
  }
  return node;
}

/** `/api/events/:eventId` → `/api/events/{eventId}`: the route table's path as the document writes it. */
export function documentPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

/** One JSON Pointer segment, escaped for a URI fragment. */
const segment = (name: string) => encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'));

/**
 * Checks real answers against what the OpenAPI 3.1 document declares for their route and status: the status is
 * declared, the content type is one the answer declares, and a JSON body is valid against its schema (ajv, JSON
 * Schema 2020-12, the dialect of OpenAPI 3.1, with formats). Returns what is wrong, or undefined.
 */
export class ContractChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: ContractDocument) {
    addFormats(this.ajv);
    // Files are strings of bytes: nothing for a JSON validator to check.
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema(closed(structuredClone(document)) as object, 'openapi');
  }

  /** The 2xx statuses of an operation that answer JSON: a route with one of them is a JSON route. */
  jsonSuccesses(method: string, path: string): string[] {
    const operation = this.document.paths[documentPath(path)]?.[method.toLowerCase()];
    return Object.entries(operation?.responses ?? {})
      .filter(([status, response]) => status.startsWith('2') && response.content?.['application/json'])
      .map(([status]) => status);
  }

  problem(method: string, path: string, answer: HttpResult): string | undefined {
    const openApiPath = documentPath(path);
    const operation = this.document.paths[openApiPath]?.[method.toLowerCase()];
    if (!operation) return 'the operation is not in the document';
    const status = String(answer.status);
    const declared = operation.responses[status] ?? operation.responses[`${status[0]}XX`] ?? operation.responses.default;
    if (!declared) return `status ${status} is not declared (declared: ${Object.keys(operation.responses).join(', ')})`;
    if (!declared.content) return answer.text === '' ? undefined : `status ${status} is declared without a body, and a body was sent`;
    const type = answer.headers.get('content-type')?.split(';')[0].trim() ?? '(none)';
    if (!declared.content[type]) return `content-type ${type} is not declared for ${status} (declared: ${Object.keys(declared.content).join(', ')})`;
    if (type !== 'application/json') return undefined;
    const pointer = ['paths', openApiPath, method.toLowerCase(), 'responses', status, 'content', type, 'schema'].map(segment).join('/');
    const validate = this.validator(`openapi#/${pointer}`);
    if (validate(answer.body)) return undefined;
    return this.ajv.errorsText(validate.errors, { dataVar: 'body' });
  }

  /**
   * A JSON body the api accepted (a 2xx) must be valid by the operation's declared request body: otherwise the
   * typed client could not send what the api takes.
   */
  requestProblem(method: string, path: string, body: unknown, answer: HttpResult): string | undefined {
    if (body === undefined || answer.status >= 300) return undefined;
    const openApiPath = documentPath(path);
    const operation = this.document.paths[openApiPath]?.[method.toLowerCase()];
    if (!operation?.requestBody?.content?.['application/json']) return 'a JSON body was accepted, and none is declared';
    const pointer = ['paths', openApiPath, method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema'].map(segment).join('/');
    const validate = this.validator(`openapi#/${pointer}`);
    if (validate(body)) return undefined;
    return `accepted request body: ${this.ajv.errorsText(validate.errors, { dataVar: 'request' })}`;
  }

  private validator(ref: string): ValidateFunction {
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, validate);
    }
    return validate;
  }
}
