import { randomBytes } from 'node:crypto';
import { mintAccounts } from '#testing/accounts.js';
import { mintDelegates } from '#testing/delegates.js';
import { TestStack } from '#testing/test-stack.js';
import { createBenchEvent, tri } from './support/bench-event.js';
import { startHelloWorld } from './support/hello-world-process.js';
import { spawnMeasuredApi } from './support/measured-api.js';
import { type BenchRow, count } from './support/report.js';

/** How long one phone scans back to back. */
const SECONDS = 10;
/** Scans kept while the network was down, sent when it returns. */
const OFFLINE_SCANS = 1000;
/** The api's largest batch (ScanBatchDto's ArrayMaxSize): the door page sends what waits in batches of this size. */
const BATCH = 500;
/** A door sees a badge every 2–3 s at its busiest; a phone that keeps up with 20 a second never makes a queue. */
const PHONE_TARGET_PER_SECOND = 20;
const OFFLINE_TARGET_MS = 5000;

interface Scan {
  token: string;
  listId: string;
  nonce: string;
  scannedAt: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** POSTs one body and waits for its answer, as the door page does (one request in flight per phone). */
async function post(url: string, token: string, body: unknown): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await response.arrayBuffer();
  return response.status;
}

/** Scans one after the other for `seconds`: each waits for the previous answer. Returns latencies and statuses. */
async function closedLoop(url: string, token: string, next: () => Scan, seconds: number): Promise<{ latencies: number[]; statuses: Map<number, number> }> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const began = performance.now();
    const status = await post(url, token, next());
    latencies.push(performance.now() - began);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  return { latencies: latencies.sort((a, b) => a - b), statuses };
}

/**
 * One door phone against the api, camera decoding left out (the browser's BarcodeDetector or zxing take their own
 * time, independent of the api):
 * 1. scans per second a phone sustains when it sends each scan as the page does, one at a time, waiting for the
 *    answer it shows (POST /api/check-ins), against the same loop on the hello-world;
 * 2. the time to send 1,000 scans kept offline once the network returns (POST /api/check-ins/batch in batches of
 *    500), against sending the same 1,000 one by one.
 * Checked in the database: one check-in row per badge, none lost, none doubled.
 */
