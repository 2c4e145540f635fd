import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { Public } from '#identity/index.js';
import { PublicProgrammeDto, PublicProgrammeQueryDto, PublicProgrammeService } from '#programme/index.js';
import { sendProgramme } from './programme-fast-path.js';

@ApiTags('public')
@Controller('api/public/events/:slug')
export class PublicProgrammeController {
  constructor(private readonly programme: PublicProgrammeService) {}

  /**
   * The full route: validates the query, renders and serializes the view, and keeps the answer for the fast path
   * (programme-fast-path.ts), which sends the same bytes to the next identical request.
   */
  @Get('programme')
  @Public()
  @ApiHeader({ name: 'Accept-Language', required: false })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiHeader({ name: 'Accept-Encoding', required: false, description: 'gzip is sent when accepted' })
  @ApiOkResponse({ type: PublicProgrammeDto, description: 'The latest release in one language, public sessions only' })
  @ApiResponse({ status: 304, description: 'Not modified (ETag)' })
  @ApiNotFoundResponse({ type: ErrorEnvelope, description: 'No such event, an edition not published (draft or archived), or no release yet' })
  async get(
    @Param('slug') slug: string,
    @Query() query: PublicProgrammeQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const served = await this.programme.programme(slug, query, acceptLanguage);
    this.programme.remember(request.url, acceptLanguage, served);
    sendProgramme(request, reply, served);
  }
}
