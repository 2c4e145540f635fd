import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { Authenticated, AuthService, type CallerWithSession, CurrentCaller, InvalidRefreshTokenError, LocalAuthGuard, LoggedInUser, LoginDto, LogoutDto, Public, RefreshDto, RequestId, TokenPairDto, type User, UserDto } from '#identity/index.js';
import {
  answerWithRefreshCookies,
  clearRefreshCookies,
  hasRefreshCookies,
  REFRESH_COOKIE_SCHEME,
  refreshTokenFromCookie,
} from './refresh-cookies.js';

const SET_COOKIES = {
  'Set-Cookie': {
    description:
      'With refreshIn "cookie" (and on a refresh by cookie): sco_refresh=<token>; HttpOnly; SameSite=Strict; Path=/api/auth; ' +
      'Max-Age=<refresh lifetime>, and sco_csrf=<random>; SameSite=Strict; Path=/ (readable; send it back in X-CSRF-Token). ' +
      'Both are Secure unless the request came over plain http to localhost',
    schema: { type: 'string' },
  },
};
const CSRF_HEADER_DOC = {
  name: 'X-CSRF-Token',
  required: false,
  description: 'The value of the sco_csrf cookie; required when the sco_refresh cookie is sent',
};

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairDto, headers: SET_COOKIES, description: 'Without refreshToken when refreshIn is "cookie"' })
  @ApiUnauthorizedResponse({ type: ErrorEnvelope, description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ type: ErrorEnvelope, description: 'TOO_MANY_LOGIN_ATTEMPTS: 5 failures per account or address per minute' })
  async login(
    @LoggedInUser() user: User,
    @RequestId() requestId: string,
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairDto> {
    const pair = await this.auth.login(user, requestId);
    return dto.refreshIn === 'cookie' ? answerWithRefreshCookies(request, reply, pair) : pair;
  }

  /** A token in the body is an API client's and is answered in the body; otherwise the cookie's, answered in cookies. */
  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiCookieAuth(REFRESH_COOKIE_SCHEME)
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiOkResponse({ type: TokenPairDto, headers: SET_COOKIES, description: 'Without refreshToken when it came in the cookie' })
  @ApiUnauthorizedResponse({ type: ErrorEnvelope, description: 'INVALID_REFRESH_TOKEN (none given, or invalid) or REFRESH_TOKEN_REUSED (the session is revoked)' })
  @ApiForbiddenResponse({ type: ErrorEnvelope, description: 'CSRF_TOKEN_INVALID: the cookie came without the matching X-CSRF-Token (nothing rotated)' })
  async refresh(
    @Body() dto: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairDto> {
    if (dto.refreshToken) return this.auth.refresh(dto.refreshToken);
    const fromCookie = refreshTokenFromCookie(request);
    if (!fromCookie) throw new InvalidRefreshTokenError();
    try {
      return answerWithRefreshCookies(request, reply, await this.auth.refresh(fromCookie));
    } catch (error) {
      // A dead cookie is of no use to the browser: it is dropped with the refusal, so the console goes to sign-in.
      if (error instanceof InvalidRefreshTokenError) clearRefreshCookies(request, reply);
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiNoContentResponse({ headers: SET_COOKIES, description: 'The session is revoked; the cookies, if any, expire (Max-Age=0)' })
  @ApiForbiddenResponse({ type: ErrorEnvelope, description: 'CSRF_TOKEN_INVALID: the sco_refresh cookie came without the matching X-CSRF-Token' })
  async logout(
    @CurrentCaller() caller: CallerWithSession,
    @Body() dto: LogoutDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const fromCookie = dto.refreshToken ? undefined : refreshTokenFromCookie(request);
    await this.auth.logout(caller, dto.refreshToken ?? fromCookie, caller.sessionId);
    if (hasRefreshCookies(request)) clearRefreshCookies(request, reply);
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: UserDto })
  me(@CurrentCaller() caller: CallerWithSession): Promise<UserDto> {
    return this.auth.me(caller.userId);
  }
}
