import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from './access/access.guard.js';
import { JwtStrategy } from './access/jwt.strategy.js';
import { LocalStrategy } from './access/local.strategy.js';
import { RouteAccessChecker } from './access/route-access.checker.js';
import { IdentityModule } from './identity.module.js';

/** Passport strategies, the global access guard and the boot-time check that every route declares its access. */
@Module({
  imports: [IdentityModule, PassportModule, DiscoveryModule],
  providers: [JwtStrategy, LocalStrategy, RouteAccessChecker, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [IdentityModule, RouteAccessChecker],
})
export class IdentityHttpModule {}
