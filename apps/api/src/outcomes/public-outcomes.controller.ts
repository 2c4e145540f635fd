import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Public } from '#identity/index.js';
import { OutcomesPdfService } from '#agenda/index.js';
import { outcomesCsv, outcomesHtml, PublicOutcomesDto, PublicOutcomesService } from '#outcomes/index.js';
import { ApiFileResponse } from '../openapi-media.js';

export class PublicOutcomesQueryDto {
  @ApiPropertyOptional({ enum: ['zh', 'en', 'ru'], description: 'Else Accept-Language, else the event default; any other value answers 400 UNSUPPORTED_LANGUAGE' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  lang?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'html', 'pdf'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'html', 'pdf'])
  format?: 'json' | 'csv' | 'html' | 'pdf';
}

@ApiTags('public')
@Controller('api/public/events/:slug')
export class PublicOutcomesController {
  constructor(
    private readonly outcomes: PublicOutcomesService,
    private readonly pdfs: OutcomesPdfService,
  ) {}

  @Get('outcomes')
  @Public()
  @ApiFileResponse({
    files: ['text/csv', 'text/html', 'application/pdf'],
    json: PublicOutcomesDto,
    description:
      'Published outcomes, grouped by session and track, with counts by kind, country and cooperation area; confidential parts never shown. ' +
      'Each says when it was signed or took place (`completed`: ISO instant, local time with the offset of the event zone, and the text ' +
      'in the reader\'s language) and gives a public amount both raw (`amount`, `currency`) and `formatted` for the reader (Intl).',
  })
  async list(
    @Param('slug') slug: string,
    @Query() query: PublicOutcomesQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const list = await this.outcomes.list(slug, query.lang, acceptLanguage);
    void reply.header('content-language', list.language);
    if (query.format === 'csv') {
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="outcomes-${list.language}.csv"`);
      return outcomesCsv(list);
    }
    if (query.format === 'pdf') {
      void reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="outcomes-${list.language}.pdf"`);
      return this.pdfs.pdf(list);
    }
    if (query.format === 'html') {
      void reply.header('content-type', 'text/html; charset=utf-8');
      return outcomesHtml(list);
    }
    return list;
  }
}
