import { type RouteAccess, RouteAccessChecker } from '#identity/index.js';
import type { TestStack } from './test-stack.js';

export type { RouteAccess };

export const WRITE_METHODS: readonly string[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Every route of the running api with its declared access rule: the same table the boot check walks. */
export function routeTable(stack: TestStack): RouteAccess[] {
  if (!stack.api) throw new Error('start the api first');
  return stack.api.get(RouteAccessChecker, { strict: false }).routes();
}

export function writeRoutes(stack: TestStack): RouteAccess[] {
  return routeTable(stack).filter((route) => WRITE_METHODS.includes(route.method));
}

export function routeName(route: Pick<RouteAccess, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** `/api/me/...`: a delegate's own records, where another person's id must look like no record at all. */
export function isOwnDataRoute(route: Pick<RouteAccess, 'path'>): boolean {
  return route.path.startsWith('/api/me/');
}
