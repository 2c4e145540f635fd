import { describe, expect, it } from '@jest/globals';
import { DEFAULT_LENGTH, drawnRange, formatMinutes, minuteAt, snap } from './gridGeometry';
import { collidingSession } from './refusal';

describe('The day grid\'s drag arithmetic', () => {
  it('snaps to 15 minutes and keeps a drop inside the shown hours', () => {
    expect(snap(7)).toBe(0);
    expect(snap(8)).toBe(15);
    expect(minuteAt(427, 7 * 60, 21 * 60)).toBe(14 * 60);
    expect(minuteAt(-30, 7 * 60, 21 * 60)).toBe(7 * 60);
    expect(minuteAt(5000, 7 * 60, 21 * 60)).toBe(21 * 60);
  });

  it('draws a range in either direction, and a click without a drag as an hour', () => {
    expect(drawnRange(15 * 60, 14 * 60)).toEqual({ start: 14 * 60, end: 15 * 60 });
    expect(drawnRange(600, 600)).toEqual({ start: 600, end: 600 + DEFAULT_LENGTH });
    expect(formatMinutes(9 * 60 + 5)).toBe('09:05');
  });
});

describe('A refusal\'s colliding session', () => {
  it('is read from the envelope\'s details, and absent when the api names none', () => {
    const conflictingSession = { id: 's1', title: { ru: 'Пленарное заседание' }, startsAt: '2025-07-18T02:00:00.000Z', endsAt: '2025-07-18T03:00:00.000Z' };
    expect(collidingSession({ statusCode: 409, code: 'ROOM_CONFLICT', message: '', details: { roomId: 'r', conflictingSession } })).toEqual(conflictingSession);
    expect(collidingSession({ statusCode: 409, code: 'ROOM_CONFLICT', message: '', details: { roomId: 'r' } })).toBeUndefined();
    expect(collidingSession({ statusCode: 400, code: 'VALIDATION_FAILED', message: '', details: [{ field: 'title' }] })).toBeUndefined();
  });
});
