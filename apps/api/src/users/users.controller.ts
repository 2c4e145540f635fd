import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import type { Page } from '#core/http/pagination.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { type CallerWithSession, CreateUserDto, CurrentCaller, ListUsersQueryDto, Role, Roles, UpdateUserDto, UserDto, UserPageDto, UsersService } from '#identity/index.js';

@ApiTags('users')
@Controller('api/users')
@Roles(Role.Admin)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: ListUsersQueryDto): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'EMAIL_TAKEN' })
  create(@CurrentCaller() caller: CallerWithSession, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(caller, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorEnvelope })
  get(@Param('id', UuidParam()) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorEnvelope })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'LAST_ADMIN: the last active admin cannot be deactivated or demoted' })
  update(
    @CurrentCaller() caller: CallerWithSession,
    @Param('id', UuidParam()) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.update(caller, id, dto);
  }
}
