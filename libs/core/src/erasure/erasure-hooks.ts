import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Erases one domain's personal data about a subject, inside the eraser's transaction. */
export type ErasureHandler = (manager: EntityManager, subjectId: string) => Promise<void>;

/**
 * Erasure crosses domains against the direction of their imports: identity erases an account, and messaging holds
 * copies of the mail sent to it; registration erases a registration, and agenda holds its documents and feeds.
 * The domain that owns the data registers a handler here (in its module's onModuleInit); the domain that erases
 * calls `erase…` with its transaction, so every table is written by its owner and the whole erasure commits or
 * rolls back together. Handlers run in registration order and must be idempotent (an erasure may be repeated).
 */
@Injectable()
export class ErasureHooks {
  private readonly userHandlers: { owner: string; handler: ErasureHandler }[] = [];
  private readonly registrationHandlers: { owner: string; handler: ErasureHandler }[] = [];

  /** `owner` names the domain, for tests and for the one-line error if a handler fails. */
  onUserErased(owner: string, handler: ErasureHandler): void {
    this.userHandlers.push({ owner, handler });
  }

  onRegistrationErased(owner: string, handler: ErasureHandler): void {
    this.registrationHandlers.push({ owner, handler });
  }

  async eraseUser(manager: EntityManager, userId: string): Promise<void> {
    for (const { handler } of this.userHandlers) await handler(manager, userId);
  }

  async eraseRegistration(manager: EntityManager, registrationId: string): Promise<void> {
    for (const { handler } of this.registrationHandlers) await handler(manager, registrationId);
  }

  /** The domains that take part, e.g. to check in a test that a module registered itself. */
  participants(): { user: string[]; registration: string[] } {
    return { user: this.userHandlers.map((h) => h.owner), registration: this.registrationHandlers.map((h) => h.owner) };
  }
}

@Global()
@Module({ providers: [ErasureHooks], exports: [ErasureHooks] })
export class ErasureModule {}
