import { jest } from '@jest/globals';
import { agendaFixture, FIXTURE_TITLES } from '#testing/agenda-fixture.js';
import { calendarSequence, sessionUid } from '#core/calendar/calendar-identity.js';
import { agendaIcs } from './agenda-ics.js';

const OPTIONS = { calendarName: 'SCO 2025 — Programme', url: 'https://conference.example/agenda/en.ics' };

/** The content lines of an iCalendar text: folded lines joined back (RFC 5545 §3.1). */
function contentLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

/** The value of a property (parameters allowed), text escapes undone. */
function values(lines: string[], name: string): string[] {
  return lines
    .filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
    .map((l) => l.slice(l.indexOf(':') + 1).replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1'));
}

function events(ics: string): string[][] {
  const lines = contentLines(ics);
  const out: string[][] = [];
  lines.forEach((l, i) => {
    if (l === 'BEGIN:VEVENT') out.push(lines.slice(i, lines.indexOf('END:VEVENT', i) + 1));
  });
  return out;
}

describe(agendaIcs.name, () => {
  it('is a published, refreshing calendar with one event per session', () => {
    const programme = agendaFixture('en');
    const ics = agendaIcs(programme, OPTIONS);
    const lines = contentLines(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true); // folded as RFC 5545 asks
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines).toContain('X-WR-CALNAME:SCO 2025 — Programme');
    expect(lines).toContain('URL:https://conference.example/agenda/en.ics');
    expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(lines).toContain('X-PUBLISHED-TTL:PT1H');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(programme.sessions.length);
    expect(values(lines, 'UID')).toEqual(programme.sessions.map((s) => `${s.id}@sco-backoffice`));
    // Seconds since 2025 at the release's publication (2025-07-15T08:00Z), the scale the mail's session.ics uses.
    expect(values(lines, 'SEQUENCE')).toEqual(programme.sessions.map(() => String(calendarSequence(new Date('2025-07-15T08:00:00Z')))));
    // DTSTAMP must be UTC; the release's publication, so polling an unchanged release gives the same feed.
    expect(new Set(values(lines, 'DTSTAMP'))).toEqual(new Set(['20250715T080000Z']));
  });

  it('writes local times with the event time zone and its VTIMEZONE', () => {
    const lines = contentLines(agendaIcs(agendaFixture('en'), OPTIONS));
    const [opening, , forum, signing] = events(lines.join('\r\n'));
    expect(opening).toContain('DTSTART;TZID=Asia/Shanghai:20250718T090000');
    expect(opening).toContain('DTEND;TZID=Asia/Shanghai:20250718T094000');
    expect(forum).toContain('DTSTART;TZID=Asia/Shanghai:20250718T140000');
    expect(signing).toContain('DTEND;TZID=Asia/Shanghai:20250719T113000');
    expect(lines.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
    const zone = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
    expect(zone).toContain('TZID:Asia/Shanghai');
    expect(zone).toContain('TZOFFSETTO:+0800');
    expect(lines).toContain('X-WR-TIMEZONE:Asia/Shanghai');
  });

  it('gives the same wall-clock times whatever the server time zone', () => {
    const before = process.env.TZ;
    try {
      // Node applies a changed TZ at once: ical-generator would write New York's clock for a plain Date.
      process.env.TZ = 'America/New_York';
      expect(agendaIcs(agendaFixture('en'), OPTIONS)).toContain('DTSTART;TZID=Asia/Shanghai:20250718T090000');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('puts the title, the room with its venue, and the people in each event, in the reader\'s language', () => {
    const [opening, , forum] = events(agendaIcs(agendaFixture('zh'), OPTIONS));
    expect(values(opening, 'SUMMARY')).toEqual([FIXTURE_TITLES.conference.zh]);
    expect(values(opening, 'LOCATION')).toEqual(['青岛国际会议中心 主会场']);
    expect(values(forum, 'LOCATION')).toEqual(['上合示范区会场 第一分会场']);
    const [description] = values(forum, 'DESCRIPTION');
    expect(description).toContain('对话主持：山东省商务厅厅长 王磊先生');
    expect(description).toContain('发言嘉宾：青岛市商务局局长 李刚先生；哈萨克斯坦工商会副主席 Әлия Нұрланқызы女士');
    expect(description).toContain('同声传译：中文、英文、俄文');
    expect(values(forum, 'CATEGORIES')).toEqual(['物流运输']);

    const [ru] = events(agendaIcs(agendaFixture('ru'), OPTIONS));
    expect(values(ru, 'SUMMARY')).toEqual([FIXTURE_TITLES.conference.ru]);
    expect(values(ru, 'LOCATION')).toEqual(['Главный зал, Международный конференц-центр Циндао']);
    expect(values(ru, 'DESCRIPTION')[0]).toContain('Тема: Вместе за региональное сотрудничество');
  });

  it('keeps each session\'s UID across languages and releases, with a higher SEQUENCE for a later release', () => {
    const zh = contentLines(agendaIcs(agendaFixture('zh'), OPTIONS));
    const later = { ...agendaFixture('en'), release: { number: 4, name: 'Final, room change', publishedAt: '2025-07-17T02:00:00.000Z' } };
    const en = contentLines(agendaIcs(later, OPTIONS));
    expect(values(en, 'UID')).toEqual(values(zh, 'UID'));
    const [sequence] = new Set(values(en, 'SEQUENCE'));
    expect(Number(sequence)).toBeGreaterThan(Number(values(zh, 'SEQUENCE')[0]));
  });

  it('gives a session the UID of the mail\'s session.ics, and a later change a higher SEQUENCE whichever document carries it', () => {
    const programme = agendaFixture('en');
    const session = programme.sessions[0];
    // Messaging writes its session.ics with the same two functions (libs/messaging/src/mail/session-calendar.ts).
    const mailSequence = calendarSequence(new Date('2025-07-16T09:00:00Z'));
    expect(values(contentLines(agendaIcs(programme, OPTIONS)), 'UID')[0]).toBe(sessionUid(session.id));
    // A release published after the mail outranks it; the mail outranks the release before it.
    const later = { ...programme, release: { number: 4, name: 'Later', publishedAt: '2025-07-17T02:00:00.000Z' } };
    const sequenceOf = (lines: string[]) => Number(values(lines, 'SEQUENCE')[0]);
    expect(mailSequence).toBeGreaterThan(sequenceOf(contentLines(agendaIcs(programme, OPTIONS))));
    expect(sequenceOf(contentLines(agendaIcs(later, OPTIONS)))).toBeGreaterThan(mailSequence);
  });

  it('escapes the calendar\'s own name and description, so a comma or semicolon in a delegate\'s name does not cut them', () => {
    const lines = contentLines(agendaIcs(agendaFixture('ru'), { calendarName: 'Иванов, Пётр; мл. — программа\\личная' }));
    expect(lines).toContain('X-WR-CALNAME:Иванов\\, Пётр\\; мл. — программа\\\\личная');
    expect(lines).toContain('NAME:Иванов\\, Пётр\\; мл. — программа\\\\личная');
    // Unescaped, a TEXT value ends at the first unescaped comma or semicolon in list-reading parsers.
    const description = lines.find((l) => l.startsWith('X-WR-CALDESC:'))!;
    expect(description.slice('X-WR-CALDESC:'.length)).not.toMatch(/(?<!\\)[,;]/);
  });
});

describe('agendaIcs of a release that cancelled a session', () => {
  it('keeps the cancelled session under its UID with STATUS:CANCELLED and the release\'s SEQUENCE, so calendars drop it', () => {
    const earlier = agendaFixture('en');
    const [gone, ...kept] = earlier.sessions;
    const later = { ...earlier, sessions: kept, cancelled: [gone], release: { number: 5, name: 'Fifth', publishedAt: '2025-07-17T03:00:00.000Z' } };
    const before = events(agendaIcs(earlier, OPTIONS)).find((e) => values(e, 'UID')[0] === `${gone.id}@sco-backoffice`)!;
    const after = events(agendaIcs(later, OPTIONS)).find((e) => values(e, 'UID')[0] === `${gone.id}@sco-backoffice`)!;
    expect(values(before, 'STATUS')).toEqual(['CONFIRMED']);
    expect(values(after, 'STATUS')).toEqual(['CANCELLED']);
    expect(Number(values(after, 'SEQUENCE')[0])).toBeGreaterThan(Number(values(before, 'SEQUENCE')[0]));
    expect(values(after, 'DTSTART')).toEqual(values(before, 'DTSTART'));
    expect(events(agendaIcs(later, OPTIONS))).toHaveLength(earlier.sessions.length);
  });
});

describe('agendaIcs without a VTIMEZONE for the zone', () => {
  it('falls back to UTC times and names the zone', async () => {
    // As if the time zone library did not know the zone (it knows every zone Intl does today).
    jest.unstable_mockModule('timezones-ical-library', () => ({ tzlib_get_timezones: () => [], tzlib_get_ical_block: () => '' }));
    jest.resetModules();
    const { agendaIcs: withoutZones } = await import('./agenda-ics.js');
    const lines = contentLines(withoutZones(agendaFixture('en'), OPTIONS));
    expect(lines.some((l) => l.includes('VTIMEZONE') || l.includes('TZID'))).toBe(false);
    expect(lines).toContain('DTSTART:20250718T010000Z');
    expect(lines).toContain('DTEND:20250718T014000Z');
    expect(lines).toContain('X-WR-TIMEZONE:Asia/Shanghai');
  });
});
