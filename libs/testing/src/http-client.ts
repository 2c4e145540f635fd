export interface HttpResult<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** A raw body sent as is (for malformed JSON, other content types, huge bodies). */
  raw?: string | Buffer;
}

/** A small fetch client: the tests talk to the api over real HTTP, as a user's client would. */
export class HttpClient {
  constructor(readonly baseUrl: string) {}

  async request<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | Buffer | undefined = options.raw;
    if (payload === undefined && body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers, text };
  }

  /** A GET whose answer is a file (a PDF): the bytes, untouched. */
  async bytes(path: string, options: RequestOptions = {}): Promise<{ status: number; headers: Headers; body: Buffer }> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(`${this.baseUrl}${path}`, { headers });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  get<T = any>(path: string, options?: RequestOptions) { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.request<T>('GET', path, undefined, options);
  }
  post<T = any>(path: string, body?: unknown, options?: RequestOptions) { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.request<T>('POST', path, body, options);
  }
  patch<T = any>(path: string, body?: unknown, options?: RequestOptions) { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.request<T>('PATCH', path, body, options);
  }

  async login(email: string, password: string): Promise<string> {
    const result = await this.post('/api/auth/login', { email, password });
    if (result.status !== 200) throw new Error(`login failed: ${result.status} ${result.text}`);
    return result.body.accessToken as string;
  }
}
