import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consoleDirectory } from '../../apps/api/src/mount-console.js';
import { TestStack } from '#testing/test-stack.js';

/** The api serves the built console (npm run build writes dist/console) at /console/, same origin as /api. */
describe('The web console is served at /console/', () => {
  let stack: TestStack;
  let dir: string;

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    const found = consoleDirectory();
    if (!found) throw new Error('dist/console is missing: run npm run build first');
    dir = found;
  });
  afterAll(() => stack.close());

  it('answers the app at /console/, never cached, under the api’s security headers', async () => {
    const answer = await stack.http.get('/console/');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answer.headers.get('cache-control')).toBe('no-cache');
    expect(answer.text).toBe(readFileSync(join(dir, 'index.html'), 'utf8'));
    expect(answer.text).toMatch(/<script type="module" crossorigin src="\/console\/assets\/index-[\w-]+\.js">/);
    // The built app needs no inline script: the CSP's script-src 'self' is enough for it.
    expect(answer.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('redirects /console to /console/', async () => {
    const answer = await fetch(`${stack.http.baseUrl}/console`, { redirect: 'manual' });
    expect(answer.status).toBe(301);
    expect(answer.headers.get('location')).toBe('/console/');
  });

  it('answers index.html for any page of the app, so a reload or a shared link opens it', async () => {
    for (const path of ['/console/sign-in', '/console/editions/00000000-0000-4000-8000-000000000000/programme', '/console/no/such/page?x=1']) {
      const answer = await stack.http.get(path);
      expect({ path, status: answer.status, type: answer.headers.get('content-type') }).toEqual({ path, status: 200, type: expect.stringMatching(/^text\/html/) });
      expect(answer.text).toContain('<div id="root"></div>');
    }
  });

  it('serves the hashed scripts and styles with a year-long cache, and 404s a missing one', async () => {
    const assets = readdirSync(join(dir, 'assets'));
    const script = assets.find((name) => name.endsWith('.js'))!;
    const answer = await stack.http.get(`/console/assets/${script}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/javascript/);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(answer.text).toBe(readFileSync(join(dir, 'assets', script), 'utf8'));

    const missing = await stack.http.get('/console/assets/index-00000000.js');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('leaves /api and the docs as they were', async () => {
    expect((await stack.http.get('/api/events')).status).toBe(401);
    expect((await stack.http.get('/health')).status).toBe(200);
    expect((await stack.http.get('/docs/openapi.json')).status).toBe(200);
  });
});
