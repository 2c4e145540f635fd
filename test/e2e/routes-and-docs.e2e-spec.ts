import { Controller, Get, Module } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Public, type RouteAccess, RouteAccessChecker } from '#identity/index.js';
import { TestStack } from '#testing/test-stack.js';

/** Fills `:params` of a route with plausible values, so the request reaches the guard. */
function concretePath(path: string): string {
  return path.replace(/:id\b/g, '00000000-0000-4000-8000-000000000000').replace(/:queue\b/g, 'notifications').replace(/:\w+/g, 'x');
}

describe('Every route declares who may call it', () => {
  let stack: TestStack;
  let routes: RouteAccess[];

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    routes = stack.api!.get(RouteAccessChecker, { strict: false }).routes();
  });
  afterAll(() => stack.close());

  it('finds the routes and an access rule on each', () => {
    expect(routes.length).toBeGreaterThanOrEqual(12);
    expect(routes.filter((r) => !r.rule)).toEqual([]);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /api/auth/login', 'GET /api/users', 'PATCH /api/users/:id', 'GET /api/audit', 'GET /health/ready']),
    );
  });

  it('answers 401 to an anonymous call of every route that is not public', async () => {
    const guarded = routes.filter((r) => r.rule?.kind !== 'public');
    expect(guarded.length).toBeGreaterThan(5);
    for (const route of guarded) {
      const result = await stack.http.request(route.method, concretePath(route.path), route.method === 'GET' ? undefined : {});
      expect({ route: `${route.method} ${route.path}`, status: result.status }).toEqual({ route: `${route.method} ${route.path}`, status: 401 });
    }
  });

  it('answers 403 to a delegate on every admin route', async () => {
    const token = await stack.loginAsAdmin();
    const email = `d-${Date.now()}@example.org`;
    await stack.http.post('/api/users', { email, displayName: 'D', role: 'delegate', password: 'delegate password' }, { token });
    const delegateToken = await stack.http.login(email, 'delegate password');
    const adminOnly = routes.filter((r) => r.rule?.kind === 'roles' && !r.rule.roles.includes('delegate' as never));
    expect(adminOnly.length).toBeGreaterThan(3);
    for (const route of adminOnly) {
      const result = await stack.http.request(route.method, concretePath(route.path), route.method === 'GET' ? undefined : {}, { token: delegateToken });
      expect({ route: route.path, status: result.status }).toEqual({ route: route.path, status: 403 });
    }
  });

  it('refuses to boot an app with a route that declares nothing', async () => {
    @Controller('undeclared')
    class UndeclaredController {
      @Get()
      open(): string {
        return 'open';
      }
      @Get('fine')
      @Public()
      fine(): string {
        return 'fine';
      }
    }
    @Module({ controllers: [UndeclaredController] })
    class UndeclaredModule {}
    @Module({ imports: [DiscoveryModule, UndeclaredModule], providers: [RouteAccessChecker] })
    class RootModule {}
    const app = await NestFactory.create(RootModule, new FastifyAdapter(), { logger: false, abortOnError: false });
    await expect(app.init()).rejects.toThrow(/GET \/undeclared \(UndeclaredController\.open\)/);
    await app.close().catch(() => undefined);
  });

  it('documents every route in OpenAPI with its DTOs, its security and its error answers', async () => {
    const spec = await stack.http.get('/docs/openapi.json');
    expect(spec.status).toBe(200);
    const paths = spec.body.paths as Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
    for (const route of routes) {
      const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
      const operation = paths[openApiPath]?.[route.method.toLowerCase()];
      expect({ route: `${route.method} ${route.path}`, documented: Boolean(operation) }).toEqual({ route: `${route.method} ${route.path}`, documented: true });
      if (route.rule?.kind !== 'public') {
        expect(operation.security).toEqual([{ bearer: [] }]);
        expect(Object.keys(operation.responses)).toContain('401');
      } else {
        // A public route says so: a generated client sends no token there. Refresh takes the refresh token from
        // the body or from the browser's HttpOnly cookie: no credential, or the cookie scheme.
        const readsCookie = route.path === '/api/auth/refresh';
        expect({ route: `${route.method} ${route.path}`, security: operation.security }).toEqual({
          route: `${route.method} ${route.path}`,
          security: readsCookie ? [{}, { 'refresh-cookie': [] }] : [],
        });
      }
    }
    expect(spec.body.components.schemas).toHaveProperty('ErrorEnvelope');
    expect(spec.body.components.schemas).toHaveProperty('CreateUserDto');
    expect(Object.keys(paths['/api/users'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '413', '415']));
    expect(Object.keys(paths['/api/users'].get.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    const ui = await stack.http.get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});
