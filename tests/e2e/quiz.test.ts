import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { launchBrowser } from './support/browser.ts';
import { seriousViolations } from './support/axe.ts';
import { repoRoot, startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
// Self-study attempts are stored on the server: a database of this run's own.
const dataDir = mkdtempSync(path.join(tmpdir(), 'ltv-quiz-e2e-'));

beforeAll(async () => {
  server = await startServer({ LTV_DATA_DIR: dataDir });
  // The first attempt opens and migrates the database (slow on a busy machine): not inside a test's own timeout.
  const warmUp = await fetch(`${server.baseUrl}/api/quiz/attempt`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl },
    body: JSON.stringify({ lesson: 'clv-formula', mode: 'test', locale: 'ja' }),
  });
  expect(warmUp.status).toBe(200);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const QUIZ = '/lessons/clv-formula/quiz/';

/**
 * Console errors and page errors, except the narration's probe for cloud voices: the server
 * answers /api/speech/token with 404 when no cloud key is set, and the browser logs every 404.
 */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.includes('/api/speech/token')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function openQuiz(page: Page, pathname = QUIZ): Promise<void> {
  await page.goto(server.baseUrl + pathname);
  await page.locator('.quiz-app[data-hydrated]').waitFor();
}

const progress = (page: Page) => page.getByTestId('quiz-progress').innerText();

/** Islands render on the next frame: this waits until the question on screen has the focus (and its keys work). */
async function questionReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.activeElement?.id === `heading-${document.querySelector('.quiz-question')?.getAttribute('data-question')}`);
}

/** Answers the question on screen like a learner: a digit key, or typing into the field. */
async function answerOnScreen(page: Page): Promise<void> {
  await questionReady(page);
  const type = await page.locator('.quiz-question').getAttribute('data-type');
  if (type === 'numeric' || type === 'calculated') await page.getByLabel('答え').fill('５，０００円');
  else if (type === 'ordering') {
    await page.locator('.quiz-order__item').nth(1).locator('button[data-direction="up"]').click();
    // On a button, Enter presses that button; back on the question, Enter confirms.
    await page.locator('.quiz-question__heading').focus();
  } else await page.keyboard.press('1');
}

