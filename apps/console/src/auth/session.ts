/**
 * The signed-in person, held in memory only: the access token never reaches storage. The refresh token lives in
 * the api's HttpOnly cookie `sco_refresh` (path /api/auth); the readable `sco_csrf` cookie is echoed in the
 * X-CSRF-Token header, which a cross-site page cannot read, so a forged refresh or logout is refused.
 */
export type Role = 'admin' | 'organiser' | 'staff' | 'delegate';

export interface SignedInUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  preferredLanguage: string;
}

interface SessionState {
  accessToken?: string;
  user?: SignedInUser;
  /** Only while the api is older than the cookie contract (body-mode refresh tokens); never stored. */
  bodyRefreshToken?: string;
}

interface TokenAnswer {
  accessToken: string;
  user: SignedInUser;
  refreshToken?: string;
}

let state: SessionState = {};
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export const session = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  user: (): SignedInUser | undefined => state.user,
  accessToken: (): string | undefined => state.accessToken,
};

export class SignInError extends Error {
  constructor(
    readonly status: number,
    readonly envelope: { code?: string; message?: string; details?: unknown },
  ) {
    super(envelope.message ?? `sign-in answered ${status}`);
  }
}

function csrfToken(): string | undefined {
  const match = /(?:^|;\s*)sco_csrf=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : undefined;
}

async function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function readEnvelope(response: Response): Promise<{ code?: string; message?: string; details?: unknown }> {
  try {
    return (await response.json()) as { code?: string };
  } catch {
    return { code: 'UNKNOWN' };
  }
}

function accept(answer: TokenAnswer): void {
  set({ accessToken: answer.accessToken, user: answer.user, bodyRefreshToken: answer.refreshToken });
}

export async function signIn(email: string, password: string): Promise<SignedInUser> {
  let response = await postJson('/api/auth/login', { email, password, refreshIn: 'cookie' });
  // An api without the cookie contract refuses the unknown field; it still signs in with tokens in the body.
  if (response.status === 400) {
    const envelope = await readEnvelope(response.clone());
    if (JSON.stringify(envelope.details ?? '').includes('refreshIn')) response = await postJson('/api/auth/login', { email, password });
  }
  if (!response.ok) throw new SignInError(response.status, await readEnvelope(response));
  const answer = (await response.json()) as TokenAnswer;
  accept(answer);
  return answer.user;
}

/**
 * The door page (check-in) must open after a reload without network, when no refresh can be asked for: it keeps
 * who is signed in (never a token) and a refresh that fails for want of a network uses it. The first call once the
 * network is back gets a 401, refreshes with the cookie (still valid: no refresh reached the api) and carries on.
 * A refused refresh or a sign-out forgets it.
 */
const OFFLINE_USER_KEY = 'sco-console-offline-user';

export function keepUserForOfflineReload(user: SignedInUser): void {
  localStorage.setItem(OFFLINE_USER_KEY, JSON.stringify(user));
}

function offlineUser(): SignedInUser | undefined {
  try {
    return (JSON.parse(localStorage.getItem(OFFLINE_USER_KEY) ?? 'null') as SignedInUser | null) ?? undefined;
  } catch {
    return undefined;
  }
}

let refreshing: Promise<boolean> | undefined;

/** A new access token from the refresh cookie; concurrent callers share one request (the cookie is single-use). */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const body = state.bodyRefreshToken ? { refreshToken: state.bodyRefreshToken } : {};
      const csrf = csrfToken();
      const response = await postJson('/api/auth/refresh', body, csrf ? { 'X-CSRF-Token': csrf } : {});
      if (!response.ok) {
        localStorage.removeItem(OFFLINE_USER_KEY);
        set({});
        return false;
      }
      accept((await response.json()) as TokenAnswer);
      if (!state.user) await loadMe();
      return true;
    } catch {
      // No network: signed in still, as far as this device knows, if the door page kept the person.
      const user = offlineUser();
      set(user ? { user } : {});
      return false;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

async function loadMe(): Promise<void> {
  const response = await fetch('/api/auth/me', { headers: { Authorization: `Bearer ${state.accessToken}` } });
  if (response.ok) set({ ...state, user: (await response.json()) as SignedInUser });
}

export async function signOut(): Promise<void> {
  const csrf = csrfToken();
  try {
    if (state.accessToken) {
      await postJson('/api/auth/logout', state.bodyRefreshToken ? { refreshToken: state.bodyRefreshToken } : {}, {
        Authorization: `Bearer ${state.accessToken}`,
        ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
      });
    }
  } finally {
    localStorage.removeItem(OFFLINE_USER_KEY);
    set({});
  }
}

/** Sends the person to the sign-in page, remembering where they were so they come back after signing in. */
export function goToSignIn(): void {
  const here = window.location.pathname.replace(/^\/console/, '') + window.location.search;
  if (here.startsWith('/sign-in')) return;
  window.location.assign(`/console/sign-in?next=${encodeURIComponent(here || '/')}`);
}
