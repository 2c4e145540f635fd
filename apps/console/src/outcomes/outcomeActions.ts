import type { Role } from '../auth/session';
import type { Action, Outcome } from './outcomesApi';

/** Organisers and admins publish (approve / withdraw); the api refuses anyone else (403). */
export const PUBLISHERS: readonly Role[] = ['admin', 'organiser'];

/**
 * The actions the api accepts for an outcome in its state, copied from its rules (OutcomesService.transition: the
 * conditional UPDATE of each action), so that a button shows only where a press can succeed. The api still decides:
 * a refusal (a race, AGREEMENT_NOT_READY) is shown by its code.
 *   ready:    an agreement that is planned
 *   sign:     an agreement that is ready
 *   done:     any other kind that is planned
 *   cancel:   planned or ready
 *   approve:  signed or done, not yet published (organisers)
 *   withdraw: published (organisers)
 */
export function allowedActions(outcome: Pick<Outcome, 'kind' | 'status' | 'approvedAt'>, role: Role | undefined): Action[] {
  const agreement = outcome.kind === 'agreement';
  const actions: Action[] = [];
  if (agreement && outcome.status === 'planned') actions.push('ready');
  if (agreement && outcome.status === 'ready') actions.push('sign');
  if (!agreement && outcome.status === 'planned') actions.push('done');
  if (outcome.status === 'planned' || outcome.status === 'ready') actions.push('cancel');
  if (role && PUBLISHERS.includes(role)) {
    if ((outcome.status === 'signed' || outcome.status === 'done') && !outcome.approvedAt) actions.push('approve');
    if (outcome.approvedAt) actions.push('withdraw');
  }
  return actions;
}

/** A signed copy is attached to an agreement once it is ready or signed, to any other outcome once it is done (DOCUMENT_NOT_EXPECTED otherwise). */
export function takesDocument(outcome: Pick<Outcome, 'kind' | 'status'>): boolean {
  return outcome.kind === 'agreement' ? outcome.status === 'ready' || outcome.status === 'signed' : outcome.status === 'done';
}