describe('the quiz page', () => {
  it('is linked from the end of its lesson', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/lessons/clv-formula/`);
    expect(await page.getByTestId('take-quiz').getAttribute('href')).toBe(QUIZ);
    await page.close();
  });

  it('takes a test, scores it, reviews every question and retakes only the missed ones', async () => {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await openQuiz(page);
    await page.getByTestId('quiz-start-button').click();
    await page.getByTestId('quiz-runner').waitFor();
    expect(await progress(page)).toBe('問題 1 / 5');
    // Answer the first question by keyboard and leave the rest blank: at least four are missed.
    await answerOnScreen(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id.startsWith('heading-') && document.querySelector('[data-testid="quiz-progress"]')?.textContent === '問題 2 / 5');
    for (let n = 2; n <= 5; n++) await page.getByTestId('quiz-primary').click();
    await page.getByRole('button', { name: 'このまま採点する' }).click();

    await page.getByTestId('quiz-results').waitFor();
    expect(await page.getByTestId('quiz-score').innerText()).toMatch(/^[\d.]+ \/ 5点（\d+%）$/);
    expect(await page.getByTestId('quiz-verdict').innerText()).toContain('もう一歩');
    const items = page.locator('.quiz-review__item');
    expect(await items.count()).toBe(5);
    // The answered question shows its key; a skipped one only says why not (an ordering question is always answered).
    expect(await items.first().locator('.quiz-feedback__explanation').innerText()).not.toBe('');
    let withheld = 0;
    for (let i = 0; i < 5; i++) {
      const item = items.nth(i);
      if ((await item.locator('.quiz-feedback__withheld').count()) === 1) {
        withheld++;
        expect(await item.locator('.quiz-feedback__answers, .quiz-feedback__explanation').count()).toBe(0);
      } else expect(await item.locator('.quiz-feedback__explanation').innerText()).not.toBe('');
      expect(await item.locator('.quiz-feedback__section a').getAttribute('href')).toMatch(/^\/lessons\/clv-formula\/#.+/);
    }
    expect(withheld).toBeGreaterThanOrEqual(3);
    const missed = await page.locator('.quiz-review__item .quiz-feedback:not(.quiz-feedback--correct)').count();
    expect(missed).toBeGreaterThanOrEqual(4);

    // The review link lands on a real heading of the lesson.
    const href = (await items.first().locator('.quiz-feedback__section a').getAttribute('href'))!;
    const anchorPage = await browser.newPage();
    await anchorPage.goto(server.baseUrl + href);
    expect(await anchorPage.locator(`[id="${decodeURIComponent(href.split('#')[1]!)}"]`).count()).toBe(1);
    await anchorPage.close();

    await page.getByTestId('retake-missed').click();
    await page.getByTestId('quiz-runner').waitFor();
    expect(await progress(page)).toBe(`問題 1 / ${missed}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('practice mode shows the feedback right after each answer', async () => {
    const page = await browser.newPage();
    await openQuiz(page);
    await page.getByLabel(/練習/).check();
    await page.getByTestId('quiz-start-button').click();
    await page.getByTestId('quiz-runner').waitFor();
    await answerOnScreen(page);
    await page.keyboard.press('Enter');
    const feedback = page.getByTestId('feedback');
    await feedback.waitFor();
    expect(await feedback.innerText()).toMatch(/正解|不正解|部分正解/);
    expect(await feedback.locator('.quiz-feedback__explanation').innerText()).not.toBe('');
    expect(await page.getByTestId('quiz-primary').innerText()).toBe('次の問題');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="quiz-progress"]')?.textContent === '問題 2 / 5');
    expect(await page.getByTestId('feedback').count()).toBe(0);
    await page.close();
  });

  it('keeps the attempt in progress across a reload', async () => {
    const page = await browser.newPage();
    await openQuiz(page, '/en/lessons/clv-formula/quiz/');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByTestId('quiz-start-button').click();
    await page.getByTestId('quiz-runner').waitFor();
    const firstQuestion = await page.locator('.quiz-question').getAttribute('data-question');
    const type = await page.locator('.quiz-question').getAttribute('data-type');
    if (type === 'numeric' || type === 'calculated') await page.getByLabel('Answer').fill('5000');
    else if (type !== 'ordering') await page.locator('.quiz-option').first().click();
    await page.locator('.quiz-nav__item--answered[aria-current="step"]').waitFor();
    await page.getByTestId('quiz-primary').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="quiz-progress"]')?.textContent === 'Question 2 of 5');

    await page.reload();
    await page.getByTestId('quiz-runner').waitFor();
    expect(await progress(page)).toBe('Question 2 of 5');
    expect(await page.locator('.quiz-answered').innerText()).toMatch(/^\d of 5 answered$/);
    expect(await page.locator('.quiz-question').getAttribute('data-question')).not.toBe(firstQuestion);
    await page.getByRole('button', { name: /^← Previous/ }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="quiz-progress"]')?.textContent === 'Question 1 of 5');
    expect(await page.locator('.quiz-question').getAttribute('data-question')).toBe(firstQuestion);
    await page.close();
  });

  it("brings missed questions back in Today's review and starts their review", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openQuiz(page);
    await page.getByTestId('quiz-start-button').click();
    await page.getByTestId('quiz-runner').waitFor();
    for (let n = 1; n <= 5; n++) await page.getByTestId('quiz-primary').click();
    await page.getByRole('button', { name: 'このまま採点する' }).click();
    await page.getByTestId('quiz-results').waitFor();
    // Two days later: move the stored attempt back in time.
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('ltv-dojo:quiz-history')!);
      for (const attempt of stored.attempts) attempt.completedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
      localStorage.setItem('ltv-dojo:quiz-history', JSON.stringify(stored));
    });

    await page.goto(`${server.baseUrl}/review/`);
    await page.locator('.review-app[data-hydrated]').waitFor();
    expect(await page.getByTestId('review-due').innerText()).toContain('今日の復習は5問です。');
    expect(await page.locator('[data-lesson="clv-formula"] .mastery-tile').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-lesson="clv-formula"] .mastery-tile[data-level="learning"]').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: '5問を復習する' }).click();
    await page.locator('.quiz-app[data-hydrated]').waitFor();
    await page.getByTestId('quiz-start-button').click();
    await page.getByTestId('quiz-runner').waitFor();
    expect(await progress(page)).toBe('問題 1 / 5');
    expect(await page.getByTestId('quiz-runner').getAttribute('data-mode')).toBe('practice');
    expect(new URL(page.url()).search).toBe('');
    await context.close();
  });
});

