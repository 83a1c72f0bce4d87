import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { hydrated, launchBrowser } from './support/browser.ts';
import { withSlowSpeech } from './support/speech.ts';
import { repoRoot, startServer, type RunningServer } from './support/server.ts';
import { readLessons } from '../unit/content/helpers.ts';

/**
 * Every page at phone size (360 and 390 px wide), as a learner holds it: nothing can be panned
 * sideways, key-term pop-ups open inside the screen, no label spills out of its button, and axe
 * finds no serious or critical violation. The page list comes from the content collection, so a
 * new lesson is checked without editing this file.
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The first attempt on a fresh server opens its database (over a minute on a loaded machine):
  // do it here, so a page's check is not timed against it.
  await fetch(`${server.baseUrl}/api/quiz/attempt`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl },
    body: JSON.stringify({ lesson: 'clv-formula', locale: 'ja', mode: 'practice' }),
  });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
] as const;


/**
 * Scrolls through the page so `client:visible` islands (calculators, charts) render too, then waits
 * until every island has hydrated. (Not `networkidle`: a lesson's `<audio>` may hold its request
 * open, and the check is about layout, not the network.)
 */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)));
    }
  });
  await hydrated(page);
  await page.evaluate(() => window.scrollTo(0, 0));
}

interface Setup {
  path: string;
  /** What a learner does before the page is in the state worth checking. */
  prepare?(page: Page): Promise<void>;
}

async function finishQuiz(page: Page): Promise<void> {
  await page.locator('.quiz-app[data-hydrated]').waitFor();
  await page.getByTestId('quiz-start-button').click();
  await page.getByTestId('quiz-runner').waitFor();
  for (let n = 1; n <= 5; n++) await page.getByTestId('quiz-primary').click();
  await page.locator('.quiz-confirm .button').first().click();
  await page.getByTestId('quiz-results').waitFor();
}

async function loadSample(page: Page): Promise<void> {
  await page.locator('[data-testid="workbench"]').locator('xpath=ancestor::astro-island[not(@ssr)]').waitFor({ state: 'attached' });
  await page.click('[data-testid="load-sample"]');
  await page.locator('[data-testid="mapping-preview"]').waitFor();
  await page.click('[data-testid="analyze"]');
  await page.locator('[data-testid="overview-figures"]').waitFor({ timeout: 30_000 });
}

const lessonPages: Setup[] = readLessons().map((lesson) => ({
  path: `${lesson.locale === 'ja' ? '' : '/en'}/lessons/${String(lesson.frontmatter['id'])}/`,
}));

const modules = readdirSync(path.join(repoRoot, 'src/content/modules')).map((file) => file.replace(/\.ya?ml$/, ''));

const appPages: Setup[] = [
  { path: '/' },
  { path: '/en/' },
  ...modules.flatMap((id) => [{ path: `/listen/${id}/` }, { path: `/en/listen/${id}/` }]),
  { path: '/lessons/clv-formula/quiz/' },
  { path: '/lessons/clv-formula/quiz/#results', prepare: finishQuiz },
  { path: '/en/lessons/clv-formula/quiz/#results', prepare: finishQuiz },
  { path: '/review/' },
  { path: '/en/review/' },
  { path: '/workbench/#sample', prepare: loadSample },
  { path: '/en/workbench/#sample', prepare: loadSample },
  { path: '/join/not-a-real-invite/' },
  { path: '/learn/resume/' },
  { path: '/en/learn/resume/' },
  { path: '/trainer/login/' },
];

interface Overflow {
  text: string;
  scrollWidth: number;
  clientWidth: number;
}

/** Buttons and links dressed as buttons whose label is wider or taller than the button. */
function overflowingButtons(page: Page): Promise<Overflow[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, .button, [role="button"], input[type="submit"]')]
      .filter((element) => element.offsetParent !== null && !element.closest('.visually-hidden'))
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => ({
        text: (element.textContent ?? '').trim().slice(0, 40),
        scrollWidth: element.scrollWidth,
        clientWidth: element.clientWidth,
      })),
  );
}

