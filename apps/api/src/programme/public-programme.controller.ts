import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { Public } from '#identity/access/access.decorator.js';
import { PublicProgrammeDto, PublicProgrammeQueryDto } from '#programme/public/public-programme.dto.js';
import { PublicProgrammeService } from '#programme/public/public-programme.service.js';

@ApiTags('public')
@Controller('api/public/events/:slug')
export class PublicProgrammeController {
  constructor(private readonly programme: PublicProgrammeService) {}

  @Get('programme')
  @Public()
  @ApiHeader({ name: 'Accept-Language', required: false })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({ type: PublicProgrammeDto, description: 'The latest release in one language, public sessions only' })
  @ApiResponse({ status: 304, description: 'Not modified (ETag)' })
  @ApiNotFoundResponse({ type: ErrorEnvelope, description: 'No such event, or nothing published yet' })
  async get(
    @Param('slug') slug: string,
    @Query() query: PublicProgrammeQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicProgrammeDto | undefined> {
    const answer = await this.programme.programme(slug, query, acceptLanguage, ifNoneMatch);
    void reply.status(answer.status).headers(answer.headers);
    return answer.body;
  }
}
