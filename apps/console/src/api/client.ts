import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { goToSignIn, refreshSession, session } from '../auth/session';

/**
 * The one typed client of the api, generated from its OpenAPI document (schema.d.ts). Every call carries the
 * access token; a 401 gets one refresh and one retry, and then the sign-in page (and back here after signing in).
 */
const retries = new WeakMap<Request, Request>();

const bearer: Middleware = {
  onRequest({ request }) {
    const token = session.accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    // Kept before the body is sent, so the same request can go again after a refresh.
    retries.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401) return response;
    const again = retries.get(request);
    if (again && (await refreshSession())) {
      again.headers.set('Authorization', `Bearer ${session.accessToken()}`);
      const retried = await fetch(again);
      if (retried.status !== 401) return retried;
    }
    goToSignIn();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(bearer);

/** The error envelope every refusal of the api carries. */
export interface ErrorEnvelope {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

/** Unwraps an openapi-fetch answer: the data, or the envelope thrown as an ApiError for the page to show. */
export class ApiError extends Error {
  constructor(readonly envelope: ErrorEnvelope) {
    super(envelope.message);
  }
}

export async function call<T>(promise: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await promise;
  if (error !== undefined || !response.ok) {
    const envelope = (error ?? {}) as Partial<ErrorEnvelope>;
    throw new ApiError({ statusCode: response.status, code: envelope.code ?? 'UNKNOWN', message: envelope.message ?? '', details: envelope.details });
  }
  return data as T;
}
