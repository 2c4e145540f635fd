import { calendarSequence } from '#core/calendar/calendar-identity.js';
import { sessionCalendar } from './session-calendar.js';

describe('sessionCalendar', () => {
  const entry = {
    sessionId: '7b0c5d2e-1111-4222-8333-944455556666',
    summary: 'Форум по логистике',
    location: 'Зал 1',
    startsAt: '2025-07-19T14:00:00+08:00',
    endsAt: '2025-07-19T15:30:00+08:00',
    timeZone: 'Asia/Shanghai',
  };

  it('writes one published event in UTC with the session as its stable UID', () => {
    const ics = sessionCalendar(entry);
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('UID:7b0c5d2e-1111-4222-8333-944455556666@sco-backoffice');
    expect(ics).toContain('DTSTART:20250719T060000Z');
    expect(ics).toContain('DTEND:20250719T073000Z');
    expect(ics).toContain('X-WR-TIMEZONE:Asia/Shanghai');
  });

  it('keeps Cyrillic and Chinese text, escaping what iCalendar reserves', () => {
    const ics = sessionCalendar({ ...entry, summary: '开幕式; 主旨演讲, 第一部分' });
    expect(ics).toContain('SUMMARY:开幕式\\; 主旨演讲\\, 第一部分');
    expect(ics).toContain('LOCATION:Зал 1');
  });

  it('numbers entries by the second they are recorded, so a later message outranks an earlier one', () => {
    expect(calendarSequence(new Date('2024-12-31T23:00:00Z'))).toBe(0);
    expect(calendarSequence(new Date('2025-01-01T00:00:59Z'))).toBe(59);
    expect(calendarSequence(new Date('2025-07-18T01:00:01Z'))).toBeGreaterThan(calendarSequence(new Date('2025-07-18T01:00:00Z')));
    // Decades of seconds stay far inside the 32-bit integers calendar programs keep SEQUENCE in.
    expect(calendarSequence(new Date('2075-01-01T00:00:00Z'))).toBeLessThan(2 ** 31);

    expect(sessionCalendar(entry)).toContain('SEQUENCE:0');
    const moved = sessionCalendar({ ...entry, sequence: 4 });
    expect(moved).toContain('SEQUENCE:4');
    expect(moved).toContain('STATUS:CONFIRMED');
  });

  it('marks a seat that is gone as cancelled, under the same UID, so the calendar removes it', () => {
    const ics = sessionCalendar({ ...entry, sequence: 5, cancelled: true });
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('UID:7b0c5d2e-1111-4222-8333-944455556666@sco-backoffice');
    expect(ics).toContain('SEQUENCE:5');
  });
});
