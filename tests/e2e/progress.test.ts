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

describe('lesson progress', () => {
  it('marks a lesson done, keeps it across a reload, and shows it in the catalog', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.baseUrl}/lessons/what-is-ltv/`);
    // The server-rendered button does nothing until its island hydrates: click the live one.
    const button = page.locator('astro-island:not([ssr]) [data-testid="mark-done"]');
    await button.waitFor();
    await expect(button.getAttribute('aria-pressed')).resolves.toBe('false');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await page.locator('[data-testid="mark-done"][aria-pressed="true"]').waitFor();

    await page.goto(`${server.baseUrl}/`);
    const firstModule = page.locator('[data-module="ltv-selling"]');
    await firstModule.locator('.badge').first().waitFor();
    expect(await firstModule.locator('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('1');
    // The last lesson opened is done, so "continue" offers the next one not done.
    const continueLink = page.locator('[data-testid="continue"] a');
    expect(await continueLink.getAttribute('href')).not.toBe('/lessons/what-is-ltv/');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the reading progress bar moving as the learner scrolls', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/en/lessons/what-is-ltv/`);
    const bar = page.locator('.reading-bar');
    await bar.waitFor({ state: 'attached' });
    const before = Number(await bar.getAttribute('aria-valuenow'));
    await page.mouse.wheel(0, 100_000);
    await page.waitForFunction(() => Number(document.querySelector('.reading-bar')?.getAttribute('aria-valuenow')) === 100);
    expect(before).toBeLessThan(100);
    await context.close();
  });

  it('recovers from corrupt stored progress and says so', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => localStorage.setItem('ltv-dojo:progress', '{broken'));
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.baseUrl}/lessons/what-is-ltv/`);
    await page.locator('.notice[role="status"]').waitFor();
    expect(await page.locator('.notice').innerText()).toContain('リセット');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('key terms', () => {
  it('explains a key term in place when it gets focus', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/lessons/what-is-ltv/`);
    const term = page.locator('.prose .term__button').first();
    await term.focus();
    const tip = page.locator(`#${await term.getAttribute('aria-describedby')}`);
    expect(await tip.isVisible()).toBe(true);
    expect((await tip.innerText()).length).toBeGreaterThan(5);
    await page.close();
  });
});
