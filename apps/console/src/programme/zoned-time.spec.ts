import { describe, expect, it } from '@jest/globals';
import { eventDays, instantAtMinutes, instantOf, minutesOfDay, wallClockOf } from './zoned-time';

describe('The timetable\'s clock: UTC instants to the event zone\'s wall clock and back', () => {
  it('shows an early Beijing session on its Beijing day, though in UTC it starts the day before', () => {
    expect(wallClockOf('2025-07-17T23:30:00.000Z', 'Asia/Shanghai')).toEqual({ day: '2025-07-18', time: '07:30' });
    expect(minutesOfDay('2025-07-17T23:30:00.000Z', 'Asia/Shanghai')).toBe(7 * 60 + 30);
  });

  it('writes a wall-clock time back as the exact UTC instant, across the day boundary', () => {
    expect(instantOf('2025-07-18', '07:30', 'Asia/Shanghai')).toBe('2025-07-17T23:30:00.000Z');
    expect(instantAtMinutes('2025-07-18', 23 * 60 + 45, 'Europe/Moscow')).toBe('2025-07-18T20:45:00.000Z');
    for (const instant of ['2025-07-17T16:00:00.000Z', '2025-07-18T15:59:00.000Z', '2025-07-17T23:30:00.000Z']) {
      const { day, time } = wallClockOf(instant, 'Asia/Shanghai');
      expect(instantOf(day, time, 'Asia/Shanghai')).toBe(instant);
    }
  });

  it('follows a zone that changes its clocks (summer time starts in Berlin on 30 March 2025)', () => {
    expect(instantOf('2025-03-29', '10:00', 'Europe/Berlin')).toBe('2025-03-29T09:00:00.000Z');
    expect(instantOf('2025-03-30', '10:00', 'Europe/Berlin')).toBe('2025-03-30T08:00:00.000Z');
  });

  it('lists the event days inclusive, whatever the machine\'s own zone', () => {
    expect(eventDays('2025-07-18', '2025-07-20')).toEqual(['2025-07-18', '2025-07-19', '2025-07-20']);
    expect(eventDays('2025-07-18', '2025-07-18')).toEqual(['2025-07-18']);
  });
});
