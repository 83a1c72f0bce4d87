import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { collectPageErrors, launchBrowser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { readLessons } from '../unit/content/helpers.ts';

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

const pages = readLessons().map((lesson) => ({
  path: `${lesson.locale === 'ja' ? '' : '/en'}/lessons/${String(lesson.frontmatter['id'])}/`,
  locale: lesson.locale,
  title: String(lesson.frontmatter['title']),
}));

describe('every lesson page', () => {
  it.each(pages)('$path renders in $locale with no console error', async ({ path, locale, title }) => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(server.baseUrl + path);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    expect(await page.locator('h1').innerText()).toBe(title);
    // Scroll through so calculators (client:visible) hydrate and can report errors too.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  it.each(['/', '/en/', '/lessons/what-is-ltv/', '/en/lessons/four-levers/', '/lessons/clv-formula/'])(
    '%s has no serious or critical violation',
    async (path) => {
      const page = await browser.newPage();
      await page.goto(server.baseUrl + path);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    },
  );
});
