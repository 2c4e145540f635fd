import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { ARGON2_OPTIONS } from '#identity/index.js';
import { mintAccounts } from '#testing/accounts.js';
import { mintDelegates } from '#testing/delegates.js';
import { TestStack } from '#testing/test-stack.js';
import { createBenchEvent, tri } from './support/bench-event.js';
import { statusSummary } from './support/cannon.js';
import { spawnMeasuredApi } from './support/measured-api.js';
import { rssMiB } from './support/process-usage.js';
import { type BenchRow, count } from './support/report.js';
import { type Shot, Shooter } from './support/shooter.js';

/** Mixed traffic at a steady rate well below saturation: a soak looks for leaks, not for the ceiling. */
const RATE = 150;
const SAMPLE_EVERY_MS = 10_000;
const PASSWORD = 'a delegate password of decent length';
const SESSIONS = 10;

/** Out of every 100 requests: what a conference day's traffic looks like, roughly. */
const MIX: [kind: Kind, share: number][] = [
  ['programme', 55],
  ['my-registrations', 15],
  ['check-in', 10],
  ['enrol', 10],
  ['register', 8],
  ['login', 2],
];
type Kind = 'programme' | 'my-registrations' | 'check-in' | 'enrol' | 'register' | 'login';
const EXPECTED: Record<Kind, number[]> = {
  programme: [200],
  'my-registrations': [200],
  'check-in': [201, 409],
  enrol: [201],
  register: [201],
  login: [200],
};
const KIND_AT: Kind[] = MIX.flatMap(([kind, share]) => Array<Kind>(share).fill(kind));

/** The median of each minute's samples (SAMPLE_EVERY_MS apart), in order; a last partial minute counts if it has half its samples. */
function medianPerMinute(samples: number[]): number[] {
  const perMinute = Math.round(60_000 / SAMPLE_EVERY_MS);
  const medians: number[] = [];
  for (let at = 0; at < samples.length; at += perMinute) {
    const minute = samples.slice(at, at + perMinute).sort((a, b) => a - b);
    if (minute.length * 2 >= perMinute || medians.length === 0) medians.push(minute[Math.floor(minute.length / 2)]);
  }
  return medians;
}

/**
 * `npm run bench soak` (not in the default run): 10 minutes (BENCH_SOAK_SECONDS to shorten a trial) of mixed
 * traffic on the api, its own process: programme reads, delegates' own lists, check-in scans with repeats, seat
 * claims, registrations and a few logins. The api's resident memory is read every 10 s; after two minutes of
 * warm-up (a fifth of a shorter trial) it must stay within 10% (the highest minute's median ÷ the lowest's), with no
 * error at all. Two minutes, not one: in the first full run the heap was still settling after one (RSS fell 9%
 * from minute 2 to minute 10), which is no leak but breaks "flat".
 */
