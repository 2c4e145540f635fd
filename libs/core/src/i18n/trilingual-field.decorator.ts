import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsTrilingual, type TrilingualRules } from './is-trilingual.decorator.js';
import { TrilingualDto } from './trilingual.dto.js';

/**
 * A `{ zh, en, ru }` field of a request DTO: validated and documented in one
 * place. Optional fields accept null, which clears the value on update.
 */
export function TrilingualField(options: TrilingualRules & { optional?: boolean; description?: string } = {}): PropertyDecorator {
  const { optional, description, ...rules } = options;
  const decorators = [
    ApiProperty({ type: TrilingualDto, required: !optional, nullable: optional, description }),
    IsTrilingual(rules),
  ];
  if (optional) decorators.unshift(IsOptional());
  return applyDecorators(...decorators);
}
