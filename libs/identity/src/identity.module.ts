import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { AuthSession } from './auth/auth-session.entity.js';
import { AuthService } from './auth/auth.service.js';
import { JWT_AUDIENCE, JWT_ISSUER } from './auth/authenticated-user.js';
import { LoginThrottle } from './auth/login-throttle.service.js';
import { RefreshToken } from './auth/refresh-token.entity.js';
import { SessionRevoker } from './auth/session-revoker.service.js';
import { IdentitySeedRepository } from './seeding/identity-seed.repository.js';
import { FirstAdminService } from './users/first-admin.service.js';
import { PasswordHasher } from './users/password-hasher.service.js';
import { User } from './users/user.entity.js';
import { UserRepository } from './users/user.repository.js';
import { UsersService } from './users/users.service.js';

/** Users, roles, password hashing and sessions. The HTTP side (guards, strategies) is in IdentityHttpModule. */
@Module({
  imports: [
    TypeOrmModule.forFeature([User, AuthSession, RefreshToken]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object made once: given the string, jsonwebtoken first tries to read it as a PEM private key on
        // every signature, which fails inside OpenSSL and throws before it falls back to a secret key (~0.6 ms each).
        secret: createSecretKey(Buffer.from(config.jwtSecret)),
        signOptions: {
          algorithm: 'HS256',
          expiresIn: config.accessTokenTtlSeconds,
          issuer: JWT_ISSUER,
          audience: JWT_AUDIENCE,
        },
        verifyOptions: { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
      }),
    }),
  ],
  providers: [UsersService, AuthService, PasswordHasher, LoginThrottle, SessionRevoker, FirstAdminService, UserRepository, IdentitySeedRepository],
  exports: [UsersService, AuthService, PasswordHasher, FirstAdminService, TypeOrmModule, UserRepository, IdentitySeedRepository],
})
export class IdentityModule {}
