import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import type { Page } from '#core/http/pagination.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { type CallerWithSession, CurrentCaller, Roles } from '#identity/index.js';
import { CreateOrganisationDto, CreatePersonDto, ListOrganisationsQueryDto, ListPeopleQueryDto, OrganisationDto, OrganisationPageDto, OrganisationsService, PeopleService, PersonDto, PersonPageDto, UpdateOrganisationDto, UpdatePersonDto } from '#programme/index.js';
import { PROGRAMME_READERS, PROGRAMME_WRITERS } from './programme-roles.js';

/** Organisations and people are shared by every edition (and, later, by registration and outcomes). */
@ApiTags('directory')
@Controller('api')
@ApiNotFoundResponse({ type: ErrorEnvelope })
export class DirectoryController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly people: PeopleService,
  ) {}

  @Post('organisations')
  @Roles(...PROGRAMME_WRITERS)
  @ApiCreatedResponse({ type: OrganisationDto })
  createOrganisation(@CurrentCaller() caller: CallerWithSession, @Body() dto: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.organisations.create(caller, dto);
  }

  @Get('organisations')
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: OrganisationPageDto })
  listOrganisations(@Query() query: ListOrganisationsQueryDto): Promise<Page<OrganisationDto>> {
    return this.organisations.list(query);
  }

  @Get('organisations/:id')
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: OrganisationDto })
  getOrganisation(@Param('id', UuidParam()) id: string): Promise<OrganisationDto> {
    return this.organisations.get(id);
  }

  @Patch('organisations/:id')
  @Roles(...PROGRAMME_WRITERS)
  @ApiOkResponse({ type: OrganisationDto })
  updateOrganisation(
    @CurrentCaller() caller: CallerWithSession,
    @Param('id', UuidParam()) id: string,
    @Body() dto: UpdateOrganisationDto,
  ): Promise<OrganisationDto> {
    return this.organisations.update(caller, id, dto);
  }

  @Post('people')
  @Roles(...PROGRAMME_WRITERS)
  @ApiCreatedResponse({ type: PersonDto })
  createPerson(@CurrentCaller() caller: CallerWithSession, @Body() dto: CreatePersonDto): Promise<PersonDto> {
    return this.people.create(caller, dto);
  }

  @Get('people')
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: PersonPageDto })
  listPeople(@Query() query: ListPeopleQueryDto): Promise<Page<PersonDto>> {
    return this.people.list(query);
  }

  @Get('people/:id')
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: PersonDto })
  getPerson(@Param('id', UuidParam()) id: string): Promise<PersonDto> {
    return this.people.get(id);
  }

  @Patch('people/:id')
  @Roles(...PROGRAMME_WRITERS)
  @ApiOkResponse({ type: PersonDto })
  updatePerson(@CurrentCaller() caller: CallerWithSession, @Param('id', UuidParam()) id: string, @Body() dto: UpdatePersonDto): Promise<PersonDto> {
    return this.people.update(caller, id, dto);
  }
}
