import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { calculatorDescriptionsByLocale } from '../../src/lib/calculators/descriptions.ts';
import { lessonSchema } from '../../src/lib/course/schemas.ts';
import { lessonScript } from '../../src/lib/narration/script.ts';
import { segmentBlocks } from '../../src/lib/narration/segment.ts';
import { readLessons } from '../unit/content/helpers.ts';
import { seriousViolations } from './support/axe.ts';
import { collectPageErrors, launchBrowser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { spokenIn, withFakeSpeech, type SpokenRecord } from './support/speech.ts';

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

async function contextWithSpeech(options: { withVoices: boolean; durationMs?: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  await withFakeSpeech(context, { withVoices: options.withVoices, durationMs: options.durationMs ?? 40 });
  // These cases are about browser speech: recordings the build may hold are hidden (an empty
  // manifest, read as "no recording"); tests/e2e/audio-player.test.ts plays them.
  await context.route('**/audio/**/*.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }));
  return context;
}

/** What the Japanese lesson should say, computed from its MDX as the build does. */
function expectedSpoken(id: string, locale: 'ja' | 'en'): string[] {
  const source = readLessons().find((lesson) => lesson.locale === locale && lesson.frontmatter['id'] === id)!;
  const data = lessonSchema.parse(source.frontmatter);
  const blocks = lessonScript({ ...data, body: source.body, locale, calculatorDescriptions: calculatorDescriptionsByLocale() });
  return segmentBlocks(blocks, locale).map((segment) => segment.spoken);
}

/** The Japanese lessons of a module, in order. */
function moduleLessons(moduleId: string): { id: string; title: string }[] {
  return readLessons()
    .filter((lesson) => lesson.locale === 'ja' && lesson.frontmatter['module'] === moduleId && !lesson.frontmatter['draft'])
    .sort((a, b) => Number(a.frontmatter['order']) - Number(b.frontmatter['order']))
    .map((lesson) => ({ id: String(lesson.frontmatter['id']), title: String(lesson.frontmatter['title']) }));
}

describe('narration on a lesson page', () => {
  it('reads the Japanese lesson sentence by sentence in ja-JP, moving the highlight, at the chosen speed', async () => {
    const context = await contextWithSpeech({ withVoices: true });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.baseUrl}/lessons/what-is-ltv/`);
    const toggle = page.getByTestId('player-toggle');
    await page.locator('astro-island:not([ssr]) [data-testid="player-toggle"]').waitFor();
    // Play to first utterance: reported, not asserted (timings belong in benchmarks).
    await page.evaluate(() =>
      document.querySelector('[data-testid="player-toggle"]')!.addEventListener('click', () => ((window as unknown as { clickedAt: number }).clickedAt = performance.now()), { capture: true }),
    );
    await toggle.click();
    await page.waitForFunction(() => (window as unknown as { __spoken: unknown[] }).__spoken.length >= 4);
    const firstSpokenMs = await page.evaluate(
      () => (window as unknown as { __spoken: SpokenRecord[] }).__spoken[0]!.at - (window as unknown as { clickedAt: number }).clickedAt,
    );
    console.log(`  play to first utterance (native engine, fake voice): ${firstSpokenMs.toFixed(1)} ms`);
    expect(await toggle.innerText()).toBe('一時停止');

    const expected = expectedSpoken('what-is-ltv', 'ja');
    const early = await spokenIn(page);
    expect(early.map((s) => s.text)).toEqual(expected.slice(0, early.length));
    expect(new Set(early.map((s) => s.lang))).toEqual(new Set(['ja-JP']));

    // The highlight follows the voice into the lesson body.
    await page.waitForFunction(() => document.querySelector('.prose .narration-current') !== null);
    const firstBlock = await page.locator('.narration-current').evaluate((element) => element.textContent);
    await page.waitForFunction((before) => document.querySelector('.narration-current')?.textContent !== before, firstBlock);

    // Faster: `]` raises the speed by a step; the next sentences are said at 1.25×.
    await page.keyboard.press(']');
    const countAtChange = (await spokenIn(page)).length;
    await page.waitForFunction((n) => (window as unknown as { __spoken: unknown[] }).__spoken.length > n + 2, countAtChange);
    const later = (await spokenIn(page)).slice(countAtChange);
    expect(later.every((s) => s.rate === 1.25)).toBe(true);
    const all = await spokenIn(page);
    // In order: repeats only where a change said the current sentence again.
    const distinct = all.map((s) => s.text).filter((text, i, texts) => text !== texts[i - 1]);
    expect(distinct).toEqual(expected.slice(0, distinct.length));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('resumes where the learner stopped, with the same speed, after a reload', async () => {
    const context = await contextWithSpeech({ withVoices: true, durationMs: 30 });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/lessons/what-is-ltv/`);
    await page.locator('astro-island:not([ssr]) [data-testid="player-toggle"]').click();
    await page.keyboard.press('[');
    await page.waitForFunction(() => (window as unknown as { __spoken: unknown[] }).__spoken.length >= 8);
    await page.getByTestId('player-toggle').click();
    const stoppedAt = Number(await page.getByTestId('player-seek').inputValue());
    expect(stoppedAt).toBeGreaterThan(3);

    await page.reload();
    const toggle = page.locator('astro-island:not([ssr]) [data-testid="player-toggle"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="player-toggle"]')?.textContent === '続きから再生');
    expect(Number(await page.getByTestId('player-seek').inputValue())).toBe(stoppedAt);
    await toggle.click();
    await page.waitForFunction(() => (window as unknown as { __spoken: unknown[] }).__spoken.length >= 1);
    const [first] = await spokenIn(page);
    expect(first!.text).toBe(expectedSpoken('what-is-ltv', 'ja')[stoppedAt]);
    expect(first!.rate).toBe(0.75);
    await context.close();
  });

  it('finds an element to highlight for every sentence shown on the page', async () => {
    const context = await contextWithSpeech({ withVoices: true, durationMs: 100_000 });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/lessons/clv-formula/`);
    await page.locator('astro-island:not([ssr]) [data-testid="player-toggle"]').click();
    await page.getByTestId('player-toggle').click(); // paused: moves change only the position
    const count = Number(await page.getByTestId('player-seek').getAttribute('max')) + 1;
    await page.waitForFunction(() => document.querySelector('.narration-current') !== null);
    const missing: number[] = [];
    for (let index = 0; index < count; index++) {
      const found = await page.evaluate(() => document.querySelector('.narration-current') !== null);
      if (!found) missing.push(index);
      await page.keyboard.press('l');
    }
    // Only `<Spoken>` text has no element; this lesson has none.
    expect(missing).toEqual([]);
    await context.close();
  });

  it('says plainly that no voice is available, offers reading instead, and shows no Play button', async () => {
    const context = await contextWithSpeech({ withVoices: false });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.baseUrl}/lessons/what-is-ltv/`);
    const notice = page.getByTestId('player-notice');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.innerText()).toContain('音声の読み上げが使えません');
    expect(await page.getByTestId('player-toggle').count()).toBe(0);
    await page.getByRole('button', { name: '本文を読む' }).click();
    expect(await page.evaluate(() => document.activeElement?.closest('.prose') !== null)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no serious accessibility violation with the player on the page, idle or playing', async () => {
    const context = await contextWithSpeech({ withVoices: true, durationMs: 2000 });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/lessons/what-is-ltv/`);
    await page.locator('astro-island:not([ssr]) [data-testid="player-toggle"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('player-toggle').click();
    await page.getByRole('button', { name: '設定' }).click();
    await page.getByTestId('player-speed').waitFor();
    await page.waitForFunction(() => document.querySelector('.narration-current') !== null);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('listen mode', () => {
  it('plays a module lesson after lesson, and keeps playing while the learner opens a lesson page', async () => {
    const context = await contextWithSpeech({ withVoices: true, durationMs: 30 });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.baseUrl}/listen/ltv-selling/`);
    await page.locator('astro-island:not([ssr]) [data-testid="listen-dock"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('listen-start').click();
    await page.waitForFunction(() => (window as unknown as { __spoken: unknown[] }).__spoken.length >= 3);
    const first = await spokenIn(page);
    expect(first[0]!.text).toBe(expectedSpoken('what-is-ltv', 'ja')[0]);
    expect(await page.locator('[data-listen-lesson][aria-current="true"]').getAttribute('data-listen-lesson')).toBe('what-is-ltv');

    // A client-side navigation: the same window, the dock carried over, the voice going on.
    await page.evaluate(() => ((window as unknown as { sameWindow: boolean }).sameWindow = true));
    await page.locator('[data-listen-lesson="what-is-ltv"] a').click();
    await page.waitForURL('**/lessons/what-is-ltv/');
    await page.locator('h1').waitFor();
    expect(await page.evaluate(() => (window as unknown as { sameWindow?: boolean }).sameWindow)).toBe(true);
    const before = (await spokenIn(page)).length;
    await page.waitForFunction((n) => (window as unknown as { __spoken: unknown[] }).__spoken.length > n + 3, before);
    expect(await page.getByTestId('listen-dock').count()).toBe(1);
    expect(await page.getByTestId('listen-toggle').getAttribute('aria-label')).toBe('一時停止');
    // The lesson page still works after a client-side navigation: key terms are explained.
    await page.locator('.prose .term__button').first().waitFor();

    // Next lesson: the module's second lesson plays from its title.
    const [, second] = moduleLessons('ltv-selling');
    await page.getByTestId('listen-dock').getByRole('button', { name: '次のレッスン' }).click();
    await page.waitForFunction(
      (text) => (window as unknown as { __spoken: SpokenRecord[] }).__spoken.some((s) => s.text === text),
      expectedSpoken(second!.id, 'ja')[0]!,
    );
    // The title follows the playlist's state, which may render a moment after the first words.
    await expect.poll(() => page.getByTestId('listen-title').innerText()).toBe(second!.title);

    // The sleep timer offers minutes and the end of the lesson.
    await page.getByTestId('listen-dock').getByRole('button', { name: 'その他の設定' }).click();
    const options = await page.getByTestId('listen-sleep').locator('option').allInnerTexts();
    expect(options).toEqual(['オフ', '15分', '30分', '45分', '60分', 'このレッスンの終わり']);
    await page.getByTestId('listen-sleep').selectOption('end-of-lesson');
    expect(await page.getByTestId('listen-dock').innerText()).toContain('このレッスンの終わりで停止');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('speech token endpoint on the running server', () => {
  it('answers 404 JSON without a key, and a quiet 204 to the pages’ probe', async () => {
    const response = await fetch(`${server.baseUrl}/api/speech/token`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'cloud-voice-disabled' });
    const probe = await fetch(`${server.baseUrl}/api/speech/token`, { headers: { 'x-speech-probe': '1' } });
    expect(probe.status).toBe(204);
  });
});
