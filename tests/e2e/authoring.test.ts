/**
 * A trainer's own material as a narrated module, in Chromium against the built server: the trainer
 * imports a small Japanese deck (with a picture, which the preview and the learner's page show),
 * edits a sentence (autosaved), adds three questions, publishes and assigns it; a learner joins,
 * opens the lesson with its player, marks it done, takes the test and passes, sees the module's
 * progress in the course list, listens to it in listen mode and reads it in English; the
 * dashboard shows the result. No CSP violation or script error on the way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePptx, PNG_1X1 } from '../unit/authoring/officeFixtures.ts';
import { seriousViolations } from './support/axe.ts';
import { collectPageErrors, hydrated, launchBrowser } from './support/browser.ts';
import { createTrainers, startServer, type RunningServer } from './support/server.ts';
import { withSlowSpeech } from './support/speech.ts';

const EMAIL = 'e2e-author@example.com';
const COLLEAGUE = 'e2e-colleague@example.com';
const PASSWORD = 'e2e password 456';
const SHOTS = process.env.LTV_SCREENSHOTS ?? '';

let dataDir: string;
let server: RunningServer;
let browser: Browser;
let trainerContext: BrowserContext;
let learnerContext: BrowserContext;
let trainer: Page;
let learner: Page;
let errors: string[];
let editorUrl = '';
let cohortUrl = '';
let inviteLink = '';
let listenPath = '';

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};

/** The deck's picture shows on the page: stored with the module, served to this reader, allowed by the page's CSP. */
async function expectSlidePicture(page: Page): Promise<void> {
  const picture = page.locator('.prose img');
  expect(await picture.count()).toBe(1);
  expect(await picture.getAttribute('alt')).toBe('継続率のグラフ');
  expect(await picture.getAttribute('src')).toMatch(/^\/api\/custom-images\/[0-9a-f-]{36}$/);
  await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ltv-e2e-authoring-'));
  createTrainers(dataDir, [
    { email: EMAIL, password: PASSWORD, name: '資料 担当' },
    { email: COLLEAGUE, password: PASSWORD, name: '同僚 講師' },
  ]);
  server = await startServer({ LTV_DATA_DIR: dataDir });
  browser = await launchBrowser();
  trainerContext = await browser.newContext({ locale: 'ja-JP' });
  learnerContext = await browser.newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 } });
  await withSlowSpeech(learnerContext);
  trainer = await trainerContext.newPage();
  learner = await learnerContext.newPage();
  errors = [...collectPageErrors(trainer), ...collectPageErrors(learner)];
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, email: string) {
  await page.goto(`${server.baseUrl}/trainer/login/`);
  await hydrated(page);
  await page.fill('#login-email', email);
  await page.fill('#login-password', PASSWORD);
  await page.click('[data-testid=login-form] button[type=submit]');
  await page.waitForSelector('[data-testid=create-cohort]');
}

async function fillQuestion(page: Page, number: number) {
  const card = page.locator('.question-editor').nth(number - 1);
  await card.locator(`#q-${number}-prompt`).fill(`問${number}：提案で最初に確かめることは？`);
  await card.getByLabel('選択肢 1', { exact: true }).fill('お客様の課題');
  await card.getByLabel('選択肢 2', { exact: true }).fill('値引きの幅');
  await card.getByLabel('この選択肢の解説 2').fill('値引きは課題を確かめてからです。');
  await card.getByLabel('選択肢 3', { exact: true }).fill('競合の悪口');
  await card.getByLabel('この選択肢の解説 3').fill('信頼を損ないます。');
  await card.locator(`#q-${number}-explanation`).fill('まず御社の課題を確かめます。');
}