export async function doorPhone(): Promise<BenchRow[]> {
  const stack = await TestStack.create({ backend: 'redis', migrate: true, env: { LOG_LEVEL: 'warn' } });
  const hello = await startHelloWorld();
  try {
    await stack.startApi();
    const admin = await stack.loginAsAdmin();
    const event = await createBenchEvent(stack, admin);
    const warmUpDoor = await event.post(`/api/events/${event.id}/check-in-lists`, { name: tri('Side door') });
    const door = await event.post(`/api/events/${event.id}/check-in-lists`, { name: tri('Main entrance') });
    const offlineDoor = await event.post(`/api/events/${event.id}/check-in-lists`, { name: tri('Hall B') });
    const oneByOneDoor = await event.post(`/api/events/${event.id}/check-in-lists`, { name: tri('Hall C') });
    const [staff] = await mintAccounts(stack, 1, { role: 'staff' });
    // A phone at a few hundred scans a second for 10 s: enough fresh badges (each list checks the same badges in).
    await mintDelegates(stack, event.id, 8000);
    const { rows } = await stack.db.pool.query(`SELECT badge_token FROM registration WHERE event_id = $1 ORDER BY id`, [event.id]);
    const badges = rows.map((r) => r.badge_token as string);
    const api = await spawnMeasuredApi(stack);
    const run = randomBytes(4).toString('hex');
    const scanOf = (listId: string, i: number): Scan => ({ token: badges[i % badges.length], listId, nonce: `phone-${run}-${listId.slice(0, 8)}-${i}`, scannedAt: new Date().toISOString() });

    // 1. One phone, back to back.
    const scanUrl = `${api.http.baseUrl}/api/check-ins`;
    let warm = 0;
    await closedLoop(scanUrl, staff.token, () => scanOf(warmUpDoor.id, warm++), 1);
    let sent = 0;
    const phone = await closedLoop(scanUrl, staff.token, () => scanOf(door.id, sent++), SECONDS);
    let helloSent = 0;
    const helloLoop = await closedLoop(`${hello.url}/`, staff.token, () => scanOf(door.id, helloSent++), SECONDS);
    const perSecond = phone.latencies.length / SECONDS;
    const helloPerSecond = helloLoop.latencies.length / SECONDS;

    // 2. 1,000 offline scans on fresh badges of another list: in batches, and (the baseline) one by one.
    const offline = Array.from({ length: OFFLINE_SCANS }, (_, i) => scanOf(offlineDoor.id, i));
    const batchBegan = performance.now();
    const batchStatuses: number[] = [];
    for (let i = 0; i < offline.length; i += BATCH) batchStatuses.push(await post(`${api.http.baseUrl}/api/check-ins/batch`, staff.token, { scans: offline.slice(i, i + BATCH) }));
    const batchMs = performance.now() - batchBegan;
    const singles = Array.from({ length: OFFLINE_SCANS }, (_, i) => scanOf(oneByOneDoor.id, i));
    const singlesBegan = performance.now();
    for (const scan of singles) await post(scanUrl, staff.token, scan);
    const singlesMs = performance.now() - singlesBegan;
    const apiPeakMiB = api.peakMiB();
    await api.stop();

    const counted = async (listId: string) =>
      (await stack.db.pool.query(`SELECT count(*)::int AS n, count(DISTINCT registration_id)::int AS badges FROM check_in WHERE list_id = $1`, [listId])).rows[0] as { n: number; badges: number };
    const atDoor = await counted(door.id);
    const afterOffline = await counted(offlineDoor.id);
    const oneByOne = await counted(oneByOneDoor.id);
    const fresh = Math.min(sent, badges.length);
    const phoneHeld = atDoor.n === atDoor.badges && atDoor.n === fresh && (phone.statuses.get(201) ?? 0) === fresh;
    const offlineHeld = batchStatuses.every((s) => s === 200) && afterOffline.n === afterOffline.badges && afterOffline.n === OFFLINE_SCANS && oneByOne.n === OFFLINE_SCANS;
    const statuses = [...phone.statuses].map(([status, n]) => `${status}×${count(n)}`).join(', ');
    return [
      {
        scenario: `door phone: scans one at a time for ${SECONDS} s (camera left out)`,
        backend: 'redis',
        figure: `${count(Math.round(perSecond))} scans/s, p50 ${percentile(phone.latencies, 50).toFixed(1)} ms, p99 ${percentile(phone.latencies, 99).toFixed(1)} ms; ${count(atDoor.n)} check-in rows for ${count(fresh)} badges`,
        baseline: `the same loop on the hello-world: ${count(Math.round(helloPerSecond))} answers/s`,
        ratio: perSecond / helloPerSecond,
        target: `≥ ${PHONE_TARGET_PER_SECOND} scans/s; one row per badge`,
        pass: perSecond >= PHONE_TARGET_PER_SECOND && phoneHeld,
        apiPeakMiB,
        notes: `ratio is the phone's rate ÷ the hello-world's: higher is better; ${statuses}`,
      },
      {
        scenario: `door phone: ${count(OFFLINE_SCANS)} offline scans sent on reconnect (batches of ${BATCH})`,
        backend: 'redis',
        figure: `${count(Math.round(batchMs))} ms; ${count(afterOffline.n)} check-in rows, one per badge`,
        baseline: `the same ${count(OFFLINE_SCANS)} scans sent one at a time: ${count(Math.round(singlesMs))} ms`,
        ratio: singlesMs / batchMs,
        target: `≤ ${OFFLINE_TARGET_MS / 1000} s; none lost or doubled`,
        pass: batchMs <= OFFLINE_TARGET_MS && offlineHeld,
        apiPeakMiB,
        notes: 'ratio is one-at-a-time ÷ batched: higher is better',
      },
    ];
  } finally {
    await hello.stop();
    await stack.close();
  }
}
