import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { type AccessTokenClaims, type AuthenticatedUser, JWT_AUDIENCE, JWT_ISSUER } from '../auth/authenticated-user.js';

/**
 * Bearer tokens: HS256 only (so `alg: none` and other algorithms are refused),
 * with issuer, audience and expiry checked. The user and the session are read on
 * every call, so deactivation, a role change and logout take effect at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object made once. Given the string, jsonwebtoken first tries to read it as a PEM public key on every
      // call, which fails inside OpenSSL and throws before it falls back to a secret key: about 0.6 ms of CPU per
      // authenticated request (bench/, check-in profile). passport-jwt hands the value to jsonwebtoken untouched,
      // which takes a KeyObject; the cast is for passport-jwt's types, which only list string and Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthenticatedUser | false> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (!uuid.test(claims.sub) || !uuid.test(claims.sid)) return false;
    const [row] = (await this.dataSource.query(
      `SELECT u.id, u.role FROM app_user u JOIN auth_session s ON s.user_id = u.id
        WHERE u.id = $1 AND s.id = $2 AND u.active AND s.revoked_at IS NULL`,
      [claims.sub, claims.sid],
    )) as { id: string; role: AuthenticatedUser['role'] }[];
    return row ? { id: row.id, role: row.role, sessionId: claims.sid } : false;
  }
}
