import type { EntityManager } from 'typeorm';
import type { AppError } from './app-error.js';

/** What an organiser's change of a session tried: its new times (absent when they did not change). */
export interface SessionChangeAttempt {
  sessionId: string;
  startsAt?: Date;
  endsAt?: Date;
}

/**
 * Says, after the failed transaction, which records a session change collided with under a rule owned by
 * another domain (a delegate's seats, held by the registration library's exclusion constraint). The programme
 * cannot read those tables itself (one owner per table) and the owner is not its dependency, so the owner
 * registers its explanation here, as it registers its constraint's code.
 */
export type SessionChangeExplainer = (manager: EntityManager, attempt: SessionChangeAttempt) => Promise<AppError>;

const explainers = new Map<string, SessionChangeExplainer>();

export function registerSessionChangeExplainer(constraint: string, explain: SessionChangeExplainer): void {
  explainers.set(constraint, explain);
}

export function sessionChangeExplainer(constraint: string | undefined): SessionChangeExplainer | undefined {
  return constraint === undefined ? undefined : explainers.get(constraint);
}
