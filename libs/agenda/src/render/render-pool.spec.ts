import { agendaFixture } from '#testing/agenda-fixture.js';
import type { AgendaInput } from './agenda-input.js';
import { agendaPdf } from './agenda-pdf.js';
import { RenderPool } from './render-pool.js';

/** A long programme: the fixture's sessions repeated (ids kept unique). */
function longProgramme(count: number): AgendaInput {
  const programme = agendaFixture('zh');
  const sessions = Array.from({ length: count }, (_, i) => {
    const s = programme.sessions[i % programme.sessions.length];
    return { ...s, id: `${s.id.slice(0, -4)}${String(i).padStart(4, '0')}` };
  });
  return { ...programme, sessions };
}

/** The longest pause of this thread's event loop while `work` runs, measured by a 5 ms ticker. */
async function longestPause(work: () => Promise<unknown>): Promise<{ pause: number; took: number }> {
  let last = performance.now();
  let pause = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    pause = Math.max(pause, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await work();
  const took = performance.now() - started;
  clearInterval(ticker);
  // A loop blocked to the end never ran the ticker: the gap since its last tick counts too.
  pause = Math.max(pause, performance.now() - last);
  return { pause, took };
}

describe(RenderPool.name, () => {
  const pool = new RenderPool();
  afterAll(() => pool.onModuleDestroy());

  it('renders on its own thread: the same PDF, while this event loop keeps running', async () => {
    const programme = longProgramme(300);
    await pool.render({ kind: 'agenda-pdf', input: longProgramme(4) }); // the thread's start and its fonts
    const inline = await longestPause(() => agendaPdf(programme));
    let pdf: Buffer | undefined;
    const threaded = await longestPause(async () => (pdf = await pool.render({ kind: 'agenda-pdf', input: programme })));
    expect(pdf!.subarray(0, 5).toString()).toBe('%PDF-');
    // Inline, the loop stops for most of the render; on the thread it keeps ticking.
    expect(inline.pause).toBeGreaterThan(inline.took / 3);
    expect(threaded.pause).toBeLessThan(Math.max(50, inline.pause / 3));
  });

  it('passes a renderer\'s failure back as a rejection, and keeps working', async () => {
    await expect(pool.render({ kind: 'agenda-ics', input: { ...longProgramme(1), event: null } as never, options: { calendarName: 'x' } })).rejects.toThrow(/rendering failed/);
    const html = await pool.render({ kind: 'agenda-html', input: longProgramme(2) });
    expect(html.toString('utf8')).toContain('<html');
  });
});
