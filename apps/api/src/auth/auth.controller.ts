import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { Authenticated, Public } from '#identity/access/access.decorator.js';
import { type CallerWithSession, CurrentCaller, RequestId } from '#identity/access/current-caller.decorator.js';
import { LocalAuthGuard } from '#identity/access/local-auth.guard.js';
import { LoginDto, LogoutDto, RefreshDto, TokenPairDto } from '#identity/auth/auth.dto.js';
import { AuthService } from '#identity/auth/auth.service.js';
import { LoggedInUser } from '#identity/access/logged-in-user.decorator.js';
import type { User } from '#identity/users/user.entity.js';
import { UserDto } from '#identity/users/user.dto.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ type: ErrorEnvelope, description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ type: ErrorEnvelope, description: 'TOO_MANY_LOGIN_ATTEMPTS: 5 failures per account or address per minute' })
  login(@LoggedInUser() user: User, @RequestId() requestId: string): Promise<TokenPairDto> {
    return this.auth.login(user, requestId);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ type: ErrorEnvelope, description: 'INVALID_REFRESH_TOKEN or REFRESH_TOKEN_REUSED (the session is revoked)' })
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse({ description: 'Signed out: the refresh token and the session are revoked' })
  logout(@CurrentCaller() caller: CallerWithSession, @Body() dto: LogoutDto): Promise<void> {
    return this.auth.logout(caller, dto.refreshToken, caller.sessionId);
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: UserDto })
  me(@CurrentCaller() caller: CallerWithSession): Promise<UserDto> {
    return this.auth.me(caller.userId);
  }
}
