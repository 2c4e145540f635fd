import { type QueueBackend, TestStack } from '#testing/test-stack.js';
import { poster } from './support/bench-event.js';
import { profilingEnv } from './support/measured-api.js';
import { peakRssMiB } from './support/process-usage.js';
import { type BenchRow, until } from './support/report.js';
import { Shooter } from './support/shooter.js';

const ROOMS = 10;
const SLOTS_PER_DAY = 30;
/**
 * The public programme asked for at a steady 400 requests/s, with and without a rebuild: a rate the api serves
 * with room to spare, so the p99 shows what the rebuild takes from it. (A closed loop as fast as it can go, as
 * this scenario first used, keeps the two cores saturated either way: its p99 measured the queue of a saturated
 * machine, so any work at all beside it, however low its priority, moved the ratio.)
 */
const RATE = 400;

/**
 * A full agenda rebuild: `sessions` sessions × 3 languages × 3 formats, built by the worker (its own process,
 * agendas queue) after a release. Measured: how long the nine documents take, and the api's p99 on the public
 * programme (RATE requests/s, as browsers ask: gzip) while they are built, against its p99 at the same rate with
 * nothing being built, in the same run. The api is a process of its own; the load generator runs here, on the
 * same two cores.
 */
export async function agendaRebuild(backend: QueueBackend, sessions = 300): Promise<BenchRow> {
  const stack = await TestStack.create({ backend, migrate: true, env: { LOG_LEVEL: 'warn' } });
  try {
    await stack.startApi();
    const token = await stack.loginAsAdmin();
    const post = poster(stack, token);
    const tri = (text: string, n: number) => ({ zh: `${text}（第${n}场）· 地方经贸合作`, en: `${text} no. ${n} · local trade cooperation`, ru: `${text} № ${n} · местное торговое сотрудничество` });
    const slug = `bench-agenda-${Date.now().toString(36)}`;
    const event = await post('/api/events', {
      slug, name: tri('Conference', 0), city: tri('Qingdao', 0), timeZone: 'Asia/Shanghai', firstDay: '2025-07-18', lastDay: '2025-07-20', defaultLanguage: 'zh',
    });
    const venue = await post(`/api/events/${event.id}/venues`, { name: tri('Expo centre', 0) });
    const rooms: string[] = [];
    for (let r = 0; r < ROOMS; r++) rooms.push((await post(`/api/events/${event.id}/rooms`, { venueId: venue.id, name: tri('Hall', r + 1), capacity: 200 })).id);
    const sessionIds: string[] = [];
    for (let i = 0; i < sessions; i++) {
      const day = 18 + Math.floor(i / (ROOMS * SLOTS_PER_DAY));
      const slot = Math.floor(i / ROOMS) % SLOTS_PER_DAY;
      const start = new Date(Date.UTC(2025, 6, day, 0, 0) + slot * 30 * 60_000);
      sessionIds.push(
        (await post(`/api/events/${event.id}/sessions`, {
          kind: 'forum', title: tri('Forum', i + 1), theme: tri('Theme', i + 1), description: tri('A longer description of what is discussed', i + 1),
          startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 25 * 60_000).toISOString(), status: 'scheduled',
          languagesSpoken: ['zh'], roomId: rooms[i % ROOMS], capacity: 100,
        })).id,
      );
    }
    const documents = async (release: string) =>
      (await stack.db.pool.query(`SELECT count(*)::int AS n FROM agenda_document WHERE release_id = $1`, [release])).rows[0].n as number;

    const worker = stack.spawnWorker(profilingEnv());
    const first = await post(`/api/events/${event.id}/releases`, { name: tri('Release', 1) });
    await until(async () => (await documents(first.id)) === 9, 120_000, 'the first build');

    const { process: api, http } = await stack.spawnApi();
    const shooter = new Shooter(http.baseUrl, 64);
    const read = () => ({ method: 'GET' as const, path: `/api/public/events/${slug}/programme?lang=en`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    await shooter.paced(RATE, 2, 5, read);
    const quiet = await shooter.paced(RATE, 8, 5, read);

    const changed = await stack.http.patch(`/api/events/${event.id}/sessions/${sessionIds[0]}`, { title: tri('Renamed forum', 1) }, { token });
    if (changed.status !== 200) throw new Error(`rename: ${changed.status}`);
    const started = performance.now();
    const second = await post(`/api/events/${event.id}/releases`, { name: tri('Release', 2) });
    let built = false;
    // A failed rebuild stops the load too, and then fails the scenario (with everything cleaned up below).
    const watching = until(async () => (built = (await documents(second.id)) === 9), 120_000, 'the rebuild').finally(() => (built = true));
    const busy = await shooter.pacedWhile(RATE, () => !built, 5, read);
    await watching;
    shooter.close();
    const errors = (figures: typeof busy) => figures.errors + figures.late + Object.entries(figures.statuses).filter(([code]) => code !== '200').reduce((n, [, k]) => n + k, 0);
    const seconds = (performance.now() - started) / 1000;
    const ratio = busy.p99 / quiet.p99;
    const workerPeak = peakRssMiB(worker.child.pid);
    const apiPeakMiB = peakRssMiB(api.child.pid);
    // Stopped gracefully, so a profiled worker (BENCH_CPU_PROF) writes its profile.
    worker.child.kill('SIGTERM');
    await worker.exited;
    return {
      scenario: `agenda rebuild: ${sessions} sessions × 3 languages × 3 formats`,
      backend,
      figure: `${seconds.toFixed(1)} s; api p99 ${busy.p99.toFixed(1)} ms during it (p50 ${busy.p50.toFixed(1)} ms; ${busy.answered} requests at ${RATE}/s, ${errors(busy)} errors)`,
      baseline: `api p99 ${quiet.p99.toFixed(1)} ms with no rebuild (p50 ${quiet.p50.toFixed(1)} ms; ${quiet.answered} requests at ${RATE}/s, ${errors(quiet)} errors)`,
      ratio,
      target: '≤ 10 s; p99 ≤ 1.25×',
      pass: seconds <= 10 && ratio <= 1.25 && errors(busy) + errors(quiet) === 0,
      notes: `ratio is p99 during ÷ p99 without: lower is better; worker peak RSS ${workerPeak?.toFixed(0) ?? '?'} MiB`,
      apiPeakMiB,
      whyMissed: WHY,
    };
  } finally {
    await stack.close();
  }
}

/** Found with BENCH_CPU_PROF on the worker; the render thread itself is not in that profile. */
const WHY =
  'the rebuild itself takes 1.1–2 s on the quiet machine (the documents render on a thread of the worker at nice 10), well within 10 ' +
  's, and the api\'s p99 during it is now a few ms. What raises it is the api\'s own work for the new release, not the worker\'s: timing ' +
  'each answer showed the slow ones all at the start of the rebuild, in one stall, while the api prepares the new release for the ' +
  'language asked (renders it on its event loop, serializes and compresses it). That stall was 190 ms when every waiting request ' +
  'serialized its own copy, then 35 ms with one shared serialization, and is a few ms since a date formatter is no longer built per ' +
  'session (22 ms of rendering before). At p99s of 4–7 ms the ratio moves with the machine\'s noise: the same code measured 1.04×, ' +
  '1.28× and 1.65× in three runs. What would close the rest: keep answering the previous release while the new one is prepared ' +
  '(stale-while-revalidate: \'within a second\' would become \'within a second and a render\'), and prepare it on the api\'s render thread ' +
  'instead of its event loop.';
