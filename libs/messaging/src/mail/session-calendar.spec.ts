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
    expect(ics).toContain('UID:session-7b0c5d2e-1111-4222-8333-944455556666@sco-backoffice');
    expect(ics).toContain('DTSTART:20250719T060000Z');
    expect(ics).toContain('DTEND:20250719T073000Z');
    expect(ics).toContain('X-WR-TIMEZONE:Asia/Shanghai');
  });

  it('keeps Cyrillic and Chinese text, escaping what iCalendar reserves', () => {
    const ics = sessionCalendar({ ...entry, summary: '开幕式; 主旨演讲, 第一部分' });
    expect(ics).toContain('SUMMARY:开幕式\\; 主旨演讲\\, 第一部分');
    expect(ics).toContain('LOCATION:Зал 1');
  });
});
