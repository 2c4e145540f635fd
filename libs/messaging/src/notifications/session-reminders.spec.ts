import { reminderTime } from './session-reminders.service.js';

describe('reminderTime', () => {
  const now = new Date('2026-07-18T00:00:00Z');

  it('falls the lead time before the start', () => {
    expect(reminderTime(new Date('2026-07-18T06:00:00Z'), 60, now)).toEqual(new Date('2026-07-18T05:00:00Z'));
  });

  it('is now when the lead time has already begun', () => {
    expect(reminderTime(new Date('2026-07-18T00:30:00Z'), 60, now)).toEqual(now);
  });

  it('is never once the session has begun', () => {
    expect(reminderTime(new Date('2026-07-18T00:00:00Z'), 60, now)).toBeNull();
    expect(reminderTime(new Date('2026-07-17T23:00:00Z'), 60, now)).toBeNull();
  });
});
