/**
 * The prerendered pages' Content-Security-Policy in a real browser: the page's own inline scripts
 * (Astro's island loader) run and the islands hydrate with no CSP violation, also after listen
 * mode's client-side navigation (the next page's scripts run under the first page's policy),
 * while a script injected into the page is refused: the policy is really enforced and strict.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** Chromium reports each blocked resource on the console ("Refused to execute inline script…"). */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe.each([
  { path: '/lessons/four-levers/', island: '[data-calculator="levers"]' },
  { path: '/en/lessons/what-is-ltv/', island: 'astro-island' },
  { path: '/', island: 'astro-island' },
])('$path under its CSP', ({ path, island }) => {
  it('hydrates its islands with no violation, and refuses an injected script', async () => {
    const page = await browser.newPage();
    const violations = collectCspViolations(page);
    const errors = collectPageErrors(page);
    const response = await page.goto(server.baseUrl + path);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'sha256-");
    // Bring each island into view in turn (client:visible ones hydrate only then) and wait for it;
    // an island is `display: contents`, so scroll its content.
    const islands = await page.$$('astro-island');
    expect(islands.length).toBeGreaterThan(0);
    for (const element of islands) {
      await element.evaluate((node) => (node.firstElementChild ?? node).scrollIntoView({ block: 'center' }));
      await page.waitForFunction((node) => !node.hasAttribute('ssr'), element);
    }
    await page.waitForLoadState('networkidle');
    expect(await page.locator(island).count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);

    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.injected = "ran"';
      document.head.append(script);
    });
    expect(await page.getAttribute('html', 'data-injected')).toBeNull();
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('a client-side navigation from listen mode to a lesson', () => {
  it('runs the lesson page’s inline scripts under the listen page’s policy', async () => {
    const page = await browser.newPage();
    const violations = collectCspViolations(page);
    await page.goto(`${server.baseUrl}/listen/ltv-selling/`);
    await page.locator('astro-island:not([ssr]) [data-testid="listen-dock"]').waitFor();
    await page.evaluate(() => ((window as unknown as { sameWindow: boolean }).sameWindow = true));
    await page.locator('[data-listen-lesson="what-is-ltv"] a').click();
    await page.waitForURL('**/lessons/what-is-ltv/');
    // The key-term buttons are added by one of the lesson page's inline scripts.
    await page.locator('.prose .term__button').first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { sameWindow?: boolean }).sameWindow)).toBe(true);
    expect(violations).toEqual([]);
    await page.close();
  });
});
