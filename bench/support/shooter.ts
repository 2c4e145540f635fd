import http from 'node:http';
import { percentile } from './report.js';

export interface Shot {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Answer {
  status: number;
  body: string;
}

export interface ShotsFigures {
  sent: number;
  answered: number;
  /** Connection errors (no answer at all). */
  errors: number;
  /** Shots still unanswered when the grace period ran out (abandoned; their latency counts as the wait so far). */
  late: number;
  statuses: Record<number, number>;
  p50: number;
  p99: number;
  /** From the first send to the last answer. */
  seconds: number;
}

/**
 * A small HTTP client over node:http keep-alive sockets, for what autocannon does not do well: an open loop at an
 * evenly paced rate (autocannon's overallRate sends each second's quota back to back, then idles), and a burst of
 * thousands of requests in flight at once on already-open connections.
 */
export class Shooter {
  private readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;
  /** Requests sent and not yet answered, so a run can abandon them when its grace period runs out. */
  private readonly inFlight = new Set<http.ClientRequest>();

  constructor(baseUrl: string, maxSockets = 256) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  send(shot: Shot): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const payload = shot.body === undefined ? undefined : JSON.stringify(shot.body);
      const headers: Record<string, string> = { ...shot.headers };
      if (payload !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(payload));
      }
      const request = http.request({ agent: this.agent, host: this.host, port: this.port, method: shot.method, path: shot.path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          this.inFlight.delete(request);
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
        response.on('error', reject);
      });
      this.inFlight.add(request);
      request.on('error', (error) => {
        this.inFlight.delete(request);
        reject(error);
      });
      request.end(payload);
    });
  }

  /**
   * Opens `sockets` keep-alive connections (by as many GETs in flight at once) so a following burst measures
   * the requests, not the TCP handshakes piling up in the server's accept queue.
   */
  async warm(sockets: number, path = '/health'): Promise<void> {
    await Promise.all(Array.from({ length: sockets }, () => this.send({ method: 'GET', path })));
  }

  /** All the shots at once; resolves when every one is answered, or `graceSeconds` after they left. */
  async burst(shots: Shot[], graceSeconds: number, onAnswer?: (index: number, answer: Answer) => void): Promise<ShotsFigures> {
    const tally = new Tally();
    const started = performance.now();
    await this.within(graceSeconds, tally, shots.map((shot, i) => this.timed(shot, started, tally, (answer) => onAnswer?.(i, answer))));
    return tally.figures(shots.length, (performance.now() - started) / 1000);
  }

  /**
   * An open loop: shot `i` leaves at start + i / rate, whether or not earlier ones were answered, for `seconds`.
   * Latency is counted from when a shot was due, not when it left, so a server that falls behind is not
   * flattered by the client waiting for it (coordinated omission).
   */
  paced(
    rate: number,
    seconds: number,
    graceSeconds: number,
    shotFor: (index: number) => Shot,
    onAnswer?: (index: number, answer: Answer) => void,
  ): Promise<ShotsFigures> {
    const total = Math.round(rate * seconds);
    return this.pacedWhile(rate, (i) => i < total, graceSeconds, shotFor, onAnswer);
  }

  /** The same open loop, for as long as `more(i)` says shot `i` is still wanted (e.g. while a rebuild runs). */
  async pacedWhile(
    rate: number,
    more: (index: number) => boolean,
    graceSeconds: number,
    shotFor: (index: number) => Shot,
    onAnswer?: (index: number, answer: Answer) => void,
  ): Promise<ShotsFigures> {
    const tally = new Tally();
    const pending: Promise<void>[] = [];
    const started = performance.now();
    let next = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const now = performance.now();
        while (more(next) && started + (next * 1000) / rate <= now) {
          const i = next++;
          pending.push(this.timed(shotFor(i), started + (i * 1000) / rate, tally, (answer) => onAnswer?.(i, answer)));
        }
        if (!more(next)) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    await this.within(graceSeconds, tally, pending);
    return tally.figures(next, (performance.now() - started) / 1000);
  }

  close(): void {
    this.agent.destroy();
  }

  /**
   * Waits for the shots, at most `graceSeconds`: a server that cannot keep up would otherwise hold the scenario
   * for as long as its backlog takes, so what is still unanswered then is abandoned and counted as late.
   */
  private async within(graceSeconds: number, tally: Tally, pending: Promise<void>[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceSeconds * 1000)));
    await Promise.race([Promise.all(pending), gaveUp]);
    clearTimeout(timer);
    tally.givingUp = true;
    for (const request of this.inFlight) request.destroy();
    await Promise.all(pending);
  }

  private async timed(shot: Shot, dueAt: number, tally: Tally, onAnswer: (answer: Answer) => void): Promise<void> {
    try {
      const answer = await this.send(shot);
      tally.answer(answer.status, performance.now() - dueAt);
      onAnswer(answer);
    } catch {
      if (tally.givingUp) tally.late(performance.now() - dueAt);
      else tally.error();
    }
  }
}

class Tally {
  givingUp = false;
  private readonly latencies: number[] = [];
  private readonly statuses: Record<number, number> = {};
  private errors = 0;
  private unanswered = 0;

  answer(status: number, latencyMs: number): void {
    this.latencies.push(latencyMs);
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
  }

  error(): void {
    this.errors += 1;
  }

  /** An abandoned shot: its latency is at least the wait so far, and counts as that in the percentiles. */
  late(waitedMs: number): void {
    this.latencies.push(waitedMs);
    this.unanswered += 1;
  }

  figures(sent: number, seconds: number): ShotsFigures {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      sent,
      answered: sorted.length - this.unanswered,
      errors: this.errors,
      late: this.unanswered,
      statuses: { ...this.statuses },
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      seconds,
    };
  }
}
