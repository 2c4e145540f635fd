import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { TEST_ADMIN, TestStack } from '#testing/test-stack.js';
import type { BenchRow } from './support/report.js';

const BUDGET_BYTES = 350 * 1024;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** The JavaScript a page fetches from now on, each file gzipped here (the api serves it uncompressed on localhost). */
function recordScripts(page: Page): { bytes: () => number; files: () => number } {
  const seen = new Map<string, number>();
  page.on('response', (response) => {
    const url = response.url();
    if (!url.endsWith('.js') || seen.has(url)) return;
    seen.set(url, 0);
    response
      .body()
      .then((body) => seen.set(url, gzipSync(body, { level: 9 }).length))
      .catch(() => seen.delete(url));
  });
  return { bytes: () => [...seen.values()].reduce((sum, size) => sum + size, 0), files: () => seen.size };
}

/**
 * The floor any React single-page app pays before its first component: React and ReactDOM's production builds,
 * gzipped the same way. The console's figure over it is what antd, the router, i18n and our screens add.
 */
function reactFloorBytes(): number {
  // The packages' exports hide their cjs folders, so the files are found beside each package's entry.
  const require = createRequire(import.meta.url);
  const files = [
    join(dirname(require.resolve('react')), 'cjs/react.production.js'),
    join(dirname(require.resolve('react-dom')), 'cjs/react-dom.production.js'),
    join(dirname(require.resolve('react-dom/client')), 'cjs/react-dom-client.production.js'),
  ];
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
}

/**
 * The console's initial JavaScript: what Chromium fetches for the sign-in page, then what signing in adds until the
 * first screen is usable (the rest of the workspaces load on demand). Target: ≤ 350 KiB gzip for both together.
 */
export async function consoleLoad(): Promise<BenchRow> {
  const stack = await (await TestStack.create({ backend: 'redis', migrate: true, env: { LOG_LEVEL: 'warn' } })).startApi();
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await context.newPage();
    const scripts = recordScripts(page);
    const began = performance.now();
    await page.goto(`${stack.http.baseUrl}/console/sign-in`, { waitUntil: 'networkidle' });
    await page.locator('input[autocomplete="username"]').waitFor();
    const signInMs = performance.now() - began;
    const signInBytes = scripts.bytes();
    await page.locator('input[autocomplete="username"]').fill(TEST_ADMIN.email);
    await page.locator('input[autocomplete="current-password"]').fill(TEST_ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('user-menu').waitFor();
    await page.waitForLoadState('networkidle');
    const totalBytes = scripts.bytes();
    const floor = reactFloorBytes();
    return {
      scenario: 'console: initial JavaScript of the sign-in page and the first screen (gzip)',
      backend: 'redis',
      figure: `${kib(totalBytes)} in ${scripts.files()} files (sign-in page ${kib(signInBytes)}, usable in ${signInMs.toFixed(0)} ms)`,
      baseline: `React + ReactDOM alone ${kib(floor)}`,
      ratio: floor / totalBytes,
      target: `≤ ${kib(BUDGET_BYTES)}`,
      pass: totalBytes <= BUDGET_BYTES,
      notes: 'ratio = the React floor ÷ the console; the rest of each workspace loads on demand',
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await stack.close();
  }
}
