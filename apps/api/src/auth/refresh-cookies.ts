import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfTokenInvalidError, type TokenPairDto } from '#identity/index.js';

/**
 * The browser's way of holding a refresh token: an HttpOnly cookie that page scripts cannot read (so an injected
 * script cannot carry it off), scoped to the auth routes, and a readable anti-CSRF cookie whose value the console
 * echoes in a header (double submit). SameSite=Strict already keeps other sites' forms from sending the cookie;
 * the header is the second lock, for browsers or same-site hosts where SameSite alone falls short.
 */
export const REFRESH_COOKIE = 'sco_refresh';
export const CSRF_COOKIE = 'sco_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** The OpenAPI security scheme that names the cookie (declared in openapi.ts). */
export const REFRESH_COOKIE_SCHEME = 'refresh-cookie';
const REFRESH_PATH = '/api/auth';
const CSRF_PATH = '/';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Secure, unless the request came over plain http to this machine itself (a newcomer's `npm start`): browsers drop
 * Secure cookies sent over http, except that they trust localhost. request.protocol and request.hostname follow
 * X-Forwarded-Proto and X-Forwarded-Host only from a trusted proxy (TRUST_PROXY), so a client cannot talk its way out.
 */
export function cookiesMustBeSecure(request: FastifyRequest): boolean {
  return !(request.protocol === 'http' && LOOPBACK_HOSTS.has(request.hostname.toLowerCase()));
}

function attributes(request: FastifyRequest, path: string, maxAgeSeconds: number, httpOnly: boolean): CookieSerializeOptions {
  return { path, maxAge: maxAgeSeconds, httpOnly, sameSite: 'strict', secure: cookiesMustBeSecure(request) };
}

/** Moves the refresh token out of the answer into the cookies (a fresh anti-CSRF value each time). */
export function answerWithRefreshCookies(request: FastifyRequest, reply: FastifyReply, pair: TokenPairDto): TokenPairDto {
  const { refreshToken, ...answer } = pair;
  const maxAge = Math.max(0, Math.floor((Date.parse(pair.refreshTokenExpiresAt) - Date.now()) / 1000));
  void reply.setCookie(REFRESH_COOKIE, refreshToken!, attributes(request, REFRESH_PATH, maxAge, true));
  void reply.setCookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), attributes(request, CSRF_PATH, maxAge, false));
  return answer;
}

/** Both cookies expire now (Max-Age=0), on the same paths they were set on, or the browser would keep them. */
export function clearRefreshCookies(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(REFRESH_COOKIE, attributes(request, REFRESH_PATH, 0, true));
  void reply.clearCookie(CSRF_COOKIE, attributes(request, CSRF_PATH, 0, false));
}

export function hasRefreshCookies(request: FastifyRequest): boolean {
  return Boolean(request.cookies[REFRESH_COOKIE] || request.cookies[CSRF_COOKIE]);
}

/**
 * The refresh token of the cookie, once the X-CSRF-Token header matches the sco_csrf cookie; undefined when there
 * is no refresh cookie. A mismatch throws before anything is read or rotated.
 */
export function refreshTokenFromCookie(request: FastifyRequest): string | undefined {
  const token = request.cookies[REFRESH_COOKIE];
  if (!token) return undefined;
  const expected = request.cookies[CSRF_COOKIE];
  const given = request.headers[CSRF_HEADER];
  if (!expected || typeof given !== 'string' || !sameSecret(given, expected)) throw new CsrfTokenInvalidError();
  return token;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
