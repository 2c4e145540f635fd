export interface TimedRequest {
  method: string;
  path: string;
  body?: unknown;
}

export interface Answer {
  kind: string;
  request: TimedRequest;
  /** 0 when no answer came (the connection failed, or the client gave up after its timeout). */
  status: number;
  /** The error envelope's code, if the answer had one. */
  code?: string;
  retryAfter: string | null;
  body: unknown;
  startedAt: number;
  endedAt: number;
}

/** A client-side limit far above any answer the api should take: a hung request shows as status 0, not a hung test. */
const CLIENT_TIMEOUT_MS = 20_000;

async function send(baseUrl: string, kind: string, request: TimedRequest): Promise<Answer> {
  const startedAt = Date.now();
  try {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: request.body === undefined ? {} : { 'content-type': 'application/json' },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const text = await response.text();
    const body: unknown = response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : text;
    const code = (body as { code?: unknown } | null)?.code;
    return {
      kind,
      request,
      status: response.status,
      code: typeof code === 'string' ? code : undefined,
      retryAfter: response.headers.get('retry-after'),
      body,
      startedAt,
      endedAt: Date.now(),
    };
  } catch (error) {
    return { kind, request, status: 0, code: (error as Error).name, retryAfter: null, body: undefined, startedAt, endedAt: Date.now() };
  }
}

/**
 * A steady load over real HTTP: loops that each send one request after another (a pause between), and a
 * record of every answer with its timing, for a test to read afterwards.
 */
export class SteadyLoad {
  readonly answers: Answer[] = [];
  private running = true;
  private readonly loops: Promise<void>[] = [];
  private sequence = 0;

  constructor(private readonly baseUrl: string) {}

  /** `concurrency` loops sending `next(n)`, n counting every request of this load. */
  add(kind: string, concurrency: number, next: (n: number) => TimedRequest, pauseMs = 0): this {
    for (let i = 0; i < concurrency; i += 1) {
      this.loops.push(
        (async () => {
          while (this.running) {
            this.sequence += 1;
            this.answers.push(await send(this.baseUrl, kind, next(this.sequence)));
            if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
          }
        })(),
      );
    }
    return this;
  }

  /** Lets every request in flight finish, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }
}
