import { pdfInfo, pdfPages, withoutSpaces } from '#testing/pdf-text.js';
import type { PublicSessionDto } from '#programme/index.js';
import { agendaFixture, FIXTURE_TITLES } from '#testing/agenda-fixture.js';
import type { AgendaInput } from './agenda-input.js';
import { agendaPdf } from './agenda-pdf.js';

function embeddedFonts(pdf: Buffer): string[] {
  const names = [...pdf.toString('latin1').matchAll(/\/BaseFont\s*\/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]);
  return [...new Set(names)].sort();
}

/** The fixture's sessions repeated over consecutive days, count in all. */
function manySessions(programme: AgendaInput, count: number): AgendaInput {
  const sessions: PublicSessionDto[] = [];
  for (let i = 0; sessions.length < count; i++) {
    for (const s of programme.sessions.slice(0, count - sessions.length)) {
      const shift = (ms: string) => new Date(Date.parse(ms) + i * 86_400_000).toISOString();
      sessions.push({ ...s, id: `${s.id.slice(0, -4)}${String(sessions.length).padStart(4, '0')}`, startsAt: shift(s.startsAt), endsAt: shift(s.endsAt), day: shift(s.startsAt).slice(0, 10) });
    }
  }
  return { ...programme, sessions };
}

describe(agendaPdf.name, () => {
  it.each([
    ['zh', ['第1天 · 2025年7月18日星期五', '09:00–09:40', '青岛国际会议中心 主会场', '山东省商务厅厅长 王磊先生', 'Әлия Нұрланқызы女士', '第1页，共1页']],
    ['en', ['Day 2 · Saturday, 19 July 2025', '14:00–16:30', 'Main Hall, Qingdao International Convention Center', 'Ms Aliya Nurlankyzy', 'Page 1 of 1']],
    ['ru', ['День 1 · пятница, 18 июля 2025 г.', '10:00–11:30', 'Главный зал, Международный конференц-центр Циндао', 'г-жа Әлия Нұрланқызы', 'Стр. 1 из 1']],
  ] as const)('prints the %s programme, titles and details readable by pdftotext', async (language, expected) => {
    const programme = agendaFixture(language);
    const pdf = await agendaPdf(programme);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = withoutSpaces(pdfPages(pdf).join(''));
    for (const title of Object.values(FIXTURE_TITLES)) expect(text).toContain(withoutSpaces(title[language]));
    for (const s of [programme.event.name, programme.release.name, ...expected]) expect(text).toContain(withoutSpaces(s));
  });

  it('sets Chinese in Noto Sans SC, and Latin and Cyrillic in Noto Sans, which has every Kazakh letter', async () => {
    // Chinese first: Noto Sans only for the Kazakh letters SC lacks (Ә, Ұ, Қ).
    expect(embeddedFonts(await agendaPdf(agendaFixture('zh')))).toEqual(['NotoSans-Regular', 'NotoSansSC-Bold', 'NotoSansSC-Regular']);
    // Latin first: SC's full-width punctuation (“ ” « » ·) would look spaced out in English and Russian.
    expect(embeddedFonts(await agendaPdf(agendaFixture('ru')))).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    const mixed = agendaFixture('en');
    mixed.sessions[0] = { ...mixed.sessions[0], title: 'Opening of the 中国—上海合作组织地方经贸合作大会' };
    const pdf = await agendaPdf(mixed);
    expect(embeddedFonts(pdf)).toEqual(['NotoSans-Bold', 'NotoSans-Regular', 'NotoSansSC-Bold']);
    expect(withoutSpaces(pdfPages(pdf).join(''))).toContain(withoutSpaces(mixed.sessions[0].title));
  });

  it('carries the title and the language as document metadata', async () => {
    const programme = { ...agendaFixture('ru'), owner: { name: 'Әлия Нұрланқызы' } };
    const pdf = await agendaPdf(programme);
    const info = pdfInfo(pdf);
    expect(info).toMatch(/^Title:\s+Конференция по местному торгово-экономическому сотрудничеству Китай–ШОС 2025 — Личная программа: Әлия Нұрланқызы$/m);
    expect(info).toMatch(/^Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)$/m);
    expect(pdf.toString('latin1')).toContain('/Lang (ru-RU)');
    expect(withoutSpaces(pdfPages(pdf)[0])).toContain(withoutSpaces('Личная программа: Әлия Нұрланқызы'));
  });

  it('runs over pages with the event in the header and page n of total in the footer', async () => {
    const programme = manySessions(agendaFixture('en'), 60);
    const pages = pdfPages(await agendaPdf(programme));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Release 3 “Final”');
      // Page 1 has the event's name as its title; the others in the running header.
      expect(withoutSpaces(page)).toContain(withoutSpaces(programme.event.name));
    });
    // Every session printed once, none lost at a page break.
    const all = withoutSpaces(pages.join(''));
    expect(all.split(withoutSpaces(FIXTURE_TITLES.forum.en))).toHaveLength(60 / 4 + 1);
  });

  it('prints a session taller than a page across pages', async () => {
    const programme = agendaFixture('en');
    const forum = programme.sessions[2];
    const speakers = Array.from({ length: 120 }, (_, i) => ({ ...forum.people[1], id: `speaker-${i}`, name: `Speaker Number ${i + 1}`, protocolOrder: 10 + i }));
    programme.sessions = [{ ...forum, people: [...forum.people, ...speakers] }];
    const pages = pdfPages(await agendaPdf(programme));
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    expect(all).toContain('Speaker Number 1,');
    expect(all).toContain('Speaker Number 120,');
  });

  it('renders 300 sessions quickly', async () => {
    const programme = manySessions(agendaFixture('zh'), 300);
    await agendaPdf(agendaFixture('zh')); // fonts read and parsed once per process: not what is measured
    const started = performance.now();
    const pdf = await agendaPdf(programme);
    const ms = performance.now() - started;
    // About 0.3 s on the 2-core build machine; the bound leaves room for a busy CI and catches a quadratic layout.
    expect(ms).toBeLessThan(3000);
    expect(withoutSpaces(pdfPages(pdf).join('')).split(withoutSpaces(FIXTURE_TITLES.signing.zh))).toHaveLength(300 / 4 + 1);
  });
});
