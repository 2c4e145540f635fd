import { hash, verify } from '@node-rs/argon2';
import { availableParallelism } from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import pLimit, { type LimitFunction } from 'p-limit';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { hashSlotsFor } from './hash-slots.js';

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). The
 * parameters are stored in each hash, so raising them later keeps old hashes valid.
 * Every computation, decoys included, goes through one limit (p-limit: at most hashSlotsFor(...) at once, the rest
 * in arrival order; hash-slots.ts says why). The hasher is a singleton of IdentityModule, so the limit is the process's.
 */
/** `algorithm: 2` is Argon2id (the package's const enum cannot be imported under isolatedModules). */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A valid hash of a random password: verifying against it costs the same as a real check. */
let decoyHash: Promise<string> | undefined;

@Injectable()
export class PasswordHasher {
  private readonly slots: LimitFunction;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'libuvPoolSize'>) {
    this.slots = pLimit(hashSlotsFor(availableParallelism(), config.libuvPoolSize));
  }

  hash(password: string): Promise<string> {
    return this.slots(() => hash(password, ARGON2_OPTIONS));
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await this.slots(() => verify(passwordHash, password));
    } catch {
      return false;
    }
  }

  /** Spends the time of one verification so an unknown email answers as slowly as a wrong password. */
  async verifyDecoy(password: string): Promise<false> {
    decoyHash ??= this.hash(`decoy-${Math.random()}`);
    await this.verify(await decoyHash, password);
    return false;
  }
}
