import type { OpenAPIObject } from '@nestjs/swagger';
import { toOpenApi31 } from './openapi-3-1.js';

const documentWith = (schemas: Record<string, object>) =>
  ({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas } }) as unknown as OpenAPIObject;

describe('toOpenApi31', () => {
  it('turns a nullable reference (as Nest writes it) into oneOf the reference or null', () => {
    const out = toOpenApi31(documentWith({ S: { type: 'object', properties: { theme: { nullable: true, type: 'object', description: 'd', allOf: [{ $ref: '#/components/schemas/T' }] } } } }));
    expect(out.openapi).toBe('3.1.0');
    expect(out.components!.schemas!.S).toEqual({ type: 'object', properties: { theme: { description: 'd', oneOf: [{ $ref: '#/components/schemas/T' }, { type: 'null' }] } } });
  });

  it('widens a nullable scalar and a nullable enum to null', () => {
    const out = toOpenApi31(documentWith({ S: { properties: { roomId: { type: 'string', format: 'uuid', nullable: true }, kind: { type: 'string', enum: ['a', 'b'], nullable: true } } } }));
    expect(out.components!.schemas!.S).toEqual({ properties: { roomId: { type: ['string', 'null'], format: 'uuid' }, kind: { type: ['string', 'null'], enum: ['a', 'b', null] } } });
  });

  it('leaves what is not nullable as it was, dropping a nullable: false', () => {
    const out = toOpenApi31(documentWith({ S: { properties: { name: { type: 'string', nullable: false }, title: { $ref: '#/components/schemas/T' } } } }));
    expect(out.components!.schemas!.S).toEqual({ properties: { name: { type: 'string' }, title: { $ref: '#/components/schemas/T' } } });
  });
});
