import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { auditWriteSql, readAllSql, SqlParams } from '#core/database/write-ctes.js';
import { NotFoundError } from '#core/errors/app-error.js';
import { type Caller, SYSTEM_CALLER } from '#core/http/caller.js';
import { PasswordHasher } from '../users/password-hasher.service.js';
import { User } from '../users/user.entity.js';
import { toUserDto, type UserDto } from '../users/user.dto.js';
import { InvalidCredentialsError, InvalidRefreshTokenError } from './auth-errors.js';
import type { AccessTokenClaims } from './authenticated-user.js';
import type { TokenPairDto } from './auth.dto.js';
import { giveBackStatement, LoginThrottle, type OnSuccess } from './login-throttle.service.js';
import { RefreshToken } from './refresh-token.entity.js';
import { SessionRevoker } from './session-revoker.service.js';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: User['role'];
  preferred_language: User['preferredLanguage'];
  password_hash: string;
  active: boolean;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

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

  /**
   * Account counters a successful login check left bumped, by the user it returned: login() gives the bump back
   * in its own statement. Weak, so a user whose request never reaches login() leaves nothing behind here.
   */
  private readonly pendingGiveBacks = new WeakMap<User, string>();

  /** Checks a login under the rate limit; an unknown email costs as much time as a wrong password. */
  verifyCredentials(email: string, password: string, address: string): Promise<User> {
    return this.check(email, password, address, 'give back');
  }

  /**
   * The login route's check (LocalStrategy): as verifyCredentials, but the account's bump on the throttle is
   * given back by login(), in the statement that opens the session, rather than by a commit of its own.
   */
  async verifyLogin(email: string, password: string, address: string): Promise<User> {
    const user = await this.check(email, password, address, 'caller gives back');
    this.pendingGiveBacks.set(user, this.throttle.accountKey(email));
    return user;
  }

  private async check(email: string, password: string, address: string, onSuccess: OnSuccess): Promise<User> {
    const user = await this.throttle.guard(
      email,
      address,
      async () => {
        const found = await this.findByEmail(email);
        if (!found || !found.active) return this.hasher.verifyDecoy(password).then(() => undefined);
        return (await this.hasher.verify(found.passwordHash, password)) ? found : undefined;
      },
      onSuccess,
    );
    if (!user) throw new InvalidCredentialsError();
    return user;
  }

  /** The user with this email, read with one plain query: the entity as TypeORM's findOneBy would build it. */
  private async findByEmail(email: string): Promise<User | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT id, email, display_name, role, preferred_language, password_hash, active, last_login_at, created_at, updated_at
         FROM app_user WHERE email = $1`,
      [email.toLowerCase()],
    )) as UserRow[];
    if (!row) return undefined;
    return Object.assign(new User(), {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      preferredLanguage: row.preferred_language,
      passwordHash: row.password_hash,
      active: row.active,
      lastLoginAt: row.last_login_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
  }

  /**
   * Opens a session for a user whose credentials were checked, and returns its first tokens. The session, the
   * user's last login, the audit entry (the row AuditService.record writes for auth.login: no before, no after),
   * the first refresh token and the give-back of the throttle's bump are one statement, so they commit or roll
   * back together in one round trip. The response's user is the one that was checked (its previous last login).
   */
  async login(user: User, requestId: string): Promise<TokenPairDto> {
    const accountKey = this.pendingGiveBacks.get(user) ?? null;
    this.pendingGiveBacks.delete(user);
    const sessionId = randomUUID();
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000);
    try {
      const tokens = await this.tokenPair(user, sessionId, refreshToken, expiresAt);
      // The audit entry is core's writer's (auditWriteSql, core_write_audit), composed into this one statement.
      const p = new SqlParams();
      const session = p.add(sessionId, 'uuid');
      const userId = p.add(user.id, 'uuid');
      const caller: Caller = { userId: user.id, role: user.role, requestId };
      const audited = auditWriteSql(p, caller, { action: 'auth.login', entity: 'auth_session', entityId: sessionId }, 'FROM session');
      await this.dataSource.query(
        `WITH session AS (
           INSERT INTO auth_session (id, user_id) VALUES (${session}, ${userId}) RETURNING id
         ), seen AS (
           UPDATE app_user SET last_login_at = now(), updated_at = now() WHERE id = ${userId}
         ), audited AS (
           ${audited}
         ), token AS (
           INSERT INTO refresh_token (session_id, token_hash, expires_at)
           SELECT id, ${p.add(sha256(refreshToken), 'text')}, ${p.add(expiresAt, 'timestamptz')} FROM session
         ), given_back AS (
           ${giveBackStatement(p.add(accountKey, 'text'), p.add(this.throttle.window))}
         )
         SELECT ${readAllSql(['audited'])}`,
        p.values,
      );
      return tokens;
    } catch (error) {
      // Nothing was written, so the checked login must not stay counted as a failure.
      if (accountKey) await this.throttle.giveBack(accountKey).catch(() => undefined);
      throw error;
    }
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
    return this.tokenPair(user, sessionId, refreshToken, expiresAt);
  }

  private async tokenPair(user: User, sessionId: string, refreshToken: string, expiresAt: Date): Promise<TokenPairDto> {
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