describe('authoring', () => {
  it('the trainer imports a deck and edits a sentence (autosaved)', async () => {
    await signIn(trainer, EMAIL);
    await trainer.goto(`${server.baseUrl}/trainer/modules/`);
    await hydrated(trainer);
    const deck = await makePptx(
      [
        {
          title: '御社向けのご提案',
          bullets: ['継続率を上げる三つの施策', ['解約理由を聞く', 1]],
          notes: 'おんしゃ向けのご提案です。',
          pictures: [{ name: '図 1', descr: '継続率のグラフ', media: { file: 'image1.png', bytes: PNG_1X1 } }],
        },
        {},
        { title: '料金', bullets: ['月額5,000円から'] },
      ],
      { title: '提案デッキ' },
    );
    await trainer.setInputFiles('#module-file', { name: '提案.pptx', mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', buffer: Buffer.from(deck) });
    await trainer.click('[data-testid=create-module] button[type=submit]');
    await trainer.waitForSelector('[data-testid=module-editor]');
    editorUrl = trainer.url();
    await hydrated(trainer);
    expect(await trainer.locator('.section-editor').count()).toBe(2);
    const text = trainer.locator('.section-editor').nth(1).locator('textarea').first();
    expect(await text.inputValue()).toBe('月額5,000円から');
    await text.fill('月額5,000円からご利用いただけます。');
    await trainer.waitForSelector('[data-testid=save-status][data-state=saved]');
    await trainer.reload();
    await hydrated(trainer);
    expect(await trainer.locator('.section-editor').nth(1).locator('textarea').first().inputValue()).toBe('月額5,000円からご利用いただけます。');
  });

  it('adds three questions, publishes, and previews the lesson with its player', async () => {
    for (let n = 1; n <= 3; n++) {
      await trainer.click('.quiz-editor button:has-text("問題を追加")');
      await fillQuestion(trainer, n);
    }
    await trainer.click('[data-testid=save-quiz]');
    await trainer.waitForSelector('.quiz-editor__message:has-text("テストを保存しました")');
    await shot(trainer, 'editor-desktop');
    await trainer.click('[data-testid=publish]');
    await trainer.waitForSelector('[data-testid=publish-panel] [role=status]:has-text("第1版")');

    const preview = await trainerContext.newPage();
    await preview.goto(new URL(await trainer.getAttribute('[data-testid=preview-link]', 'href') ?? '', server.baseUrl).toString());
    await hydrated(preview);
    expect(await preview.textContent('.lesson__header h1')).toBe('提案デッキ');
    expect(await preview.textContent('.prose')).toContain('月額5,000円からご利用いただけます。');
    await expectSlidePicture(preview);
    expect(await preview.locator('.player, [data-testid=player], .lesson-player').count()).toBeGreaterThan(0);
    await preview.close();
  });

  it('assigns the published module to a new cohort', async () => {
    await trainer.goto(`${server.baseUrl}/trainer/`);
    await hydrated(trainer);
    await trainer.fill('#cohort-name', '営業4課 自作');
    await trainer.click('[data-testid=create-cohort] button[type=submit]');
    await trainer.waitForSelector('[data-testid=assign-form]');
    cohortUrl = trainer.url();
    await hydrated(trainer);
    const moduleId = editorUrl.split('/').filter(Boolean).pop();
    await trainer.check(`input[data-module="cm-${moduleId}"]`);
    await trainer.fill('#assign-pass', '60');
    await trainer.fill('#assign-count', '3');
    await trainer.click('[data-testid=assign-form] button[type=submit]');
    await trainer.waitForSelector('.notice[role=status]');
    inviteLink = await trainer.inputValue('[data-testid=invite-link]');
  });

  it('a learner joins, opens the lesson with the player, and passes the test', async () => {
    await learner.goto(inviteLink);
    await hydrated(learner);
    await learner.fill('#join-name', '佐藤 花子');
    await learner.click('[data-testid=join-form] button[type=submit]');
    await learner.click('[data-testid=go-to-assignments]');
    await learner.waitForSelector('[data-testid=open-lesson]');
    await learner.click('[data-testid=open-lesson]');
    await learner.waitForSelector('.prose');
    await hydrated(learner);
    await shot(learner, 'lesson-phone');
    expect(await learner.textContent('.prose')).toContain('ご利用いただけます');
    await expectSlidePicture(learner);
    // Its only lesson done, the module is finished: the message leads to its test, named as such.
    expect(await learner.locator('[data-testid=module-finished]').count()).toBe(0);
    await learner.click('[data-testid=mark-done]');
    await learner.waitForSelector('[data-testid=mark-done][aria-pressed=true]');
    const toTest = learner.getByTestId('module-finished').getByRole('link', { name: 'テストを受ける：「提案デッキ」' });
    expect(await toTest.getAttribute('href')).toBe(await learner.getAttribute('[data-testid=take-test]', 'href'));
    // One lesson: no previous or next.
    expect(await learner.locator('.pager a').count()).toBe(0);
    await learner.click('[data-testid=take-test]');
    await learner.waitForSelector('[data-testid=test-form]');
    const cards = learner.locator('[data-question]');
    expect(await cards.count()).toBe(3);
    for (let i = 0; i < 3; i++) await cards.nth(i).locator('label.quiz-option', { hasText: 'お客様の課題' }).locator('input').check();
    await learner.click('[data-testid=submit-test]');
    await learner.waitForSelector('[data-testid=test-review][data-passed=true]', { timeout: 20_000 });
  });

  it('the course list shows the module’s progress, and listen mode plays it on', async () => {
    await learner.goto(`${server.baseUrl}/learn/`);
    await hydrated(learner);
    const module = learner.locator('[data-custom-module]');
    const meter = module.getByRole('progressbar', { name: '1 / 1 レッスン完了' });
    await expect.poll(() => meter.getAttribute('aria-valuenow')).toBe('1');
    await module.getByRole('link', { name: 'テストを受ける：「提案デッキ」' }).waitFor();
    await shot(learner, 'learn-home-phone');
    expect(await seriousViolations(learner)).toEqual([]);
    await module.getByRole('link', { name: '聴いて学ぶ：「提案デッキ」' }).click();
    await learner.waitForURL(/\/learn\/listen\/[0-9a-f-]{36}\/$/);
    listenPath = new URL(learner.url()).pathname;
    await learner.locator('astro-island:not([ssr]) [data-testid="listen-dock"]').waitFor();
    expect(await learner.locator('.listen__lesson h3').allInnerTexts()).toEqual(['提案デッキ']);
    await learner.getByTestId('listen-start').click();
    await expect.poll(() => learner.getByTestId('listen-toggle').getAttribute('aria-label')).toBe('一時停止');
    expect(await learner.getByTestId('listen-title').innerText()).toBe('提案デッキ');
    expect(await learner.locator('[data-listen-lesson][aria-current="true"]').count()).toBe(1);
    await shot(learner, 'listen-phone');
    expect(await seriousViolations(learner)).toEqual([]);
    // Reading the lesson while it plays: the dock comes along and keeps playing.
    await learner.locator('.listen__lesson a').first().click();
    await learner.waitForSelector('.prose');
    expect(await learner.getByTestId('listen-dock').count()).toBe(1);
    expect(await learner.getByTestId('listen-toggle').getAttribute('aria-label')).toBe('一時停止');
    await learner.getByTestId('listen-toggle').click();
  });

  it('the learner reads the module in English, and nobody else can open its listen page', async () => {
    const ja = learner.url();
    await learner.goto(`${server.baseUrl}/learn/lessons/${ja.split('/lessons/')[1]}`);
    await hydrated(learner);
    await learner.click('[data-testid=lang-switch]');
    await learner.waitForURL(/\/en\/learn\/lessons\/cm-/);
    await hydrated(learner);
    expect(await learner.getAttribute('html', 'lang')).toBe('en');
    expect(await learner.textContent('.lesson__header h1')).toBe('提案デッキ');
    // Only the lesson's own words carry its language; "1 / 1" around them is the page's.
    expect(await learner.locator('.lesson__module').getAttribute('lang')).toBeNull();
    expect(await learner.locator('.lesson__module [lang]').evaluateAll((spans) => spans.map((span) => [span.getAttribute('lang'), span.textContent]))).toEqual([['ja', '提案デッキ']]);
    expect(await learner.getByRole('link', { name: '← Back to my assignments' }).getAttribute('href')).toBe('/en/learn/');
    expect(await learner.getByTestId('mark-done').innerText()).toBe('✓ Done');
    expect(await learner.getByRole('link', { name: 'Listen to module: 提案デッキ' }).getAttribute('href')).toBe(`/en${listenPath}`);
    await shot(learner, 'lesson-en-phone');
    expect(await seriousViolations(learner)).toEqual([]);
    // Its test on the English page: the page's words in English, the module's questions marked Japanese.
    await learner.click('[data-testid=take-test]');
    await learner.waitForSelector('[data-testid=test-form]');
    expect(await learner.locator('.quiz-prompt').evaluateAll((prompts) => prompts.map((prompt) => prompt.getAttribute('lang')))).toEqual(['ja', 'ja', 'ja']);
    expect(await learner.locator('.quiz-question__heading').first().innerText()).toMatch(/^Question 1/);
    expect(await learner.locator('.quiz-question__heading').first().evaluate((heading) => heading.closest('[lang]')?.getAttribute('lang'))).toBe('en');
    expect(await seriousViolations(learner)).toEqual([]);
    // The English course list marks the Japanese module's titles as Japanese (screen readers switch voice).
    await learner.goto(`${server.baseUrl}/en/learn/`);
    await hydrated(learner);
    expect(await learner.locator('[data-custom-module] h3').getAttribute('lang')).toBe('ja');
    expect(await learner.locator('[data-custom-module] .lesson-list a').first().getAttribute('lang')).toBe('ja');
    expect(await learner.locator('.my-assignments__title').first().getAttribute('lang')).toBe('ja');
    await learner.goto(`${server.baseUrl}/en${listenPath}`);
    await learner.locator('astro-island:not([ssr]) [data-testid="listen-dock"]').waitFor();
    expect(await learner.textContent('h1')).toBe('Listen: 提案デッキ');

    const outsider = await browser.newContext();
    const page = await outsider.newPage();
    await page.goto(`${server.baseUrl}${listenPath}`);
    expect(new URL(page.url()).pathname).toBe('/learn/');
    await page.goto(`${server.baseUrl}/en${listenPath}`);
    expect(new URL(page.url()).pathname).toBe('/en/learn/');
    await outsider.close();
  });

  it('the dashboard shows the result', async () => {
    await trainer.goto(cohortUrl);
    const cell = trainer.locator('[data-testid=matrix] td[data-status=passed]');
    await expect.poll(() => cell.count()).toBe(1);
    expect(await trainer.locator('[data-testid=item-analysis] tbody tr').count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it('the language switch opens the English editor and preview, and an English import stays in English', async () => {
    await trainer.goto(editorUrl);
    await trainer.click('[data-testid=lang-switch]');
    await trainer.waitForSelector('[data-testid=module-editor]');
    await hydrated(trainer);
    expect(new URL(trainer.url()).pathname).toBe(`/en${new URL(editorUrl).pathname}`);
    expect(await trainer.getAttribute('html', 'lang')).toBe('en');
    expect(await trainer.locator('.section-editor label', { hasText: 'Text (Markdown)' }).count()).toBe(2);
    expect(await trainer.textContent('[data-testid=save-status]')).toBe('Saved');
    const previewHref = (await trainer.getAttribute('[data-testid=preview-link]', 'href')) ?? '';
    expect(previewHref).toMatch(/^\/en\/trainer\/modules\/[^/]+\/lessons\/[^/]+\/$/);
    for (const width of [390, 1280]) {
      await trainer.setViewportSize({ width, height: 900 });
      await shot(trainer, `editor-en-${width}`);
      expect(await trainer.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }

    await trainer.goto(new URL(previewHref, server.baseUrl).toString());
    await hydrated(trainer);
    expect(await trainer.textContent('.authoring-banner')).toContain('only the module');
    expect(await trainer.getAttribute('.lesson__header h1', 'lang')).toBe('ja');
    expect(await trainer.getAttribute('.back-link', 'href')).toBe(new URL(trainer.url()).pathname.replace(/lessons\/[^/]+\/$/, ''));
    await trainer.click('[data-testid=lang-switch]');
    await trainer.waitForSelector('.authoring-banner');
    expect(new URL(trainer.url()).pathname).toBe(new URL(previewHref, server.baseUrl).pathname.slice(3));

    await trainer.goto(editorUrl.replace(new URL(editorUrl).pathname, `/en${new URL(editorUrl).pathname}`));
    await hydrated(trainer);
    await trainer.fill('#share-email', 'nobody@example.com');
    await trainer.click('[data-testid=share-panel] button[type=submit]');
    await trainer.waitForSelector('[data-testid=share-panel] [role=status]:has-text("No trainer signs in with nobody@example.com")');
    await trainer.fill('#share-email', COLLEAGUE);
    await trainer.click('[data-testid=share-panel] button[type=submit]');
    await trainer.waitForSelector('[data-testid=share-panel] li:has-text("同僚 講師")');
    await trainer.setViewportSize({ width: 390, height: 900 });
    await trainer.locator('[data-testid=share-panel]').screenshot({ path: SHOTS ? path.join(SHOTS, 'share-panel-390.png') : undefined });

    await trainer.goto(`${server.baseUrl}/en/trainer/modules/`);
    await hydrated(trainer);
    await trainer.click('[data-testid=create-module] summary');
    await trainer.fill('#module-name', 'Pricing basics');
    await trainer.selectOption('#module-locale', 'en');
    await trainer.fill('#module-markdown', '# Pricing\n\n## Plans\n\nFrom 5,000 yen a month.');
    await trainer.click('[data-testid=create-module] button[type=submit]');
    await trainer.waitForURL(/\/en\/trainer\/modules\/[0-9a-f-]{36}\/$/);
    await trainer.waitForSelector('[data-testid=module-editor]');
    expect(await trainer.textContent('h1')).toBe('Pricing basics');
    expect(errors).toEqual([]);
  });

  it('a trainer the module is shared with sees it read-only and can preview it', async () => {
    const colleagueContext = await browser.newContext({ locale: 'ja-JP' });
    const colleague = await colleagueContext.newPage();
    errors.push(...collectPageErrors(colleague));
    await signIn(colleague, COLLEAGUE);
    await colleague.goto(`${server.baseUrl}/trainer/modules/`);
    const item = colleague.locator('.module-list__item', { hasText: '提案デッキ' });
    expect(await item.textContent()).toContain('資料 担当 さんから共有');
    expect(await item.textContent()).toContain('日本語');
    await item.locator('a').click();
    await colleague.waitForSelector('[data-testid=shared-module]');
    expect(await colleague.locator('[data-testid=module-editor], [data-testid=share-panel]').count()).toBe(0);
    // Who may assign the module may also hand it to an LMS: the published version's package.
    const download = colleague.locator('[data-testid=custom-package-download]');
    expect(await download.locator('a, button').count()).toBeGreaterThan(0);
    await colleague.locator('[data-testid=shared-module] a').first().click();
    await colleague.waitForSelector('.authoring-banner');
    expect(await colleague.textContent('.prose')).toContain('ご利用いただけます');
    await colleagueContext.close();
    expect(errors).toEqual([]);
  });
});