export async function soak(): Promise<BenchRow> {
  const seconds = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
  const warmUpSeconds = Math.min(120, seconds / 5);
  const total = RATE * seconds;
  const share = (kind: Kind) => Math.ceil((total * MIX.find(([k]) => k === kind)![1]) / 100) + 50;

  const stack = await TestStack.create({ backend: 'redis', migrate: true, env: { LOG_LEVEL: 'warn', ACCESS_TOKEN_TTL_SECONDS: String(seconds + 1800) } });
  try {
    await stack.startApi();
    const admin = await stack.loginAsAdmin();
    // Sessions one after another in one room, so a delegate may hold a seat in each.
    const event = await createBenchEvent(stack, admin, { sessions: SESSIONS, rooms: 1, capacity: 50, release: true, openForRegistration: true });
    const list = await event.post(`/api/events/${event.id}/check-in-lists`, { name: tri('Main entrance') });
    const [staff] = await mintAccounts(stack, 1, { role: 'staff' });
    const delegates = await mintDelegates(stack, event.id, Math.max(share('check-in'), Math.ceil(share('enrol') / SESSIONS), share('my-registrations')));
    const badges = new Map(
      (await stack.db.pool.query(`SELECT id, badge_token FROM registration WHERE event_id = $1`, [event.id])).rows.map((r) => [r.id as string, r.badge_token as string]),
    );
    const newcomers = await mintAccounts(stack, share('register'));
    const regulars = await mintAccounts(stack, 50, { passwordHash: await hash(PASSWORD, ARGON2_OPTIONS) });
    const api = await spawnMeasuredApi(stack);

    const run = randomBytes(4).toString('hex');
    const next: Record<Kind, number> = { programme: 0, 'my-registrations': 0, 'check-in': 0, enrol: 0, register: 0, login: 0 };
    const checkedIn: string[] = [];
    const kinds: Kind[] = [];
    const tokens: string[] = [];
    const shot = (i: number): Shot => {
      const kind = (kinds[i] = KIND_AT[i % KIND_AT.length]);
      const n = next[kind]++;
      switch (kind) {
        case 'programme':
          return { method: 'GET', path: `/api/public/events/${event.slug}/programme?lang=${['zh', 'en', 'ru'][n % 3]}` };
        case 'my-registrations':
          return { method: 'GET', path: '/api/me/registrations', headers: { authorization: `Bearer ${delegates[n % delegates.length].token}` } };
        case 'check-in': {
          const repeat = n % 10 === 9 && checkedIn.length > 0;
          const token = (tokens[i] = repeat ? checkedIn[Math.floor(Math.random() * checkedIn.length)] : badges.get(delegates[n].registrationId)!);
          return {
            method: 'POST', path: '/api/check-ins', headers: { authorization: `Bearer ${staff.token}` },
            body: { token, listId: list.id, nonce: `soak-${run}-${i}`, scannedAt: new Date().toISOString() },
          };
        }
        case 'enrol': {
          const d = delegates[Math.floor(n / SESSIONS)];
          return {
            method: 'POST', path: `/api/me/registrations/${d.registrationId}/enrolments`, headers: { authorization: `Bearer ${d.token}` },
            body: { sessionId: event.sessionIds[n % SESSIONS] },
          };
        }
        case 'register':
          return {
            method: 'POST', path: '/api/me/registrations', headers: { authorization: `Bearer ${newcomers[n].token}` },
            body: {
              eventId: event.id, nameNative: 'Нурлан Абенов', nameLatin: 'Nurlan Abenov', country: 'KZ', category: 'business', preferredLanguage: 'ru',
              consent: { accepted: true, noticeVersion: '1' }, visa: { nationality: 'KZ', passportNumber: 'N87654321', dateOfBirth: '1979-02-03' },
            },
          };
        case 'login':
          return { method: 'POST', path: '/api/auth/login', body: { email: regulars[n % regulars.length].email, password: PASSWORD } };
      }
    };
    const unexpected: Record<string, number> = {};
    const answered = (i: number, answer: { status: number }) => {
      const kind = kinds[i];
      if (!EXPECTED[kind].includes(answer.status)) unexpected[`${kind} ${answer.status}`] = (unexpected[`${kind} ${answer.status}`] ?? 0) + 1;
      if (kind === 'check-in' && answer.status === 201) checkedIn.push(tokens[i]);
    };

    const samples: { at: number; mib: number }[] = [];
    const started = performance.now();
    const sampler = setInterval(() => {
      samples.push({ at: (performance.now() - started) / 1000, mib: rssMiB(api.pid) });
      process.stderr.write(`  soak ${samples.at(-1)!.at.toFixed(0)} s: api RSS ${samples.at(-1)!.mib.toFixed(1)} MiB\n`);
    }, SAMPLE_EVERY_MS);
    const shooter = new Shooter(api.http.baseUrl);
    const traffic = await shooter.paced(RATE, seconds, 10, shot, answered);
    clearInterval(sampler);
    shooter.close();
    const apiPeakMiB = api.peakMiB();
    await api.stop();

    const steady = samples.filter((s) => s.at >= warmUpSeconds).map((s) => s.mib);
    if (steady.length < 2) throw new Error(`too few memory samples after warm-up (${steady.length}): run longer`);
    const min = Math.min(...steady);
    const max = Math.max(...steady);
    // "Flat" is judged on each minute's median: V8 grows and gives back its young generation in swings of ~20 MiB
    // within a minute (seen: 193 → 214 → 193 MiB), which a single sample may catch at either end; a leak moves the
    // medians, minute after minute. The raw extremes are in the figure too.
    const minutes = medianPerMinute(steady);
    const ratio = Math.max(...minutes) / Math.min(...minutes);
    // Which way it moved: a leak climbs to the end, a heap settling after warm-up falls. Both break "flat", only one is a leak.
    const trend = minutes.at(-1)! / minutes[0];
    const errors = traffic.errors + traffic.late + Object.values(unexpected).reduce((a, b) => a + b, 0);
    return {
      scenario: `soak: ${(seconds / 60).toFixed(seconds % 60 ? 1 : 0)} min of mixed traffic at ${RATE} req/s (${MIX.map(([k, s]) => `${s}% ${k}`).join(', ')})`,
      backend: 'redis',
      figure: `api RSS after ${warmUpSeconds} s warm-up, medians by minute: ${minutes.map((m) => m.toFixed(0)).join(', ')} MiB (samples: min ${min.toFixed(0)}, max ${max.toFixed(0)}, ${steady.length} of them; last minute ÷ first ${trend.toFixed(2)}×); ${count(traffic.answered)} requests, p99 ${traffic.p99.toFixed(0)} ms, ${errors} errors`,
      baseline: `the lowest minute's median after warm-up, ${Math.min(...minutes).toFixed(0)} MiB`,
      ratio,
      target: 'highest minute median ≤ 1.10× lowest; no error',
      pass: ratio <= 1.1 && errors === 0,
      apiPeakMiB,
      notes: errors ? `${Object.entries(unexpected).map(([k, n]) => `${k}×${n}`).join(', ')}; ${traffic.errors} connection errors, ${traffic.late} late` : statusSummary(traffic.statuses),
    };
  } finally {
    await stack.close();
  }
}
