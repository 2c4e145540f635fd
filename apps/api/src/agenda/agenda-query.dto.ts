import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { LANGUAGES } from '#core/i18n/language.js';

export class AgendaQueryDto {
  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: 'Else Accept-Language (public) or the delegate\'s own language, else the event default. Any other value than zh, en, ru (or a regional tag of one) answers 400 UNSUPPORTED_LANGUAGE',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  lang?: string;
}
