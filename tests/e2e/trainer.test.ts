/**
 * Trainer and learner in Chromium against the built server: the trainer (created with
 * `npm run trainer:create`) signs in, creates a cohort and assigns a lesson; a learner in a second
 * browser joins by the invite link, takes the test (answers worked out here from the bank file on
 * disk, never from the browser), submits while offline, and passes once back online; the trainer's
 * dashboard then shows the score and the item analysis, and passes an axe scan.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { computeFormula } from '../../src/lib/quiz/formulas.ts';
import { bankSchema, type Question } from '../../src/lib/quiz/schema.ts';
import { seriousViolations } from './support/axe.ts';
import { collectPageErrors, hydrated, launchBrowser } from './support/browser.ts';
import { createTrainers, repoRoot, startServer, type RunningServer } from './support/server.ts';

const EMAIL = 'e2e-trainer@example.com';
const PASSWORD = 'e2e password 123';
const bank = bankSchema.parse(parse(readFileSync(path.join(repoRoot, 'src/content/quizzes/clv-formula.yaml'), 'utf8')));

let dataDir: string;
let server: RunningServer;
let browser: Browser;
let trainerContext: BrowserContext;
let learnerContext: BrowserContext;
let trainer: Page;
let learner: Page;
let errors: string[];
let cohortUrl = '';
let inviteLink = '';


/** An axe scan of `url` in a new tab of the same (signed-in) browser, under the app's real CSP. */
async function axeScan(context: BrowserContext, url: string) {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await hydrated(page);
    return await seriousViolations(page);
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ltv-e2e-'));
  createTrainers(dataDir, [{ email: EMAIL, password: PASSWORD, name: '研修 担当' }]);
  server = await startServer({ LTV_DATA_DIR: dataDir });
  browser = await launchBrowser();
  trainerContext = await browser.newContext({ locale: 'ja-JP' });
  learnerContext = await browser.newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 } });
  trainer = await trainerContext.newPage();
  learner = await learnerContext.newPage();
  errors = [...collectPageErrors(trainer), ...collectPageErrors(learner)];
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The numbers of a calculated question, read back from its prompt with the bank's template. */
function drawnParameters(question: Extract<Question, { type: 'calculated' }>, prompt: string): Record<string, number> {
  const names: string[] = [];
  const pattern = question.prompt.ja.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '(.+?)';
  });
  const match = new RegExp(`^${pattern}$`).exec(prompt.trim());
  if (!match) throw new Error(`prompt does not follow the template of ${question.id}: ${prompt}`);
  return Object.fromEntries(
    names.map((name, i) => {
      const text = (match[i + 1] as string).replace(/[￥¥,円%]/g, '');
      const value = Number(text);
      return [name, question.parameters[name]?.format === 'percent' ? value / 100 : value];
    }),
  );
}

/** Answers one question card correctly, from the bank. */
async function answer(page: Page, question: Question): Promise<void> {
  const card = page.locator(`[data-question="${question.id}"]`);
  const option = (text: string) => card.locator('label.quiz-option', { hasText: text }).first();
  switch (question.type) {
    case 'single':
    case 'scenario':
      return option(question.options.find((candidate) => candidate.id === question.answer)!.text.ja).locator('input').check();
    case 'multiple':
      for (const id of question.answer) await option(question.options.find((candidate) => candidate.id === id)!.text.ja).locator('input').check();
      return;
    case 'true-false':
      return option(question.answer ? '正しい' : '誤り').locator('input').check();
    case 'numeric':
      return card.locator('input[type=text]').fill(String(question.answer));
    case 'calculated': {
      const prompt = (await card.locator('.quiz-prompt').textContent()) ?? '';
      const value = computeFormula(question.formula, question.inputs, drawnParameters(question, prompt));
      return card.locator('input[type=text]').fill(String(Math.round(value * 100) / 100));
    }
    case 'ordering':
      // Bring each step to its place from the top, with the Up buttons.
      for (let target = 0; target < question.steps.length; target++) {
        const texts = await card.locator('.quiz-order__text').allTextContents();
        const at = texts.indexOf(question.steps[target]!.text.ja);
        for (let position = at; position > target; position--) {
          await card.locator('.quiz-order__item').nth(position).locator('button[data-direction=up]').click();
        }
      }
  }
}

