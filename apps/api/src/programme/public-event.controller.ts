import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { Public } from '#identity/index.js';
import { EventsService, PublicEventDto } from '#programme/index.js';

@ApiTags('public')
@Controller('api/public/events')
export class PublicEventController {
  constructor(private readonly events: EventsService) {}

  @Get(':slug')
  @Public()
  @ApiOkResponse({
    type: PublicEventDto,
    description: 'A published edition: names, city, days, time zone, how to register and the consent notice (version and text) a registration must accept',
  })
  @ApiNotFoundResponse({ type: ErrorEnvelope, description: 'No such edition, or one not published (draft or archived)' })
  get(@Param('slug') slug: string): Promise<PublicEventDto> {
    return this.events.getPublished(slug);
  }
}
