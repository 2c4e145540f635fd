import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { NotFoundError } from '#core/errors/app-error.js';
import { type Caller, SYSTEM_CALLER } from '#core/http/caller.js';
import { PasswordHasher } from '../users/password-hasher.service.js';
import { User } from '../users/user.entity.js';
import { toUserDto, type UserDto } from '../users/user.dto.js';
import { AuthSession } from './auth-session.entity.js';
import { InvalidCredentialsError, InvalidRefreshTokenError } from './auth-errors.js';
import type { AccessTokenClaims } from './authenticated-user.js';
import type { TokenPairDto } from './auth.dto.js';
import { LoginThrottle } from './login-throttle.service.js';
import { RefreshToken } from './refresh-token.entity.js';
import { SessionRevoker } from './session-revoker.service.js';

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly sessions: SessionRevoker,
  ) {}

  /** Checks a login under the rate limit; an unknown email costs as much time as a wrong password. */
  async verifyCredentials(email: string, password: string, address: string): Promise<User> {
    const user = await this.throttle.guard(email, address, async () => {
      const found = await this.dataSource.getRepository(User).findOneBy({ email: email.toLowerCase() });
      if (!found || !found.active) return this.hasher.verifyDecoy(password).then(() => undefined);
      return (await this.hasher.verify(found.passwordHash, password)) ? found : undefined;
    });
    if (!user) throw new InvalidCredentialsError();
    return user;
  }

  /** Opens a session for a user whose credentials were checked, and returns its first tokens. */
  async login(user: User, requestId: string): Promise<TokenPairDto> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.save(manager.create(AuthSession, { userId: user.id }));
      await manager.update(User, { id: user.id }, { lastLoginAt: () => 'now()' });
      await this.audit.record(
        manager,
        { userId: user.id, role: user.role, requestId },
        { action: 'auth.login', entity: 'auth_session', entityId: session.id },
      );
      return this.issue(manager, user, session.id);
    });
  }

  /**
   * Rotates a refresh token. The token is marked used by a conditional update, so
   * of two requests with one token exactly one wins; the other, like any later
   * reuse of a rotated token, revokes the whole session (it may be a stolen copy).
   */
  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const hash = sha256(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rotated = (await manager.query(
        `UPDATE refresh_token SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING session_id`,
        [hash],
      )) as [{ session_id: string }[], number];
      const sessionId = rotated[0][0]?.session_id;
      if (!sessionId) {
        const [known] = (await manager.query(
          `SELECT session_id, used_at FROM refresh_token WHERE token_hash = $1`,
          [hash],
        )) as { session_id: string; used_at: Date | null }[];
        if (known?.used_at) {
          // A rotated token came back: it may be a stolen copy, so the whole session ends (and that is audited).
          if (await this.sessions.revoke(manager, known.session_id, 'refresh token reused')) {
            await this.audit.record(manager, SYSTEM_CALLER, {
              action: 'auth.refresh_token_reused',
              entity: 'auth_session',
              entityId: known.session_id,
            });
          }
          return { error: new InvalidRefreshTokenError('REFRESH_TOKEN_REUSED') };
        }
        return { error: new InvalidRefreshTokenError() };
      }
      const [row] = (await manager.query(
        `SELECT u.id FROM auth_session s JOIN app_user u ON u.id = s.user_id
          WHERE s.id = $1 AND s.revoked_at IS NULL AND u.active`,
        [sessionId],
      )) as { id: string }[];
      if (!row) return { error: new InvalidRefreshTokenError() };
      const user = await manager.findOneByOrFail(User, { id: row.id });
      return { tokens: await this.issue(manager, user, sessionId) };
    });
    // The revocation above must commit, so the error is thrown only after the transaction.
    if (outcome.error) throw outcome.error;
    return outcome.tokens!;
  }

  /** Ends the session a refresh token belongs to; unknown tokens are ignored (logout is idempotent). */
  async logout(caller: Caller, refreshToken: string | undefined, sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      let target = sessionId;
      if (refreshToken) {
        const [row] = (await manager.query(
          `SELECT t.session_id FROM refresh_token t JOIN auth_session s ON s.id = t.session_id
            WHERE t.token_hash = $1 AND s.user_id = $2`,
          [sha256(refreshToken), caller.userId],
        )) as { session_id: string }[];
        if (row) target = row.session_id;
      }
      if (await this.sessions.revoke(manager, target, 'logout')) {
        await this.audit.record(manager, caller, { action: 'auth.logout', entity: 'auth_session', entityId: target });
      }
    });
  }

  async me(userId: string): Promise<UserDto> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user) throw new NotFoundError('User', { id: userId });
    return toUserDto(user);
  }

  private async issue(manager: EntityManager, user: User, sessionId: string): Promise<TokenPairDto> {
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000);
    await manager.insert(RefreshToken, { sessionId, tokenHash: sha256(refreshToken), expiresAt });
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.accessTokenTtlSeconds,
      refreshToken,
      refreshTokenExpiresAt: expiresAt.toISOString(),
      user: toUserDto(user),
    };
  }
}