describe('trainer and learner', () => {
  it('the trainer signs in, creates a cohort and assigns a lesson', async () => {
    await trainer.goto(`${server.baseUrl}/trainer/`);
    await trainer.waitForURL(/\/trainer\/login\/$/);
    await hydrated(trainer);
    await trainer.fill('#login-email', EMAIL);
    await trainer.fill('#login-password', PASSWORD);
    await trainer.click('[data-testid=login-form] button[type=submit]');
    await trainer.waitForSelector('[data-testid=create-cohort]');
    await hydrated(trainer);
    await trainer.fill('#cohort-name', '営業3課 E2E');
    await trainer.click('[data-testid=create-cohort] button[type=submit]');
    await trainer.waitForSelector('[data-testid=assign-form]');
    cohortUrl = trainer.url();
    await hydrated(trainer);
    await trainer.check('input[data-lesson=clv-formula]');
    await trainer.fill('#assign-pass', '80');
    await trainer.click('[data-testid=assign-form] button[type=submit]');
    await trainer.waitForSelector('.notice[role=status]');
    expect(await trainer.locator('.assigned-list').textContent()).toContain('CLV');
    inviteLink = await trainer.inputValue('[data-testid=invite-link]');
    expect(inviteLink).toMatch(/\/join\/[\w-]{32}\/$/);
  });

  it('a learner joins by the link in another browser and gets a resume code', async () => {
    await learner.goto(inviteLink);
    await hydrated(learner);
    await learner.fill('#join-name', '山田 一郎');
    await learner.click('[data-testid=join-form] button[type=submit]');
    expect(await learner.textContent('[data-testid=resume-code]')).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    await learner.click('[data-testid=go-to-assignments]');
    await learner.waitForSelector('.my-assignments__item[data-lesson=clv-formula]');
  });

  it('the learner takes the test, submits offline, and passes when back online', async () => {
    await learner.click('.my-assignments__item[data-lesson=clv-formula] a');
    await learner.waitForSelector('[data-testid=test-form]');
    const ids = await learner.locator('[data-question]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-question') ?? ''));
    expect(ids).toHaveLength(5);
    for (const id of ids) await answer(learner, bank.questions.find((question) => question.id === id)!);

    await learnerContext.setOffline(true);
    await learner.click('[data-testid=submit-test]');
    await learner.waitForSelector('[data-testid=delivery-status][data-delivery=offline], [data-testid=delivery-status][data-delivery=network]');
    expect(await learner.textContent('[data-testid=delivery-status]')).toContain('オフライン');
    const queued = await learner.evaluate(() => localStorage.getItem('ltv-dojo:submissions'));
    expect(JSON.parse(queued ?? '{}').items).toHaveLength(1);

    await learnerContext.setOffline(false);
    await learner.waitForSelector('[data-testid=test-review][data-passed=true]', { timeout: 20_000 });
    expect(await learner.textContent('[data-testid=test-score]')).toContain('5 / 5点');
    expect(await learner.evaluate(() => JSON.parse(localStorage.getItem('ltv-dojo:submissions') ?? '{}').items)).toEqual([]);
  });

  it('the trainer’s dashboard shows the score and the item analysis, and passes axe', async () => {
    await trainer.goto(cohortUrl);
    const cell = trainer.locator('[data-testid=matrix] td[data-status=passed]');
    await expect.poll(() => cell.count()).toBe(1);
    expect(await cell.textContent()).toContain('100%');
    expect(await trainer.textContent('[data-testid=progress-text]')).toContain('1 / 1');
    expect(await trainer.locator('[data-testid=item-analysis] tbody tr').count()).toBe(5);
    expect(await axeScan(trainerContext, cohortUrl)).toEqual([]);
    expect(await axeScan(learnerContext, `${server.baseUrl}/learn/`)).toEqual([]);
    // No CSP violation, no script error anywhere on the way.
    expect(errors).toEqual([]);
  });
});
