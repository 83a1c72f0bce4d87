/**
 * Offline listening in a real browser: the service worker installs and precaches the lesson pages;
 * "save this module" stores the module's pages and audio; with the context offline, a saved lesson
 * reloads and its audio loads and plays from the cache (Range answered with 206 from the stored
 * file); a page that is not on the device shows the offline page, which says why (a quiz needs the
 * server) and lists the saved module. The save UI is photographed at phone and desktop sizes
 * (test-results/offline-*.png).
 * Needs `npm run audio` before the build for the audio parts (they are skipped without it).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { collectPageErrors, launchBrowser } from './support/browser.ts';
import { repoRoot, startServer, type RunningServer } from './support/server.ts';

const manifestFile = path.join(repoRoot, 'dist/client/audio/ja/what-is-ltv.json');
const hasAudio = existsSync(manifestFile);
const mp3Url = hasAudio ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as { src: string }).src : '';
const shots = path.join(repoRoot, 'test-results');

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function controlledPage(context: BrowserContext, pathname: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.baseUrl + pathname);
  // clientsClaim: the first page is controlled as soon as the worker activates.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  return page;
}

/** Every URL in Cache Storage, whatever the cache. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  });
}

describe('offline', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  });
  afterAll(async () => context?.close());

  it('installs the service worker, which precaches the lesson pages but no quiz, API or private page', async () => {
    page = await controlledPage(context, '/listen/ltv-selling/');
    errors = collectPageErrors(page);
    const registration = await page.evaluate(async () => {
      const ready = await navigator.serviceWorker.ready;
      return { scope: ready.scope, script: ready.active?.scriptURL };
    });
    expect(registration).toEqual({ scope: `${server.baseUrl}/`, script: `${server.baseUrl}/sw.js` });
    await expect.poll(async () => (await cachedUrls(page)).includes('/lessons/what-is-ltv/'), { timeout: 60_000 }).toBe(true);
    const urls = await cachedUrls(page);
    expect(urls).toContain('/offline/');
    expect(urls).toContain('/en/lessons/what-is-ltv/');
    expect(urls.filter((url) => /^\/api\/|\/quiz\/|^\/(en\/)?(trainer|learn|join)\//.test(url))).toEqual([]);
  });

  it.skipIf(!hasAudio)('passes a Range request for an MP3 to the server online: 206', async () => {
    const answer = await page.evaluate(async (src) => {
      const response = await fetch(src, { headers: { range: 'bytes=0-1' } });
      return { status: response.status, range: response.headers.get('content-range'), bytes: (await response.arrayBuffer()).byteLength };
    }, mp3Url);
    expect(answer.status).toBe(206);
    expect(answer.range).toMatch(/^bytes 0-1\/\d+$/);
    expect(answer.bytes).toBe(2);
  });

  it('saves the module: size first, then progress, then the saved state', async () => {
    const save = page.locator('astro-island:not([ssr]) [data-testid="offline-save-button"]');
    await save.waitFor();
    await expect.poll(() => page.locator('[data-testid="offline-save-size"]').textContent()).toMatch(/\d+(\.\d)? (MB|KB)/);
    await page.locator('[data-testid="offline-save"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'offline-save-390.png'), fullPage: false });
    await save.click();
    await page.locator('[data-testid="offline-save-status"]').waitFor({ timeout: 120_000 });
    await page.locator('[data-testid="offline-save"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'offline-saved-390.png') });
    const urls = await cachedUrls(page);
    expect(urls).toContain('/listen/ltv-selling/');
    if (hasAudio) expect(urls).toContain(mp3Url);
    expect(urls.filter((url) => url.startsWith('/api/'))).toEqual([]);
  });

  it('offline: the saved lesson reloads and its player plays the audio from the cache, Range answered with 206', async () => {
    await context.setOffline(true);
    const response = await page.goto(`${server.baseUrl}/lessons/what-is-ltv/`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('LTV');
    if (!hasAudio) return;
    const ranged = await page.evaluate(async (src) => {
      const answers = [];
      for (const range of ['bytes=0-1', 'bytes=1000-1999', 'bytes=-100']) {
        const response = await fetch(src, { headers: { range } });
        answers.push({ status: response.status, range: response.headers.get('content-range'), bytes: (await response.arrayBuffer()).byteLength });
      }
      return answers;
    }, mp3Url);
    expect(ranged.map((answer) => answer.status)).toEqual([206, 206, 206]);
    expect(ranged.map((answer) => answer.bytes)).toEqual([2, 1000, 100]);
    expect(ranged[0]!.range).toMatch(/^bytes 0-1\/\d+$/);

    // The lesson's own player, not a bare <audio>: Play starts the stored file, the highlight
    // follows it, and 次の見出し seeks into the middle of the file (a Range request the cache answers).
    await page.locator('astro-island:not([ssr]) [data-testid="lesson-player"][data-source="recording"]').waitFor();
    await page.getByTestId('player-toggle').click();
    await page.waitForFunction(() => (document.querySelector<HTMLAudioElement>('audio[data-testid="narration-audio"]')?.currentTime ?? 0) > 0.3, undefined, { timeout: 20_000 });
    await expect.poll(() => page.locator('.narration-current').count()).toBeGreaterThan(0);
    const before = await page.evaluate(() => document.querySelector<HTMLAudioElement>('audio[data-testid="narration-audio"]')!.currentTime);
    await page.getByRole('button', { name: '次の見出し' }).click();
    await expect
      .poll(() => page.evaluate(() => document.querySelector<HTMLAudioElement>('audio[data-testid="narration-audio"]')!.currentTime))
      .toBeGreaterThan(before + 5);
    const played = await page.evaluate(() => {
      const audio = document.querySelector<HTMLAudioElement>('audio[data-testid="narration-audio"]')!;
      return { src: new URL(audio.src).pathname, duration: audio.duration, paused: audio.paused, error: audio.error?.code ?? null };
    });
    expect(played).toMatchObject({ src: mp3Url, paused: false, error: null });
    expect(played.duration).toBeGreaterThan(60);
  });

  it('offline: a quiz page shows the offline page, which says quizzes need a connection and lists the saved module', async () => {
    const response = await page.goto(`${server.baseUrl}/lessons/what-is-ltv/quiz/`);
    expect(response?.status()).toBe(200);
    await page.locator('astro-island:not([ssr]) [data-testid="offline-notice"][data-reason="quiz"]').waitFor();
    expect(await page.locator('[data-testid="offline-quiz"]').textContent()).toContain('接続');
    await page.locator('[data-testid="offline-saved-list"]').waitFor();
    expect(await page.locator('[data-testid="offline-saved-list"] a').first().getAttribute('href')).toBe('/listen/ltv-selling/');
    await page.screenshot({ path: path.join(shots, 'offline-page-390.png'), fullPage: true });
  });

  it('offline: an unsaved module in English shows the English offline page', async () => {
    const response = await page.goto(`${server.baseUrl}/en/listen/clv-practice/`);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/en/listen/clv-practice/');
    await page.locator('astro-island:not([ssr]) [data-testid="offline-notice"][data-reason="page"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('You are offline');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('back online: the offline page reloads into the real page by itself', async () => {
    await context.setOffline(false);
    await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 20_000 }).not.toBe('You are offline');
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/en/listen/clv-practice/');
  });

  it('back online: removing the module empties its cache', async () => {
    await page.goto(`${server.baseUrl}/listen/ltv-selling/`);
    await page.locator('astro-island:not([ssr]) [data-testid="offline-remove-button"]').click();
    await page.locator('[data-testid="offline-save-button"]').waitFor();
    const urls = await cachedUrls(page);
    expect(urls).not.toContain('/listen/ltv-selling/');
    if (hasAudio) expect(urls).not.toContain(mp3Url);
    expect(errors).toEqual([]);
  });

  it('looks right on a desktop, and the save and podcast sections pass axe', async () => {
    const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desktop.goto(`${server.baseUrl}/listen/ltv-selling/`);
    await desktop.locator('astro-island:not([ssr]) [data-testid="offline-save"]').waitFor();
    await expect.poll(() => desktop.locator('[data-testid="offline-save-size"]').textContent()).toMatch(/MB|KB/);
    await desktop.locator('[data-testid="podcast-subscribe"]').scrollIntoViewIfNeeded();
    await desktop.screenshot({ path: path.join(shots, 'offline-save-desktop.png') });
    expect(await desktop.locator('[data-testid="podcast-subscribe"] [role="img"]').getAttribute('aria-label')).toContain('QR');
    expect(await seriousViolations(desktop)).toEqual([]);
    await desktop.close();
  });
});
