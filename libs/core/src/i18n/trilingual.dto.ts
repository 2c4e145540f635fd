import { ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI description of the `{ zh, en, ru }` value type. */
export class TrilingualDto {
  @ApiPropertyOptional({ example: '青岛' })
  zh?: string;

  @ApiPropertyOptional({ example: 'Qingdao' })
  en?: string;

  @ApiPropertyOptional({ example: 'Циндао' })
  ru?: string;
}
