import { agendaFixture, FIXTURE_TITLES } from '#testing/agenda-fixture.js';
import { agendaHtml } from './agenda-html.js';

/** The text of the page without tags and with entities decoded, whitespace collapsed: what a reader sees. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe(agendaHtml.name, () => {
  it('is a print-ready HTML page in the language of the programme', () => {
    const html = agendaHtml(agendaFixture('en'));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/@page\s*\{[^}]*size:\s*A4/);
    expect(html).toMatch(/@media print/);
    expect(html).toMatch(/\.session\s*\{[^}]*break-inside:\s*avoid/);
    // Self-contained: nothing fetched, nothing run.
    expect(html).not.toMatch(/<script|<link|src=|@import/i);
    expect(agendaHtml(agendaFixture('zh'))).toContain('<html lang="zh-Hans">');
    expect(agendaHtml(agendaFixture('ru'))).toContain('<html lang="ru">');
  });

  it('groups sessions by local day, in order, with local times', () => {
    const text = visibleText(agendaHtml(agendaFixture('en')));
    const day1 = text.indexOf('Day 1 · Friday, 18 July 2025');
    const day2 = text.indexOf('Day 2 · Saturday, 19 July 2025');
    expect(day1).toBeGreaterThan(-1);
    expect(day2).toBeGreaterThan(day1);
    // The event's name, above the days, contains the conference title: look for the sessions after it.
    const conference = text.indexOf(FIXTURE_TITLES.conference.en, day1);
    const forum = text.indexOf(FIXTURE_TITLES.forum.en);
    const signing = text.indexOf(FIXTURE_TITLES.signing.en);
    expect(day1).toBeLessThan(conference);
    expect(conference).toBeLessThan(forum);
    expect(forum).toBeLessThan(day2);
    expect(day2).toBeLessThan(signing);
    // 01:00Z is 09:00 in Qingdao.
    expect(text).toContain('09:00–09:40');
    expect(text).toContain('14:00–16:30');
    expect(text).toContain('10:00–11:30');
    expect(text).toContain('All times are local (Qingdao, Asia/Shanghai).');
  });

  it('shows room and venue, track with its colour, hosts, people by role and languages', () => {
    const html = agendaHtml(agendaFixture('en'));
    const text = visibleText(html);
    expect(text).toContain('Main Hall, Qingdao International Convention Center');
    expect(text).toContain("Shandong Provincial People's Government");
    expect(text).toContain('Moderator Mr Wang Lei, Director, Department of Commerce of Shandong Province');
    expect(text).toContain('Speakers Mr Li Gang, Director General, Qingdao Municipal Bureau of Commerce Ms Aliya Nurlankyzy');
    expect(text).toContain('Interpretation English, Russian');
    expect(html).toContain('<span class="swatch" style="background-color:#1f5fa8"></span>Logistics and Transport');
    expect(text).toContain('Release 3 “Final”, published 15 July 2025 at 16:00');
  });

  it('reads naturally in Chinese and Russian', () => {
    const zh = visibleText(agendaHtml(agendaFixture('zh')));
    expect(zh).toContain('第1天 · 2025年7月18日星期五');
    expect(zh).toContain(FIXTURE_TITLES.conference.zh);
    expect(zh).toContain('青岛国际会议中心 主会场');
    expect(zh).toContain('山东省商务厅厅长 王磊先生');
    expect(zh).toContain('同声传译 英文、俄文');
    const ru = visibleText(agendaHtml(agendaFixture('ru')));
    expect(ru).toContain('День 2 · суббота, 19 июля 2025 г.');
    expect(ru).toContain(FIXTURE_TITLES.conference.ru);
    expect(ru).toContain('Выступающие г-н Ли Ган, директор, Управление коммерции города Циндао г-жа Әлия Нұрланқызы');
  });

  // The release's name is quoted in the footer: a name with quotes of its own nests them (ru „…“, en and zh ‘…’).
  it('nests the quotes of a release name in the footer', () => {
    const named = (language: 'zh' | 'en' | 'ru', name: string) => {
      const programme = agendaFixture(language);
      return visibleText(agendaHtml({ ...programme, release: { ...programme.release, name } }));
    };
    expect(named('ru', 'Программа форума «Шёлковый путь»')).toContain('Редакция 3 «Программа форума „Шёлковый путь“», опубликована');
    expect(named('en', 'The “Silk Road” programme')).toContain('Release 3 “The ‘Silk Road’ programme”, published');
    expect(named('zh', '“丝路”议程')).toContain('第3版“‘丝路’议程”，发布于');
  });

  it('escapes every text taken from the programme', () => {
    const programme = agendaFixture('en');
    programme.sessions[0] = {
      ...programme.sessions[0],
      title: '<script>alert("x")</script> & more',
      theme: '<img src=x onerror=alert(1)>',
      track: { ...programme.sessions[0].track!, name: '"><b>track</b>', colour: 'red;background:url(javascript:alert(1))' },
    };
    programme.event.name = '</title><script>alert(2)</script>';
    programme.owner = { name: '<i>Li Gang</i>' };
    const html = agendaHtml(programme);
    expect(html).not.toMatch(/<script|<img|<b>|<i>|javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // A colour that is not #rgb or #rrggbb is dropped, not escaped into a style attribute.
    expect(html).not.toContain('swatch" style="background-color:red');
    expect(visibleText(html)).toContain('Personal agenda: <i>Li Gang</i>');
  });

  it('says so when there is nothing to show', () => {
    const programme = { ...agendaFixture('ru'), sessions: [] };
    expect(visibleText(agendaHtml(programme))).toContain('Мероприятий нет');
  });
});
