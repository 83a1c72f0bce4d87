import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectPageErrors, launchBrowser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('home pages', () => {
  it.each([
    { path: '/', lang: 'ja', heading: '聴いて学ぶ、LTV思考の営業', lesson: 'LTVとは何か' },
    { path: '/en/', lang: 'en', heading: 'Learn LTV-minded selling by listening', lesson: 'What LTV is' },
  ])('$path is in $lang and lists the lessons', async ({ path, lang, heading, lesson }) => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(server.baseUrl + path);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('h1').innerText()).toBe(heading);
    await expect(page.locator('.lesson-list a').first().innerText()).resolves.toContain(lesson);
    expect(await page.locator('[data-module]').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('language switch', () => {
  it('keeps the current lesson when switching from Japanese to English and back', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/lessons/what-is-ltv/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await page.click('[data-testid="lang-switch"]');
    await page.waitForURL(/\/en\/lessons\/what-is-ltv\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toContain('What LTV is');
    await page.click('[data-testid="lang-switch"]');
    await page.waitForURL(/\/lessons\/what-is-ltv\/$/);
    expect(new URL(page.url()).pathname).toBe('/lessons/what-is-ltv/');
    await page.close();
  });

  it('reaches the switch and the first lesson by keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(server.baseUrl + '/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へ移動');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});

describe('server', () => {
  it('answers the on-demand health route', async () => {
    const response = await fetch(`${server.baseUrl}/api/health`);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ ok: true, service: 'ltv-dojo' });
  });

  it('returns 404 for an unknown lesson', async () => {
    const response = await fetch(`${server.baseUrl}/lessons/no-such-lesson/`);
    expect(response.status).toBe(404);
  });
});