describe('accessibility', () => {
  it.each(['/lessons/clv-formula/quiz/', '/en/lessons/clv-formula/quiz/'])('%s has no serious axe violation at the start, during and after the test', async (pathname) => {
    const page = await browser.newPage();
    await openQuiz(page, pathname);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('quiz-start-button').click();
    await page.getByTestId('quiz-runner').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    for (let n = 1; n <= 5; n++) await page.getByTestId('quiz-primary').click();
    await page.locator('.quiz-confirm .button').first().click();
    await page.getByTestId('quiz-results').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(['/review/', '/en/review/'])('%s has no serious axe violation', async (pathname) => {
    const page = await browser.newPage();
    await page.goto(server.baseUrl + pathname);
    await page.locator('.review-app[data-hydrated]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('the built client never holds an answer key', () => {
  const clientDir = path.join(repoRoot, 'dist/client');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  const quizzesDir = path.join(repoRoot, 'src/content/quizzes');

  /** Every explanation of every bank (right answers, wrong options, true-false, numeric mistakes), both languages. */
  function explanations(): string[] {
    const texts: string[] = [];
    const collect = (value: unknown, key: string | null) => {
      if (Array.isArray(value)) value.forEach((item) => collect(item, null));
      else if (value && typeof value === 'object') {
        for (const [name, inner] of Object.entries(value)) {
          if ((name === 'explanation' || name === 'wrongExplanation') && inner && typeof inner === 'object') texts.push(...Object.values(inner as Record<string, string>));
          else collect(inner, name);
        }
      }
      void key;
    };
    for (const file of readdirSync(quizzesDir).filter((name) => /\.(ya?ml|json)$/.test(name))) collect(parse(readFileSync(path.join(quizzesDir, file), 'utf8')), null);
    return texts;
  }

  /**
   * How the start of a sentence may be written in a build: as is, JSON-escaped (once or twice), HTML-escaped.
   * The first 24 characters are enough to recognise it, whatever escaping comes later.
   */
  function writtenForms(text: string): string[] {
    const probe = text.slice(0, 24);
    const json = JSON.stringify(probe).slice(1, -1);
    // JSON inside a JS string (Astro's data layer) is escaped twice.
    const twice = JSON.stringify(json).slice(1, -1);
    return [probe, json, twice, probe.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&#39;')];
  }

  it('no explanation of any bank appears in any client script or in the quiz and review pages', () => {
    const texts = explanations();
    expect(texts.length).toBeGreaterThan(100);
    const scanned = files(clientDir).filter((file) => file.endsWith('.js') || /\/(quiz|review)\/index\.html$/.test(file));
    expect(scanned.filter((file) => file.endsWith('.html')).length).toBeGreaterThanOrEqual(4);
    expect(scanned.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const file of scanned) {
      const content = readFileSync(file, 'utf8');
      for (const text of texts) if (writtenForms(text).some((form) => content.includes(form))) leaks.push(`${path.relative(clientDir, file)}: ${text.slice(0, 24)}`);
    }
    expect(leaks).toEqual([]);
    // The same probes do find the banks where they belong, in the server build: the scan can see a leak.
    const serverFiles = files(path.join(repoRoot, 'dist/server')).filter((file) => file.endsWith('.mjs'));
    const serverText = serverFiles.map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(texts.filter((text) => !writtenForms(text).some((form) => serverText.includes(form)))).toEqual([]);
  });
});