interface TipPlacement {
  term: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Opens every key-term pop-up as a learner does (brings the term on screen, then focuses it, as a
 * tap also does) and returns those not fully on screen. One round trip for the whole page: a
 * lesson has dozens of terms, and a slow machine should not turn them into minutes.
 */
function tipsOffScreen(page: Page): Promise<TipPlacement[]> {
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const off: TipPlacement[] = [];
    for (const button of document.querySelectorAll<HTMLElement>('.term__button')) {
      if (button.offsetParent === null) continue;
      button.scrollIntoView({ block: 'nearest' });
      button.focus();
      await frame();
      const tip = document.getElementById(button.getAttribute('aria-describedby') ?? '');
      const box = tip?.getBoundingClientRect();
      const fits = box && box.width > 0 && box.left >= 0 && box.right <= window.innerWidth && box.top >= 0 && box.bottom <= window.innerHeight;
      if (!fits) off.push({ term: button.textContent ?? '', left: box?.left ?? NaN, right: box?.right ?? NaN, top: box?.top ?? NaN, bottom: box?.bottom ?? NaN });
    }
    (document.activeElement as HTMLElement | null)?.blur();
    return off;
  });
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.each(VIEWPORTS)('at $width x $height', (viewport) => {
  let context: BrowserContext;
  beforeAll(async () => {
    // No service worker: its background precaching is not what these checks are about (tests/e2e/offline.test.ts is).
    context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
    // No recordings either (an empty manifest reads as "none"): the speech player's layout is checked
    // here, the recorded player's at phone size in tests/e2e/audio-player.test.ts. In two CI runs, two
    // of the 48 lesson pages (others each time) stalled for a minute while their recording loaded; it
    // did not happen on a quiet machine.
    await context.route('**/audio/**/*.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }));
  });
  afterAll(() => context?.close());

  // One retry: a page that stalls in headless Chromium (see above) gets a fresh page; a page that
  // does not fit fails both times.
  it.each([...lessonPages, ...appPages])('$path fits the screen', { retry: 1 }, async ({ path: pathname, prepare }) => {
    const page = await context.newPage();
    try {
      const response = await page.goto(server.baseUrl + pathname);
      expect(response?.status()).toBeLessThan(500);
      await prepare?.(page);
      await scrollThrough(page);
      expect({ pageWidth: await pageWidth(page), overflowingButtons: await overflowingButtons(page) }).toEqual({
        pageWidth: viewport.width,
        overflowingButtons: [],
      });
      expect(await tipsOffScreen(page)).toEqual([]);
      // One axe scan per page is enough: the narrower screen is where layout-driven rules change.
      if (viewport.width === 360) expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe.each([
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
])('anchors at $width x $height', (viewport) => {
  it('a table-of-contents link lands its heading below the playing narration player', async () => {
    const context = await browser.newContext({ viewport });
    await withSlowSpeech(context);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/lessons/clv-formula/`);
    // Playing: the player sticks to the top of the screen with its real height.
    // Clicked once the player's island has hydrated (a click on the server HTML does nothing).
    const play = page.locator('.player__button--main');
    await play.locator('xpath=ancestor::astro-island[not(@ssr)]').waitFor({ state: 'attached' });
    await play.click();
    const player = page.locator('.player--active');
    await player.waitFor();
    const links = page.locator('.toc a');
    for (let index = 0; index < (await links.count()); index++) {
      const href = (await links.nth(index).getAttribute('href'))!;
      await links.nth(index).click();
      const heading = page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`);
      const [headingTop, playerBottom] = await Promise.all([
        heading.evaluate((element) => element.getBoundingClientRect().top),
        player.evaluate((element) => element.getBoundingClientRect().bottom),
      ]);
      // The last headings may not reach the top: the page ends first. They must still be visible.
      expect({ href, visible: headingTop >= playerBottom }).toEqual({ href, visible: true });
    }
    await context.close();
  });

  it('a quiz review link (a lesson URL with a heading anchor) lands below the reading bar', async () => {
    const page = await browser.newPage({ viewport });
    await page.goto(`${server.baseUrl}/lessons/clv-formula/`);
    const href = (await page.locator('.toc a').nth(1).getAttribute('href'))!;
    await page.goto(`${server.baseUrl}/lessons/clv-formula/${href}`);
    const headingTop = await page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`).evaluate((element) => element.getBoundingClientRect().top);
    const barBottom = await page.locator('.reading-bar').evaluate((element) => element.getBoundingClientRect().bottom);
    expect(headingTop).toBeGreaterThanOrEqual(barBottom + 8);
    await page.close();
  });
});
