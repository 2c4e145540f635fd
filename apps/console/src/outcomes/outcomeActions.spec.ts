import { describe, expect, it } from '@jest/globals';
import { allowedActions, takesDocument } from './outcomeActions';

describe('allowedActions', () => {
  const agreement = (status: 'planned' | 'ready' | 'signed' | 'cancelled', approvedAt: string | null = null) => ({ kind: 'agreement' as const, status, approvedAt });
  const unveiling = (status: 'planned' | 'done' | 'cancelled', approvedAt: string | null = null) => ({ kind: 'unveiling' as const, status, approvedAt });

  it('follows the life of an agreement: planned → ready → signed, cancellable until signed', () => {
    expect(allowedActions(agreement('planned'), 'staff')).toEqual(['ready', 'cancel']);
    expect(allowedActions(agreement('ready'), 'staff')).toEqual(['sign', 'cancel']);
    expect(allowedActions(agreement('signed'), 'staff')).toEqual([]);
    expect(allowedActions(agreement('cancelled'), 'organiser')).toEqual([]);
  });

  it('marks other outcomes done from planned, never ready or signed', () => {
    expect(allowedActions(unveiling('planned'), 'staff')).toEqual(['done', 'cancel']);
    expect(allowedActions(unveiling('done'), 'staff')).toEqual([]);
  });

  it('offers approve and withdraw to organisers and admins only', () => {
    expect(allowedActions(agreement('signed'), 'organiser')).toEqual(['approve']);
    expect(allowedActions(unveiling('done'), 'admin')).toEqual(['approve']);
    expect(allowedActions(agreement('signed', '2025-07-18T04:00:00.000Z'), 'organiser')).toEqual(['withdraw']);
    expect(allowedActions(agreement('signed', '2025-07-18T04:00:00.000Z'), 'staff')).toEqual([]);
  });

  it('takes a document when the api expects one', () => {
    expect(takesDocument(agreement('planned'))).toBe(false);
    expect(takesDocument(agreement('ready'))).toBe(true);
    expect(takesDocument(agreement('signed'))).toBe(true);
    expect(takesDocument(unveiling('planned'))).toBe(false);
    expect(takesDocument(unveiling('done'))).toBe(true);
  });
});
